/* bk-server-sqlite-schema.c — the server's SQLite schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"
#include "bk-server-sqlite-schema.h"

/* Migration n takes the schema from version n to n + 1. */
static const char *const migrations[] = {
  "CREATE TABLE account ("
  "  id TEXT PRIMARY KEY,"
  "  user_key TEXT NOT NULL UNIQUE," /* the user name, lower case */
  "  user_name TEXT NOT NULL,"
  "  real_name TEXT NOT NULL,"
  "  id_type TEXT,"
  "  id_number TEXT UNIQUE," /* one account per ID number */
  "  mobile TEXT,"
  "  password_hash TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('candidate', 'staff', 'admin')),"
  "  session_id TEXT,"
  "  point_code TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE token ("
  "  hash TEXT PRIMARY KEY," /* SHA-256 of the bearer token, hex */
  "  account_id TEXT NOT NULL REFERENCES account (id),"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL,"
  "  revoked_at INTEGER"
  ");"
  "CREATE TABLE sign_in_failure ("
  "  id INTEGER PRIMARY KEY,"
  "  scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),"
  "  key TEXT NOT NULL,"
  "  at INTEGER NOT NULL"
  ");"
  "CREATE INDEX sign_in_failure_key ON sign_in_failure (scope, key, at);"
  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  account_id TEXT,"
  "  address TEXT,"
  "  method TEXT NOT NULL,"
  "  path TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  decision TEXT NOT NULL CHECK (decision IN ('allowed', 'refused')),"
  "  status INTEGER NOT NULL,"
  "  detail TEXT"
  ");"
  "CREATE TABLE idempotency ("
  "  account_id TEXT NOT NULL,"
  "  key TEXT NOT NULL,"
  "  request_hash TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  response TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, key)"
  ");"
  "CREATE TABLE entity ("
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  owner_id TEXT NOT NULL REFERENCES account (id),"
  "  version INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  payload TEXT,"
  "  session_id TEXT,"
  "  point_code TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (type, id)"
  ");"
  /* The change feed: seq is assigned inside the (serialised) write
   * transaction, so it grows in commit order. */
  "CREATE TABLE change ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  type TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  owner_id TEXT NOT NULL,"
  "  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
  "  version INTEGER NOT NULL,"
  "  payload TEXT,"
  "  session_id TEXT,"
  "  point_code TEXT,"
  "  committed_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX change_owner ON change (owner_id, seq);"
  "CREATE INDEX change_point ON change (session_id, point_code, seq);",
  /* 1 → 2: candidates' photo and proof files, one per record, with their
   * bytes (so that every server process serves them). */
  "CREATE TABLE file ("
  "  entity TEXT NOT NULL CHECK (entity IN ('photo', 'proof')),"
  "  entity_id TEXT NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  bytes BLOB NOT NULL,"
  "  uploaded_at INTEGER NOT NULL,"
  "  PRIMARY KEY (entity, entity_id)"
  ");",
};

gboolean
bk_server_sqlite_schema_migrate (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int version;

  if (!bk_server_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = bk_server_sqlite_prepare (db, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      bk_server_sqlite_exec (db, "ROLLBACK", NULL);
      return stmt == NULL ? FALSE : bk_server_sqlite_fail (db, error, "reading the schema version");
    }
  version = sqlite3_column_int (stmt, 0);
  if (version > (int) G_N_ELEMENTS (migrations))
    {
      bk_server_sqlite_exec (db, "ROLLBACK", NULL);
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE,
                   "the database has schema version %d, newer than this server's %u: run a "
                   "newer baokao-server",
                   version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }
  for (int i = version; i < (int) G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (!bk_server_sqlite_exec (db, migrations[i], error) ||
          !bk_server_sqlite_exec (db, pragma, error))
        {
          bk_server_sqlite_exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, "migrating the schema to version %d: ", i + 1);
          return FALSE;
        }
    }
  return bk_server_sqlite_exec (db, "COMMIT", error);
}

gboolean
bk_server_sqlite_schema_check (BkServerSqlitePool *self, GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (db == NULL)
    return FALSE;
  stmt = bk_server_sqlite_prepare (db, "SELECT count(*) FROM account", error);
  ok = stmt != NULL &&
       (sqlite3_step (stmt) == SQLITE_ROW || bk_server_sqlite_fail (db, error, "reading"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return ok;
}

int
bk_server_sqlite_schema_get_version (void)
{
  return G_N_ELEMENTS (migrations);
}
