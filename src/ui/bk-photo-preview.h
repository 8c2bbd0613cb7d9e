/* bk-photo-preview.h — a photo as the checks saw it, with the background
 * band outlined and, when the background check failed, the places where it
 * is not white filled in red
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-photo-report.h"

G_BEGIN_DECLS

#define BK_TYPE_PHOTO_PREVIEW (bk_photo_preview_get_type ())

G_DECLARE_FINAL_TYPE (BkPhotoPreview, bk_photo_preview, BK, PHOTO_PREVIEW, GtkWidget)

GtkWidget *bk_photo_preview_new (void);
/* @texture is the file as decoded, before its EXIF orientation; @report
 * (nullable) gives the orientation and the regions to draw. */
void bk_photo_preview_set_photo (BkPhotoPreview *self, GdkTexture *texture, BkPhotoReport *report);
GdkTexture *bk_photo_preview_get_texture (BkPhotoPreview *self);

G_END_DECLS
