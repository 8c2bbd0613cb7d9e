/* bk-photo-sniff.h — what a file really is, from its first bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BK_PHOTO_FILE_JPEG,
  BK_PHOTO_FILE_PNG,
  BK_PHOTO_FILE_GIF,
  BK_PHOTO_FILE_WEBP,
  BK_PHOTO_FILE_HEIC,
  BK_PHOTO_FILE_AVIF,
  BK_PHOTO_FILE_BMP,
  BK_PHOTO_FILE_TIFF,
  BK_PHOTO_FILE_PDF,
  BK_PHOTO_FILE_TEXT,
  BK_PHOTO_FILE_EMPTY,
  BK_PHOTO_FILE_UNKNOWN,
} BkPhotoFileKind;

BkPhotoFileKind bk_photo_sniff (const guint8 *data, gsize length);
const char *bk_photo_file_kind_to_string (BkPhotoFileKind kind);
const char *bk_photo_file_kind_describe (BkPhotoFileKind kind);

G_END_DECLS
