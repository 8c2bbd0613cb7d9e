/* bk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-application.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())

G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

BkWindow *bk_window_new (BkApplication *application);
void bk_window_show_message (BkWindow *self, const char *message);
/* The local store, once open (NULL before). */
BkStore *bk_window_get_store (BkWindow *self);

G_END_DECLS
