/* bk-i18n.h — gettext set-up shared by every executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bk_i18n_init (void);

G_END_DECLS
