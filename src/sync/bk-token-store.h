/* bk-token-store.h — where the sign-in token is kept: the keyring
 * (libsecret), or, without one, memory for this run only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_TOKEN_STORE (bk_token_store_get_type ())

G_DECLARE_FINAL_TYPE (BkTokenStore, bk_token_store, BK, TOKEN_STORE, GObject)

/* Tokens are keyed by the server's address and the user name. When the
 * keyring cannot be reached (none installed, locked and not unlocked, no
 * session bus), the token is kept in memory for this run only and
 * "persistent" turns FALSE, so the window can say that the candidate will
 * have to sign in again next time. Saving never fails for want of a
 * keyring. */
BkTokenStore *bk_token_store_new (void);

/* FALSE once the keyring failed: tokens live in memory only. */
gboolean bk_token_store_get_persistent (BkTokenStore *self);

void bk_token_store_save_async (BkTokenStore *self,
                                const char *server_url,
                                const char *user_name,
                                const char *token,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean bk_token_store_save_finish (BkTokenStore *self, GAsyncResult *result, GError **error);

/* The token, or NULL (with no error) if none is kept. */
void bk_token_store_lookup_async (BkTokenStore *self,
                                  const char *server_url,
                                  const char *user_name,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
char *bk_token_store_lookup_finish (BkTokenStore *self, GAsyncResult *result, GError **error);

/* Signing out: forgets the token, in the keyring and in memory. */
void bk_token_store_forget_async (BkTokenStore *self,
                                  const char *server_url,
                                  const char *user_name,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean bk_token_store_forget_finish (BkTokenStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
