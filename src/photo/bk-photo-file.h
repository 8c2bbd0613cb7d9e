/* bk-photo-file.h — reading a photo file and choosing where a photo is written,
 * with the limits every caller needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *bk_photo_read_file (const char *path, GError **error);
gboolean bk_photo_check_output (const char *input, const char *output, GError **error);

G_END_DECLS
