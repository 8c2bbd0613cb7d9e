/* bk-photo-rect.h — a rectangle on the photo, for the UI to draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In pixels of the photo as the candidate sees it: full resolution, after
 * the EXIF orientation has been applied. */
typedef struct
{
  int x;
  int y;
  int width;
  int height;
} BkPhotoRect;

G_END_DECLS
