/* bk-sync-client-files.c — part of BkSyncClient: a proof's file, the
 * confirmation (docs/protocol.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-client-files.h"
#include "bk-sync-client-private.h"
#include "bk-sync-protocol.h"

void
bk_sync_client_upload_proof_async (BkSyncClient *self,
                                   const char *proof_id,
                                   GBytes *bytes,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  static const char *const headers[] = { "Content-Type: application/octet-stream", NULL };
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (proof_id != NULL && bytes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_upload_proof_async);
  escaped = g_uri_escape_string (proof_id, NULL, FALSE);
  path = g_strdup_printf ("/v1/proofs/%s/file", escaped);
  bk_sync_client_send (self, "PUT", path, headers, bytes, bk_sync_client_get_token (self), task,
                       bk_sync_client_answered_cb);
}

gboolean
bk_sync_client_upload_proof_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_upload_proof_async, error);
}

void
bk_sync_client_confirm_async (BkSyncClient *self,
                              const char *application_id,
                              gint64 version,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  static const char *const headers[] = { "Content-Type: application/json", NULL };
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GBytes) body = NULL;
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (application_id != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_string_value (builder, application_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_end_object (builder);
  body = bk_sync_protocol_body (builder);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_confirm_async);
  bk_sync_client_send (self, "POST", "/v1/confirmations", headers, body,
                       bk_sync_client_get_token (self), task, bk_sync_client_answered_cb);
}

gboolean
bk_sync_client_confirm_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_confirm_async, error);
}
