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
 * "idle-lock-seconds" of @settings without any while a profile is
 * watched, it emits "lock" (with the id bk_idle_lock_release returned,
 * or NULL) once it has released the profile. Adds the window action
 * "win.lock" (Lock Now). */
BkIdleLock *bk_idle_lock_new (GtkWindow *window, GSettings *settings);

/* @workspace shows a profile of @store from now on: the lock counts from
 * here. */
void bk_idle_lock_watch (BkIdleLock *self, BkWorkspace *workspace, BkStore *store);
/* Whether a profile is watched. */
gboolean bk_idle_lock_get_active (BkIdleLock *self);

/* The profile is closed (or locked): leaves nothing of it on screen, in
 * the accessibility tree or in the store: writes what was typed last,
 * gives every page of the workspace an empty profile (the widgets drop
 * the person's text and photo, and the profile object is freed, its
 * strings zeroed), closes the window's dialogs and locks the profile's
 * key in the store. Returns the profile's id if it was saved (NULL if
 * none was open or it was new), and stops watching. */
char *bk_idle_lock_release (BkIdleLock *self);

G_END_DECLS
