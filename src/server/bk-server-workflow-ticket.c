/* bk-server-workflow-ticket.c — the admission ticket of an application,
 * made and signed with core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-admission-ticket.h"
#include "bk-server-workflow-private.h"

gboolean
bk_server_workflow_awaits_ticket (JsonObject *application, BkExamSession *session)
{
  g_return_val_if_fail (application != NULL, FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);

  return bk_server_workflow_get_state (application) == BK_APPLICATION_STATE_CONFIRMED &&
         bk_application_state_can_transition (BK_APPLICATION_STATE_CONFIRMED,
                                              BK_APPLICATION_STATE_TICKET_PRINTED,
                                              bk_server_workflow_get_commitment (application)) &&
         g_strcmp0 (bk_server_workflow_queue (application, session), "payment-due") != 0 &&
         !json_object_has_member (application, "ticket");
}

/* What the client shows beside the signed text. */
static JsonObject *
ticket_member (const BkAdmissionTicket *ticket, gint64 now)
{
  JsonObject *member = json_object_new ();
  JsonArray *subjects = json_array_new ();
  g_autofree char *issued_at = bk_server_workflow_iso_time (now);

  json_object_set_string_member (member, "number", ticket->number);
  json_object_set_string_member (member, "signed", ticket->signed_text);
  json_object_set_int_member (member, "level", ticket->level);
  json_object_set_int_member (member, "venue", ticket->venue);
  json_object_set_string_member (member, "venue_name", ticket->venue_name);
  json_object_set_string_member (member, "venue_address", ticket->venue_address);
  json_object_set_int_member (member, "room", ticket->room);
  json_object_set_int_member (member, "seat", ticket->seat);
  for (guint i = 0; i < ticket->subjects->len; i++)
    {
      const BkExamSubject *subject = ticket->subjects->pdata[i];
      JsonObject *item = json_object_new ();
      g_autofree char *start = g_date_time_format_iso8601 (subject->start);
      g_autofree char *end = g_date_time_format_iso8601 (subject->end);

      json_object_set_int_member (item, "subject", subject->number);
      json_object_set_string_member (item, "name", subject->name_zh);
      json_object_set_string_member (item, "start", start);
      json_object_set_string_member (item, "end", end);
      json_array_add_object_element (subjects, item);
    }
  json_object_set_array_member (member, "subjects", subjects);
  json_object_set_string_member (member, "issued_at", issued_at);
  return member;
}

gboolean
bk_server_workflow_issue_ticket (JsonObject *application,
                                 BkExamSession *session,
                                 BkProfile *profile,
                                 guint venue,
                                 guint room,
                                 guint seat,
                                 const guint8 *secret_key,
                                 gint64 now,
                                 BkServerWorkflowRefusal *refusal)
{
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  g_autoptr (GError) error = NULL;
  BkExamMode mode;
  guint level;

  g_return_val_if_fail (application != NULL && secret_key != NULL && refusal != NULL, FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);

  if (!bk_server_workflow_awaits_ticket (application, session))
    return bk_server_workflow_refuse (refusal, 409, "not_confirmed",
                                      "The application (state %s) is not confirmed and paid, or "
                                      "has its ticket already.",
                                      bk_server_workflow_get_string (application, "state"));
  if (profile == NULL)
    return bk_server_workflow_refuse (refusal, 409, "no_profile",
                                      "The candidate's profile was never pushed: the ticket "
                                      "needs their name and ID.");
  if (!bk_server_workflow_level_and_mode (application, session, &level, &mode))
    return bk_server_workflow_refuse (refusal, 409, "invalid_application",
                                      "The application names no level and mode of the session.");
  ticket = bk_admission_ticket_new (
    session, bk_profile_get_real_name (profile), bk_profile_get_id_type (profile),
    bk_profile_get_id_number (profile), level, mode, venue, room, seat, &error);
  if (ticket == NULL)
    return bk_server_workflow_refuse (refusal, 422, "invalid_ticket", "%s", error->message);
  bk_admission_ticket_sign (ticket, secret_key);
  json_object_set_object_member (application, "ticket", ticket_member (ticket, now));
  return TRUE;
}
