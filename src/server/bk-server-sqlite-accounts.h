/* bk-server-sqlite-accounts.h — accounts, tokens and failed sign-ins in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sqlite-pool.h"

G_BEGIN_DECLS

/* As bk_server_database_create_account() and the rest, on @self's
 * connections. */
gboolean bk_server_sqlite_accounts_create (BkServerSqlitePool *self,
                                           const BkServerAccount *account,
                                           gboolean *created,
                                           GError **error);

BkServerAccount *
bk_server_sqlite_accounts_find (BkServerSqlitePool *self, const char *user_name, GError **error);

BkServerAccount *bk_server_sqlite_accounts_for_token (BkServerSqlitePool *self,
                                                      const char *token_hash,
                                                      gint64 now,
                                                      GError **error);

gboolean bk_server_sqlite_accounts_count_failures (BkServerSqlitePool *self,
                                                   const char *scope,
                                                   const char *key,
                                                   gint64 since,
                                                   guint *count,
                                                   gint64 *oldest,
                                                   GError **error);

gboolean bk_server_sqlite_accounts_record_failure (BkServerSqlitePool *self,
                                                   const char *account_key,
                                                   const char *address,
                                                   gint64 at,
                                                   GError **error);

gboolean bk_server_sqlite_accounts_clear_failures (BkServerSqlitePool *self,
                                                   const char *account_key,
                                                   GError **error);

gboolean bk_server_sqlite_accounts_add_token (BkServerSqlitePool *self,
                                              const char *token_hash,
                                              const char *account_id,
                                              gint64 created_at,
                                              gint64 expires_at,
                                              GError **error);

gboolean bk_server_sqlite_accounts_revoke_token (BkServerSqlitePool *self,
                                                 const char *token_hash,
                                                 gint64 at,
                                                 GError **error);

G_END_DECLS
