/* bk-database.h — one SQLite connection: open, migrate, statements,
 * transactions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "bk-store-vault.h"

G_BEGIN_DECLS

#define BK_TYPE_DATABASE (bk_database_get_type ())

G_DECLARE_FINAL_TYPE (BkDatabase, bk_database, BK, DATABASE, GObject)

/* Opens (creating if needed) and migrates to the current schema. */
BkDatabase *bk_database_open (const char *path, GError **error);

const char *bk_database_get_path (BkDatabase *self);
sqlite3 *bk_database_get_handle (BkDatabase *self);
/* The data keys of the profiles unlocked on this connection. */
BkStoreVault *bk_database_get_vault (BkDatabase *self);
int bk_database_get_schema_version (BkDatabase *self);

gboolean bk_database_exec (BkDatabase *self, const char *sql, GError **error);
sqlite3_stmt *bk_database_prepare (BkDatabase *self, const char *sql, GError **error);
/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean bk_database_step_done (BkDatabase *self, sqlite3_stmt *stmt, GError **error);
/* Sets @error from the connection's last error; always returns FALSE. */
gboolean bk_database_fail (BkDatabase *self, GError **error, const char *doing);

gboolean bk_database_begin (BkDatabase *self, GError **error);
gboolean bk_database_commit (BkDatabase *self, GError **error);
void bk_database_rollback (BkDatabase *self);

typedef gboolean (*BkDatabaseTransactionFunc) (BkDatabase *self, gpointer data, GError **error);

/* Runs @func inside a transaction: committed if it returns TRUE, rolled
 * back (nothing of it left) if it or the commit fails. */
gboolean bk_database_run_transaction (BkDatabase *self,
                                      BkDatabaseTransactionFunc func,
                                      gpointer data,
                                      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
