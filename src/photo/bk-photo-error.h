/* bk-photo-error.h — errors of the photo layer (JPEG inspection and standardisation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_PHOTO_ERROR (bk_photo_error_quark ())

typedef enum
{
  BK_PHOTO_ERROR_FORMAT,    /* not a JPEG, or a damaged one */
  BK_PHOTO_ERROR_TOO_LARGE, /* refused before decoding (pixel count, scans, memory) */
  BK_PHOTO_ERROR_IO,        /* the file could not be read or written */
  BK_PHOTO_ERROR_TRUNCATED, /* the JPEG data ends early */
  BK_PHOTO_ERROR_REFUSED,   /* the photo breaks a rule, so it cannot be standardised */
} BkPhotoError;

GQuark bk_photo_error_quark (void);

G_END_DECLS
