/* bk-store-remote.h — the server's last copy of a record, read off the
 * main thread (bk_store_read_remote_copy() is the blocking form)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* The server's last payload of @entity @entity_id as JSON text (with the
 * fields only the server writes); NULL with no error when none came. */
void bk_store_read_remote_copy_async (BkStore *self,
                                      const char *entity,
                                      const char *entity_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
char *bk_store_read_remote_copy_finish (BkStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
