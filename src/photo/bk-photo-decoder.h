/* bk-photo-decoder.h — bounded JPEG decoding on libjpeg-turbo (private to the photo layer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-photo-image.h"

G_BEGIN_DECLS

#define BK_PHOTO_MAX_PIXELS 40000000 /* 40 megapixels, checked from the header */
#define BK_PHOTO_MAX_SCANS  100      /* a normal progressive JPEG has about 10 */
#define BK_PHOTO_MAX_MEMORY (256L * 1024 * 1024)

typedef enum
{
  BK_PHOTO_COLOURS_YCBCR,
  BK_PHOTO_COLOURS_RGB,
  BK_PHOTO_COLOURS_GREY,
  BK_PHOTO_COLOURS_CMYK,
  BK_PHOTO_COLOURS_YCCK,
  BK_PHOTO_COLOURS_OTHER,
} BkPhotoColours;

typedef struct
{
  int width; /* as stored, before the EXIF orientation */
  int height;
  int components;
  BkPhotoColours colours;
  gboolean progressive;
  int orientation; /* EXIF, 1–8 */
  int scale_num;   /* the image was decoded at scale_num / 8 */
} BkPhotoHeader;

typedef struct
{
  int max_width; /* the largest DCT scale that fits, in oriented pixels… */
  int max_height;
  int min_width; /* …or, when these are set, the smallest one that covers */
  int min_height;
  gboolean header_only;
  gboolean keep_stored_orientation; /* the caller orients what it needs itself */
} BkPhotoDecodeOptions;

gboolean bk_photo_decode (const guint8 *data,
                          gsize length,
                          const BkPhotoDecodeOptions *options,
                          BkPhotoHeader *header,
                          BkPhotoImage **image,
                          GError **error);

G_END_DECLS
