/* bk-photo-exif.h — the one EXIF tag the checks need (private to the photo layer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bk_photo_exif_orientation (const guint8 *app1, gsize length);

G_END_DECLS
