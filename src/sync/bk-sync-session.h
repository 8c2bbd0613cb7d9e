/* bk-sync-session.h — one open profile's sync: its client, signed in with
 * the token kept by BkTokenStore, and its scheduler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-sync-scheduler.h"
#include "bk-token-store.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_SESSION (bk_sync_session_get_type ())

G_DECLARE_FINAL_TYPE (BkSyncSession, bk_sync_session, BK, SYNC_SESSION, GObject)

/* The window makes one when a profile opens and closes it when another
 * opens or the candidate signs out. Every token the client gets (a
 * sign-in, a sign-up, one that waited for the server) is kept in @tokens
 * under @server_url and @user_name; one the server no longer takes (401)
 * is forgotten there too. "persistent" is @tokens' (FALSE: the token
 * lives in memory for this run only; the window says so). */
BkSyncSession *bk_sync_session_new (BkStore *store,
                                    BkHttpClient *http,
                                    BkTokenStore *tokens,
                                    GNetworkMonitor *monitor,
                                    const char *server_url,
                                    const char *profile_id,
                                    const char *user_name);

BkSyncClient *bk_sync_session_get_client (BkSyncSession *self);
BkSyncScheduler *bk_sync_session_get_scheduler (BkSyncSession *self);
gboolean bk_sync_session_get_persistent (BkSyncSession *self);

/* Looks up the kept token and starts the scheduler (which, without a
 * token, stops and says to sign in). */
void bk_sync_session_start (BkSyncSession *self);

/* Signs in to the profile's account with @password; the token is kept
 * and sync carries on. */
void bk_sync_session_sign_in_async (BkSyncSession *self,
                                    const char *password,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_sync_session_sign_in_finish (BkSyncSession *self, GAsyncResult *result, GError **error);

/* A new candidate's account under the session's user name
 * (bk_sync_client_sign_up_async): registered and signed in, the token
 * kept. When the server cannot be reached the details wait in memory and
 * the next sync (the scheduler's retries) makes the account first. */
void bk_sync_session_sign_up_async (BkSyncSession *self,
                                    const char *real_name,
                                    const char *id_type,
                                    const char *id_number,
                                    const char *mobile,
                                    const char *password,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_sync_session_sign_up_finish (BkSyncSession *self, GAsyncResult *result, GError **error);

/* Signs out: the token is revoked on the server when it can be reached
 * and forgotten here (keyring and memory) whatever it answers; sync
 * stops. */
void bk_sync_session_sign_out_async (BkSyncSession *self,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean
bk_sync_session_sign_out_finish (BkSyncSession *self, GAsyncResult *result, GError **error);

/* The profile closes: its sync stops and the session forgets its token
 * (the kept one stays, for the next time the profile opens). */
void bk_sync_session_close (BkSyncSession *self);

G_END_DECLS
