/* bk-sync-protocol.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

static gboolean
broken (GError **error, const char *what)
{
  g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL, "the server's answer %s", what);
  return FALSE;
}

/* Members of an answer, read without trusting their types: a member of
 * another type reads as @fallback (json-glib's _with_default getters
 * complain about those). */
const char *
bk_sync_protocol_string (JsonObject *object, const char *name, const char *fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object, const char *name, gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static gboolean
member_boolean (JsonObject *object, const char *name, gboolean fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

GBytes *
bk_sync_protocol_body (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

JsonNode *
bk_sync_protocol_parse_object (BkHttpResponse *response, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = g_bytes_get_data (response->body, &length);
  JsonNode *root;

  if (length == 0 || !json_parser_load_from_data (parser, data, length, NULL))
    {
      broken (error, "is not JSON");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      broken (error, "is not a JSON object");
      return NULL;
    }
  return json_node_copy (root);
}

GError *
bk_sync_protocol_status_error (BkHttpResponse *response)
{
  g_autoptr (JsonNode) node = NULL;
  const char *code = "unknown", *message = "";
  int kind;

  if (response->status >= 200 && response->status < 300)
    return NULL;

  node = bk_sync_protocol_parse_object (response, NULL);
  if (node != NULL)
    {
      JsonObject *object = json_node_get_object (node);

      code = bk_sync_protocol_string (object, "code", code);
      message = bk_sync_protocol_string (object, "message", message);
    }
  if (response->status == 401)
    kind = BK_SYNC_ERROR_NOT_SIGNED_IN;
  else if (response->status == 408 || response->status == 429 || response->status >= 500)
    kind = BK_SYNC_ERROR_UNAVAILABLE;
  else if (response->status >= 400 && response->status < 500)
    kind = BK_SYNC_ERROR_REFUSED;
  else
    kind = BK_SYNC_ERROR_HTTP;
  return g_error_new (BK_SYNC_ERROR, kind, "%s: %s (HTTP %u)", code, message, response->status);
}

GBytes *
bk_sync_protocol_push_body (BkOutboxBatch *batch)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BkOutboxEntry *entry = g_ptr_array_index (batch->entries, i);
      JsonNode *payload = entry->payload != NULL ? json_from_string (entry->payload, NULL) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, entry->seq);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, entry->entity);
      json_builder_set_member_name (builder, "entity_id");
      json_builder_add_string_value (builder, entry->entity_id);
      json_builder_set_member_name (builder, "operation");
      json_builder_add_string_value (builder, entry->operation);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, entry->version);
      json_builder_set_member_name (builder, "payload");
      if (payload != NULL)
        json_builder_add_value (builder, payload);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, entry->created_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return bk_sync_protocol_body (builder);
}

static BkRemoteChange *
read_server_copy (BkOutboxEntry *entry, JsonObject *result)
{
  JsonObject *current;
  JsonNode *payload;
  g_autofree char *text = NULL;
  gboolean deleted;

  if (!json_object_has_member (result, "current") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "current")))
    return NULL;
  current = json_object_get_object_member (result, "current");
  deleted = member_boolean (current, "deleted", FALSE);
  payload = json_object_get_member (current, "payload");
  if (!deleted && payload != NULL && JSON_NODE_HOLDS_OBJECT (payload))
    text = json_to_string (payload, FALSE);
  return bk_remote_change_new (entry->entity, entry->entity_id,
                               deleted || text == NULL ? "delete" : "update",
                               member_int (current, "version", 0), text);
}

gboolean
bk_sync_protocol_read_push_results (BkHttpResponse *response, BkOutboxBatch *batch, GError **error)
{
  g_autoptr (JsonNode) node = bk_sync_protocol_parse_object (response, error);
  JsonNode *results_node;
  JsonArray *results;

  if (node == NULL)
    return FALSE;
  results_node = json_object_get_member (json_node_get_object (node), "results");
  if (results_node == NULL || !JSON_NODE_HOLDS_ARRAY (results_node))
    return broken (error, "has no results");
  results = json_node_get_array (results_node);
  if (json_array_get_length (results) != batch->entries->len)
    return broken (error, "has a result count other than the changes sent");

  for (guint i = 0; i < batch->entries->len; i++)
    {
      BkOutboxEntry *entry = g_ptr_array_index (batch->entries, i);
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *result;
      gint64 status;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return broken (error, "has a result that is not an object");
      result = json_node_get_object (element);
      if (g_strcmp0 (bk_sync_protocol_string (result, "entity_id", ""), entry->entity_id) != 0)
        return broken (error, "has results out of order");
      status = member_int (result, "status", 0);
      if (status == 200 || status == 201)
        entry->acknowledged = TRUE;
      else if (status >= 400 && status < 500)
        bk_outbox_entry_refuse (entry, bk_sync_protocol_string (result, "code", "refused"),
                                read_server_copy (entry, result));
      else
        return broken (error, "has a result with an unknown status");
    }
  return TRUE;
}

GPtrArray *
bk_sync_protocol_read_pull_page (BkHttpResponse *response,
                                 gint64 *next,
                                 gboolean *more,
                                 GError **error)
{
  g_autoptr (JsonNode) node = bk_sync_protocol_parse_object (response, error);
  g_autoptr (GPtrArray) changes = NULL;
  JsonObject *page;
  JsonNode *list;

  if (node == NULL)
    return NULL;
  page = json_node_get_object (node);
  list = json_object_get_member (page, "changes");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) || !json_object_has_member (page, "next"))
    {
      broken (error, "is not a page of changes");
      return NULL;
    }
  *next = member_int (page, "next", 0);
  *more = member_boolean (page, "more", FALSE);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);
      JsonObject *object;
      JsonNode *payload;
      const char *entity, *entity_id, *operation;
      g_autofree char *text = NULL;
      BkRemoteChange *change;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          broken (error, "has a change that is not an object");
          return NULL;
        }
      object = json_node_get_object (element);
      entity = bk_sync_protocol_string (object, "entity", NULL);
      entity_id = bk_sync_protocol_string (object, "entity_id", NULL);
      operation = bk_sync_protocol_string (object, "operation", NULL);
      payload = json_object_get_member (object, "payload");
      if (entity == NULL || entity_id == NULL || operation == NULL ||
          (!g_str_equal (operation, "delete") &&
           (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))))
        {
          broken (error, "has a change without its entity, operation or payload");
          return NULL;
        }
      if (!g_str_equal (operation, "delete"))
        text = json_to_string (payload, FALSE);
      change = bk_remote_change_new (entity, entity_id, operation,
                                     member_int (object, "version", 0), text);
      change->cursor = member_int (object, "cursor", 0);
      g_ptr_array_add (changes, change);
    }
  return g_steal_pointer (&changes);
}
