/* bk-photo-rows.h — a profile's two photo rows: the original and the
 * standardised JPEG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-profile.h"

G_BEGIN_DECLS

/* Sets @profile's photo from its rows, if it has any. */
gboolean bk_photo_rows_load (BkDatabase *db, BkProfile *profile, GError **error);

/* Inside the profile's save: brings both rows in line with @profile's
 * photo, each with its outbox entry (whose payload carries the size and
 * SHA-256, not the JPEG); *@changed is set if a row changed. */
gboolean bk_photo_rows_save (
  BkDatabase *db, BkProfile *profile, const char *now, gboolean *changed, GError **error);

G_END_DECLS
