/* bk-photo-standardise.h — the photo that goes on the admission ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-photo-report.h"

G_BEGIN_DECLS

#define BK_PHOTO_STANDARD_WIDTH        295 /* 1-inch at 300 dpi */
#define BK_PHOTO_STANDARD_HEIGHT       413
#define BK_PHOTO_STANDARD_LARGE_WIDTH  413 /* 2-inch at 300 dpi */
#define BK_PHOTO_STANDARD_LARGE_HEIGHT 579

GBytes *bk_photo_standardise_data (const guint8 *data,
                                   gsize length,
                                   BkPhotoReport **report,
                                   GError **error);
gboolean bk_photo_standardise (const char *input,
                               const char *output,
                               BkPhotoReport **report,
                               GError **error);

G_END_DECLS
