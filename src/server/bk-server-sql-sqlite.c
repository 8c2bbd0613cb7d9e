/* bk-server-sql-sqlite.c — the SQLite driver of BkServerSql
 *
 * One connection per worker thread (the pool hands it to one thread at a
 * time). The file is in WAL mode, so readers never wait for the writer;
 * writers take the write lock at BEGIN IMMEDIATE and so are serialised,
 * which is what makes the change feed's sequence numbers follow commit
 * order (see docs/protocol.md). synchronous=FULL: an answered push
 * survives a crash of the process and of the machine. The schema version
 * is PRAGMA user_version; BEGIN IMMEDIATE also serialises migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "bk-server-sql-private.h"

/* A connection and its prepared statements, by their SQL: preparing is a
 * good part of a short statement's cost, and the storage runs the same
 * few statements again and again. A statement in use (by rows not yet
 * freed) is out of the cache; a second use of the same SQL at once
 * prepares its own. */
typedef struct
{
  sqlite3 *db;
  GHashTable *statements; /* SQL → sqlite3_stmt *, idle */
} SqliteConnection;

typedef struct
{
  BkServerSqlRows parent;
  SqliteConnection *connection;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;         /* of the last step */
  gboolean first; /* the first step has been taken already */
} SqliteRows;

static gboolean
sqlite_fail (sqlite3 *db, GError **error, const char *doing)
{
  return bk_server_sql_fail (error, doing, db != NULL ? sqlite3_errmsg (db) : NULL);
}

static gboolean
exec_on (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      bk_server_sql_fail (error, "running SQL", message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_exec (gpointer handle, const char *sql, GError **error)
{
  return exec_on (((SqliteConnection *) handle)->db, sql, error);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gpointer
sqlite_connect (const char *target, GError **error)
{
  SqliteConnection *connection;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (target, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      sqlite_fail (db, error, "opening the database");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  if (!exec_on (db,
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                error))
    {
      sqlite3_close (db);
      return NULL;
    }
  connection = g_new0 (SqliteConnection, 1);
  connection->db = db;
  connection->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  finalize_statement);
  return connection;
}

static void
sqlite_disconnect (gpointer handle)
{
  SqliteConnection *connection = handle;

  g_hash_table_unref (connection->statements); /* finalised before the close */
  sqlite3_close (connection->db);
  g_free (connection);
}

static gboolean
sqlite_in_transaction (gpointer handle)
{
  return !sqlite3_get_autocommit (((SqliteConnection *) handle)->db);
}

static gboolean
sqlite_usable (gpointer handle)
{
  return TRUE;
}

static gboolean
bind (sqlite3_stmt *stmt, const BkServerSqlParam *params, guint n_params)
{
  for (guint i = 0; i < n_params; i++)
    {
      char name[16];
      const BkServerSqlParam *param = &params[i];
      int index;
      int rc;

      /* $n is a named parameter to SQLite: find where it sits. */
      g_snprintf (name, sizeof name, "$%u", i + 1);
      index = sqlite3_bind_parameter_index (stmt, name);
      if (index == 0)
        continue; /* not used by this statement */
      if (param->type == 'i')
        rc = sqlite3_bind_int64 (stmt, index, param->number);
      else if (param->type == 't' && param->text != NULL)
        rc = sqlite3_bind_text (stmt, index, param->text, -1, SQLITE_TRANSIENT);
      else if (param->type == 'b' && param->blob != NULL)
        {
          gsize size;
          gconstpointer data = g_bytes_get_data (param->blob, &size);

          rc = sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
        }
      else
        rc = sqlite3_bind_null (stmt, index);
      if (rc != SQLITE_OK)
        return FALSE;
    }
  return TRUE;
}

static BkServerSqlRows *
sqlite_query (
  gpointer handle, const char *sql, const BkServerSqlParam *params, guint n_params, GError **error)
{
  SqliteConnection *connection = handle;
  sqlite3 *db = connection->db;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *cached_sql = NULL; /* the cache's key, ours once stolen */
  SqliteRows *rows;

  if (!g_hash_table_steal_extended (connection->statements, sql, (gpointer *) &cached_sql,
                                    (gpointer *) &stmt) &&
      sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_fail (db, error, "preparing a statement");
      return NULL;
    }
  if (!bind (stmt, params, n_params))
    {
      sqlite_fail (db, error, "binding a parameter");
      sqlite3_finalize (stmt);
      return NULL;
    }
  rows = g_new0 (SqliteRows, 1);
  rows->parent.driver = &bk_server_sql_sqlite_driver;
  rows->connection = connection;
  rows->db = db;
  rows->stmt = stmt;
  /* The first step runs the statement: a write is done when it returns,
   * whether its rows are read or not. */
  rows->rc = sqlite3_step (stmt);
  rows->parent.changed = sqlite3_changes (db);
  return &rows->parent;
}

static gboolean
sqlite_next (BkServerSqlRows *base, GError **error)
{
  SqliteRows *rows = (SqliteRows *) base;

  if (!rows->first)
    rows->first = TRUE;
  else if (rows->rc == SQLITE_ROW)
    rows->rc = sqlite3_step (rows->stmt);
  if (rows->rc == SQLITE_ROW)
    return TRUE;
  if (rows->rc != SQLITE_DONE)
    sqlite_fail (rows->db, error, "running a statement");
  return FALSE;
}

static gboolean
sqlite_is_null (BkServerSqlRows *base, int column)
{
  return sqlite3_column_type (((SqliteRows *) base)->stmt, column) == SQLITE_NULL;
}

static const char *
sqlite_text (BkServerSqlRows *base, int column)
{
  return (const char *) sqlite3_column_text (((SqliteRows *) base)->stmt, column);
}

static GBytes *
sqlite_blob (BkServerSqlRows *base, int column)
{
  sqlite3_stmt *stmt = ((SqliteRows *) base)->stmt;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

static void
sqlite_free_rows (BkServerSqlRows *base)
{
  SqliteRows *rows = (SqliteRows *) base;
  GHashTable *statements = rows->connection->statements;
  const char *sql = sqlite3_sql (rows->stmt);

  /* Back to the cache, reset (which ends its read) and unbound. */
  sqlite3_reset (rows->stmt);
  sqlite3_clear_bindings (rows->stmt);
  if (sql != NULL && !g_hash_table_contains (statements, sql))
    g_hash_table_insert (statements, g_strdup (sql), rows->stmt);
  else
    sqlite3_finalize (rows->stmt);
  g_free (rows);
}

const BkServerSqlDriver bk_server_sql_sqlite_driver = {
  .engine = BK_SERVER_SQL_SQLITE,
  .connect = sqlite_connect,
  .disconnect = sqlite_disconnect,
  .in_transaction = sqlite_in_transaction,
  .usable = sqlite_usable,
  .exec = sqlite_exec,
  .query = sqlite_query,
  .next = sqlite_next,
  .is_null = sqlite_is_null,
  .text = sqlite_text,
  .blob = sqlite_blob,
  .free_rows = sqlite_free_rows,
  .begin_write_sql = "BEGIN IMMEDIATE",
  /* SQLite has one writer at a time, and a connection that finds the write
   * lock taken sleeps in its busy handler (1, 2, 5, 10 … 100 ms) before it
   * tries again: under load, most of a push's time. So this process's
   * writers queue on a mutex instead, and each one starts as soon as the
   * one before commits. (Another process on the same file still meets the
   * busy handler.) */
  .queue_writers = TRUE,
  .begin_migration_sql = "BEGIN IMMEDIATE",
  .read_version_sql = "PRAGMA user_version",
  .write_version_sql = "PRAGMA user_version = ",
  .text_list_sql = { "SELECT value FROM json_each ($", ")" },
};
