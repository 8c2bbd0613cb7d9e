/* bk-sync-client-account.c — the account's requests of BkSyncClient:
 * register, sign in, sign out
 *
 * Part of BkSyncClient (declared in bk-sync-client.h); shares only
 * bk-sync-client-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-client-private.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

/* Register and sign out: any 2xx will do. */
void
bk_sync_client_answered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (BkHttpResponse)
    response = bk_sync_client_take_response (g_task_get_source_object (task), result, task);

  if (response != NULL)
    g_task_return_boolean (task, TRUE);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  g_autoptr (BkHttpResponse) response = bk_sync_client_take_response (self, result, task);
  g_autoptr (JsonNode) node = NULL;
  const char *token;
  GError *error = NULL;

  if (response == NULL)
    return;
  node = bk_sync_protocol_parse_object (response, &error);
  token = node != NULL ? bk_sync_protocol_string (json_node_get_object (node), "token", NULL)
                       : NULL;
  if (token == NULL || *token == '\0')
    {
      if (error == NULL)
        g_set_error_literal (&error, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL,
                             "the server's answer to a sign-in has no token");
      g_task_return_error (task, error);
      return;
    }
  bk_sync_client_set_token (self, token);
  g_task_return_boolean (task, TRUE);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* POSTs @builder's object to @path for a new task of @source_tag. */
static void
post_json (BkSyncClient *self,
           gpointer source_tag,
           const char *path,
           JsonBuilder *builder,
           GAsyncReadyCallback done,
           GCancellable *cancellable,
           GAsyncReadyCallback callback,
           gpointer user_data)
{
  static const char *const json_headers[] = { "Content-Type: application/json", NULL };
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GBytes) body = bk_sync_protocol_body (builder);

  g_task_set_source_tag (task, source_tag);
  bk_sync_client_send (self, "POST", path, json_headers, body, bk_sync_client_get_token (self),
                       task, done);
}

gboolean
bk_sync_client_finish_boolean (BkSyncClient *self,
                               GAsyncResult *result,
                               gpointer source_tag,
                               GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
bk_sync_client_register_async (BkSyncClient *self,
                               const char *real_name,
                               const char *id_type,
                               const char *id_number,
                               const char *mobile,
                               const char *user_name,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  json_builder_begin_object (builder);
  add_string (builder, "real_name", real_name);
  add_string (builder, "id_type", id_type);
  add_string (builder, "id_number", id_number);
  add_string (builder, "mobile", mobile);
  add_string (builder, "user_name", user_name);
  add_string (builder, "password", password);
  json_builder_end_object (builder);
  post_json (self, bk_sync_client_register_async, "/v1/accounts", builder,
             bk_sync_client_answered_cb, cancellable, callback, user_data);
}

gboolean
bk_sync_client_register_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_register_async, error);
}

void
bk_sync_client_sign_in_async (BkSyncClient *self,
                              const char *user_name,
                              const char *password,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  json_builder_begin_object (builder);
  add_string (builder, "user_name", user_name);
  add_string (builder, "password", password);
  json_builder_end_object (builder);
  post_json (self, bk_sync_client_sign_in_async, "/v1/sessions", builder, signed_in_cb, cancellable,
             callback, user_data);
}

gboolean
bk_sync_client_sign_in_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_sign_in_async, error);
}

void
bk_sync_client_sign_out_async (BkSyncClient *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  GTask *task;
  g_autofree char *token = NULL;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_sign_out_async);
  /* Forgotten here whatever the server answers: signing out on this
   * computer never depends on the network. */
  token = g_strdup (bk_sync_client_get_token (self));
  bk_sync_client_set_token (self, NULL);
  bk_sync_client_set_pending_sign_up (self, NULL);
  bk_sync_client_send (self, "DELETE", "/v1/sessions/current", NULL, NULL, token, task,
                       bk_sync_client_answered_cb);
}

gboolean
bk_sync_client_sign_out_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_sign_out_async, error);
}
