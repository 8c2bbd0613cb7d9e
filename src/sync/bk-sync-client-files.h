/* bk-sync-client-files.h — the candidate's own acts on the server beside
 * push and pull: a proof's and a photo's file, confirming (核对确认)
 *
 * Part of BkSyncClient (bk-sync-client.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-sync-client.h"

G_BEGIN_DECLS

/* PUT /v1/proofs/@proof_id/file with @bytes (a JPEG or PDF). The proof
 * record must have been pushed before: otherwise the server answers
 * not_found (BK_SYNC_ERROR_REFUSED). Sending the same bytes again changes
 * nothing on the server. @progress (nullable) is told how the bytes go. */
void bk_sync_client_upload_proof_async (BkSyncClient *self,
                                        const char *proof_id,
                                        GBytes *bytes,
                                        BkHttpProgressFunc progress,
                                        gpointer progress_data,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean
bk_sync_client_upload_proof_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* PUT /v1/photos/@photo_id/file with @bytes (a JPEG), as for a proof;
 * the server checks the photo again (refused: photo_refused) and writes
 * its verdict into the record, which the next pull brings. */
void bk_sync_client_upload_photo_async (BkSyncClient *self,
                                        const char *photo_id,
                                        GBytes *bytes,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean
bk_sync_client_upload_photo_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* GET /v1/photos/@photo_id/file: the photo's bytes; not_found
 * (BK_SYNC_ERROR_REFUSED) while it was never uploaded. */
void bk_sync_client_download_photo_async (BkSyncClient *self,
                                          const char *photo_id,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
GBytes *
bk_sync_client_download_photo_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* POST /v1/confirmations for @application_id at @version (the server's
 * version, as last pulled). The new state comes with the next pull.
 * Refusals: window_not_open, window_closed, no_window, conflict,
 * not_ready_to_confirm, already_confirmed (bk_sync_error_dup_server_code). */
void bk_sync_client_confirm_async (BkSyncClient *self,
                                   const char *application_id,
                                   gint64 version,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_sync_client_confirm_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
