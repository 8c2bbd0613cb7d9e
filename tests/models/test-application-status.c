/* test-application-status.c — where an application stands, read from its
 * state, the session's windows and the clock, at every window edge of both
 * sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-application-status.h"
#include "bk-format.h"

typedef enum
{
  CANDIDATE, /* the candidate acts in the window; missing it fails */
  AUTHORITY, /* the authority acts; a closed window without a result is overdue */
  EXAM,      /* the candidate sits the exam; afterwards nothing is missed */
} Actor;

static const struct
{
  const char *step;
  BkApplicationState state;
  BkCommitment commitment;
  Actor actor;
} cases[] = {
  { "register", BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_UNSET, CANDIDATE },
  { "register", BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_YES, CANDIDATE },
  { "verification", BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_YES, AUTHORITY },
  { "verification", BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_NO, CANDIDATE },
  { "verification", BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED, BK_COMMITMENT_YES, CANDIDATE },
  { "verification", BK_APPLICATION_STATE_PROOFS_SUBMITTED, BK_COMMITMENT_NO, AUTHORITY },
  { "spot-check-review", BK_APPLICATION_STATE_SPOT_CHECK_FAILED, BK_COMMITMENT_YES, CANDIDATE },
  { "confirmation", BK_APPLICATION_STATE_SPOT_CHECK_PASSED, BK_COMMITMENT_YES, CANDIDATE },
  /* Liaoning: paid after verification passes (Shanghai is free). */
  { "payment", BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_COMMITMENT_YES, CANDIDATE },
  { "ticket-printing", BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES, CANDIDATE },
  { "exam", BK_APPLICATION_STATE_TICKET_PRINTED, BK_COMMITMENT_YES, EXAM },
  { "scores", BK_APPLICATION_STATE_EXAM_TAKEN, BK_COMMITMENT_YES, AUTHORITY },
};

static BkExamApplication *
make_application (const char *session_id, BkApplicationState state, BkCommitment commitment)
{
  BkExamApplication *application = bk_exam_application_new ("profile", session_id, 2,
                                                            BK_EXAM_MODE_ALL);

  bk_exam_application_set_point_code (application, "2916");
  bk_exam_application_restore (application, commitment, NULL, state, NULL);
  return application;
}

static BkApplicationStatus *
status_at (BkExamApplication *application, BkExamSession *session, GDateTime *when)
{
  BkApplicationStatus *status = bk_application_status_new (application, session, when);

  g_assert_nonnull (status);
  g_assert_nonnull (status->title);
  g_assert_nonnull (status->stage_text);
  g_assert_nonnull (status->next_step);
  return status;
}

static void
assert_contains (const char *text, const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("expected “%s” in “%s”", part, text);
}

static void
check_edges (BkExamSession *session, const BkExamWindow *window, guint c)
{
  g_autoptr (BkExamApplication) application =
    make_application (bk_exam_session_get_id (session), cases[c].state, cases[c].commitment);
  g_autoptr (GDateTime) before_open = g_date_time_add_seconds (window->start, -1);
  gboolean acts = cases[c].actor != AUTHORITY;
  gboolean draft = cases[c].state == BK_APPLICATION_STATE_DRAFT;
  g_autoptr (BkApplicationStatus) status = NULL;

  g_test_message ("%s: %s in %s", bk_exam_session_get_id (session),
                  bk_application_state_to_nick (cases[c].state), window->step);

  /* One second before opening: nothing to do yet, nothing missed. */
  status = status_at (application, session, before_open);
  g_assert_cmpstr (status->window_step, ==, window->step);
  g_assert_cmpint (status->phase, ==, BK_WINDOW_PHASE_NOT_OPEN);
  g_assert_false (status->can_act);
  g_assert_false (status->can_submit);
  g_assert_false (status->failed);
  g_assert_false (status->overdue);
  g_assert_true (g_date_time_equal (status->opens, window->start));
  {
    g_autofree char *start = bk_format_date_time (window->start);

    assert_contains (status->message, start);
  }
  g_clear_pointer (&status, bk_application_status_free);

  /* At opening and one second before closing: open. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GDateTime) when = i == 0 || window->end == NULL
                                     ? g_date_time_ref (window->start)
                                     : g_date_time_add_seconds (window->end, -1);

      status = status_at (application, session, when);
      g_assert_cmpint (status->phase, ==, BK_WINDOW_PHASE_OPEN);
      g_assert_cmpint (status->can_act, ==, acts);
      g_assert_cmpint (status->can_submit, ==, draft);
      g_assert_false (status->failed);
      g_assert_false (status->overdue);
      g_assert_cmpstr (status->stage_text, ==, "You are here");
      if (window->end != NULL)
        {
          g_autofree char *end = bk_format_deadline (window->end);

          g_assert_true (g_date_time_equal (status->deadline, window->end));
          assert_contains (status->message, end);
        }
      g_clear_pointer (&status, bk_application_status_free);
    }

  if (window->end == NULL)
    return;

  /* At closing: the candidate's step is missed, the authority's overdue. */
  status = status_at (application, session, window->end);
  g_assert_cmpint (status->phase, ==, BK_WINDOW_PHASE_CLOSED);
  g_assert_false (status->can_act);
  g_assert_false (status->can_submit);
  g_assert_cmpint (status->failed, ==, cases[c].actor == CANDIDATE);
  g_assert_cmpint (status->overdue, ==, cases[c].actor == AUTHORITY);
  g_assert_cmpstr (status->stage_text, !=, "You are here");
  {
    g_autofree char *end = bk_format_deadline (window->end);

    assert_contains (status->message, end);
  }
  if (cases[c].actor == AUTHORITY)
    assert_contains (status->next_step, "Contact your registration point");
}

static void
test_window_edges (gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = bk_exam_session_load (data, &error);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const BkExamWindow *window = bk_exam_session_get_window (session, cases[c].step);

      if (window == NULL)
        continue;
      check_edges (session, window, c);
      checked++;
    }
  /* Liaoning has no spot-check review, Shanghai no payment. */
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (cases) - 1);
}

/* The draft of issue 8: past the registration window it is not "in
 * progress", and it can no longer be signed or submitted. */
static void
test_draft_after_registration (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application =
    make_application ("shanghai-2026", BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_UNSET);
  g_autoptr (GDateTime) later = g_date_time_new_from_iso8601 ("2026-05-01T09:00:00+08:00", NULL);
  g_autoptr (BkApplicationStatus) status = status_at (application, session, later);

  g_assert_cmpstr (status->title, ==, "Registration closed");
  g_assert_true (status->failed);
  g_assert_false (status->can_submit);
  g_assert_null (strstr (status->next_step, "submit"));
  assert_contains (status->message, "2026-04-13 16:00");
  assert_contains (status->next_step, "later exam session");
}

/* Submitted with the commitment, verification closed, no verdict: ask. */
static void
test_verdict_overdue (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application =
    make_application ("shanghai-2026", BK_APPLICATION_STATE_SUBMITTED, BK_COMMITMENT_YES);
  g_autoptr (GDateTime) later = g_date_time_new_from_iso8601 ("2026-04-15T09:00:00+08:00", NULL);
  g_autoptr (BkApplicationStatus) status = status_at (application, session, later);

  g_assert_true (status->overdue);
  g_assert_false (status->failed);
  assert_contains (status->message, "closed on 2026-04-14 16:00");
  assert_contains (status->message, "no result");
  /* Shanghai's point 2916 and its telephone. */
  assert_contains (status->next_step, "54042022");
}

/* Passed and not sampled: after the spot check, the candidate confirms. */
static void
test_passed_goes_to_confirmation (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application = make_application (
    "shanghai-2026", BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_COMMITMENT_YES);
  const BkExamWindow *review = bk_exam_session_get_window (session, "spot-check-review");
  const BkExamWindow *confirmation = bk_exam_session_get_window (session, "confirmation");
  g_autoptr (BkApplicationStatus) during = status_at (application, session, review->start);
  g_autoptr (BkApplicationStatus) after = status_at (application, session, review->end);
  g_autoptr (BkApplicationStatus)
    confirming = status_at (application, session, confirmation->start);

  g_assert_cmpstr (during->window_step, ==, "spot-check-review");
  g_assert_cmpint (during->stage, ==, BK_APPLICATION_STAGE_REVIEW);
  g_assert_false (during->can_act);
  g_assert_cmpstr (after->window_step, ==, "confirmation");
  g_assert_false (after->overdue);
  g_assert_cmpint (after->phase, ==, BK_WINDOW_PHASE_NOT_OPEN);
  g_assert_cmpint (confirming->stage, ==, BK_APPLICATION_STAGE_CONFIRMATION);
  g_assert_true (confirming->can_act);
}

/* Liaoning: verification passed, the fee is due; not paying in time is
 * giving up, not a missed confirmation. */
static void
test_payment_due (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("liaoning-2020", NULL);
  g_autoptr (BkExamApplication) application = make_application (
    "liaoning-2020", BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_COMMITMENT_YES);
  g_autoptr (GDateTime) due = g_date_time_new_from_iso8601 ("2020-08-26T10:00:00+08:00", NULL);
  g_autoptr (GDateTime) late = g_date_time_new_from_iso8601 ("2020-08-27T00:00:00+08:00", NULL);
  g_autoptr (BkApplicationStatus) open = status_at (application, session, due);
  g_autoptr (BkApplicationStatus) closed = status_at (application, session, late);

  g_assert_cmpstr (open->window_step, ==, "payment");
  g_assert_true (open->can_act);
  assert_contains (open->next_step, "Pay the fee");
  assert_contains (open->message, "2020-08-26 24:00");
  g_assert_true (closed->failed);
  assert_contains (closed->message, "does not pay in time");
}

/* Liaoning's registration closes "24 Aug at 24:00": said so, not as 25 Aug. */
static void
test_midnight_deadline (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("liaoning-2020", NULL);
  g_autoptr (BkExamApplication) application =
    make_application ("liaoning-2020", BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_UNSET);
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2020-08-20T10:00:00+08:00", NULL);
  g_autoptr (BkApplicationStatus) status = status_at (application, session, now);

  assert_contains (status->message, "2020-08-24 24:00");
  g_assert_null (strstr (status->message, "08-25"));
}

static void
test_final_and_unknown (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("liaoning-2020", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2020-08-20T10:00:00+08:00", NULL);
  g_autoptr (BkExamApplication) terminated =
    make_application ("liaoning-2020", BK_APPLICATION_STATE_TERMINATED, BK_COMMITMENT_NO);
  g_autoptr (BkExamApplication) certified =
    make_application ("liaoning-2020", BK_APPLICATION_STATE_CERTIFIED, BK_COMMITMENT_YES);
  g_autoptr (BkExamApplication)
    draft = make_application ("liaoning-2020", BK_APPLICATION_STATE_DRAFT, BK_COMMITMENT_YES);
  g_autoptr (BkApplicationStatus) status = NULL;

  status = status_at (terminated, session, now);
  g_assert_true (status->failed);
  g_assert_cmpint (status->stage, ==, BK_APPLICATION_STAGE_VERIFICATION);
  g_clear_pointer (&status, bk_application_status_free);

  status = status_at (certified, session, now);
  g_assert_false (status->failed);
  g_assert_cmpint (status->stage, ==, BK_APPLICATION_STAGE_DONE);
  g_clear_pointer (&status, bk_application_status_free);

  /* Without its session nothing can be known to be open: fail closed. */
  status = status_at (draft, NULL, now);
  g_assert_false (status->can_submit);
  g_assert_false (status->can_act);
  g_clear_pointer (&status, bk_application_status_free);

  status = status_at (draft, session, now);
  g_assert_true (status->can_submit);
}

static BkApplicationStatus *
server_status_at (BkExamApplication *application,
                  const char *server_copy,
                  BkExamSession *session,
                  const char *when)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkApplicationProgress)
    progress = bk_application_progress_new_from_json (server_copy, &error);
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (when, NULL);
  BkApplicationStatus *status;

  g_assert_no_error (error);
  status = bk_application_status_new_from_server (application, progress, session, now);
  g_assert_nonnull (status->next_step);
  return status;
}

/* The server published the scores while this computer's copy still says
 * confirmed (a proof's push waits, or the pull is yet to be applied): the
 * status follows the server, the Scores stage is behind, nothing missed. */
static void
test_server_scores_published (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application =
    make_application ("shanghai-2026", BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES);
  g_autoptr (BkApplicationStatus) status =
    server_status_at (application,
                      "{\"state\":\"scores-published\",\"scores\":{\"year\":2026,\"subjects\":"
                      "[{\"subject\":1,\"score\":72,\"passed\":true}]}}",
                      session, "2026-08-12T10:00:00+08:00");

  g_assert_cmpint (status->state, ==, BK_APPLICATION_STATE_SCORES_PUBLISHED);
  g_assert_cmpint (status->stage, >, BK_APPLICATION_STAGE_SCORES);
  g_assert_false (status->failed);
  g_assert_null (strstr (status->title, "missed"));
}

/* The server issued the ticket (it keeps the state confirmed: it has no
 * word of printing); after the printing window the candidate sits the
 * exam, and no deadline was missed. */
static void
test_server_ticket_issued (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application =
    make_application ("shanghai-2026", BK_APPLICATION_STATE_CONFIRMED, BK_COMMITMENT_YES);
  const char *copy = "{\"state\":\"confirmed\",\"ticket\":{\"number\":\"1\"}}";
  g_autoptr (BkApplicationStatus)
    printing = server_status_at (application, copy, session, "2026-06-11T10:00:00+08:00");
  g_autoptr (BkApplicationStatus)
    exam = server_status_at (application, copy, session, "2026-06-13T10:00:00+08:00");
  g_autoptr (BkApplicationStatus)
    after = server_status_at (application, copy, session, "2026-06-20T10:00:00+08:00");

  g_assert_cmpint (printing->stage, ==, BK_APPLICATION_STAGE_TICKET);
  g_assert_true (printing->can_act);
  g_assert_cmpint (exam->stage, ==, BK_APPLICATION_STAGE_EXAM);
  g_assert_false (exam->failed);
  assert_contains (exam->next_step, "Sit the exam");
  g_assert_cmpint (after->stage, ==, BK_APPLICATION_STAGE_EXAM);
  g_assert_false (after->failed);
  assert_contains (after->next_step, "scores");
}

/* In the confirmation window: an application the spot check left alone
 * is confirmed now, not "wait for the spot check"; one the server drew
 * waits for the review's result and cannot be confirmed. */
static void
test_server_spot_check (void)
{
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkExamApplication) application = make_application (
    "shanghai-2026", BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, BK_COMMITMENT_YES);
  g_autoptr (BkApplicationStatus) left = server_status_at (
    application, "{\"state\":\"automatic-check-passed\",\"workflow\":{\"spot_check_drawn\":false}}",
    session, "2026-04-17T12:00:00+08:00");
  g_autoptr (BkApplicationStatus) drawn = server_status_at (
    application, "{\"state\":\"automatic-check-passed\",\"workflow\":{\"spot_check_drawn\":true}}",
    session, "2026-04-17T12:00:00+08:00");

  g_assert_cmpint (left->stage, ==, BK_APPLICATION_STAGE_CONFIRMATION);
  g_assert_true (left->can_act);
  g_assert_null (strstr (left->next_step, "Wait for the spot-check"));
  assert_contains (left->next_step, "confirm");
  g_assert_cmpint (drawn->stage, ==, BK_APPLICATION_STAGE_REVIEW);
  g_assert_false (drawn->can_act);
  g_assert_cmpstr (drawn->window_step, ==, "spot-check-review");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/models/application-status/edges/liaoning-2020", "liaoning-2020",
                        test_window_edges);
  g_test_add_data_func ("/models/application-status/edges/shanghai-2026", "shanghai-2026",
                        test_window_edges);
  g_test_add_func ("/models/application-status/draft-after-registration",
                   test_draft_after_registration);
  g_test_add_func ("/models/application-status/verdict-overdue", test_verdict_overdue);
  g_test_add_func ("/models/application-status/passed-goes-to-confirmation",
                   test_passed_goes_to_confirmation);
  g_test_add_func ("/models/application-status/payment-due", test_payment_due);
  g_test_add_func ("/models/application-status/midnight-deadline", test_midnight_deadline);
  g_test_add_func ("/models/application-status/final-and-unknown", test_final_and_unknown);
  g_test_add_func ("/models/application-status/server/scores-published",
                   test_server_scores_published);
  g_test_add_func ("/models/application-status/server/ticket-issued", test_server_ticket_issued);
  g_test_add_func ("/models/application-status/server/spot-check", test_server_spot_check);

  return g_test_run ();
}
