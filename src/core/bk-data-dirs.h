/* bk-data-dirs.h — where Baokao's installed data lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *bk_data_dirs_get_pkgdatadir (void);
char *bk_data_dirs_get_sessions_dir (void);

G_END_DECLS
