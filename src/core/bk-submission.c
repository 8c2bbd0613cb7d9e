/* bk-submission.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-core-error.h"
#include "bk-eligibility.h"
#include "bk-exam-application-private.h"
#include "bk-format.h"
#include "bk-submission.h"

/* Fails closed: a session that publishes no registration window, or one
 * without a closing time, accepts nothing. */
static gboolean
check_window (BkExamSession *session, GDateTime *now, GError **error)
{
  const BkExamWindow *window = bk_exam_session_get_window (session, "register");
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (window == NULL || window->start == NULL || window->end == NULL)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("This exam session has no published registration window, so "
                              "nothing can be submitted for it yet. Ask your registration point "
                              "when registration opens."));
      return FALSE;
    }
  if (bk_exam_window_contains (window, now))
    return TRUE;

  start = bk_format_date_time (window->start);
  end = bk_format_deadline (window->end);
  if (g_date_time_compare (now, window->start) < 0)
    g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                 /* TRANSLATORS: %s are the start and end of the registration window */
                 _ ("Registration opens on %s and closes on %s. Your application is kept; submit "
                    "it then."),
                 start, end);
  else
    g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                 /* TRANSLATORS: %s is the end of the registration window */
                 _ ("Registration closed on %s, and there is no late registration. Choose a "
                    "later exam session."),
                 end);
  return FALSE;
}

static gboolean
check_session (BkExamApplication *application, BkExamSession *session, GError **error)
{
  if (g_strcmp0 (bk_exam_application_get_session_id (application),
                 bk_exam_session_get_id (session)) == 0)
    return TRUE;
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                       _ ("This application is for another exam session. Open it from its "
                          "own session, or choose this session in step 4 again."));
  return FALSE;
}

/* The point is one of the session's (Liaoning's have no codes: their names). */
static gboolean
check_point (BkExamApplication *application, BkExamSession *session, GError **error)
{
  const char *chosen = bk_exam_application_get_point_code (application);
  GPtrArray *points = bk_exam_session_get_points (session);

  if (*chosen == '\0')
    return TRUE; /* the application's own check says to choose one */
  for (guint i = 0; i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->code, chosen) == 0 || g_strcmp0 (point->name, chosen) == 0)
        return TRUE;
    }
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                       _ ("The registration point chosen is not one of this exam session's. "
                          "Choose your point again from the list."));
  return FALSE;
}

gboolean
bk_submission_submit (BkExamApplication *application,
                      BkProfile *profile,
                      BkExamSession *session,
                      GDateTime *now,
                      GError **error)
{
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  g_autoptr (BkEligibilityVerdict) verdict = NULL;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (application), FALSE);
  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (bk_exam_application_get_state (application) != BK_APPLICATION_STATE_DRAFT)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("This application has already been submitted."));
      return FALSE;
    }
  if (!check_session (application, session, error) || !check_window (session, now, error))
    return FALSE;
  if (!bk_exam_application_check_submittable (application, profile, error) ||
      !check_point (application, session, error))
    return FALSE;

  eligibility_case = bk_profile_to_eligibility_case (profile, bk_exam_session_get_id (session),
                                                     bk_exam_application_get_level (application),
                                                     bk_exam_application_get_mode (application));
  verdict = bk_eligibility_evaluate (session, eligibility_case, error);
  if (verdict == NULL)
    return FALSE;
  if (!verdict->eligible)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("You are not eligible for this level and mode yet. Step 4 explains "
                              "why and which level or mode is open to you."));
      return FALSE;
    }
  if (bk_exam_application_get_commitment (application) == BK_COMMITMENT_YES &&
      !verdict->commitment_allowed)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The commitment system is not open to you. Choose to apply "
                              "without it and upload your proofs."));
      return FALSE;
    }
  if (verdict->verification != BK_VERIFICATION_ROUTE_AUTOMATIC &&
      g_list_model_get_n_items (bk_exam_application_get_proofs (application)) == 0)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("Your records need a manual check: upload your proofs (certificates, "
                              "a work certificate) before submitting."));
      return FALSE;
    }

  bk_exam_application_mark_submitted (application, now);
  return TRUE;
}

gboolean
bk_submission_sign_commitment (BkExamApplication *application,
                               BkExamSession *session,
                               GDateTime *now,
                               BkCommitment commitment,
                               GError **error)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (application), FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  /* A submitted application says so itself. */
  if (bk_exam_application_get_state (application) == BK_APPLICATION_STATE_DRAFT &&
      (!check_session (application, session, error) || !check_window (session, now, error)))
    return FALSE;
  return bk_exam_application_sign_commitment (application, commitment, error);
}
