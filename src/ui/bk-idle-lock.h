/* bk-idle-lock.h — locks the window's open profile after an idle time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-workspace.h"

G_BEGIN_DECLS

#define BK_TYPE_IDLE_LOCK (bk_idle_lock_get_type ())

G_DECLARE_FINAL_TYPE (BkIdleLock, bk_idle_lock, BK, IDLE_LOCK, GObject)

/* Watches @window's key presses, clicks, scrolls and pointer moves; after
 * "idle-lock-seconds" of @settings without any while it is active, it
 * emits "lock". Adds the window action "win.lock" (Lock Now). */
BkIdleLock *bk_idle_lock_new (GtkWindow *window, GSettings *settings);

/* Active while a profile is open in the window. */
void bk_idle_lock_set_active (BkIdleLock *self, gboolean active);
gboolean bk_idle_lock_get_active (BkIdleLock *self);

/* Leaves nothing of @workspace's profile on screen, in the accessibility
 * tree or in the store: writes what was typed last, gives every page an
 * empty profile (the widgets drop the person's text and photo, and the
 * profile object is freed, its strings zeroed), then locks the profile's
 * key in @store. Returns the profile's id (NULL if none was open). */
char *bk_idle_lock_clear_workspace (BkWorkspace *workspace, BkStore *store);

G_END_DECLS
