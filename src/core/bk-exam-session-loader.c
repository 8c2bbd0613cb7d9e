/* bk-exam-session-loader.c — reads a session file into a BkExamSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-data-dirs.h"
#include "bk-exam-session-private.h"
#include "bk-json-reader.h"

/* Every problem is reported as "FILE: field “PATH”: what is wrong", so that
 * whoever edits a session file knows where to look. Texts are never empty;
 * an optional one may be null. */
#define TEXT_REQUIRED (BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)
#define TEXT_OPTIONAL (BK_JSON_NULLABLE | BK_JSON_NON_EMPTY)

/* {"zh": …, "en": …}: both required, so every user sees a name. */
static gboolean
get_text (BkJsonReader *r,
          JsonObject *o,
          const char *prefix,
          const char *name,
          gboolean required,
          char **zh,
          char **en)
{
  JsonObject *text;
  g_autofree char *field = bk_json_reader_path (prefix, name);

  *zh = *en = NULL;
  text = bk_json_reader_get_object (r, o, prefix, name, required ? BK_JSON_REQUIRED : 0);
  if (text == NULL)
    return !required && json_object_get_member (o, name) == NULL;
  if (!bk_json_reader_dup_string (r, text, field, "zh", TEXT_REQUIRED, zh) ||
      !bk_json_reader_dup_string (r, text, field, "en", TEXT_REQUIRED, en))
    {
      g_clear_pointer (zh, g_free);
      g_clear_pointer (en, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_order (BkJsonReader *r, const char *prefix, GDateTime *start, GDateTime *end)
{
  if (end != NULL && g_date_time_compare (start, end) >= 0)
    return bk_json_reader_fail (r, prefix, "end", _ ("is not after the start; check both times."));
  return TRUE;
}

static BkExamSubject *
read_subject (BkJsonReader *r, JsonNode *node, const char *prefix, guint level, gboolean free)
{
  g_autoptr (BkExamSubject) subject = g_new0 (BkExamSubject, 1);
  g_autofree char *kind = NULL;
  JsonObject *o;
  double fee;

  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  subject->level = level;
  if (!bk_json_reader_get_uint (r, o, prefix, "number", 1, 9, &subject->number) ||
      !get_text (r, o, prefix, "name", TRUE, &subject->name_zh, &subject->name_en) ||
      !bk_json_reader_dup_string (r, o, prefix, "kind", TEXT_REQUIRED, &kind))
    return NULL;
  if (!g_str_equal (kind, "objective") && !g_str_equal (kind, "subjective"))
    {
      bk_json_reader_fail (r, prefix, "kind", _ ("expected “objective” or “subjective”."));
      return NULL;
    }
  subject->subjective = g_str_equal (kind, "subjective");
  if (!bk_json_reader_get_time (r, o, prefix, "start", TEXT_REQUIRED, &subject->start) ||
      !bk_json_reader_get_time (r, o, prefix, "end", TEXT_REQUIRED, &subject->end) ||
      !check_order (r, prefix, subject->start, subject->end) ||
      !bk_json_reader_get_number (r, o, prefix, "full_score", &subject->full_score))
    return NULL;
  if (!(subject->full_score > 0))
    {
      bk_json_reader_fail (r, prefix, "full_score", _ ("must be more than zero."));
      return NULL;
    }

  if (free)
    {
      if (json_object_has_member (o, "fee_yuan"))
        {
          bk_json_reader_fail (
            r, prefix, "fee_yuan",
            _ ("the session is free (“free”: true); remove the fee or the flag."));
          return NULL;
        }
      return g_steal_pointer (&subject);
    }
  if (!bk_json_reader_get_number (r, o, prefix, "fee_yuan", &fee))
    return NULL;
  if (fee < 0 || fee > 100000 || fabs (fee * 100 - round (fee * 100)) > 1e-6)
    {
      bk_json_reader_fail (r, prefix, "fee_yuan",
                           _ ("expected an amount in yuan, not negative, at most two decimals."));
      return NULL;
    }
  subject->fee_fen = (guint64) llround (fee * 100);
  return g_steal_pointer (&subject);
}

static BkExamSessionLevel *
read_level (BkJsonReader *r, JsonNode *node, const char *prefix, gboolean free)
{
  BkExamSessionLevel *level = g_new0 (BkExamSessionLevel, 1);
  g_autofree char *exempt_prefix = bk_json_reader_path (prefix, "exempt");
  g_autofree char *windows_prefix = bk_json_reader_path (prefix, "score_window_years");
  JsonObject *o, *exempt, *windows;
  JsonArray *subjects;

  level->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_subject_free);
  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    goto error;
  if (!bk_json_reader_get_uint (r, o, prefix, "level", 1, 2, &level->level) ||
      !get_text (r, o, prefix, "name", TRUE, &level->name_zh, &level->name_en) ||
      !(subjects = bk_json_reader_get_array (r, o, prefix, "subjects",
                                             BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    goto error;

  for (guint i = 0; i < json_array_get_length (subjects); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.subjects[%u]", prefix, i);
      BkExamSubject *subject = read_subject (r, json_array_get_element (subjects, i), p,
                                             level->level, free);

      if (subject == NULL)
        goto error;
      /* Subjects are numbered 1, 2, 3 in order; verdicts and tickets rely on it. */
      if (subject->number != i + 1)
        {
          g_autofree char *problem =
            g_strdup_printf (_ ("expected %u: subjects are numbered from 1, in order."), i + 1);

          bk_exam_subject_free (subject);
          bk_json_reader_fail (r, p, "number", problem);
          goto error;
        }
      g_ptr_array_add (level->subjects, subject);
    }

  if (!(exempt = bk_json_reader_get_object (r, o, prefix, "exempt", BK_JSON_REQUIRED)) ||
      !bk_json_reader_get_uint (r, exempt, exempt_prefix, "subject", 1, 9, &level->exempt_subject))
    goto error;
  if (level->exempt_subject > level->subjects->len || level->subjects->len < 2)
    {
      bk_json_reader_fail (r, exempt_prefix, "subject",
                           _ ("names no subject of this level that could be exempted."));
      goto error;
    }
  if (!(windows = bk_json_reader_get_object (r, o, prefix, "score_window_years",
                                             BK_JSON_REQUIRED)) ||
      !bk_json_reader_get_uint (r, windows, windows_prefix, "all", 1, 10, &level->window_all) ||
      !bk_json_reader_get_uint (r, windows, windows_prefix, "exempt", 1, 10, &level->window_exempt))
    goto error;

  return level;

error:
  bk_exam_session_level_free (level);
  return NULL;
}

static BkExamWindow *
read_window (BkJsonReader *r, JsonNode *node, const char *prefix)
{
  g_autoptr (BkExamWindow) window = g_new0 (BkExamWindow, 1);
  JsonObject *o;

  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  if (!bk_json_reader_dup_string (r, o, prefix, "step", TEXT_REQUIRED, &window->step))
    return NULL;
  if (!bk_exam_window_is_known_step (window->step))
    {
      bk_json_reader_fail (
        r, prefix, "step",
        _ ("expected one of register, verification, spot-check-review, confirmation, "
           "payment, ticket-printing, exam, scores."));
      return NULL;
    }
  if (!bk_json_reader_get_time (r, o, prefix, "start", TEXT_REQUIRED, &window->start) ||
      !bk_json_reader_get_time (r, o, prefix, "end", TEXT_OPTIONAL, &window->end) ||
      !check_order (r, prefix, window->start, window->end) ||
      !bk_json_reader_get_bool (r, o, prefix, "approximate", BK_JSON_OPTIONAL,
                                &window->approximate) ||
      !get_text (r, o, prefix, "note", FALSE, &window->note_zh, &window->note_en))
    return NULL;
  /* Only an approximate window ("mid-August") may leave its end open. */
  if (window->end == NULL && !window->approximate)
    {
      bk_json_reader_fail (r, prefix, "end",
                           _ ("missing; only an approximate window may leave its end open."));
      return NULL;
    }
  return g_steal_pointer (&window);
}

static BkExamPoint *
read_point (BkJsonReader *r, JsonNode *node, const char *prefix)
{
  g_autoptr (BkExamPoint) point = g_new0 (BkExamPoint, 1);
  JsonObject *o;

  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  if (!bk_json_reader_dup_string (r, o, prefix, "code", TEXT_OPTIONAL, &point->code) ||
      !bk_json_reader_dup_string (r, o, prefix, "city", TEXT_OPTIONAL, &point->city) ||
      !bk_json_reader_dup_string (r, o, prefix, "name", TEXT_REQUIRED, &point->name) ||
      !bk_json_reader_dup_string (r, o, prefix, "address", TEXT_REQUIRED, &point->address) ||
      !bk_json_reader_get_strv (r, o, prefix, "phones", BK_JSON_REQUIRED | BK_JSON_NON_EMPTY,
                                &point->phones) ||
      !bk_json_reader_dup_string (r, o, prefix, "email", TEXT_OPTIONAL, &point->email) ||
      !bk_json_reader_dup_string (r, o, prefix, "hours", TEXT_OPTIONAL, &point->hours) ||
      !bk_json_reader_get_strv (r, o, prefix, "open_during", BK_JSON_OPTIONAL, &point->open_during))
    return NULL;
  for (guint i = 0; point->open_during[i] != NULL; i++)
    {
      if (!bk_exam_window_is_known_step (point->open_during[i]))
        {
          g_autofree char *f = g_strdup_printf ("%s.open_during[%u]", prefix, i);

          bk_json_reader_fail (r, f, NULL, _ ("is not the name of a window step."));
          return NULL;
        }
    }
  return g_steal_pointer (&point);
}

static BkExamVenue *
read_venue (BkJsonReader *r, JsonNode *node, const char *prefix)
{
  g_autoptr (BkExamVenue) venue = g_new0 (BkExamVenue, 1);
  JsonObject *o;

  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  /* The ticket number has two digits for the venue, three for the room and
   * two for the seat (docs/domain.md, "Admission ticket"). */
  if (!bk_json_reader_get_uint (r, o, prefix, "number", 1, 99, &venue->number) ||
      !get_text (r, o, prefix, "name", TRUE, &venue->name_zh, &venue->name_en) ||
      !get_text (r, o, prefix, "address", TRUE, &venue->address_zh, &venue->address_en) ||
      !bk_json_reader_get_uint (r, o, prefix, "rooms", 1, 999, &venue->rooms) ||
      !bk_json_reader_get_uint (r, o, prefix, "seats_per_room", 1, 99, &venue->seats_per_room) ||
      !bk_json_reader_dup_string (r, o, prefix, "note", TEXT_OPTIONAL, &venue->note))
    return NULL;
  return g_steal_pointer (&venue);
}

static gboolean
read_venues (BkExamSession *self, BkJsonReader *r, JsonObject *o)
{
  JsonArray *array;

  if (!(array = bk_json_reader_get_array (r, o, "", "venues",
                                          BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("venues[%u]", i);
      BkExamVenue *venue = read_venue (r, json_array_get_element (array, i), p);

      if (venue == NULL)
        return FALSE;
      g_ptr_array_add (self->venues, venue);
      /* Ticket numbers name a venue by its number: 1, 2, … in order. */
      if (venue->number != i + 1)
        {
          g_autofree char *problem =
            g_strdup_printf (_ ("expected %u: venues are numbered from 1, in order."), i + 1);

          return bk_json_reader_fail (r, p, "number", problem);
        }
    }
  return TRUE;
}

/* What the admission ticket needs besides the timetable and the venues:
 * the rules for candidates, the allowed stationery, the province code of
 * ticket numbers and the key that checks the tickets' signatures. */
static gboolean
read_ticket_data (BkExamSession *self, BkJsonReader *r, JsonObject *o)
{
  JsonArray *array;
  JsonObject *key;
  const char *public_key = NULL;
  g_autofree guint8 *decoded = NULL;
  gsize length = 0;

  if (!bk_json_reader_dup_string (r, o, "", "province_code", TEXT_REQUIRED, &self->province_code))
    return FALSE;
  if (!g_regex_match_simple ("^[1-9][0-9]$", self->province_code, 0, 0))
    return bk_json_reader_fail (r, "province_code", NULL,
                                _ ("expected the two-digit GB/T 2260 code, like “21”."));

  if (!(array = bk_json_reader_get_array (r, o, "", "candidate_rules",
                                          BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    return FALSE;
  self->rules_zh = g_new0 (char *, json_array_get_length (array) + 1);
  self->rules_en = g_new0 (char *, json_array_get_length (array) + 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("candidate_rules[%u]", i);
      JsonObject *rule = bk_json_reader_object (r, json_array_get_element (array, i), p);

      if (rule == NULL ||
          !bk_json_reader_dup_string (r, rule, p, "zh", TEXT_REQUIRED, &self->rules_zh[i]) ||
          !bk_json_reader_dup_string (r, rule, p, "en", TEXT_REQUIRED, &self->rules_en[i]))
        return FALSE;
    }
  if (!get_text (r, o, "", "stationery", TRUE, &self->stationery_zh, &self->stationery_en))
    return FALSE;

  if (!(key = bk_json_reader_get_object (r, o, "", "ticket_key", BK_JSON_REQUIRED)) ||
      !bk_json_reader_get_string (r, key, "ticket_key", "public", TEXT_REQUIRED, &public_key))
    return FALSE;
  if (g_regex_match_simple ("^[A-Za-z0-9+/]{43}=$", public_key, 0, 0))
    decoded = g_base64_decode (public_key, &length);
  if (length != sizeof self->ticket_public_key)
    return bk_json_reader_fail (
      r, "ticket_key", "public",
      _ ("expected an Ed25519 public key in base64 (44 characters), as “baokao-tool ticket keygen” "
         "prints it."));
  memcpy (self->ticket_public_key, decoded, length);
  return TRUE;
}

static gboolean
read_session (BkExamSession *self, BkJsonReader *r, JsonNode *root)
{
  static const char *const required_steps[] = { "register",        "verification", "confirmation",
                                                "ticket-printing", "exam",         "scores" };
  JsonObject *o;
  JsonArray *array;
  guint format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return bk_json_reader_fail (r, "/", NULL, _ ("expected a JSON object describing one session."));
  o = json_node_get_object (root);

  if (!bk_json_reader_get_uint (r, o, "", "format", 1, 1, &format) ||
      !bk_json_reader_dup_string (r, o, "", "id", TEXT_REQUIRED, &self->id))
    return FALSE;
  if (!g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", self->id, 0, 0))
    return bk_json_reader_fail (
      r, "id", NULL, _ ("use lower-case letters, digits and hyphens, like “liaoning-2020”."));
  if (!get_text (r, o, "", "name", TRUE, &self->name_zh, &self->name_en) ||
      !get_text (r, o, "", "province", TRUE, &self->province_zh, &self->province_en) ||
      !get_text (r, o, "", "authority", FALSE, &self->authority_zh, &self->authority_en) ||
      !bk_json_reader_dup_string (r, o, "", "source", TEXT_OPTIONAL, &self->source) ||
      !get_text (r, o, "", "timetable_note", FALSE, &self->timetable_note_zh,
                 &self->timetable_note_en) ||
      !bk_json_reader_get_uint (r, o, "", "exam_year", 2000, 2100, &self->exam_year) ||
      !bk_json_reader_get_date (r, o, "", "cutoff", TEXT_REQUIRED, &self->cutoff))
    return FALSE;
  /* The rules count work up to 31 December of the exam year. */
  if (g_date_get_year (&self->cutoff) != self->exam_year)
    return bk_json_reader_fail (r, "cutoff", NULL, _ ("must fall in the exam year."));
  if (!bk_json_reader_get_number (r, o, "", "pass_mark_percent", &self->pass_mark_percent))
    return FALSE;
  if (!(self->pass_mark_percent > 0 && self->pass_mark_percent <= 100))
    return bk_json_reader_fail (r, "pass_mark_percent", NULL,
                                _ ("expected a percentage above 0, at most 100."));
  if (!bk_json_reader_get_bool (r, o, "", "free", BK_JSON_REQUIRED, &self->free))
    return FALSE;

  if (!(array = bk_json_reader_get_array (r, o, "", "levels",
                                          BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("levels[%u]", i);
      BkExamSessionLevel *level = read_level (r, json_array_get_element (array, i), p, self->free);

      if (level == NULL)
        return FALSE;
      g_ptr_array_add (self->levels, level);
      for (guint j = 0; j < i; j++)
        {
          if (((BkExamSessionLevel *) self->levels->pdata[j])->level == level->level)
            {
              return bk_json_reader_fail (r, p, "level", _ ("this level is described twice."));
            }
        }
    }

  if (!(array = bk_json_reader_get_array (r, o, "", "windows",
                                          BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("windows[%u]", i);
      BkExamWindow *window = read_window (r, json_array_get_element (array, i), p);

      if (window == NULL)
        return FALSE;
      if (bk_exam_session_get_window (self, window->step) != NULL)
        {
          bk_exam_window_free (window);
          return bk_json_reader_fail (r, p, "step", _ ("this step has a window already."));
        }
      g_ptr_array_add (self->windows, window);
    }
  for (guint i = 0; i < G_N_ELEMENTS (required_steps); i++)
    {
      if (bk_exam_session_get_window (self, required_steps[i]) == NULL)
        {
          /* TRANSLATORS: %s is a step name such as “register” */
          g_autofree char *problem = g_strdup_printf (_ ("no window for the step “%s”; add one."),
                                                      required_steps[i]);

          return bk_json_reader_fail (r, "windows", NULL, problem);
        }
    }
  if (!self->free && bk_exam_session_get_window (self, "payment") == NULL)
    return bk_json_reader_fail (
      r, "windows", NULL, _ ("no window for the step “payment”, but the session is not free."));

  if (!read_venues (self, r, o) || !read_ticket_data (self, r, o))
    return FALSE;

  if (!(array = bk_json_reader_get_array (r, o, "", "points",
                                          BK_JSON_REQUIRED | BK_JSON_NON_EMPTY)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("points[%u]", i);
      BkExamPoint *point = read_point (r, json_array_get_element (array, i), p);

      if (point == NULL)
        return FALSE;
      g_ptr_array_add (self->points, point);
    }

  if ((array = bk_json_reader_get_array (r, o, "", "contacts", BK_JSON_OPTIONAL)) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *p = g_strdup_printf ("contacts[%u]", i);
          JsonNode *node = json_array_get_element (array, i);
          char *zh, *en, *phone;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return bk_json_reader_fail (r, p, NULL, _ ("expected an object."));
          if (!get_text (r, json_node_get_object (node), p, "name", TRUE, &zh, &en))
            return FALSE;
          g_ptr_array_add (self->contacts_zh, zh);
          g_ptr_array_add (self->contacts_en, en);
          if (!bk_json_reader_dup_string (r, json_node_get_object (node), p, "phone", TEXT_REQUIRED,
                                          &phone))
            return FALSE;
          g_ptr_array_add (self->contact_phones, phone);
        }
    }
  else if (bk_json_reader_failed (r))
    return FALSE;

  return TRUE;
}

BkExamSession *
bk_exam_session_new_from_data (const char *data,
                               gssize length,
                               const char *file_name,
                               GError **error)
{
  g_autoptr (BkExamSession) self = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  BkJsonReader r;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bk_json_reader_init (&r, file_name != NULL ? file_name : "-", error);
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* TRANSLATORS: first %s is a file name, second the JSON parser's message */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("%s: not valid JSON: %s"),
                   r.file, local_error->message);
      return NULL;
    }

  self = g_object_new (BK_TYPE_EXAM_SESSION, NULL);
  if (!read_session (self, &r, json_parser_get_root (parser)))
    return NULL;
  return g_steal_pointer (&self);
}

BkExamSession *
bk_exam_session_new_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? BK_CORE_ERROR_NOT_FOUND
                   : BK_CORE_ERROR_INVALID_DATA;

      g_set_error_literal (error, BK_CORE_ERROR, code, local_error->message);
      return NULL;
    }
  return bk_exam_session_new_from_data (contents, (gssize) length, path, error);
}

BkExamSession *
bk_exam_session_load (const char *id, GError **error)
{
  g_autofree char *dir = bk_data_dirs_get_sessions_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (BkExamSession) session = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_strconcat (id, ".json", NULL);
  path = g_build_filename (dir, name, NULL);
  if (strchr (id, '/') != NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* TRANSLATORS: %s is a session id such as “liaoning-2020” */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_NOT_FOUND,
                   _ ("There is no exam session “%s”; run “baokao-tool sessions” to list them."),
                   id);
      return NULL;
    }
  session = bk_exam_session_new_from_file (path, error);
  if (session == NULL)
    return NULL;
  /* The file name is the id callers use; a mismatch would confuse lookups. */
  if (!g_str_equal (session->id, id))
    {
      BkJsonReader r;

      bk_json_reader_init (&r, path, error);
      bk_json_reader_fail (&r, "id", NULL,
                           _ ("does not match the file name; rename the file or fix the id."));
      return NULL;
    }
  return g_steal_pointer (&session);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(BkExamSession **) a)->id, (*(BkExamSession **) b)->id);
}

GPtrArray *
bk_exam_session_load_all (GError **error)
{
  g_autofree char *dir_path = bk_data_dirs_get_sessions_dir ();
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_open (dir_path, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      BkExamSession *session;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      session = bk_exam_session_load (id, error);
      if (session == NULL)
        return NULL;
      g_ptr_array_add (sessions, session);
    }
  g_ptr_array_sort (sessions, compare_ids);
  return g_steal_pointer (&sessions);
}
