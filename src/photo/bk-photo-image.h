/* bk-photo-image.h — an 8-bit RGB pixel buffer (private to the photo layer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-photo-rect.h"

G_BEGIN_DECLS

typedef struct
{
  int width;
  int height;
  guint8 *pixels; /* RGB, rows of width * 3 bytes, no padding */
} BkPhotoImage;

typedef enum
{
  BK_PHOTO_FILTER_BOX,     /* area average: cheap, for analysis */
  BK_PHOTO_FILTER_LANCZOS, /* Lanczos-3: for the photo that goes on the ticket */
} BkPhotoFilter;

BkPhotoImage *bk_photo_image_new (int width, int height);
void bk_photo_image_free (BkPhotoImage *self);
BkPhotoImage *bk_photo_image_orient (const BkPhotoImage *self, int orientation);
void bk_photo_image_stored_rect (int orientation,
                                 int stored_width,
                                 int stored_height,
                                 const BkPhotoRect *shown,
                                 BkPhotoRect *stored);
BkPhotoImage *bk_photo_image_crop (const BkPhotoImage *self, int x, int y, int width, int height);
BkPhotoImage *
bk_photo_image_resample (const BkPhotoImage *self, int width, int height, BkPhotoFilter filter);
float *bk_photo_image_luma (const BkPhotoImage *self);
float *bk_photo_image_luma_rect (const BkPhotoImage *self, const BkPhotoRect *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPhotoImage, bk_photo_image_free)

G_END_DECLS
