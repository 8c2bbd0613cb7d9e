/* bk-photo-page.h — step 3: the candidate's ID photo, its checks and the
 * standardised photo for the admission ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_PHOTO_PAGE (bk_photo_page_get_type ())

G_DECLARE_FINAL_TYPE (BkPhotoPage, bk_photo_page, BK, PHOTO_PAGE, AdwBin)

/* TRUE while a photo is read, checked and standardised. */
gboolean bk_photo_page_get_busy (BkPhotoPage *self);

G_END_DECLS
