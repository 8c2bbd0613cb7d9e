/* bk-server-sync.c — pushing and pulling changes
 *
 * Handlers (worker thread) for POST /v1/changes (a push, idempotent by
 * its Idempotency-Key) and GET /v1/changes (the change feed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-server-change.h"
#include "bk-server-log.h"
#include "bk-server-private.h"
#include "bk-server-sync.h"
#include "bk-server-workflow-store.h"

static gboolean
valid_idempotency_key (const char *key)
{
  gsize length = key != NULL ? strlen (key) : 0;

  if (length < 8 || length > 128)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* Only applications and their proofs move the workflow. */
static gboolean
touches_workflow (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const BkServerChange *change = changes->pdata[i];

      if (g_str_equal (change->entity, "application") || g_str_equal (change->entity, "proof"))
        return TRUE;
    }
  return FALSE;
}

void
bk_server_handle_push (BkServer *self, BkServerRequest *request)
{
  static const char *const allowed[] = { "changes", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *request_hash = NULL;
  BkServerPushAnswer push_answer = { 0 };
  BkServerAuditEntry audit;
  JsonNode *list;
  JsonArray *array;
  gsize size;
  const char *data;

  if (!valid_idempotency_key (request->idempotency_key))
    {
      bk_server_request_answer_error (
        request, 400, "idempotency_key_required",
        "Send an Idempotency-Key header (8 to 128 letters, digits, “-” or “_”), the "
        "same for every retry of this request.");
      return;
    }
  body = bk_server_request_parse_body (request, allowed, &error);
  if (body == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  list = json_object_get_member (body, "changes");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "“changes” must be an array.");
      return;
    }
  array = json_node_get_array (list);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > 500)
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "Send 1 to 500 changes in one request.");
      return;
    }
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_change_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkServerChange *change = bk_server_change_parse (json_array_get_element (array, i), i,
                                                       &error);

      if (change == NULL)
        {
          bk_server_request_answer_gerror (request, error);
          return;
        }
      g_ptr_array_add (changes, change);
    }

  data = g_bytes_get_data (request->body, &size);
  request_hash = bk_server_sha256_hex (data, size);
  /* The audit line is written in the push's own transaction. */
  bk_server_request_audit_entry (request, &audit);
  if (!bk_server_database_push (bk_server_get_database (self), request->account,
                                request->idempotency_key, request_hash, changes, request->now,
                                &audit, &push_answer, &error))
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  request->audited = TRUE;
  /* The automatic check of what was submitted, proofs for the manual
   * check: after the push's commit (see bk-server-workflow-store.c). A
   * failure here loses nothing: the next sweep does it. */
  if (!bk_server_get_limits (self)->no_push_sweep && touches_workflow (changes) &&
      !bk_server_workflow_sweep (bk_server_get_database (self), bk_server_get_limits (self),
                                 request->account->id, NULL, NULL, request->now, &error))
    {
      bk_server_log (4, "the workflow could not move %s's applications: %s", request->account->id,
                     error->message);
      g_clear_error (&error);
    }
  bk_server_request_answer (request, push_answer.status, g_steal_pointer (&push_answer.body));
}

void
bk_server_handle_pull (BkServer *self, BkServerRequest *request)
{
  g_autoptr (GError) error = NULL;
  gint64 since, limit;
  char *body;

  if (!bk_server_request_query_int (request, "since", 0, G_MAXINT64, &since) ||
      !bk_server_request_query_int (request, "limit", 100, 1000, &limit) || limit == 0)
    {
      bk_server_request_answer_error (
        request, 400, "invalid_request",
        "“since” must be a cursor the server gave (0 to start) and “limit” a "
        "number from 1 to 1000.");
      return;
    }
  body = bk_server_database_pull (bk_server_get_database (self), request->account, since, limit,
                                  &error);
  if (body == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  bk_server_request_answer (request, 200, body);
}
