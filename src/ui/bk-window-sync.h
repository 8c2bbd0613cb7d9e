/* bk-window-sync.h — the window's side of sync: the open profile's
 * session, its sign-in with the password that unlocked the profile, and
 * what the candidate is told about it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-profile.h"
#include "bk-store.h"
#include "bk-sync-session.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW_SYNC (bk_window_sync_get_type ())

G_DECLARE_FINAL_TYPE (BkWindowSync, bk_window_sync, BK, WINDOW_SYNC, GObject)

/* Signals: "message" (a translated sentence for the candidate, saying
 * what to do; and whether it lasts until read, or is news that goes), "session-changed" (a
 * profile's session opened or closed: see bk_window_sync_get_session). @settings: the server
 * address and the CA file. */
BkWindowSync *bk_window_sync_new (GSettings *settings);

/* The settings it reads the server address and the CA file from. */
GSettings *bk_window_sync_get_settings (BkWindowSync *self);

/* The open profile's session; NULL when it does not sync (no server
 * address set, no user name, never saved, or closed). */
BkSyncSession *bk_window_sync_get_session (BkWindowSync *self);

/* A profile opens (@password, nullable: the one that unlocked it; used to
 * sign in when no token is kept, then forgotten). A profile with a user
 * name, saved at least once, syncs with the server of the preferences, if
 * one is set. */
void
bk_window_sync_open (BkWindowSync *self, BkStore *store, BkProfile *profile, const char *password);

/* The profile closes (or the window): its sync stops. */
void bk_window_sync_close (BkWindowSync *self);

/* The candidate chose the password of the open profile, a new one (it
 * has no session yet), on the account page: kept in memory until the
 * profile is saved with every detail of its account page valid, when its
 * account is made on the server (BkSyncSession's sign-up, which waits for the server when it
 * cannot be reached). The window says what happened. */
void bk_window_sync_password_chosen (BkWindowSync *self, const char *password);

/* The open profile was saved: sync shortly, or make its account. */
void bk_window_sync_profile_saved (BkWindowSync *self, BkStore *store);

/* Sync Now. */
void bk_window_sync_sync_now (BkWindowSync *self);

/* "Sign In on This Computer" (bk-window-sync-sign-in.c): signs in to
 * @user_name's account at @server_url, keeps the token, pulls the
 * account's profile into @store, protects it here with @password (the
 * account's) and returns it, loaded; @server_url becomes the server
 * address of the preferences. Errors: BK_SYNC_ERROR (see
 * bk_sync_messages_describe; wrong_credentials for a wrong password or an
 * unknown user name alike), G_IO_ERROR_NOT_FOUND (translated: the
 * account has no profile on the server yet), BK_STORE_ERROR. */
void bk_window_sync_sign_in_here_async (BkWindowSync *self,
                                        BkStore *store,
                                        const char *server_url,
                                        const char *user_name,
                                        const char *password,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
BkProfile *
bk_window_sync_sign_in_here_finish (BkWindowSync *self, GAsyncResult *result, GError **error);

G_END_DECLS
