/* bk-application-state.c
 *
 * The workflow chart of Shanghai 2026 (domain.md) as a table, so the UI's
 * timeline, the store and, later, the server agree on one set of moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-state.h"
#include "bk-enum-nick.h"

/* Display names; the nicks come from the enum type (bk-core-enums.h). */
static const char *const state_names[] = {
  [BK_APPLICATION_STATE_DRAFT] = N_ ("Draft"),
  [BK_APPLICATION_STATE_SUBMITTED] = N_ ("Submitted"),
  [BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED] = N_ ("Automatic check passed"),
  [BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED] = N_ ("Automatic check failed"),
  [BK_APPLICATION_STATE_PROOFS_SUBMITTED] = N_ ("Proofs submitted"),
  [BK_APPLICATION_STATE_MANUAL_CHECK_PASSED] = N_ ("Manual check passed"),
  [BK_APPLICATION_STATE_TERMINATED] = N_ ("Registration terminated"),
  [BK_APPLICATION_STATE_SPOT_CHECK_PASSED] = N_ ("Spot-check review passed"),
  [BK_APPLICATION_STATE_SPOT_CHECK_FAILED] = N_ ("Spot-check review failed"),
  [BK_APPLICATION_STATE_CONFIRMED] = N_ ("Confirmed"),
  [BK_APPLICATION_STATE_TICKET_PRINTED] = N_ ("Admission ticket printed"),
  [BK_APPLICATION_STATE_EXAM_TAKEN] = N_ ("Exam taken"),
  [BK_APPLICATION_STATE_SCORES_PUBLISHED] = N_ ("Scores published"),
  [BK_APPLICATION_STATE_CERTIFIED] = N_ ("Certificate issued"),
  [BK_APPLICATION_STATE_LAPSED] = N_ ("Lapsed: a time window was missed"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_names) == BK_APPLICATION_STATE_LAST + 1);

static gboolean
state_is_valid (BkApplicationState state)
{
  return (guint) state <= BK_APPLICATION_STATE_LAST;
}

const char *
bk_commitment_to_nick (BkCommitment commitment)
{
  return bk_enum_to_nick (BK_TYPE_COMMITMENT, commitment);
}

gboolean
bk_commitment_from_nick (const char *nick, BkCommitment *commitment)
{
  int value;

  if (!bk_enum_from_nick (BK_TYPE_COMMITMENT, nick, &value))
    return FALSE;
  if (commitment != NULL)
    *commitment = (BkCommitment) value;
  return TRUE;
}

const char *
bk_application_state_to_nick (BkApplicationState state)
{
  return bk_enum_to_nick (BK_TYPE_APPLICATION_STATE, state);
}

gboolean
bk_application_state_from_nick (const char *nick, BkApplicationState *state)
{
  int value;

  if (!bk_enum_from_nick (BK_TYPE_APPLICATION_STATE, nick, &value))
    return FALSE;
  if (state != NULL)
    *state = (BkApplicationState) value;
  return TRUE;
}

const char *
bk_application_state_get_display_name (BkApplicationState state)
{
  g_return_val_if_fail (state_is_valid (state), NULL);

  return _ (state_names[state]);
}

gboolean
bk_application_state_can_transition (BkApplicationState from,
                                     BkApplicationState to,
                                     BkCommitment commitment)
{
  g_return_val_if_fail (state_is_valid (from), FALSE);
  g_return_val_if_fail (state_is_valid (to), FALSE);

  /* Any registration that has not reached the exam can miss a window. */
  if (to == BK_APPLICATION_STATE_LAPSED)
    return from <= BK_APPLICATION_STATE_CONFIRMED && from != BK_APPLICATION_STATE_TERMINATED;

  switch (from)
    {
      case BK_APPLICATION_STATE_DRAFT:
        /* Submitting needs the candidate's own choice about the commitment. */
        return to == BK_APPLICATION_STATE_SUBMITTED && commitment != BK_COMMITMENT_UNSET;

      case BK_APPLICATION_STATE_SUBMITTED:
        if (commitment == BK_COMMITMENT_YES)
          return to == BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED ||
                 to == BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED;
        if (commitment == BK_COMMITMENT_NO)
          return to == BK_APPLICATION_STATE_PROOFS_SUBMITTED;
        return FALSE;

      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return to == BK_APPLICATION_STATE_PROOFS_SUBMITTED;

      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        return to == BK_APPLICATION_STATE_MANUAL_CHECK_PASSED ||
               to == BK_APPLICATION_STATE_TERMINATED;

      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        /* The spot check samples applications; one not sampled goes on to
         * confirmation directly. */
        return to == BK_APPLICATION_STATE_SPOT_CHECK_PASSED ||
               to == BK_APPLICATION_STATE_SPOT_CHECK_FAILED || to == BK_APPLICATION_STATE_CONFIRMED;

      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return to == BK_APPLICATION_STATE_CONFIRMED;

      case BK_APPLICATION_STATE_CONFIRMED:
        return to == BK_APPLICATION_STATE_TICKET_PRINTED;

      case BK_APPLICATION_STATE_TICKET_PRINTED:
        return to == BK_APPLICATION_STATE_EXAM_TAKEN;

      case BK_APPLICATION_STATE_EXAM_TAKEN:
        return to == BK_APPLICATION_STATE_SCORES_PUBLISHED;

      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
        return to == BK_APPLICATION_STATE_CERTIFIED;

      case BK_APPLICATION_STATE_TERMINATED:
      case BK_APPLICATION_STATE_CERTIFIED:
      case BK_APPLICATION_STATE_LAPSED:
      default:
        return FALSE;
    }
}

gboolean
bk_application_state_is_editable (BkApplicationState state)
{
  return state == BK_APPLICATION_STATE_DRAFT;
}

gboolean
bk_application_state_needs_proofs (BkApplicationState state, BkCommitment commitment)
{
  return (state == BK_APPLICATION_STATE_SUBMITTED && commitment == BK_COMMITMENT_NO) ||
         state == BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED ||
         state == BK_APPLICATION_STATE_SPOT_CHECK_FAILED;
}

gboolean
bk_application_state_is_final (BkApplicationState state)
{
  return state == BK_APPLICATION_STATE_TERMINATED || state == BK_APPLICATION_STATE_CERTIFIED ||
         state == BK_APPLICATION_STATE_LAPSED;
}

gboolean
bk_application_state_is_failure (BkApplicationState state)
{
  return state == BK_APPLICATION_STATE_TERMINATED || state == BK_APPLICATION_STATE_LAPSED;
}

const char *
bk_application_state_get_next_step (BkApplicationState state, BkCommitment commitment)
{
  g_return_val_if_fail (state_is_valid (state), NULL);

  switch (state)
    {
      case BK_APPLICATION_STATE_DRAFT:
        return _ ("Choose a registration point, read and decide on the commitment, review the "
                  "application and submit it before registration closes.");
      case BK_APPLICATION_STATE_SUBMITTED:
        if (commitment == BK_COMMITMENT_NO)
          return _ ("Upload proofs (such as a work certificate) for manual verification before "
                    "verification closes.");
        return _ ("Wait for the automatic check of your education, major and work years; the "
                  "result can take up to 24 hours.");
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
        return _ ("Upload proofs (such as a work certificate or education certificate) for manual "
                  "verification before verification closes.");
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        return _ ("Wait for the manual check of your proofs by the verification point.");
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        return _ ("Wait for the spot-check review; if your application is not sampled, confirm "
                  "it in the confirmation window.");
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return _ ("Upload the proofs the spot-check review asks for, for manual verification.");
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return _ ("Check and confirm your application in the confirmation window; after that it "
                  "can no longer be changed.");
      case BK_APPLICATION_STATE_CONFIRMED:
        return _ ("Download and print your admission ticket on A4 paper in the ticket window.");
      case BK_APPLICATION_STATE_TICKET_PRINTED:
        return _ ("Sit the exam: bring the printed admission ticket and your original ID.");
      case BK_APPLICATION_STATE_EXAM_TAKEN:
        return _ ("Check your scores when they are published.");
      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
        return _ ("If you passed every subject, your certificate follows, usually electronic.");
      case BK_APPLICATION_STATE_TERMINATED:
      case BK_APPLICATION_STATE_CERTIFIED:
      case BK_APPLICATION_STATE_LAPSED:
      default:
        return NULL;
    }
}

const char *
bk_application_state_get_window_step (BkApplicationState state, BkCommitment commitment)
{
  g_return_val_if_fail (state_is_valid (state), NULL);

  switch (state)
    {
      case BK_APPLICATION_STATE_DRAFT:
        return "register";
      case BK_APPLICATION_STATE_SUBMITTED:
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        return "verification";
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return "spot-check-review";
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return "confirmation";
      case BK_APPLICATION_STATE_CONFIRMED:
        return "ticket-printing";
      case BK_APPLICATION_STATE_TICKET_PRINTED:
        return "exam";
      case BK_APPLICATION_STATE_EXAM_TAKEN:
        return "scores";
      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
      case BK_APPLICATION_STATE_TERMINATED:
      case BK_APPLICATION_STATE_CERTIFIED:
      case BK_APPLICATION_STATE_LAPSED:
      default:
        return NULL;
    }
}

const char *
bk_application_state_describe_missed_window (const char *step)
{
  if (step == NULL)
    return NULL;
  if (g_str_equal (step, "register"))
    return _ ("There is no late registration: an application not submitted in time can only be "
              "made in a later session.");
  if (g_str_equal (step, "verification"))
    return _ ("Proofs that arrive after verification closes are not accepted, and the "
              "registration does not succeed.");
  if (g_str_equal (step, "spot-check-review"))
    return _ ("If the spot-check review asks for proofs and they do not arrive in time, the "
              "registration does not succeed.");
  if (g_str_equal (step, "confirmation"))
    return _ ("Without confirmation in time, the registration has not succeeded.");
  if (g_str_equal (step, "payment"))
    return _ ("Whoever does not pay in time has given up the exam.");
  if (g_str_equal (step, "ticket-printing"))
    return _ ("Whoever does not print the admission ticket in time has given up the exam.");
  if (g_str_equal (step, "exam"))
    return _ ("A subject not sat is not passed; all subjects must be passed within the "
              "consecutive years the level allows.");
  if (g_str_equal (step, "scores"))
    return _ ("Scores stay available to check after they are published.");
  return NULL;
}
