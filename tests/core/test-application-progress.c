/* test-application-progress.c — what the server wrote into an application
 * as the candidate's Status step reads it (the decision and its reason
 * without the staff's account, confirmation, payment, scores and the
 * rolling certificate window), and the reminder on the day before a
 * window closes for a step the candidate has not done, at BAOKAO_NOW
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-application-reminder.h"
#include "bk-clock.h"
#include "bk-core-error.h"

static BkExamSession *shanghai;
static BkExamSession *liaoning;

static BkApplicationProgress *
progress (const char *json)
{
  g_autoptr (GError) error = NULL;
  BkApplicationProgress *p = bk_application_progress_new_from_json (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
test_decision (void)
{
  g_autoptr (BkApplicationProgress) more = progress (
    "{\"id\":\"a\",\"state\":\"proofs-submitted\",\"verdict\":{\"route\":\"proofs\"},"
    "\"workflow\":{\"proofs_requested\":true},\"decisions\":["
    "{\"at\":\"2026-04-09T10:00:00+08:00\",\"by\":\"0d1b-staff-account\",\"queue\":"
    "\"manual-verification\",\"decision\":\"more-proofs\",\"reason\":\"work-certificate-missing\","
    "\"text\":\"请上传加盖公章的工作证明\",\"from\":\"proofs-submitted\",\"to\":\"proofs-submitted\"}]}");
  g_autofree char *text = bk_application_progress_describe_decision (more);
  g_autoptr (BkApplicationProgress) fresh = progress ("{\"state\":\"submitted\",\"future\":1}");
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (more->decision, ==, "more-proofs");
  g_assert_true (bk_application_progress_wants_proofs (more));
  g_assert_false (bk_application_progress_can_confirm (more));
  g_assert_nonnull (strstr (text, "a work certificate is missing"));
  g_assert_nonnull (strstr (text, "请上传加盖公章的工作证明"));
  g_assert_nonnull (strstr (text, "upload"));
  g_assert_null (strstr (text, "0d1b-staff-account"));

  /* The proofs arrived: nothing more to add, staff look next. */
  more->proofs_requested = FALSE;
  g_clear_pointer (&text, g_free);
  text = bk_application_progress_describe_decision (more);
  g_assert_false (bk_application_progress_wants_proofs (more));
  g_assert_nonnull (strstr (text, "They have arrived"));

  g_assert_null (bk_application_progress_describe_decision (fresh));
  g_assert_false (bk_application_progress_wants_proofs (fresh));
  g_assert_null (bk_application_progress_new_from_json ("{\"state\":\"flying\"}", &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
}

static void
test_confirm_and_pay (void)
{
  g_autoptr (BkApplicationProgress) drawn =
    progress ("{\"state\":\"automatic-check-passed\",\"workflow\":{\"spot_check_drawn\":true}}");
  g_autoptr (BkApplicationProgress) free_pass =
    progress ("{\"state\":\"automatic-check-passed\",\"workflow\":{\"spot_check_drawn\":false}}");
  g_autoptr (BkApplicationProgress) paid = progress (
    "{\"state\":\"confirmed\",\"workflow\":{\"confirmed_at\":\"2020-08-15T10:00:00+08:00\","
    "\"payment\":{\"receipt\":\"LN-0001\",\"amount_fen\":7000,\"paid_at\":"
    "\"2020-08-20T10:00:00+08:00\",\"recorded_by\":\"x\"}}}");

  g_assert_false (bk_application_progress_can_confirm (drawn));
  g_assert_true (bk_application_progress_can_confirm (free_pass));
  g_assert_true (paid->paid);
  g_assert_cmpuint (paid->paid_fen, ==, 7000);
  g_assert_cmpstr (paid->receipt, ==, "LN-0001");
  g_assert_nonnull (paid->confirmed_at);
}

/* Level 1 at Liaoning 2020: two of three passed, so the third must be
 * passed by the window's last year. */
static void
test_scores (void)
{
  g_autoptr (BkApplicationProgress) p = progress (
    "{\"state\":\"scores-published\",\"scores\":{\"year\":2020,\"subjects\":["
    "{\"subject\":1,\"score\":70,\"passed\":true},{\"subject\":2,\"score\":61.5,\"passed\":true},"
    "{\"subject\":3,\"score\":40,\"passed\":false}],\"window_years\":3,"
    "\"certificate_earned\":false,\"remaining\":[3],\"last_year\":2022,\"passes\":["
    "{\"year\":2020,\"subject\":1,\"score\":70},{\"year\":2020,\"subject\":2,\"score\":61.5}]}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (BkScoreOutcome) outcome = NULL;

  g_assert_cmpuint (p->scores_year, ==, 2020);
  g_assert_cmpuint (p->scores->len, ==, 3);
  g_assert_false (g_array_index (p->scores, BkSubjectScore, 2).passed);
  outcome = bk_application_progress_evaluate_scores (p, liaoning, 1, BK_EXAM_MODE_ALL, &error);
  g_assert_no_error (error);
  g_assert_false (outcome->certificate_earned);
  g_assert_cmpuint (outcome->remaining->len, ==, 1);
  g_assert_cmpuint (g_array_index (outcome->remaining, guint, 0), ==, 3);
  g_assert_cmpuint (outcome->last_year, ==, 2022);
}

static char *
reminder_at (const char *now_text,
             BkApplicationState state,
             const char *json,
             BkExamSession *session,
             const char **step)
{
  g_autoptr (BkApplicationProgress) p = json != NULL ? progress (json) : NULL;
  g_autoptr (GDateTime) now = NULL;

  g_setenv ("BAOKAO_NOW", now_text, TRUE);
  now = bk_clock_get_now ();
  g_unsetenv ("BAOKAO_NOW");
  return bk_application_reminder_for (state, p, session, now, step);
}

/* Shanghai's confirmation window is 17 April 10:00 to 18 April 16:00:
 * the 17th is the day before it closes. */
static void
test_reminder_confirmation (void)
{
  const char *passed = "{\"state\":\"automatic-check-passed\",\"workflow\":{}}";
  const char *done = "{\"state\":\"confirmed\",\"workflow\":{}}";
  const char *step = NULL;
  g_autofree char *on_day = reminder_at ("2026-04-17T12:00:00+08:00",
                                         BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, passed,
                                         shanghai, &step);
  g_autofree char *late_evening = reminder_at ("2026-04-17T23:59:00+08:00",
                                               BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, passed,
                                               shanghai, NULL);
  g_autofree char *last_day = reminder_at ("2026-04-18T09:00:00+08:00",
                                           BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, passed,
                                           shanghai, NULL);
  g_autofree char *confirmed = reminder_at ("2026-04-17T12:00:00+08:00",
                                            BK_APPLICATION_STATE_CONFIRMED, done, shanghai, NULL);
  /* The 17th in UTC is already the last day, the 18th, in China. */
  g_autofree char *utc = reminder_at (
    "2026-04-17T17:00:00Z", BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, passed, shanghai, NULL);

  g_assert_nonnull (on_day);
  g_assert_cmpstr (step, ==, "confirmation");
  g_assert_nonnull (strstr (on_day, "2026-04-18 16:00"));
  g_assert_nonnull (strstr (on_day, "confirm"));
  g_assert_nonnull (late_evening);
  g_assert_null (last_day);
  g_assert_null (confirmed);
  g_assert_null (utc);
}

/* Liaoning's payment window ends 27 August 00:00, so its last day is the
 * 26th and the reminder comes on the 25th; a paid fee needs none. */
static void
test_reminder_payment (void)
{
  const char *unpaid = "{\"state\":\"confirmed\",\"workflow\":{}}";
  const char *paid =
    "{\"state\":\"confirmed\",\"workflow\":{\"payment\":{\"amount_fen\":7000,\"receipt\":\"r\"}}}";
  const char *step = NULL;
  g_autofree char *due = reminder_at ("2020-08-25T08:00:00+08:00", BK_APPLICATION_STATE_CONFIRMED,
                                      unpaid, liaoning, &step);
  g_autofree char *day_after = reminder_at ("2020-08-26T08:00:00+08:00",
                                            BK_APPLICATION_STATE_CONFIRMED, unpaid, liaoning, NULL);
  g_autofree char *done = reminder_at ("2020-08-25T08:00:00+08:00", BK_APPLICATION_STATE_CONFIRMED,
                                       paid, liaoning, NULL);

  g_assert_nonnull (due);
  g_assert_cmpstr (step, ==, "payment");
  g_assert_nonnull (strstr (due, "2020-08-26 24:00"));
  g_assert_null (day_after);
  g_assert_null (done);
}

/* A draft on the day before registration closes; proofs asked for on the
 * day before verification closes. */
static void
test_reminder_register_and_proofs (void)
{
  const char *step = NULL;
  g_autofree char *draft = reminder_at ("2026-04-12T20:00:00+08:00", BK_APPLICATION_STATE_DRAFT,
                                        NULL, shanghai, &step);
  g_autofree char *proofs = NULL;

  g_assert_nonnull (draft);
  g_assert_cmpstr (step, ==, "register");
  proofs = reminder_at ("2026-04-13T20:00:00+08:00", BK_APPLICATION_STATE_PROOFS_SUBMITTED,
                        "{\"state\":\"proofs-submitted\",\"workflow\":{\"proofs_requested\":true}}",
                        shanghai, &step);
  g_assert_nonnull (proofs);
  g_assert_cmpstr (step, ==, "verification");
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  shanghai = bk_exam_session_load ("shanghai-2026", &error);
  g_assert_no_error (error);
  liaoning = bk_exam_session_load ("liaoning-2020", &error);
  g_assert_no_error (error);

  g_test_add_func ("/progress/decision", test_decision);
  g_test_add_func ("/progress/confirm-and-pay", test_confirm_and_pay);
  g_test_add_func ("/progress/scores", test_scores);
  g_test_add_func ("/reminder/confirmation", test_reminder_confirmation);
  g_test_add_func ("/reminder/payment", test_reminder_payment);
  g_test_add_func ("/reminder/register-and-proofs", test_reminder_register_and_proofs);

  status = g_test_run ();
  g_clear_object (&shanghai);
  g_clear_object (&liaoning);
  return status;
}
