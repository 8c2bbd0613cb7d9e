/* bk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-application.h"
#include "bk-store.h"
#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())

G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

BkWindow *bk_window_new (BkApplication *application);
void bk_window_show_message (BkWindow *self, const char *message);
/* The local store, once open (NULL before). */
BkStore *bk_window_get_store (BkWindow *self);
/* Saves the window's size and what was typed last, as closing does. */
void bk_window_flush (BkWindow *self);
/* The open profile's sync (nullable: no profile open, or none with a
 * server account). */
BkSyncScheduler *bk_window_get_sync_scheduler (BkWindow *self);

G_END_DECLS
