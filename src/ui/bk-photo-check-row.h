/* bk-photo-check-row.h — one of the photo checks as the candidate reads
 * it: its name, a verdict icon, the measured value and what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-photo-check.h"

G_BEGIN_DECLS

#define BK_TYPE_PHOTO_CHECK_ROW (bk_photo_check_row_get_type ())

G_DECLARE_FINAL_TYPE (BkPhotoCheckRow, bk_photo_check_row, BK, PHOTO_CHECK_ROW, AdwActionRow)

/* A row titled with @kind's name, showing no verdict yet. */
GtkWidget *bk_photo_check_row_new (BkPhotoCheckKind kind);
void bk_photo_check_row_set_check (BkPhotoCheckRow *self, const BkPhotoCheck *check);

G_END_DECLS
