/* bk-sync-client-files.c — part of BkSyncClient: a proof's file, the
 * photo's file up and down, the confirmation (docs/protocol.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-sync-client-files.h"
#include "bk-sync-client-private.h"
#include "bk-sync-protocol.h"

/* PUT /v1/@collection/@id/file with @bytes, for @task. */
static void
upload_file (BkSyncClient *self,
             const char *collection,
             const char *id,
             GBytes *bytes,
             BkHttpProgressFunc progress,
             gpointer progress_data,
             GTask *task)
{
  const char *base;
  gsize length;
  g_autofree char *escaped = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  const char *headers[] = { "Content-Type: application/octet-stream", NULL, NULL };

  /* As bk_sync_client_send(), with the body's progress told. */
  base = bk_sync_client_get_server_url (self) != NULL ? bk_sync_client_get_server_url (self) : "";
  for (length = strlen (base); length > 0 && base[length - 1] == '/'; length--)
    ;
  escaped = g_uri_escape_string (id, NULL, FALSE);
  url = g_strdup_printf ("%.*s/v1/%s/%s/file", (int) length, base, collection, escaped);
  if (bk_sync_client_get_token (self) != NULL)
    headers[1] = authorization = g_strdup_printf ("Authorization: Bearer %s",
                                                  bk_sync_client_get_token (self));
  bk_http_client_request_full_async (bk_sync_client_get_http (self), "PUT", url, headers, bytes,
                                     progress, progress_data, g_task_get_cancellable (task),
                                     bk_sync_client_answered_cb, task);
}

void
bk_sync_client_upload_proof_async (BkSyncClient *self,
                                   const char *proof_id,
                                   GBytes *bytes,
                                   BkHttpProgressFunc progress,
                                   gpointer progress_data,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (proof_id != NULL && bytes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_upload_proof_async);
  upload_file (self, "proofs", proof_id, bytes, progress, progress_data, task);
}

gboolean
bk_sync_client_upload_proof_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_upload_proof_async, error);
}

void
bk_sync_client_upload_photo_async (BkSyncClient *self,
                                   const char *photo_id,
                                   GBytes *bytes,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (photo_id != NULL && bytes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_upload_photo_async);
  upload_file (self, "photos", photo_id, bytes, NULL, NULL, task);
}

gboolean
bk_sync_client_upload_photo_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  return bk_sync_client_finish_boolean (self, result, bk_sync_client_upload_photo_async, error);
}

static void
downloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (BkHttpResponse)
    response = bk_sync_client_take_response (g_task_get_source_object (task), result, task);

  if (response != NULL)
    g_task_return_pointer (task, g_bytes_ref (response->body), (GDestroyNotify) g_bytes_unref);
}

void
bk_sync_client_download_photo_async (BkSyncClient *self,
                                     const char *photo_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (photo_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_download_photo_async);
  escaped = g_uri_escape_string (photo_id, NULL, FALSE);
  path = g_strdup_printf ("/v1/photos/%s/file", escaped);
  bk_sync_client_send (self, "GET", path, NULL, NULL, bk_sync_client_get_token (self), task,
                       downloaded_cb);
}

GBytes *
bk_sync_client_download_photo_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
    g_task_get_source_tag (G_TASK (result)) == bk_sync_client_download_photo_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
