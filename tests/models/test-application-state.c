/* test-application-state.c — the Shanghai workflow as states, and the
 * application object that moves through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-application-state.h"
#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-exam-application.h"
#include "bk-exam-session.h"
#include "bk-submission.h"
#include "bk-test-profiles.h"

#define NOW "2026-04-08T09:00:00+08:00"

static void
test_nicks (void)
{
  for (BkApplicationState state = 0; state <= BK_APPLICATION_STATE_LAST; state++)
    {
      BkApplicationState back = BK_APPLICATION_STATE_LAST;
      const char *nick = bk_application_state_to_nick (state);

      g_assert_nonnull (nick);
      g_assert_true (bk_application_state_from_nick (nick, &back));
      g_assert_cmpint (back, ==, state);
      g_assert_nonnull (bk_application_state_get_display_name (state));
    }
  g_assert_false (bk_application_state_from_nick ("approved", NULL));
  g_assert_cmpstr (bk_application_state_to_nick (BK_APPLICATION_STATE_TERMINATED), ==,
                   "terminated");

  for (BkCommitment c = BK_COMMITMENT_UNSET; c <= BK_COMMITMENT_NO; c++)
    {
      BkCommitment back = BK_COMMITMENT_NO;

      g_assert_true (bk_commitment_from_nick (bk_commitment_to_nick (c), &back));
      g_assert_cmpint (back, ==, c);
    }
}

typedef struct
{
  BkApplicationState from;
  BkApplicationState to;
  BkCommitment commitment;
  gboolean allowed;
} Move;

static void
test_transitions (void)
{
  static const Move moves[] = {
    /* Submitting needs the candidate's own choice. */
    { BK_APPLICATION_STATE_DRAFT, BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_UNSET, FALSE },
    { BK_APPLICATION_STATE_DRAFT, BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_DRAFT, BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_NO, TRUE },
    { BK_APPLICATION_STATE_DRAFT, BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES, FALSE },
    /* yes → automatic check; no → proofs */
    { BK_APPLICATION_STATE_SUBMITTED, BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_SUBMITTED, BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_SUBMITTED, BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_COMMITMENT_NO,
      FALSE },
    { BK_APPLICATION_STATE_SUBMITTED, BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_COMMITMENT_NO,
      TRUE },
    { BK_APPLICATION_STATE_SUBMITTED, BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_COMMITMENT_YES,
      FALSE },
    { BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED, BK_APPLICATION_STATE_PROOFS_SUBMITTED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED, BK_APPLICATION_STATE_SPOT_CHECK_PASSED,
      BK_COMMITMENT_YES, FALSE },
    { BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_APPLICATION_STATE_MANUAL_CHECK_PASSED,
      BK_COMMITMENT_NO, TRUE },
    { BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_APPLICATION_STATE_TERMINATED, BK_COMMITMENT_NO,
      TRUE },
    { BK_APPLICATION_STATE_MANUAL_CHECK_PASSED, BK_APPLICATION_STATE_SPOT_CHECK_FAILED,
      BK_COMMITMENT_NO, TRUE },
    { BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_APPLICATION_STATE_SPOT_CHECK_PASSED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_APPLICATION_STATE_CONFIRMED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_SPOT_CHECK_FAILED, BK_APPLICATION_STATE_PROOFS_SUBMITTED,
      BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_SPOT_CHECK_FAILED, BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES,
      FALSE },
    { BK_APPLICATION_STATE_SPOT_CHECK_PASSED, BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES,
      TRUE },
    { BK_APPLICATION_STATE_CONFIRMED, BK_APPLICATION_STATE_TICKET_PRINTED, BK_COMMITMENT_YES,
      TRUE },
    { BK_APPLICATION_STATE_CONFIRMED, BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_YES, FALSE },
    { BK_APPLICATION_STATE_TICKET_PRINTED, BK_APPLICATION_STATE_EXAM_TAKEN, BK_COMMITMENT_YES,
      TRUE },
    { BK_APPLICATION_STATE_EXAM_TAKEN, BK_APPLICATION_STATE_SCORES_PUBLISHED, BK_COMMITMENT_YES,
      TRUE },
    { BK_APPLICATION_STATE_SCORES_PUBLISHED, BK_APPLICATION_STATE_CERTIFIED, BK_COMMITMENT_YES,
      TRUE },
    /* Missing a window */
    { BK_APPLICATION_STATE_DRAFT, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_UNSET, TRUE },
    { BK_APPLICATION_STATE_SPOT_CHECK_PASSED, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_YES,
      TRUE },
    { BK_APPLICATION_STATE_CONFIRMED, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_YES, TRUE },
    { BK_APPLICATION_STATE_TICKET_PRINTED, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_YES, FALSE },
    /* Nothing leaves a final state. */
    { BK_APPLICATION_STATE_TERMINATED, BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_COMMITMENT_NO,
      FALSE },
    { BK_APPLICATION_STATE_TERMINATED, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_NO, FALSE },
    { BK_APPLICATION_STATE_LAPSED, BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_NO, FALSE },
    { BK_APPLICATION_STATE_CERTIFIED, BK_APPLICATION_STATE_LAPSED, BK_COMMITMENT_YES, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      gboolean allowed = bk_application_state_can_transition (moves[i].from, moves[i].to,
                                                              moves[i].commitment);

      if (allowed != moves[i].allowed)
        g_test_message ("move %u: %s → %s", i, bk_application_state_to_nick (moves[i].from),
                        bk_application_state_to_nick (moves[i].to));
      g_assert_cmpint (allowed, ==, moves[i].allowed);
    }

  /* Final states: no way out at all. */
  for (BkApplicationState to = 0; to <= BK_APPLICATION_STATE_LAST; to++)
    {
      g_assert_false (bk_application_state_can_transition (BK_APPLICATION_STATE_TERMINATED, to,
                                                           BK_COMMITMENT_YES));
      g_assert_false (bk_application_state_can_transition (BK_APPLICATION_STATE_CERTIFIED, to,
                                                           BK_COMMITMENT_YES));
    }
  g_assert_true (bk_application_state_is_final (BK_APPLICATION_STATE_TERMINATED));
  g_assert_true (bk_application_state_is_failure (BK_APPLICATION_STATE_LAPSED));
  g_assert_false (bk_application_state_is_failure (BK_APPLICATION_STATE_CERTIFIED));
}

static void
test_next_step_and_window (void)
{
  for (BkApplicationState state = 0; state <= BK_APPLICATION_STATE_LAST; state++)
    {
      const char *next = bk_application_state_get_next_step (state, BK_COMMITMENT_YES);

      /* Something to do exactly while the registration is alive. */
      g_assert_true ((next == NULL) == bk_application_state_is_final (state));
    }

  g_assert_cmpstr (
    bk_application_state_get_window_step (BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_UNSET), ==,
    "register");
  g_assert_cmpstr (
    bk_application_state_get_window_step (BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_NO), ==,
    "verification");
  g_assert_cmpstr (bk_application_state_get_window_step (BK_APPLICATION_STATE_SPOT_CHECK_PASSED,
                                                         BK_COMMITMENT_YES),
                   ==, "confirmation");
  g_assert_cmpstr (
    bk_application_state_get_window_step (BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES), ==,
    "ticket-printing");
  g_assert_null (
    bk_application_state_get_window_step (BK_APPLICATION_STATE_TERMINATED, BK_COMMITMENT_NO));

  /* Without the commitment, the next step is proofs. */
  g_assert_nonnull (
    strstr (bk_application_state_get_next_step (BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_NO),
            "proofs"));
  g_assert_null (
    strstr (bk_application_state_get_next_step (BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_YES),
            "Upload"));
  g_assert_true (
    bk_application_state_needs_proofs (BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_NO));
  g_assert_false (
    bk_application_state_needs_proofs (BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_YES));
  g_assert_true (
    bk_application_state_needs_proofs (BK_APPLICATION_STATE_SPOT_CHECK_FAILED, BK_COMMITMENT_YES));

  g_assert_nonnull (
    strstr (bk_application_state_describe_missed_window ("confirmation"), "not succeeded"));
  g_assert_nonnull (
    strstr (bk_application_state_describe_missed_window ("ticket-printing"), "given up"));
  g_assert_null (bk_application_state_describe_missed_window ("lunch"));
}

static void
test_application_submit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkProfile) incomplete = bk_profile_new ();
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);

  g_assert_cmpint (bk_profile_get_completeness (profile, NULL), ==, 100);
  application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 2,
                                         BK_EXAM_MODE_ALL);

  /* Never pre-ticked. */
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_UNSET);
  g_assert_null (bk_exam_application_get_commitment_signed_at (application));
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_DRAFT);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 0);

  g_assert_false (bk_submission_submit (application, incomplete, session, now, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Still missing"));
  g_assert_nonnull (strstr (error->message, "Mobile phone number"));
  g_clear_error (&error);

  g_assert_false (bk_submission_submit (application, profile, session, now, &error));
  g_assert_nonnull (strstr (error->message, "registration or verification point"));
  g_clear_error (&error);
  bk_exam_application_set_point_code (application, "2916");

  g_assert_false (bk_submission_submit (application, profile, session, now, &error));
  g_assert_nonnull (strstr (error->message, "commitment"));
  g_clear_error (&error);

  /* Declining the commitment means proofs first. */
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  g_assert_null (bk_exam_application_get_commitment_signed_at (application));
  g_assert_false (bk_submission_submit (application, profile, session, now, &error));
  g_assert_nonnull (strstr (error->message, "proofs"));
  g_clear_error (&error);

  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_YES, &error));
  g_assert_no_error (error);
  g_assert_true (
    g_date_time_equal (bk_exam_application_get_commitment_signed_at (application), now));

  g_assert_true (bk_submission_submit (application, profile, session, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_SUBMITTED);
  g_assert_true (g_date_time_equal (bk_exam_application_get_submitted_at (application), now));

  /* Submitted: the commitment and the state only move forward. */
  g_assert_false (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_YES);
  g_assert_false (bk_submission_submit (application, profile, session, now, &error));
  g_clear_error (&error);
  g_assert_false (
    bk_exam_application_transition (application, BK_APPLICATION_STATE_CONFIRMED, &error));
  g_assert_nonnull (strstr (error->message, "“Submitted” to “Confirmed”"));
  g_clear_error (&error);

  g_assert_true (bk_exam_application_transition (
    application, BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, &error));
  g_assert_true (
    bk_exam_application_transition (application, BK_APPLICATION_STATE_CONFIRMED, &error));
  g_assert_no_error (error);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_application_declined_with_proof (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkExamApplication) copy = NULL;
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr (BkProofEntry) proof = NULL;
  g_autofree char *json = NULL;
  g_autofree char *copy_json = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  guint notifies = 0;

  application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 1,
                                         BK_EXAM_MODE_ALL);
  g_signal_connect (application, "notify::state", G_CALLBACK (count_notify), &notifies);
  bk_exam_application_set_point_code (application, "2916");
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  proof = bk_proof_entry_new (BK_PROOF_KIND_WORK_CERTIFICATE, "工作证明.pdf", pdf);
  bk_exam_application_add_proof (application, proof);
  g_assert_cmpstr (bk_proof_kind_get_display_name (BK_PROOF_KIND_WORK_CERTIFICATE), ==,
                   "Work certificate");

  g_assert_true (bk_submission_submit (application, profile, session, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (
    bk_exam_application_transition (application, BK_APPLICATION_STATE_PROOFS_SUBMITTED, &error));
  g_assert_cmpuint (notifies, ==, 2);

  copy = bk_exam_application_dup (application);
  json = bk_exam_application_to_json (application);
  copy_json = bk_exam_application_to_json (copy);
  g_assert_cmpstr (json, ==, copy_json);
  g_assert_nonnull (strstr (json, "\"state\":\"proofs-submitted\""));
  g_assert_nonnull (strstr (json, "\"commitment\":\"no\""));
  g_assert_cmpuint (g_list_model_get_n_items (bk_exam_application_get_proofs (copy)), ==, 1);
}

/* Submission through its one gate, bk_submission_submit(). */

static GDateTime *
at (const char *iso)
{
  GDateTime *when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  return when;
}

static BkExamApplication *
make_ready_application (BkProfile *profile, const char *session_id)
{
  g_autoptr (GError) error = NULL;
  BkExamApplication *application = bk_exam_application_new (bk_profile_get_id (profile), session_id,
                                                            2, BK_EXAM_MODE_ALL);

  /* Shanghai's point 2916; Liaoning's points have names, no codes. */
  bk_exam_application_set_point_code (
    application, g_str_equal (session_id, "shanghai-2026") ? "2916" : "沈阳市考试院");
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_YES, &error));
  g_assert_no_error (error);
  return application;
}

/* Refused with a message containing @expected, and nothing changed. */
static void
assert_refused (BkExamApplication *application,
                BkProfile *profile,
                BkExamSession *session,
                const char *now_iso,
                const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (now_iso);
  BkApplicationState before = bk_exam_application_get_state (application);

  g_assert_false (bk_submission_submit (application, profile, session, now, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
  g_assert_cmpint (bk_exam_application_get_state (application), ==, before);
  if (before == BK_APPLICATION_STATE_DRAFT)
    g_assert_null (bk_exam_application_get_submitted_at (application));
}

static void
assert_accepted (BkProfile *profile, BkExamSession *session, const char *now_iso)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (now_iso);
  g_autoptr (BkExamApplication)
    application = make_ready_application (profile, bk_exam_session_get_id (session));

  g_assert_true (bk_submission_submit (application, profile, session, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_SUBMITTED);
  /* The time of the check, not of the process clock. */
  g_assert_true (g_date_time_equal (bk_exam_application_get_submitted_at (application), now));
}

static void
test_submission_window (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application = make_ready_application (profile, "shanghai-2026");

  /* Register 7 Apr 10:00 – 13 Apr 16:00. */
  assert_refused (application, profile, session, "2026-04-07T09:59:59+08:00", "Registration opens");
  assert_accepted (profile, session, "2026-04-07T10:00:00+08:00");
  assert_accepted (profile, session, "2026-04-13T15:59:59+08:00");
  assert_refused (application, profile, session, "2026-04-13T16:00:00+08:00",
                  "Registration closed");
}

static void
test_submission_window_liaoning (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamSession) session = bk_exam_session_load ("liaoning-2020", NULL);
  g_autoptr (BkExamApplication) application = make_ready_application (profile, "liaoning-2020");

  /* Register 14 Aug 09:00 – 24 Aug 24:00. */
  assert_refused (application, profile, session, "2020-08-14T08:59:59+08:00", "Registration opens");
  assert_accepted (profile, session, "2020-08-14T09:00:00+08:00");
  assert_accepted (profile, session, "2020-08-24T23:59:59+08:00");
  assert_refused (application, profile, session, "2020-08-25T00:00:00+08:00",
                  "closed on 2020-08-24 24:00");
}

static void
test_submission_fails_closed (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamSession) open_ended = NULL;
  g_autoptr (BkExamApplication) application = make_ready_application (profile, "shanghai-2026");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  JsonArray *windows;
  GPtrArray *array;

  /* A register window without an end (the loader allows that for an
   * "approximate" window): nothing says when registration closes. */
  path = g_build_filename (g_getenv ("BAOKAO_DATADIR"), "sessions", "shanghai-2026.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  windows = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "windows");
  for (guint i = 0; i < json_array_get_length (windows); i++)
    {
      JsonObject *window = json_array_get_object_element (windows, i);

      if (g_str_equal (json_object_get_string_member (window, "step"), "register"))
        {
          json_object_remove_member (window, "end");
          json_object_set_boolean_member (window, "approximate", TRUE);
        }
    }
  data = json_to_string (json_parser_get_root (parser), FALSE);
  open_ended = bk_exam_session_new_from_data (data, -1, "open-ended.json", &error);
  g_assert_no_error (error);
  assert_refused (application, profile, open_ended, "2026-04-08T09:00:00+08:00",
                  "no published registration window");
  assert_refused (application, profile, open_ended, "2027-01-01T09:00:00+08:00",
                  "no published registration window");

  /* No register window at all. */
  array = bk_exam_session_get_windows (session);
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (((BkExamWindow *) array->pdata[i])->step, "register"))
      g_ptr_array_remove_index (array, i--);
  g_assert_null (bk_exam_session_get_window (session, "register"));
  assert_refused (application, profile, session, "2026-04-08T09:00:00+08:00",
                  "no published registration window");
}

static void
test_submission_refusals (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkProfile) incomplete = bk_profile_new ();
  g_autoptr (BkProfile) newcomer = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkProfile) foreign = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamSession) shanghai = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamSession) liaoning = bk_exam_session_load ("liaoning-2020", NULL);
  g_autoptr (BkExamApplication) application = make_ready_application (profile, "shanghai-2026");
  g_autoptr (BkExamApplication) unsigned_application = NULL;
  g_autoptr (BkExamApplication) declined = NULL;
  g_autoptr (BkWorkEntry) work = NULL;
  g_autoptr (BkEducationEntry) education = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *in_window = "2026-04-08T09:00:00+08:00";
  GDate date;

  /* An application is checked against its own session. */
  assert_refused (application, profile, liaoning, "2020-08-20T10:00:00+08:00",
                  "another exam session");
  /* A point of this session, not of another. */
  bk_exam_application_set_point_code (application, "沈阳市考试院");
  assert_refused (application, profile, shanghai, in_window, "not one of this exam session");
  bk_exam_application_set_point_code (application, "2916");
  /* The profile must be complete. */
  assert_refused (application, incomplete, shanghai, in_window, "Still missing");
  /* A point and the commitment choice. */
  unsigned_application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 2,
                                                  BK_EXAM_MODE_ALL);
  assert_refused (unsigned_application, profile, shanghai, in_window,
                  "registration or verification point");
  bk_exam_application_set_point_code (unsigned_application, "2916");
  assert_refused (unsigned_application, profile, shanghai, in_window, "choose whether to sign");
  /* Declining the commitment means proofs first. */
  declined = make_ready_application (profile, "shanghai-2026");
  g_assert_true (bk_exam_application_sign_commitment (declined, BK_COMMITMENT_NO, &error));
  assert_refused (declined, profile, shanghai, in_window, "Without the commitment");

  /* Not eligible: level 2 needs a year of metrology work by 31 Dec 2026. */
  work = g_list_model_get_item (bk_profile_get_work (newcomer), 0);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 2, 1, 2026);
  bk_work_entry_set_from (work, &date);
  assert_refused (application, newcomer, shanghai, in_window, "not eligible");

  /* Foreign education cannot be checked online: proofs are needed. */
  education = g_list_model_get_item (bk_profile_get_education (foreign), 0);
  bk_education_entry_set_foreign (education, TRUE);
  assert_refused (application, foreign, shanghai, in_window, "upload your proofs");

  /* Every refusal left a draft; now it goes through, once. */
  now = at (in_window);
  g_assert_true (bk_submission_submit (application, profile, shanghai, now, &error));
  g_assert_no_error (error);
  assert_refused (application, profile, shanghai, in_window, "already been submitted");
}

static void
test_submission_sign_window (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application =
    bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 2, BK_EXAM_MODE_ALL);
  g_autoptr (GDateTime) before = at ("2026-04-07T09:59:59+08:00");
  g_autoptr (GDateTime) opening = at ("2026-04-07T10:00:00+08:00");
  g_autoptr (GDateTime) closing = at ("2026-04-13T16:00:00+08:00");
  g_autoptr (GError) error = NULL;

  /* Not before registration opens, not after it closes. */
  g_assert_false (
    bk_submission_sign_commitment (application, session, before, BK_COMMITMENT_YES, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Registration opens"));
  g_clear_error (&error);
  g_assert_false (
    bk_submission_sign_commitment (application, session, closing, BK_COMMITMENT_YES, &error));
  g_assert_nonnull (strstr (error->message, "Registration closed"));
  g_clear_error (&error);
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_UNSET);
  g_assert_null (bk_exam_application_get_commitment_signed_at (application));

  g_assert_true (
    bk_submission_sign_commitment (application, session, opening, BK_COMMITMENT_YES, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_YES);
}

static void
test_submission_only_gate (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkExamApplication) application = make_ready_application (profile, "shanghai-2026");
  g_autoptr (GError) error = NULL;

  /* No way around the window and eligibility checks. */
  g_assert_false (
    bk_exam_application_transition (application, BK_APPLICATION_STATE_SUBMITTED, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_DRAFT);
  g_assert_null (bk_exam_application_get_submitted_at (application));
}

int
main (int argc, char **argv)
{
  g_setenv ("BAOKAO_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/application-state/nicks", test_nicks);
  g_test_add_func ("/models/application-state/transitions", test_transitions);
  g_test_add_func ("/models/application-state/next-step-and-window", test_next_step_and_window);
  g_test_add_func ("/models/application/submit", test_application_submit);
  g_test_add_func ("/models/application/declined-with-proof", test_application_declined_with_proof);
  g_test_add_func ("/models/submission/window", test_submission_window);
  g_test_add_func ("/models/submission/window-liaoning", test_submission_window_liaoning);
  g_test_add_func ("/models/submission/fails-closed", test_submission_fails_closed);
  g_test_add_func ("/models/submission/refusals", test_submission_refusals);
  g_test_add_func ("/models/submission/only-gate", test_submission_only_gate);
  g_test_add_func ("/models/submission/sign-window", test_submission_sign_window);

  return g_test_run ();
}
