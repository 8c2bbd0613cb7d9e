/* bk-server-confirm.c — the candidate's confirmation (核对确认)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-staff.h"
#include "bk-server-workflow-request.h"
#include "bk-server-workflow-store.h"

void
bk_server_handle_confirm (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = { "application_id", "version", NULL };
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (BkServerEntity) application = NULL;
  g_autoptr (JsonObject) payload = NULL;
  BkServerWorkflowFacts facts = { 0 };
  BkServerWorkflowRefusal refusal = { 0 };
  const char *id;
  gint64 version;

  body = bk_server_workflow_request_body (request, allowed, &id, &version);
  if (body == NULL || !bk_server_workflow_request_prepare (self, request, id, version, &application,
                                                           &payload, &facts))
    return;
  if (!bk_server_workflow_confirm (payload, facts.session, request->now, &refusal))
    bk_server_workflow_request_refuse (request, &refusal);
  else
    bk_server_workflow_request_commit (self, request, application, payload, facts.session,
                                       "confirm", "confirmed");
  bk_server_workflow_refusal_clear (&refusal);
  bk_server_workflow_facts_clear (&facts);
}
