/* bk-server-sql.h — one small SQL driver layer under the server's storage
 *
 * The storage logic (bk-server-store*.c) is written once over this layer;
 * a driver per engine (bk-server-sql-sqlite.c, bk-server-sql-pg.c) turns
 * it into SQLite or libpq calls. What the logic may rely on:
 *
 * - A pool of connections; a worker thread takes one, uses it alone and
 *   gives it back (a transaction left open is rolled back then).
 * - Parameters are written $1..$n in the SQL (both engines read that) and
 *   passed as a types string, one letter each: "t" text (NULL is SQL
 *   NULL), "i" a gint64, "b" a GBytes * blob (NULL is SQL NULL). The same
 *   $n may appear twice.
 * - Rows are read as text, gint64 or blob, column by column; they belong
 *   to their connection: free them before giving it back.
 * - bk_server_sql_begin_write() starts a transaction that writes: writers
 *   are serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
 *   transaction-level advisory lock), which makes the change feed's
 *   sequence order its commit order (docs/protocol.md).
 * - Only portable SQL in the shared logic: no strftime() or now(), no
 *   IS / IS NOT between values, no engine-specific functions. The schemas
 *   are per engine (bk-server-sqlite-schema.c, bk-server-pg-schema.c);
 *   the few fragments that differ come from the driver
 *   (bk_server_sql_text_list()).
 *
 * Errors are BK_SERVER_ERROR_DATABASE with the engine's message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BkServerSql BkServerSql;
typedef struct _BkServerSqlConnection BkServerSqlConnection;
typedef struct _BkServerSqlRows BkServerSqlRows;

typedef enum
{
  BK_SERVER_SQL_SQLITE,
  BK_SERVER_SQL_POSTGRESQL,
} BkServerSqlEngine;

/* TRUE when @target is a libpq connection string ("postgresql://…",
 * "postgres://…" or "key=value …"); anything else is a SQLite path. */
gboolean bk_server_sql_target_is_postgresql (const char *target);

/* A pool for @target, with one connection opened now to prove it can be
 * reached. */
BkServerSql *bk_server_sql_open (const char *target, GError **error);
void bk_server_sql_free (BkServerSql *self);
BkServerSqlEngine bk_server_sql_get_engine (BkServerSql *self);

/* Brings the schema to version @n_migrations: migration i takes it from
 * version i to i + 1, all in one transaction that also holds the engine's
 * migration lock, so two processes starting at once migrate once. A
 * database newer than @n_migrations is refused. */
gboolean bk_server_sql_migrate (BkServerSql *self,
                                const char *const *migrations,
                                guint n_migrations,
                                GError **error);

BkServerSqlConnection *bk_server_sql_acquire (BkServerSql *self, GError **error);
/* The pool's connection for the writes that commit in groups
 * (bk-server-store-group.c, one transaction at a time): as its pages are
 * changed by no other connection, its cache stays warm. Another caller
 * while it is taken gets a new one. Given back with
 * bk_server_sql_release(). */
BkServerSqlConnection *bk_server_sql_acquire_writer (BkServerSql *self, GError **error);
/* Gives @connection (may be NULL) back, rolling back what is left open;
 * a broken connection is closed instead. */
void bk_server_sql_release (BkServerSql *self, BkServerSqlConnection *connection);

/* Runs @sql (one or more statements, no parameters). */
gboolean bk_server_sql_exec (BkServerSqlConnection *connection, const char *sql, GError **error);
gboolean bk_server_sql_begin_write (BkServerSqlConnection *connection, GError **error);
gboolean bk_server_sql_commit (BkServerSqlConnection *connection, GError **error);

/* Runs one statement; the rows changed, or -1 with @error set. */
gint64 bk_server_sql_run (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...);
/* Runs one statement on a connection of its own, as one transaction. */
gint64
bk_server_sql_run_once (BkServerSql *self, GError **error, const char *sql, const char *types, ...);

/* Runs one statement that returns rows; NULL with @error set. */
BkServerSqlRows *bk_server_sql_query (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...);

/* Runs one statement and moves to its first row: NULL when there is none
 * (without an error) or on an error (with @error set). */
BkServerSqlRows *bk_server_sql_query_row (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...);

/* The statements this process has sent to its databases so far, each
 * a round trip to PostgreSQL (a transaction's BEGIN, COMMIT and
 * savepoints among them): to count what a request costs. */
guint bk_server_sql_get_statement_count (void);

/* Parameters added one by one ($1, $2, … in the order added), for a
 * statement whose number of them varies (rows of a multi-row VALUES).
 * Texts are copied; NULL is SQL NULL. The add functions answer the
 * parameter's number. */
typedef struct _BkServerSqlParams BkServerSqlParams;

BkServerSqlParams *bk_server_sql_params_new (void);
void bk_server_sql_params_free (BkServerSqlParams *self);
guint bk_server_sql_params_get_count (BkServerSqlParams *self);
guint bk_server_sql_params_add_text (BkServerSqlParams *self, const char *text);
guint bk_server_sql_params_add_int (BkServerSqlParams *self, gint64 number);
BkServerSqlRows *bk_server_sql_query_params (BkServerSqlConnection *connection,
                                             const char *sql,
                                             BkServerSqlParams *params,
                                             GError **error);
gint64 bk_server_sql_run_params (BkServerSqlConnection *connection,
                                 const char *sql,
                                 BkServerSqlParams *params,
                                 GError **error);

/* Appends "($first, $first+1, …), (…), …": @n_rows rows of @n_columns
 * parameters, for a multi-row VALUES. */
void bk_server_sql_append_rows (GString *sql, guint first, guint n_rows, guint n_columns);

/* The engine's words for a one-column subquery whose rows are the strings
 * of a JSON array passed as text in parameter $@parameter, for
 * `column IN (…)` with a list of any length. */
char *bk_server_sql_text_list (BkServerSqlConnection *connection, guint parameter);

/* Moves to the next row: FALSE after the last one, or on an error (then
 * @error is set). */
gboolean bk_server_sql_rows_next (BkServerSqlRows *rows, GError **error);
gboolean bk_server_sql_rows_is_null (BkServerSqlRows *rows, int column);
/* Valid until the next call on @rows; NULL for SQL NULL. */
const char *bk_server_sql_rows_text (BkServerSqlRows *rows, int column);
char *bk_server_sql_rows_dup_text (BkServerSqlRows *rows, int column);
gint64 bk_server_sql_rows_int (BkServerSqlRows *rows, int column);
/* NULL for SQL NULL. */
GBytes *bk_server_sql_rows_blob (BkServerSqlRows *rows, int column);
void bk_server_sql_rows_free (BkServerSqlRows *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerSql, bk_server_sql_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerSqlRows, bk_server_sql_rows_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerSqlParams, bk_server_sql_params_free)

G_END_DECLS
