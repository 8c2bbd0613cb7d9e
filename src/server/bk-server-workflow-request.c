/* bk-server-workflow-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-database.h"
#include "bk-server-private.h"
#include "bk-server-workflow-request.h"
#include "bk-server-workflow-store.h"

static gboolean
invalid (BkServerRequest *request, const char *message)
{
  bk_server_request_answer_error (request, 400, "invalid_request", message);
  return FALSE;
}

JsonObject *
bk_server_workflow_request_body (BkServerRequest *request,
                                 const char *const *allowed,
                                 const char **application_id,
                                 gint64 *version)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = bk_server_request_parse_body (request, allowed, &error);
  JsonNode *node;

  if (body == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return NULL;
    }
  if (!bk_server_workflow_request_string (request, body, "application_id", TRUE, 36,
                                          application_id))
    return NULL;
  if (!g_uuid_string_is_valid (*application_id))
    return invalid (request, "“application_id” must be the application's UUID."), NULL;
  node = json_object_get_member (body, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    return invalid (request, "“version” must be the version of the application you read (a "
                             "positive integer)."),
           NULL;
  *version = json_node_get_int (node);
  return g_steal_pointer (&body);
}

gboolean
bk_server_workflow_request_string (BkServerRequest *request,
                                   JsonObject *body,
                                   const char *member,
                                   gboolean required,
                                   guint max_length,
                                   const char **value)
{
  JsonNode *node = json_object_get_member (body, member);
  g_autofree char *message = NULL;

  *value = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING &&
      g_utf8_strlen (json_node_get_string (node), -1) <= (glong) max_length &&
      (*json_node_get_string (node) != '\0' || !required))
    {
      *value = json_node_get_string (node);
      return TRUE;
    }
  message = g_strdup_printf ("“%s” must be a string of %s%u characters.", member,
                             required ? "1 to " : "up to ", max_length);
  return invalid (request, message);
}

static gboolean
may_see (const BkServerAccount *account, const BkServerEntity *application)
{
  switch (account->role)
    {
      case BK_SERVER_ROLE_ADMIN:
        return TRUE;
      case BK_SERVER_ROLE_STAFF:
        return g_strcmp0 (account->session_id, application->session_id) == 0 &&
               g_strcmp0 (account->point_code, application->point_code) == 0;
      case BK_SERVER_ROLE_CANDIDATE:
      default:
        return g_strcmp0 (account->id, application->owner_id) == 0;
    }
}

BkServerEntity *
bk_server_workflow_request_application (BkServer *self,
                                        BkServerRequest *request,
                                        const char *id,
                                        gint64 version)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerEntity) application = NULL;
  g_autofree char *id_down = g_ascii_strdown (id, -1);

  application = bk_server_database_get_entity (bk_server_get_database (self), "application",
                                               id_down, &error);
  if (error != NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return NULL;
    }
  /* Another's application is answered as one that does not exist. */
  if (application == NULL || application->deleted || !may_see (request->account, application))
    {
      bk_server_request_answer_error (request, 404, "not_found",
                                      "There is no such application among those you may see.");
      return NULL;
    }
  if (version != 0 && application->version != version)
    {
      g_autofree char *message = g_strdup_printf ("The application is at version %" G_GINT64_FORMAT
                                                  " now: read it again and decide on what it says.",
                                                  application->version);

      bk_server_request_answer_error (request, 409, "conflict", message);
      return NULL;
    }
  return g_steal_pointer (&application);
}

void
bk_server_workflow_request_commit (BkServer *self,
                                   BkServerRequest *request,
                                   const BkServerEntity *application,
                                   JsonObject *payload,
                                   BkExamSession *session,
                                   const char *action,
                                   const char *detail)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *audit_detail = g_strdup_printf ("%s: %s", application->id, detail);
  const char *queue = bk_server_workflow_queue (payload, session);
  BkServerAuditEntry audit = {
    .at = request->now,
    .account_id = request->account->id,
    .address = request->address,
    .method = request->method,
    .path = request->path,
    .action = action,
    .allowed = TRUE,
    .status = 200,
    .detail = audit_detail,
  };

  if (!bk_server_workflow_commit (bk_server_get_database (self), application, payload, request->now,
                                  &audit, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  /* The audit line was written with the move, in its transaction. */
  request->audit = FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_string_value (builder, application->id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, bk_server_workflow_get_string (payload, "state"));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, application->version + 1);
  json_builder_set_member_name (builder, "queue");
  if (queue != NULL)
    json_builder_add_string_value (builder, queue);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  bk_server_request_answer (request, 200, json_to_string (root, FALSE));
}

void
bk_server_workflow_request_refuse (BkServerRequest *request, const BkServerWorkflowRefusal *refusal)
{
  if (request->audit_detail == NULL)
    request->audit_detail = g_strdup (refusal->code);
  bk_server_request_answer (request, refusal->status, bk_server_workflow_refusal_to_json (refusal));
}

gboolean
bk_server_workflow_request_prepare (BkServer *self,
                                    BkServerRequest *request,
                                    const char *id,
                                    gint64 version,
                                    BkServerEntity **application,
                                    JsonObject **payload,
                                    BkServerWorkflowFacts *facts)
{
  g_autoptr (GError) error = NULL;

  *application = bk_server_workflow_request_application (self, request, id, version);
  if (*application == NULL)
    return FALSE;
  *payload = bk_server_workflow_parse (*application);
  if (*payload == NULL ||
      !bk_server_workflow_gather (bk_server_get_database (self), bk_server_get_limits (self),
                                  *application, *payload, FALSE, facts, &error))
    {
      if (error != NULL)
        bk_server_request_answer_gerror (request, error);
      else
        bk_server_request_answer_error (request, 409, "invalid_application",
                                        "The application's record is not a JSON object.");
      return FALSE;
    }
  if (facts->session == NULL)
    {
      bk_server_workflow_facts_clear (facts);
      bk_server_request_answer_error (request, 409, "unknown_session",
                                      "The server does not know the application's session: "
                                      "the admin adds it with “baokao-server admin "
                                      "add-session”.");
      return FALSE;
    }
  return TRUE;
}
