/* test-application-state.c — the Shanghai workflow as states, and the
 * application object that moves through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-application-state.h"
#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-exam-application.h"

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

/* A profile the portal would accept: complete, so only the application
 * decides whether it can be submitted. */
static BkProfile *
make_complete_profile (void)
{
  BkProfile *profile = bk_profile_new ();
  g_autoptr (BkEducationEntry) education = bk_education_entry_new ();
  g_autoptr (BkWorkEntry) work = bk_work_entry_new ();
  g_autoptr (GBytes) jpeg = g_bytes_new_static ("\xff\xd8jpeg", 6);
  char id[19];
  GDate date;

  g_strlcpy (id, "31010419880214301", sizeof id);
  id[17] = bk_id_document_compute_check_char (id);
  id[18] = '\0';
  bk_profile_set_real_name (profile, "李四");
  bk_profile_set_id_number (profile, id);
  bk_profile_set_mobile (profile, "13912345678");
  bk_profile_set_user_name (profile, "lisi");
  bk_profile_set_password_hash (profile, "$argon2id$x");
  bk_profile_set_ethnicity (profile, "汉族");
  bk_profile_set_work_unit (profile, "计量院");
  bk_profile_set_address (profile, "上海市徐汇区");
  bk_profile_set_postcode (profile, "200233");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 7, 2012);
  bk_education_entry_set_school (education, "中国计量大学");
  bk_education_entry_set_major (education, "测控技术与仪器");
  bk_education_entry_set_graduated (education, &date);
  bk_education_entry_set_certificate_number (education, "103561201205001234");
  bk_profile_add_education (profile, education);
  g_date_set_dmy (&date, 1, 8, 2012);
  bk_work_entry_set_from (work, &date);
  bk_work_entry_set_employer (work, "计量院");
  bk_profile_add_work (profile, work);
  bk_profile_set_photo (profile, jpeg, "me.jpg", jpeg, TRUE, NULL);
  return profile;
}

static void
test_application_submit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_complete_profile ();
  g_autoptr (BkProfile) incomplete = bk_profile_new ();
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  g_assert_cmpint (bk_profile_get_completeness (profile, NULL), ==, 100);
  application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 2,
                                         BK_EXAM_MODE_ALL);

  /* Never pre-ticked. */
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_UNSET);
  g_assert_null (bk_exam_application_get_commitment_signed_at (application));
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_DRAFT);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 0);

  g_assert_false (bk_exam_application_submit (application, incomplete, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Still missing"));
  g_assert_nonnull (strstr (error->message, "Mobile phone number"));
  g_clear_error (&error);

  g_assert_false (bk_exam_application_submit (application, profile, &error));
  g_assert_nonnull (strstr (error->message, "registration or verification point"));
  g_clear_error (&error);
  bk_exam_application_set_point_code (application, "2916");

  g_assert_false (bk_exam_application_submit (application, profile, &error));
  g_assert_nonnull (strstr (error->message, "commitment"));
  g_clear_error (&error);

  /* Declining the commitment means proofs first. */
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  g_assert_null (bk_exam_application_get_commitment_signed_at (application));
  g_assert_false (bk_exam_application_submit (application, profile, &error));
  g_assert_nonnull (strstr (error->message, "proofs"));
  g_clear_error (&error);

  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_YES, &error));
  g_assert_no_error (error);
  g_assert_true (
    g_date_time_equal (bk_exam_application_get_commitment_signed_at (application), now));

  g_assert_true (bk_exam_application_submit (application, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_state (application), ==, BK_APPLICATION_STATE_SUBMITTED);
  g_assert_true (g_date_time_equal (bk_exam_application_get_submitted_at (application), now));

  /* Submitted: the commitment and the state only move forward. */
  g_assert_false (bk_exam_application_sign_commitment (application, BK_COMMITMENT_NO, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpint (bk_exam_application_get_commitment (application), ==, BK_COMMITMENT_YES);
  g_assert_false (bk_exam_application_submit (application, profile, &error));
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
  g_autoptr (BkProfile) profile = make_complete_profile ();
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkExamApplication) copy = NULL;
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr (BkProofEntry) proof = NULL;
  g_autofree char *json = NULL;
  g_autofree char *copy_json = NULL;
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

  g_assert_true (bk_exam_application_submit (application, profile, &error));
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

  return g_test_run ();
}
