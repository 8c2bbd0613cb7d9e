/* bk-server-sqlite-pool.h — SQLite connections, one per worker thread
 *
 * The seam the SQLite jobs (accounts, changes, audit, schema) share: a
 * connection taken and put back, and the few statement helpers every
 * job uses. Errors are BK_SERVER_ERROR_DATABASE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _BkServerSqlitePool BkServerSqlitePool;

/* Connections to @path; none is opened until one is acquired. */
BkServerSqlitePool *bk_server_sqlite_pool_new (const char *path);
void bk_server_sqlite_pool_free (BkServerSqlitePool *self);

/* An idle connection, or a new one (WAL, synchronous=FULL, foreign
 * keys); NULL with an error if it cannot be opened. */
sqlite3 *bk_server_sqlite_pool_acquire (BkServerSqlitePool *self, GError **error);

/* Puts @db (may be NULL) back, rolling back a transaction left open. */
void bk_server_sqlite_pool_release (BkServerSqlitePool *self, sqlite3 *db);

/* Runs one statement with text and integer parameters (NULL-terminated
 * pairs are too clumsy: "t" binds the next string, "i" the next gint64). */
gboolean bk_server_sqlite_pool_run (
  BkServerSqlitePool *self, const char *sql, const char *types, GError **error, ...);

/* FALSE, with an error saying what was being done and SQLite's message. */
gboolean bk_server_sqlite_fail (sqlite3 *db, GError **error, const char *doing);
gboolean bk_server_sqlite_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *bk_server_sqlite_prepare (sqlite3 *db, const char *sql, GError **error);
/* Steps @stmt once, expecting SQLITE_DONE. */
gboolean bk_server_sqlite_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error);
/* Binds @text, or NULL as SQL NULL. */
void bk_server_sqlite_bind_text (sqlite3_stmt *stmt, int i, const char *text);
char *bk_server_sqlite_column_text (sqlite3_stmt *stmt, int i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerSqlitePool, bk_server_sqlite_pool_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
