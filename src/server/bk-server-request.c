/* bk-server-request.c — answering a request, shared by every handler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-server-error.h"
#include "bk-server-log.h"
#include "bk-server-request.h"

void
bk_server_request_free (BkServerRequest *request)
{
  g_clear_object (&request->server);
  g_clear_object (&request->msg);
  g_free (request->method);
  g_free (request->path);
  g_free (request->address);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->token);
  g_free (request->idempotency_key);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_free (request->path_id);
  g_clear_pointer (&request->file, g_bytes_unref);
  g_free (request->file_type);
  g_clear_pointer (&request->account, bk_server_account_free);
  g_free (request->response);
  g_free (request->audit_detail);
  g_free (request);
}

char *
bk_server_error_body (const char *code, const char *message)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
bk_server_request_answer_error (BkServerRequest *request,
                                guint status,
                                const char *code,
                                const char *message)
{
  request->status = status;
  g_free (request->response);
  request->response = bk_server_error_body (code, message);
  if (request->audit_detail == NULL)
    request->audit_detail = g_strdup (code);
}

void
bk_server_request_answer (BkServerRequest *request, guint status, char *body)
{
  request->status = status;
  g_free (request->response);
  request->response = body;
}

JsonObject *
bk_server_request_parse_body (BkServerRequest *request, const char *const *allowed, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GList) names = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (request->body, &size);
  JsonNode *root;

  if (size == 0)
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The request has no body: send a JSON object.");
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The body is not valid UTF-8: send JSON in UTF-8.");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, size, error))
    {
      g_autofree char *message = g_strdup_printf ("The body is not valid JSON (%s).",
                                                  (*error)->message);

      g_clear_error (error);
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                           "The body must be a JSON object.");
      return NULL;
    }
  names = json_object_get_members (json_node_get_object (root));
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                     "Unknown member “%s”: send only the documented members.", (char *) l->data);
        return NULL;
      }
  return json_object_ref (json_node_get_object (root));
}

const char *
bk_server_required_string (JsonObject *object, const char *name, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST,
                   "“%s” is missing or not a string.", name);
      return NULL;
    }
  return json_node_get_string (node);
}

void
bk_server_request_answer_gerror (BkServerRequest *request, const GError *error)
{
  if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST))
    bk_server_request_answer_error (request, 400, "invalid_request", error->message);
  else if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_DATA))
    bk_server_request_answer_error (request, 422, "invalid_data", error->message);
  else if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_KEY_REUSED))
    bk_server_request_answer_error (request, 422, "idempotency_key_reused", error->message);
  else if (g_error_matches (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT))
    bk_server_request_answer_error (request, 409, "conflict", error->message);
  else
    {
      bk_server_log (3, "%s %s: %s", request->method, request->path, error->message);
      bk_server_request_answer_error (
        request, 503, "unavailable",
        "The server could not reach its database. Try again in a minute.");
    }
}

char *
bk_server_sha256_hex (const char *data, gsize size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
}

gboolean
bk_server_request_query_int (
  BkServerRequest *request, const char *name, gint64 fallback, gint64 max, gint64 *value)
{
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;
  guint64 number;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;
  *value = number;
  return TRUE;
}
