/* bk-photo-profile.h — a candidate's photo, checked and standardised, as a
 * profile keeps it: one way for the window and the command-line tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-photo-report.h"
#include "bk-profile.h"

G_BEGIN_DECLS

BkPhotoReport *bk_photo_prepare (GBytes *original, GBytes **standardised, GError **error);
void bk_photo_set_profile_photo (BkProfile *profile,
                                 GBytes *original,
                                 const char *file_name,
                                 BkPhotoReport *report,
                                 GBytes *standardised);

G_END_DECLS
