/* bk-sync-client.h — the candidate's side of docs/protocol.md: account,
 * sign-in, push of the outbox and pull into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-http-client.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_CLIENT (bk_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (BkSyncClient, bk_sync_client, BK, SYNC_CLIENT, GObject)

/* The largest push and pull pages (the protocol's limits: 500 and 1000). */
#define BK_SYNC_CLIENT_PUSH_PAGE 500
#define BK_SYNC_CLIENT_PULL_PAGE 1000

/* @server_url: the server's https:// address (its root: "https://host:port"). */
BkSyncClient *bk_sync_client_new (BkStore *store, BkHttpClient *http, const char *server_url);

BkStore *bk_sync_client_get_store (BkSyncClient *self);
BkHttpClient *bk_sync_client_get_http (BkSyncClient *self);
const char *bk_sync_client_get_server_url (BkSyncClient *self);
void bk_sync_client_set_server_url (BkSyncClient *self, const char *server_url);

/* The bearer token ("token"); NULL when signed out. */
const char *bk_sync_client_get_token (BkSyncClient *self);
void bk_sync_client_set_token (BkSyncClient *self, const char *token);

/* The profile open on this computer ("profile-id"): a sync pushes only
 * its outbox entries, under the signed-in account (a shared PC holds
 * other candidates' profiles too), and pulls with its own cursor. NULL:
 * a sign-in on a computer that has no profile of the account yet; a sync
 * then only pulls, from 0, and the profile it brings keeps the cursor
 * from its page on and becomes the client's ("profile-id" notifies: the
 * profile for the window to open, once it has a password here). A run
 * keeps the profile it started with. */
const char *bk_sync_client_get_profile_id (BkSyncClient *self);
void bk_sync_client_set_profile_id (BkSyncClient *self, const char *profile_id);

/* Seconds the server asked to wait (Retry-After) with its last refusal
 * or unavailability; -1 when it gave none. */
gint64 bk_sync_client_get_retry_after (BkSyncClient *self);

/* POST /v1/accounts. The answer is the same whether or not the details
 * were taken (see docs/protocol.md): sign in to find out. */
void bk_sync_client_register_async (BkSyncClient *self,
                                    const char *real_name,
                                    const char *id_type,
                                    const char *id_number,
                                    const char *mobile,
                                    const char *user_name,
                                    const char *password,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_sync_client_register_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* A new candidate's account: POST /v1/accounts, then POST /v1/sessions
 * (the token is set). When the server cannot be reached or is unavailable
 * (a transient error), the details wait in memory, for this run only
 * ("signing-up"), and the next sync (bk_sync_client_sync_async, which the
 * scheduler retries with its back-off) registers and signs in first. Any
 * other failure (the server refused a detail, the user name or ID number
 * was taken: the sign-in then fails with wrong_credentials) forgets
 * them: the user corrects and tries again. Signing out forgets them too. */
void bk_sync_client_sign_up_async (BkSyncClient *self,
                                   const char *real_name,
                                   const char *id_type,
                                   const char *id_number,
                                   const char *mobile,
                                   const char *user_name,
                                   const char *password,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_sync_client_sign_up_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* Whether a sign-up waits for the server ("signing-up"). */
gboolean bk_sync_client_get_signing_up (BkSyncClient *self);

/* POST /v1/sessions: on success the token is set ("token" notifies). */
void bk_sync_client_sign_in_async (BkSyncClient *self,
                                   const char *user_name,
                                   const char *password,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_sync_client_sign_in_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* DELETE /v1/sessions/current; the token is forgotten whatever the answer. */
void bk_sync_client_sign_out_async (BkSyncClient *self,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_sync_client_sign_out_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

/* Pushes the whole outbox, in order, a batch at a time under the batch's
 * idempotency key (a batch that got no answer is sent again as it was),
 * then pulls from the saved cursor until the server has no more, each
 * page applied in one transaction. Returns the number of changes pushed
 * and pulled through @pushed and @pulled (nullable). A 401 forgets the
 * token (BK_SYNC_ERROR_NOT_SIGNED_IN: sign in again; nothing is lost). */
void bk_sync_client_sync_async (BkSyncClient *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean bk_sync_client_sync_finish (
  BkSyncClient *self, GAsyncResult *result, guint *pushed, guint *pulled, GError **error);

/* The push alone, and the pull alone (bench, tests). */
void bk_sync_client_push_async (BkSyncClient *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
void bk_sync_client_pull_async (BkSyncClient *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
/* The finish of either; returns the number of changes moved, -1 on error. */
gint64 bk_sync_client_transfer_finish (BkSyncClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
