/* bk-store-uploads.h — which files the server has: the SHA-256 of the
 * bytes last uploaded for a record (a proof), kept in the store so that
 * an upload that did not finish is sent again, and one that did is not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* The SHA-256 (hex) of the bytes the server acknowledged for @entity_id,
 * or NULL (with no error) when none was. */
void bk_store_read_uploaded_async (BkStore *self,
                                   const char *entity_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
char *bk_store_read_uploaded_finish (BkStore *self, GAsyncResult *result, GError **error);

/* Records that the server acknowledged @sha256's bytes for @entity_id. */
void bk_store_mark_uploaded_async (BkStore *self,
                                   const char *entity_id,
                                   const char *sha256,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_store_mark_uploaded_finish (BkStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
