/* bk-server-staff.c — the staff's endpoints
 *
 * Staff are bound to one point of one session: they see and decide only
 * that point's applications; another's is "not found" (and audited, as
 * every 404). Decisions are written with their audit line in one
 * transaction (bk-server-workflow-request.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-database.h"
#include "bk-server-json.h"
#include "bk-server-private.h"
#include "bk-server-staff.h"
#include "bk-server-workflow-request.h"
#include "bk-server-workflow-store.h"

static void
add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* What the help desk searches a queue by: the candidate's name and ID
 * number (of the profile the application names) and the ticket number;
 * and when it was submitted (or, when the client did not say, checked),
 * for the point's daily chart. */
static void
add_who (JsonBuilder *builder, BkServerDatabase *database, JsonObject *payload)
{
  const char *profile_id = bk_server_workflow_get_string (payload, "profile_id");
  g_autoptr (BkServerEntity) profile = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *fields = NULL;
  JsonNode *ticket = json_object_get_member (payload, "ticket");
  JsonNode *verdict;
  const char *submitted_at;

  if (profile_id != NULL)
    profile = bk_server_database_get_entity (database, "profile", profile_id, NULL);
  if (profile != NULL && !profile->deleted && profile->payload != NULL)
    node = json_from_string (profile->payload, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    fields = json_node_get_object (node);
  add_string (builder, "real_name",
              fields != NULL ? bk_server_workflow_get_string (fields, "real_name") : NULL);
  add_string (builder, "id_number",
              fields != NULL ? bk_server_workflow_get_string (fields, "id_number") : NULL);
  verdict = json_object_get_member (payload, "verdict");
  submitted_at = bk_server_workflow_get_string (payload, "submitted_at");
  if (submitted_at == NULL && verdict != NULL && JSON_NODE_HOLDS_OBJECT (verdict))
    submitted_at = bk_server_workflow_get_string (json_node_get_object (verdict), "checked_at");
  add_string (builder, "submitted_at", submitted_at);
  add_string (builder, "ticket_number",
              ticket != NULL && JSON_NODE_HOLDS_OBJECT (ticket)
                ? bk_server_workflow_get_string (json_node_get_object (ticket), "number")
                : NULL);
}

void
bk_server_handle_staff_queues (BkServer *self, BkServerRequest *request)
{
  BkServerDatabase *database = bk_server_get_database (self);
  const BkServerAccount *account = request->account;
  const char *wanted = request->query != NULL ? g_hash_table_lookup (request->query, "queue")
                                              : NULL;
  BkServerEntityFilter filter = { .type = "application" };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) applications = NULL;
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  guint counts[BK_SERVER_WORKFLOW_N_QUEUES] = { 0 };

  gboolean everything = g_strcmp0 (wanted, "all") == 0;

  if (everything)
    wanted = NULL;
  if (wanted != NULL && !g_strv_contains (bk_server_workflow_queues, wanted))
    {
      bk_server_request_answer_error (
        request, 400, "invalid_request",
        "“queue” must be manual-verification, proofs-received, on-site, spot-check or "
        "payment-due (or left out for all of them, or “all” for every application of the "
        "point).");
      return;
    }
  if (account->role == BK_SERVER_ROLE_STAFF)
    {
      filter.session_id = account->session_id;
      filter.point_code = account->point_code;
    }
  /* Catch up on checks a stopped server left undone before listing. */
  if (!bk_server_workflow_sweep (database, bk_server_get_limits (self), NULL, filter.session_id,
                                 filter.point_code, request->now, &error) ||
      (applications = bk_server_database_list_entities (database, &filter, &error)) == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }

  json_builder_begin_object (builder);
  add_string (builder, "session_id", account->session_id);
  add_string (builder, "point_code", account->point_code);
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; i < applications->len; i++)
    {
      const BkServerEntity *application = applications->pdata[i];
      g_autoptr (JsonObject) payload = bk_server_workflow_parse (application);
      const char *queue;

      if (payload == NULL)
        continue;
      if (session == NULL ||
          g_strcmp0 (application->session_id, bk_exam_session_get_id (session)) != 0)
        {
          g_clear_object (&session);
          session = bk_server_workflow_find_session (database, application->session_id, NULL);
        }
      queue = bk_server_workflow_queue (payload, session);
      if (queue == NULL && !everything)
        continue;
      for (guint q = 0; queue != NULL && bk_server_workflow_queues[q] != NULL; q++)
        if (g_str_equal (queue, bk_server_workflow_queues[q]))
          counts[q]++;
      if (wanted != NULL && !g_str_equal (wanted, queue))
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "id", application->id);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, application->version);
      add_string (builder, "queue", queue);
      add_string (builder, "state", bk_server_workflow_get_string (payload, "state"));
      add_string (builder, "session_id", application->session_id);
      add_string (builder, "point_code", application->point_code);
      add_who (builder, database, payload);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint q = 0; bk_server_workflow_queues[q] != NULL; q++)
    {
      json_builder_set_member_name (builder, bk_server_workflow_queues[q]);
      json_builder_add_int_value (builder, counts[q]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  bk_server_request_answer (request, 200, json_to_string (root, FALSE));
}

/* The application's profile, its records, and the application's proofs. */
static gboolean
belongs_to (const BkServerEntity *record, const char *application_id, const char *profile_id)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject *fields;

  if (g_str_equal (record->type, "profile"))
    return g_strcmp0 (record->id, profile_id) == 0;
  node = record->payload != NULL ? json_from_string (record->payload, NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  fields = json_node_get_object (node);
  if (g_str_equal (record->type, "proof"))
    return g_strcmp0 (bk_server_workflow_get_string (fields, "application_id"), application_id) ==
           0;
  return g_strcmp0 (bk_server_workflow_get_string (fields, "profile_id"), profile_id) == 0;
}

void
bk_server_handle_staff_read (BkServer *self, BkServerRequest *request)
{
  BkServerDatabase *database = bk_server_get_database (self);
  const char *id = request->query != NULL ? g_hash_table_lookup (request->query, "id") : NULL;
  /* The photo's record carries the server's check of it (its file stays
   * the candidate's: staff may not download it). */
  static const char *const kinds[] = { "profile", "education", "work_period", "photo", "proof" };
  g_autoptr (BkServerEntity) application = NULL;
  g_autoptr (JsonObject) payload = NULL;
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  const char *profile_id;

  if (id == NULL || !g_uuid_string_is_valid (id))
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "Send the application's UUID as “id”.");
      return;
    }
  application = bk_server_workflow_request_application (self, request, id, 0);
  if (application == NULL)
    return;
  payload = bk_server_workflow_parse (application);
  session = bk_server_workflow_find_session (database, application->session_id, NULL);
  profile_id = payload != NULL ? bk_server_workflow_get_string (payload, "profile_id") : NULL;

  json_builder_begin_object (builder);
  add_string (builder, "id", application->id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, application->version);
  add_string (builder, "queue",
              payload != NULL ? bk_server_workflow_queue (payload, session) : NULL);
  bk_server_json_add_payload (builder, "application", application->payload);
  /* The candidate's records the decision rests on. */
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      BkServerEntityFilter filter = { .type = kinds[k], .owner_id = application->owner_id };
      g_autoptr (GPtrArray) records = bk_server_database_list_entities (database, &filter, &error);

      if (records == NULL)
        {
          bk_server_request_answer_gerror (request, error);
          return;
        }
      for (guint i = 0; i < records->len; i++)
        {
          const BkServerEntity *record = records->pdata[i];

          if (!belongs_to (record, application->id, profile_id))
            continue;
          json_builder_begin_object (builder);
          add_string (builder, "entity", record->type);
          add_string (builder, "id", record->id);
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, record->version);
          bk_server_json_add_payload (builder, "payload", record->payload);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  bk_server_request_answer (request, 200, json_to_string (root, FALSE));
}

void
bk_server_handle_staff_decision (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = {
    "application_id", "version", "decision", "reason", "text", NULL,
  };
  static const char *const decisions[] = { "pass", "fail", "more-proofs", NULL };
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (BkServerEntity) application = NULL;
  g_autoptr (JsonObject) payload = NULL;
  g_autofree char *detail = NULL;
  BkServerWorkflowFacts facts = { 0 };
  BkServerWorkflowRefusal refusal = { 0 };
  const char *id, *decision, *reason, *text;
  gint64 version;

  body = bk_server_workflow_request_body (request, allowed, &id, &version);
  if (body == NULL ||
      !bk_server_workflow_request_string (request, body, "decision", TRUE, 16, &decision) ||
      !bk_server_workflow_request_string (request, body, "reason", TRUE, 40, &reason) ||
      !bk_server_workflow_request_string (request, body, "text", FALSE, 1000, &text))
    return;
  if (!g_strv_contains (decisions, decision) ||
      !g_strv_contains (bk_server_workflow_reasons, reason) ||
      (g_str_equal (reason, "other") && (text == NULL || *text == '\0')))
    {
      bk_server_request_answer_error (
        request, 400, "invalid_request",
        "“decision” must be pass, fail or more-proofs, and “reason” one of the reason codes "
        "in docs/protocol.md (“other” needs a “text” saying what).");
      return;
    }
  if (!bk_server_workflow_request_prepare (self, request, id, version, &application, &payload,
                                           &facts))
    return;
  if (!bk_server_workflow_decide (payload, &facts, decision, reason, text, request->account->id,
                                  request->now, &refusal))
    bk_server_workflow_request_refuse (request, &refusal);
  else
    {
      detail = g_strdup_printf ("%s (%s) → %s", decision, reason,
                                bk_server_workflow_get_string (payload, "state"));
      bk_server_workflow_request_commit (self, request, application, payload, facts.session,
                                         "staff-decision", detail);
    }
  bk_server_workflow_refusal_clear (&refusal);
  bk_server_workflow_facts_clear (&facts);
}

void
bk_server_handle_staff_payment (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = {
    "application_id", "version", "receipt", "amount_yuan", NULL,
  };
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (BkServerEntity) application = NULL;
  g_autoptr (JsonObject) payload = NULL;
  g_autofree char *detail = NULL;
  BkServerWorkflowFacts facts = { 0 };
  BkServerWorkflowRefusal refusal = { 0 };
  const char *id, *receipt, *amount;
  gint64 version;
  guint64 fen = 0;

  body = bk_server_workflow_request_body (request, allowed, &id, &version);
  if (body == NULL ||
      !bk_server_workflow_request_string (request, body, "receipt", TRUE, 64, &receipt) ||
      !bk_server_workflow_request_string (request, body, "amount_yuan", TRUE, 12, &amount))
    return;
  if (!bk_server_workflow_parse_yuan (amount, &fen))
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "“amount_yuan” must be an amount such as \"208\" or "
                                      "\"208.00\".");
      return;
    }
  if (!bk_server_workflow_request_prepare (self, request, id, version, &application, &payload,
                                           &facts))
    return;
  if (!bk_server_workflow_pay (payload, facts.session, receipt, fen, request->account->id,
                               request->now, &refusal))
    bk_server_workflow_request_refuse (request, &refusal);
  else
    {
      detail = g_strdup_printf ("paid %s yuan, receipt %s", amount, receipt);
      bk_server_workflow_request_commit (self, request, application, payload, facts.session,
                                         "staff-payment", detail);
    }
  bk_server_workflow_refusal_clear (&refusal);
  bk_server_workflow_facts_clear (&facts);
}
