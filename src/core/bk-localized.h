/* bk-localized.h — choosing between the Chinese and English texts of data files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Session files carry names in Chinese and English; the user's language
 * decides which one is shown. Either may be NULL. */
gboolean bk_localized_prefers_chinese (void);
const char *bk_localized_pick (const char *zh, const char *en);

G_END_DECLS
