/* bk-server-sqlite-pool.c — SQLite connections, one per worker thread
 *
 * One connection per worker thread: connections are taken from a small
 * pool and put back, so a thread never shares one with another. The file
 * is in WAL mode, so readers never wait for the writer; writers take the
 * write lock at BEGIN IMMEDIATE and so are serialised, which is what
 * makes the change feed's sequence numbers follow commit order (see
 * docs/protocol.md). synchronous=FULL: an answered push survives a crash
 * of the process and of the machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"
#include "bk-server-sqlite-pool.h"

struct _BkServerSqlitePool
{
  char *path;
  GMutex lock;
  GPtrArray *idle; /* sqlite3 * */
};

gboolean
bk_server_sqlite_fail (sqlite3 *db, GError **error, const char *doing)
{
  g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE, "%s: %s", doing,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

gboolean
bk_server_sqlite_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE, "%s",
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
bk_server_sqlite_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      bk_server_sqlite_fail (db, error, "preparing a statement");
      return NULL;
    }
  return stmt;
}

gboolean
bk_server_sqlite_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_server_sqlite_fail (db, error, "writing");
  return TRUE;
}

void
bk_server_sqlite_bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

char *
bk_server_sqlite_column_text (sqlite3_stmt *stmt, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

static sqlite3 *
open_connection (const char *path, GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      bk_server_sqlite_fail (db, error, "opening the database");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  if (!bk_server_sqlite_exec (
        db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

sqlite3 *
bk_server_sqlite_pool_acquire (BkServerSqlitePool *self, GError **error)
{
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    db = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);
  return db != NULL ? db : open_connection (self->path, error);
}

void
bk_server_sqlite_pool_release (BkServerSqlitePool *self, sqlite3 *db)
{
  if (db == NULL)
    return;
  /* A connection goes back without a transaction open. */
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->idle, db);
  g_mutex_unlock (&self->lock);
}
static void
close_connection (gpointer db)
{
  sqlite3_close (db);
}

BkServerSqlitePool *
bk_server_sqlite_pool_new (const char *path)
{
  BkServerSqlitePool *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (BkServerSqlitePool, 1);
  self->path = g_strdup (path);
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (close_connection);
  return self;
}

void
bk_server_sqlite_pool_free (BkServerSqlitePool *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

gboolean
bk_server_sqlite_pool_run (
  BkServerSqlitePool *self, const char *sql, const char *types, GError **error, ...)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  va_list args;

  if (db == NULL)
    return FALSE;
  stmt = bk_server_sqlite_prepare (db, sql, error);
  if (stmt != NULL)
    {
      va_start (args, error);
      for (int i = 0; types[i] != '\0'; i++)
        {
          if (types[i] == 't')
            bk_server_sqlite_bind_text (stmt, i + 1, va_arg (args, const char *));
          else
            sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
        }
      va_end (args);
      ok = bk_server_sqlite_step_done (db, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return ok;
}
