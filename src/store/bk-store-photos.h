/* bk-store-photos.h — the photos' files between the store and the server:
 * which to upload, which to download, and a downloaded one kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-photo-transfer.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* The photo files of @profile_id to carry (a GPtrArray of
 * BkPhotoTransfer): each local photo whose bytes the server has not
 * acknowledged, and each photo record of the server's whose bytes this
 * store lacks. A photo with a change of this computer's still waiting in
 * the outbox is newer here: it is never downloaded over (its push meets
 * the server's copy, a conflict the user settles) nor uploaded before the
 * push has gone. */
void bk_store_list_photo_transfers_async (BkStore *self,
                                          const char *profile_id,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
GPtrArray *
bk_store_list_photo_transfers_finish (BkStore *self, GAsyncResult *result, GError **error);

/* Keeps @bytes, downloaded for @transfer, as @profile_id's photo of its
 * kind (sealed with the profile's key, as a chosen one), at the server's
 * version and with no outbox entry, and notes the server has them. Left
 * alone (TRUE, *@kept FALSE) when a change of this computer's came in the
 * meantime. */
void bk_store_keep_downloaded_photo_async (BkStore *self,
                                           const char *profile_id,
                                           const BkPhotoTransfer *transfer,
                                           GBytes *bytes,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
gboolean bk_store_keep_downloaded_photo_finish (BkStore *self,
                                                GAsyncResult *result,
                                                gboolean *kept,
                                                GError **error);

G_END_DECLS
