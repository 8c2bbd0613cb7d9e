/* bk-server-workflow-lapse.c — applications whose candidate missed a window
 *
 * Confirmation (核对确认) and payment are the candidate's steps, each only
 * inside its window: once the window has closed with the step not done,
 * the registration has not succeeded, and the application moves to
 * `lapsed` (core's diagram: any state before confirmed, and confirmed,
 * may lapse). A step that waits for the staff (a manual check, a
 * spot-check review) is not the candidate's to miss: such an application
 * stays where it is. See "Windows" in docs/protocol.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-workflow-private.h"

/* The step the candidate owes now ("confirmation", "payment"), or NULL. */
static const char *
step_owed (JsonObject *application, BkExamSession *session)
{
  JsonObject *workflow = bk_server_workflow_get_object (application, "workflow");

  switch (bk_server_workflow_get_state (application))
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        return bk_server_workflow_get_bool (workflow, "spot_check_drawn") ? NULL : "confirmation";
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return "confirmation";
      case BK_APPLICATION_STATE_CONFIRMED:
        return g_strcmp0 (bk_server_workflow_queue (application, session), "payment-due") == 0
                 ? "payment"
                 : NULL;
      default:
        return NULL;
    }
}

gboolean
bk_server_workflow_lapse_missed (JsonObject *application,
                                 BkExamSession *session,
                                 gint64 now,
                                 GString *detail)
{
  BkServerWorkflowRefusal refusal = { 0 };
  JsonObject *lapsed;
  const char *step;
  g_autofree char *at = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (application != NULL, FALSE);

  if (session == NULL || (step = step_owed (application, session)) == NULL)
    return FALSE;
  if (bk_server_workflow_check_window (session, step, now, &refusal) ||
      g_strcmp0 (refusal.code, "window_closed") != 0 ||
      !bk_application_state_can_transition (bk_server_workflow_get_state (application),
                                            BK_APPLICATION_STATE_LAPSED,
                                            bk_server_workflow_get_commitment (application)))
    {
      bk_server_workflow_refusal_clear (&refusal);
      return FALSE;
    }
  /* What was missed, beside the verdict (which stays as it was). */
  at = bk_server_workflow_iso_time (now);
  code = g_strdup_printf ("%s_missed", step);
  lapsed = json_object_new ();
  json_object_set_string_member (lapsed, "code", code);
  json_object_set_string_member (lapsed, "message", refusal.message);
  json_object_set_string_member (lapsed, "at", at);
  json_object_set_object_member (bk_server_workflow_of (application), "lapsed", lapsed);
  json_object_set_string_member (application, "state",
                                 bk_application_state_to_nick (BK_APPLICATION_STATE_LAPSED));
  if (detail != NULL)
    g_string_append_printf (detail, "lapsed: %s", code);
  bk_server_workflow_refusal_clear (&refusal);
  return TRUE;
}
