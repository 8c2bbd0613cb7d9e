/* test-exam-session.c — the two sessions, malformed files, a third session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-data-dirs.h"
#include "bk-dates.h"
#include "bk-exam-session.h"

static BkExamSession *
load (const char *id)
{
  g_autoptr (GError) error = NULL;
  BkExamSession *session = bk_exam_session_load (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static void
assert_time (GDateTime *time, const char *expected)
{
  g_autoptr (GDateTime) want = g_date_time_new_from_iso8601 (expected, NULL);

  g_assert_nonnull (time);
  g_assert_nonnull (want);
  g_assert_true (g_date_time_equal (time, want));
  /* Asia/Shanghai, whatever the machine's zone. */
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 8 * G_TIME_SPAN_HOUR);
}

static void
assert_window (BkExamSession *session, const char *step, const char *start, const char *end)
{
  const BkExamWindow *w = bk_exam_session_get_window (session, step);

  g_test_message ("window %s", step);
  g_assert_nonnull (w);
  if (w == NULL)
    return;
  assert_time (w->start, start);
  if (end != NULL)
    assert_time (w->end, end);
  else
    g_assert_null (w->end);
}

static void
assert_subject (BkExamSession *session,
                guint level,
                guint number,
                const char *name_zh,
                gboolean subjective,
                const char *start,
                const char *end,
                guint64 fee_fen)
{
  const BkExamSubject *s = bk_exam_session_get_subject (session, level, number);

  g_assert_nonnull (s);
  g_assert_cmpstr (s->name_zh, ==, name_zh);
  g_assert_nonnull (s->name_en);
  g_assert_cmpint (s->subjective, ==, subjective);
  assert_time (s->start, start);
  assert_time (s->end, end);
  g_assert_cmpfloat (s->full_score, >, 0);
  g_assert_cmpuint (s->fee_fen, ==, fee_fen);
}

/* Venues with rooms and seats, the rules and stationery printed on the
 * ticket, and the key that checks its signature. */
static void
assert_ticket_data (BkExamSession *s, const char *province_code)
{
  GPtrArray *venues = bk_exam_session_get_venues (s);
  const char *const *rules = bk_exam_session_get_candidate_rules (s, TRUE);
  const guint8 *key = bk_exam_session_get_ticket_public_key (s);
  guint nonzero = 0;

  g_assert_cmpuint (venues->len, >=, 1);
  for (guint i = 0; i < venues->len; i++)
    {
      const BkExamVenue *v = venues->pdata[i];

      g_assert_cmpuint (v->number, ==, i + 1);
      g_assert_true (bk_exam_session_get_venue_by_number (s, i + 1) == v);
      g_assert_nonnull (v->name_zh);
      g_assert_nonnull (v->address_en);
      g_assert_cmpuint (v->rooms, >=, 1);
      g_assert_cmpuint (v->seats_per_room, >=, 1);
      g_assert_cmpuint (bk_exam_venue_get_capacity (v), ==, v->rooms * v->seats_per_room);
      /* The seeds name no venue: the file says these are invented. */
      g_assert_nonnull (strstr (v->note, "Invented"));
    }
  g_assert_null (bk_exam_session_get_venue_by_number (s, 0));
  g_assert_null (bk_exam_session_get_venue_by_number (s, venues->len + 1));

  g_assert_cmpuint (g_strv_length ((GStrv) rules), >=, 5);
  g_assert_nonnull (strstr (rules[0], "准考证"));
  g_assert_cmpuint (g_strv_length ((GStrv) bk_exam_session_get_candidate_rules (s, FALSE)), ==,
                    g_strv_length ((GStrv) rules));
  g_assert_cmpstr (bk_exam_session_get_stationery (s, TRUE), ==,
                   "黑色墨水笔、2B铅笔、橡皮、直尺和无声无文本编辑功能的计算器");
  g_assert_cmpstr (bk_exam_session_get_province_code (s), ==, province_code);
  for (guint i = 0; i < 32; i++)
    nonzero += key[i] != 0;
  g_assert_cmpuint (nonzero, >, 16);
}

static void
test_liaoning (void)
{
  g_autoptr (BkExamSession) s = load ("liaoning-2020");
  GPtrArray *points;
  char buf[16];
  static const char *const phones[] = {
    "024-22866188", "0411-84618283", "0412-5517323", "024-58303599", "024-42811006",
    "0415-3192768", "0416-2118792",  "0417-2988605", "0418-2680093", "0419-4136266",
    "0427-2826034", "024-74830136",  "0421-2653199", "0429-6660762", "024-12333-0",
  };

  g_assert_cmpstr (bk_exam_session_get_id (s), ==, "liaoning-2020");
  g_assert_cmpuint (bk_exam_session_get_exam_year (s), ==, 2020);
  g_assert_cmpstr (bk_dates_format (bk_exam_session_get_cutoff (s), buf), ==, "2020-12-31");
  g_assert_cmpfloat (bk_exam_session_get_pass_mark_percent (s), ==, 60);
  g_assert_false (bk_exam_session_is_free (s));

  assert_subject (s, 1, 1, "计量法律法规及综合知识", FALSE, "2020-11-07T09:00:00+08:00",
                  "2020-11-07T11:30:00+08:00", 7000);
  assert_subject (s, 1, 2, "测量数据处理与计量专业实务", FALSE, "2020-11-07T14:00:00+08:00",
                  "2020-11-07T16:30:00+08:00", 7000);
  assert_subject (s, 1, 3, "计量专业案例分析", TRUE, "2020-11-08T09:00:00+08:00",
                  "2020-11-08T12:00:00+08:00", 7500);
  assert_subject (s, 2, 1, "计量法律法规及综合知识", FALSE, "2020-11-07T09:00:00+08:00",
                  "2020-11-07T11:30:00+08:00", 6800);
  assert_subject (s, 2, 2, "计量专业实务与案例分析", FALSE, "2020-11-07T14:00:00+08:00",
                  "2020-11-07T16:30:00+08:00", 6800);
  g_assert_null (bk_exam_session_get_subject (s, 2, 3));
  g_assert_cmpuint (bk_exam_session_get_subjects (s, 1)->len, ==, 3);
  g_assert_cmpuint (bk_exam_session_get_subjects (s, 2)->len, ==, 2);

  g_assert_cmpuint (bk_exam_session_get_fee_fen (s, 1, BK_EXAM_MODE_ALL), ==, 21500);
  g_assert_cmpuint (bk_exam_session_get_fee_fen (s, 1, BK_EXAM_MODE_EXEMPT), ==, 14500);
  g_assert_cmpuint (bk_exam_session_get_fee_fen (s, 2, BK_EXAM_MODE_ALL), ==, 13600);
  g_assert_cmpuint (bk_exam_session_get_fee_fen (s, 2, BK_EXAM_MODE_EXEMPT), ==, 6800);
  g_assert_cmpuint (bk_exam_session_get_exempt_subject (s, 1), ==, 1);
  g_assert_cmpuint (bk_exam_session_get_exempt_subject (s, 2), ==, 2);

  g_assert_cmpuint (bk_exam_session_get_score_window_years (s, 1, BK_EXAM_MODE_ALL), ==, 3);
  g_assert_cmpuint (bk_exam_session_get_score_window_years (s, 1, BK_EXAM_MODE_EXEMPT), ==, 2);
  g_assert_cmpuint (bk_exam_session_get_score_window_years (s, 2, BK_EXAM_MODE_ALL), ==, 2);
  g_assert_cmpuint (bk_exam_session_get_score_window_years (s, 2, BK_EXAM_MODE_EXEMPT), ==, 1);

  /* "24 Aug 24:00" is the first moment of 25 Aug. */
  assert_window (s, "register", "2020-08-14T09:00:00+08:00", "2020-08-25T00:00:00+08:00");
  assert_window (s, "verification", "2020-08-14T00:00:00+08:00", "2020-08-26T00:00:00+08:00");
  assert_window (s, "payment", "2020-08-14T09:00:00+08:00", "2020-08-27T00:00:00+08:00");
  assert_window (s, "ticket-printing", "2020-10-31T09:00:00+08:00", "2020-11-07T00:00:00+08:00");
  assert_window (s, "exam", "2020-11-07T09:00:00+08:00", "2020-11-08T12:00:00+08:00");
  g_assert_null (bk_exam_session_get_window (s, "spot-check-review"));
  {
    const BkExamWindow *register_window = bk_exam_session_get_window (s, "register");
    g_autoptr (GDateTime) last = g_date_time_new_from_iso8601 ("2020-08-24T23:59:59+08:00", NULL);
    g_autoptr (GDateTime) late = g_date_time_new_from_iso8601 ("2020-08-25T00:00:00+08:00", NULL);
    g_autoptr (GDateTime) early = g_date_time_new_from_iso8601 ("2020-08-14T08:59:59+08:00", NULL);

    g_assert_true (bk_exam_window_contains (register_window, last));
    g_assert_false (bk_exam_window_contains (register_window, late));
    g_assert_false (bk_exam_window_contains (register_window, early));
  }

  points = bk_exam_session_get_points (s);
  g_assert_cmpuint (points->len, ==, 15);
  for (guint i = 0; i < points->len; i++)
    {
      const BkExamPoint *p = points->pdata[i];

      g_assert_nonnull (p->name);
      g_assert_nonnull (p->address);
      g_assert_nonnull (p->city);
      g_assert_cmpstr (p->phones[0], ==, phones[i]);
    }
  g_assert_cmpstr (((BkExamPoint *) points->pdata[14])->name, ==, "辽宁省人事考试中心");
  g_assert_cmpstr (((BkExamPoint *) points->pdata[14])->city, ==, "省直");
  g_assert_cmpuint (bk_exam_session_get_n_venues (s), ==, 2);
  assert_ticket_data (s, "21");
}

static void
test_shanghai (void)
{
  g_autoptr (BkExamSession) s = load ("shanghai-2026");
  const BkExamPoint *p;

  g_assert_cmpuint (bk_exam_session_get_exam_year (s), ==, 2026);
  g_assert_true (bk_exam_session_is_free (s));
  g_assert_cmpfloat (bk_exam_session_get_pass_mark_percent (s), ==, 60);
  for (guint level = 1; level <= 2; level++)
    {
      g_assert_cmpuint (bk_exam_session_get_fee_fen (s, level, BK_EXAM_MODE_ALL), ==, 0);
      g_assert_cmpuint (bk_exam_session_get_fee_fen (s, level, BK_EXAM_MODE_EXEMPT), ==, 0);
    }

  assert_window (s, "register", "2026-04-07T10:00:00+08:00", "2026-04-13T16:00:00+08:00");
  assert_window (s, "verification", "2026-04-07T10:00:00+08:00", "2026-04-14T16:00:00+08:00");
  assert_window (s, "spot-check-review", "2026-04-15T00:00:00+08:00", "2026-04-17T00:00:00+08:00");
  assert_window (s, "confirmation", "2026-04-17T10:00:00+08:00", "2026-04-18T16:00:00+08:00");
  assert_window (s, "ticket-printing", "2026-06-10T10:00:00+08:00", "2026-06-12T16:00:00+08:00");
  g_assert_null (bk_exam_session_get_window (s, "payment"));
  {
    const BkExamWindow *exam = bk_exam_session_get_window (s, "exam");

    g_assert_cmpint (g_date_time_get_day_of_month (exam->start), ==, 13);
    g_assert_cmpint (g_date_time_get_day_of_month (exam->end), ==, 14);
    g_assert_cmpint (g_date_time_get_month (exam->end), ==, 6);
  }
  g_assert_true (bk_exam_session_get_window (s, "scores")->approximate);

  g_assert_cmpuint (bk_exam_session_get_points (s)->len, ==, 1);
  p = bk_exam_session_get_points (s)->pdata[0];
  g_assert_cmpstr (p->code, ==, "2916");
  g_assert_cmpstr (p->name, ==, "上海市计量协会培训部");
  g_assert_cmpstr (p->address, ==, "徐汇区桂箐路69号27号楼6楼");
  g_assert_cmpuint (g_strv_length (p->phones), ==, 2);
  g_assert_cmpstr (p->phones[0], ==, "54042022");
  g_assert_cmpstr (p->phones[1], ==, "54045035");
  g_assert_cmpstr (p->hours, ==, "09:30-11:30, 13:30-16:00");
  /* Open during registration and confirmation, not the spot-check review. */
  g_assert_true (g_strv_contains ((const char *const *) p->open_during, "register"));
  g_assert_true (g_strv_contains ((const char *const *) p->open_during, "confirmation"));
  g_assert_false (g_strv_contains ((const char *const *) p->open_during, "spot-check-review"));
  assert_ticket_data (s, "31");
}

static void
test_load_all (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = bk_exam_session_load_all (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, >=, 2);
  g_assert_cmpstr (bk_exam_session_get_id (sessions->pdata[0]), ==, "liaoning-2020");
}

static void
test_not_found (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) s = bk_exam_session_load ("atlantis-2020", &error);

  g_assert_null (s);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  s = bk_exam_session_load ("../sessions/liaoning-2020", &error);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_NOT_FOUND);
}

/* Malformed files: the valid Liaoning file, changed in one place. */

typedef void (*Mutation) (JsonObject *root);

static JsonObject *
first_level (JsonObject *root)
{
  return json_array_get_object_element (json_object_get_array_member (root, "levels"), 0);
}

static JsonObject *
first_subject (JsonObject *root)
{
  return json_array_get_object_element (
    json_object_get_array_member (first_level (root), "subjects"), 1);
}

static void
drop_exam_year (JsonObject *root)
{
  json_object_remove_member (root, "exam_year");
}

static void
string_exam_year (JsonObject *root)
{
  json_object_set_string_member (root, "exam_year", "2020");
}

static void
bad_cutoff (JsonObject *root)
{
  json_object_set_string_member (root, "cutoff", "2020-02-30");
}

static void
cutoff_other_year (JsonObject *root)
{
  json_object_set_string_member (root, "cutoff", "2021-12-31");
}

static void
start_without_offset (JsonObject *root)
{
  json_object_set_string_member (first_subject (root), "start", "2020-11-07T14:00:00");
}

static void
end_before_start (JsonObject *root)
{
  json_object_set_string_member (first_subject (root), "end", "2020-11-07T13:00:00+08:00");
}

static void
negative_fee (JsonObject *root)
{
  json_object_set_int_member (first_subject (root), "fee_yuan", -70);
}

static void
missing_fee (JsonObject *root)
{
  json_object_remove_member (first_subject (root), "fee_yuan");
}

static void
bad_kind (JsonObject *root)
{
  json_object_set_string_member (first_subject (root), "kind", "essay");
}

static void
bad_pass_mark (JsonObject *root)
{
  json_object_set_int_member (root, "pass_mark_percent", 160);
}

static void
unknown_step (JsonObject *root)
{
  JsonObject *w = json_array_get_object_element (json_object_get_array_member (root, "windows"), 2);

  json_object_set_string_member (w, "step", "party");
}

static void
no_payment_window (JsonObject *root)
{
  JsonArray *windows = json_object_get_array_member (root, "windows");

  for (guint i = 0; i < json_array_get_length (windows); i++)
    {
      if (g_str_equal (
            json_object_get_string_member (json_array_get_object_element (windows, i), "step"),
            "payment"))
        {
          json_array_remove_element (windows, i);
          return;
        }
    }
}

static void
point_without_phone (JsonObject *root)
{
  JsonObject *p = json_array_get_object_element (json_object_get_array_member (root, "points"), 3);

  json_object_set_array_member (p, "phones", json_array_new ());
}

static void
no_levels (JsonObject *root)
{
  json_object_set_array_member (root, "levels", json_array_new ());
}

static void
level_three (JsonObject *root)
{
  json_object_set_int_member (first_level (root), "level", 3);
}

static void
window_years_zero (JsonObject *root)
{
  json_object_set_int_member (
    json_object_get_object_member (first_level (root), "score_window_years"), "exempt", 0);
}

static void
name_without_english (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (root, "name"), "en");
}

static JsonObject *
venue (JsonObject *root, guint index)
{
  return json_array_get_object_element (json_object_get_array_member (root, "venues"), index);
}

static void
venues_out_of_order (JsonObject *root)
{
  json_object_set_int_member (venue (root, 1), "number", 3);
}

static void
venue_without_rooms (JsonObject *root)
{
  json_object_set_int_member (venue (root, 0), "rooms", 0);
}

static void
venue_too_many_seats (JsonObject *root)
{
  json_object_set_int_member (venue (root, 0), "seats_per_room", 100);
}

static void
venue_without_address (JsonObject *root)
{
  json_object_remove_member (venue (root, 1), "address");
}

static void
short_public_key (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "ticket_key"), "public",
                                 "QgYLH0QpAXRmVor6H62vyXcwSH5jcrQzg5IQ2vQml8=");
}

static void
no_candidate_rules (JsonObject *root)
{
  json_object_set_array_member (root, "candidate_rules", json_array_new ());
}

static void
bad_province_code (JsonObject *root)
{
  json_object_set_string_member (root, "province_code", "210");
}

static const struct
{
  const char *name;
  Mutation mutate;
  const char *field;
} mutations[] = {
  { "drop-exam-year", drop_exam_year, "“exam_year”" },
  { "string-exam-year", string_exam_year, "“exam_year”" },
  { "bad-cutoff", bad_cutoff, "“cutoff”" },
  { "cutoff-other-year", cutoff_other_year, "“cutoff”" },
  { "start-without-offset", start_without_offset, "“levels[0].subjects[1].start”" },
  { "end-before-start", end_before_start, "“levels[0].subjects[1].end”" },
  { "negative-fee", negative_fee, "“levels[0].subjects[1].fee_yuan”" },
  { "missing-fee", missing_fee, "“levels[0].subjects[1].fee_yuan”" },
  { "bad-kind", bad_kind, "“levels[0].subjects[1].kind”" },
  { "bad-pass-mark", bad_pass_mark, "“pass_mark_percent”" },
  { "unknown-step", unknown_step, "“windows[2].step”" },
  { "no-payment-window", no_payment_window, "“windows”" },
  { "point-without-phone", point_without_phone, "“points[3].phones”" },
  { "no-levels", no_levels, "“levels”" },
  { "level-three", level_three, "“levels[0].level”" },
  { "window-years-zero", window_years_zero, "“levels[0].score_window_years.exempt”" },
  { "name-without-english", name_without_english, "“name.en”" },
  { "venues-out-of-order", venues_out_of_order, "“venues[1].number”" },
  { "venue-without-rooms", venue_without_rooms, "“venues[0].rooms”" },
  { "venue-too-many-seats", venue_too_many_seats, "“venues[0].seats_per_room”" },
  { "venue-without-address", venue_without_address, "“venues[1].address”" },
  { "short-public-key", short_public_key, "“ticket_key.public”" },
  { "no-candidate-rules", no_candidate_rules, "“candidate_rules”" },
  { "bad-province-code", bad_province_code, "“province_code”" },
};

static char *
write_session (const char *dir, const char *id, JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  return path;
}

static JsonNode *
read_liaoning (void)
{
  g_autofree char *dir = bk_data_dirs_get_sessions_dir ();
  g_autofree char *path = g_build_filename (dir, "liaoning-2020.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_malformed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-session-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr (JsonNode) root = read_liaoning ();
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (BkExamSession) session = NULL;

      mutations[i].mutate (json_node_get_object (root));
      path = write_session (dir, mutations[i].name, root);
      session = bk_exam_session_new_from_file (path, &error);
      g_test_message ("%s: %s", mutations[i].name, error ? error->message : "(loaded)");
      g_assert_null (session);
      g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
      /* The message names the file and the field. */
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, mutations[i].field));
      g_assert_cmpint (g_remove (path), ==, 0);
    }

  /* Not JSON at all. */
  {
    g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (BkExamSession) session = NULL;

    g_assert_true (g_file_set_contents (path, "{\"id\": ", -1, NULL));
    session = bk_exam_session_new_from_file (path, &error);
    g_assert_null (session);
    g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, path));
    g_assert_cmpint (g_remove (path), ==, 0);
  }
  /* The unchanged file loads, so the failures above come from the changes. */
  {
    g_autoptr (JsonNode) root = read_liaoning ();
    g_autofree char *path = write_session (dir, "unchanged", root);
    g_autoptr (GError) error = NULL;
    g_autoptr (BkExamSession) session = bk_exam_session_new_from_file (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (session);
    g_assert_cmpint (g_remove (path), ==, 0);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A third session is a new file, nothing else. */
static void
test_third_session (void)
{
  g_autofree char *data = g_dir_make_tmp ("baokao-test-data-XXXXXX", NULL);
  g_autofree char *sessions = g_build_filename (data, "sessions", NULL);
  g_autoptr (JsonNode) root = read_liaoning ();
  JsonObject *o = json_node_get_object (root);
  g_autofree char *path = NULL;
  g_autofree char *old = g_strdup (g_getenv ("BAOKAO_DATADIR"));
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (sessions, 0700), ==, 0);
  json_object_set_string_member (o, "id", "beijing-2027");
  json_object_set_int_member (o, "exam_year", 2027);
  json_object_set_string_member (o, "cutoff", "2027-12-31");
  json_object_set_int_member (first_subject (o), "fee_yuan", 80);
  path = write_session (sessions, "beijing-2027", root);

  g_setenv ("BAOKAO_DATADIR", data, TRUE);
  session = bk_exam_session_load ("beijing-2027", &error);
  all = bk_exam_session_load_all (NULL);
  g_setenv ("BAOKAO_DATADIR", old, TRUE);

  g_assert_no_error (error);
  g_assert_cmpuint (bk_exam_session_get_exam_year (session), ==, 2027);
  g_assert_cmpuint (bk_exam_session_get_fee_fen (session, 1, BK_EXAM_MODE_ALL), ==, 22500);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (sessions), ==, 0);
  g_assert_cmpint (g_rmdir (data), ==, 0);
}

/* The id inside must match the file name. */
static void
test_id_mismatch (void)
{
  g_autofree char *data = g_dir_make_tmp ("baokao-test-data-XXXXXX", NULL);
  g_autofree char *sessions = g_build_filename (data, "sessions", NULL);
  g_autoptr (JsonNode) root = read_liaoning ();
  g_autofree char *path = NULL;
  g_autofree char *old = g_strdup (g_getenv ("BAOKAO_DATADIR"));
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (sessions, 0700), ==, 0);
  path = write_session (sessions, "jilin-2020", root);
  g_setenv ("BAOKAO_DATADIR", data, TRUE);
  session = bk_exam_session_load ("jilin-2020", &error);
  g_setenv ("BAOKAO_DATADIR", old, TRUE);

  g_assert_null (session);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "“id”"));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (sessions), ==, 0);
  g_assert_cmpint (g_rmdir (data), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/liaoning", test_liaoning);
  g_test_add_func ("/session/shanghai", test_shanghai);
  g_test_add_func ("/session/load-all", test_load_all);
  g_test_add_func ("/session/not-found", test_not_found);
  g_test_add_func ("/session/malformed", test_malformed);
  g_test_add_func ("/session/third-session", test_third_session);
  g_test_add_func ("/session/id-mismatch", test_id_mismatch);

  return g_test_run ();
}
