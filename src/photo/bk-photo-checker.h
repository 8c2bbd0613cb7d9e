/* bk-photo-checker.h — run every photo rule on a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-photo-report.h"

G_BEGIN_DECLS

#define BK_PHOTO_MIN_FILE_SIZE 30720 /* 30 KiB: "larger than 30 KB" read as binary kilobytes */
#define BK_PHOTO_MIN_WIDTH     295
#define BK_PHOTO_MIN_HEIGHT    413
#define BK_PHOTO_MAX_FILE_SIZE (64 * 1024 * 1024)

BkPhotoReport *bk_photo_check_data (const guint8 *data, gsize length);
BkPhotoReport *bk_photo_check_file (const char *path, GCancellable *cancellable, GError **error);
void bk_photo_check_file_async (const char *path,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
BkPhotoReport *bk_photo_check_file_finish (GAsyncResult *result, GError **error);

G_END_DECLS
