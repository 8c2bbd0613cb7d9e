/* bk-server-store-accounts.h — accounts, tokens and failed sign-ins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* As bk_server_database_check(): can a connection read the accounts. */
gboolean bk_server_store_accounts_check (BkServerSql *self, GError **error);

/* As bk_server_database_create_account() and the rest, on @self's
 * connections. */
gboolean bk_server_store_accounts_create (BkServerSql *self,
                                          const BkServerAccount *account,
                                          gboolean *created,
                                          GError **error);

BkServerAccount *
bk_server_store_accounts_find (BkServerSql *self, const char *user_name, GError **error);

BkServerAccount *bk_server_store_accounts_for_token (BkServerSql *self,
                                                     const char *token_hash,
                                                     gint64 now,
                                                     GError **error);

gboolean bk_server_store_accounts_count_failures (BkServerSql *self,
                                                  const char *scope,
                                                  const char *key,
                                                  gint64 since,
                                                  guint *count,
                                                  gint64 *oldest,
                                                  GError **error);

gboolean bk_server_store_accounts_record_failure (
  BkServerSql *self, const char *account_key, const char *address, gint64 at, GError **error);

gboolean bk_server_store_accounts_clear_failures (BkServerSql *self,
                                                  const char *account_key,
                                                  GError **error);

gboolean bk_server_store_accounts_add_token (BkServerSql *self,
                                             const char *token_hash,
                                             const char *account_id,
                                             gint64 created_at,
                                             gint64 expires_at,
                                             GError **error);

gboolean bk_server_store_accounts_revoke_token (BkServerSql *self,
                                                const char *token_hash,
                                                gint64 at,
                                                GError **error);

G_END_DECLS
