/* bk-preferences-window.h — the registration server's address and CA file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_PREFERENCES_WINDOW (bk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (
  BkPreferencesWindow, bk_preferences_window, BK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the "server-url" and "ca-file" keys of @settings as they are typed. */
BkPreferencesWindow *bk_preferences_window_new (GSettings *settings);

/* Whether @address can be used: empty (no server yet) or https://. */
gboolean bk_preferences_window_address_is_valid (const char *address);

G_END_DECLS
