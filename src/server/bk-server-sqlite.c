/* bk-server-sqlite.c
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

#include <sqlite3.h>

#include "bk-server-error.h"
#include "bk-server-sqlite.h"

struct _BkServerSqlite
{
  GObject parent_instance;

  char *path;
  GMutex lock;
  GPtrArray *idle; /* sqlite3 * */
};

static void bk_server_sqlite_database_init (BkServerDatabaseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServerSqlite,
                               bk_server_sqlite,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_SERVER_DATABASE,
                                                      bk_server_sqlite_database_init))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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
};

static gboolean
fail (sqlite3 *db, GError **error, const char *doing)
{
  g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE, "%s: %s", doing,
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
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

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (db, error, "preparing a statement");
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (db, error, "writing");
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

static char *
column_text (sqlite3_stmt *stmt, int i)
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
      fail (db, error, "opening the database");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);
  if (!exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
             error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static sqlite3 *
acquire (BkServerSqlite *self, GError **error)
{
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    db = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);
  return db != NULL ? db : open_connection (self->path, error);
}

static void
release (BkServerSqlite *self, sqlite3 *db)
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

static gboolean
migrate (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int version;

  if (!exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  stmt = prepare (db, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      exec (db, "ROLLBACK", NULL);
      return stmt == NULL ? FALSE : fail (db, error, "reading the schema version");
    }
  version = sqlite3_column_int (stmt, 0);
  if (version > (int) G_N_ELEMENTS (migrations))
    {
      exec (db, "ROLLBACK", NULL);
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE,
                   "the database has schema version %d, newer than this server's %u: run a "
                   "newer baokao-server",
                   version, (guint) G_N_ELEMENTS (migrations));
      return FALSE;
    }
  for (int i = version; i < (int) G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (!exec (db, migrations[i], error) || !exec (db, pragma, error))
        {
          exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, "migrating the schema to version %d: ", i + 1);
          return FALSE;
        }
    }
  return exec (db, "COMMIT", error);
}

BkServerSqlite *
bk_server_sqlite_open (const char *path, GError **error)
{
  g_autoptr (BkServerSqlite) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_connection (path, error);
  if (db == NULL)
    return NULL;
  if (!migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  self = g_object_new (BK_TYPE_SERVER_SQLITE, NULL);
  self->path = g_strdup (path);
  release (self, db);
  return g_steal_pointer (&self);
}

int
bk_server_sqlite_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* The interface */

static gboolean
sqlite_check (BkServerDatabase *database, GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (db == NULL)
    return FALSE;
  stmt = prepare (db, "SELECT count(*) FROM account", error);
  ok = stmt != NULL && (sqlite3_step (stmt) == SQLITE_ROW || fail (db, error, "reading"));
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return ok;
}

static gboolean
sqlite_create_account (BkServerDatabase *database,
                       const BkServerAccount *account,
                       gboolean *created,
                       GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;
  gboolean ok = FALSE;
  int rc;

  if (db == NULL)
    return FALSE;
  key = g_ascii_strdown (account->user_name, -1);
  stmt = prepare (db,
                  "INSERT INTO account (id, user_key, user_name, real_name, id_type, id_number, "
                  "mobile, password_hash, role, session_id, point_code, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%s', 'now')) "
                  "ON CONFLICT DO NOTHING",
                  error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, account->id);
      bind_text (stmt, 2, key);
      bind_text (stmt, 3, account->user_name);
      bind_text (stmt, 4, account->real_name);
      bind_text (stmt, 5, account->id_type);
      bind_text (stmt, 6, account->id_number);
      bind_text (stmt, 7, account->mobile);
      bind_text (stmt, 8, account->password_hash);
      bind_text (stmt, 9, bk_server_role_to_nick (account->role));
      bind_text (stmt, 10, account->session_id);
      bind_text (stmt, 11, account->point_code);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          *created = sqlite3_changes (db) == 1;
          ok = TRUE;
        }
      else
        fail (db, error, "adding an account");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return ok;
}

#define ACCOUNT_COLUMNS                                                                            \
  "a.id, a.user_name, a.real_name, a.id_type, a.id_number, a.mobile, a.password_hash, a.role, "    \
  "a.session_id, a.point_code"

static BkServerAccount *
read_account (sqlite3_stmt *stmt)
{
  BkServerAccount *account = bk_server_account_new ();

  account->id = column_text (stmt, 0);
  account->user_name = column_text (stmt, 1);
  account->real_name = column_text (stmt, 2);
  account->id_type = column_text (stmt, 3);
  account->id_number = column_text (stmt, 4);
  account->mobile = column_text (stmt, 5);
  account->password_hash = column_text (stmt, 6);
  if (!bk_server_role_from_nick ((const char *) sqlite3_column_text (stmt, 7), &account->role))
    account->role = BK_SERVER_ROLE_CANDIDATE;
  account->session_id = column_text (stmt, 8);
  account->point_code = column_text (stmt, 9);
  return account;
}

static BkServerAccount *
query_account (
  BkServerSqlite *self, const char *sql, const char *text, gint64 number, GError **error)
{
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  BkServerAccount *account = NULL;
  int rc;

  if (db == NULL)
    return NULL;
  stmt = prepare (db, sql, error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, text);
      sqlite3_bind_int64 (stmt, 2, number);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        account = read_account (stmt);
      else if (rc != SQLITE_DONE)
        fail (db, error, "reading an account");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return account;
}

static BkServerAccount *
sqlite_find_account (BkServerDatabase *database, const char *user_name, GError **error)
{
  g_autofree char *key = g_ascii_strdown (user_name, -1);

  return query_account (BK_SERVER_SQLITE (database),
                        "SELECT " ACCOUNT_COLUMNS " FROM account a WHERE a.user_key = ? AND ? = 0",
                        key, 0, error);
}

static BkServerAccount *
sqlite_account_for_token (BkServerDatabase *database,
                          const char *token_hash,
                          gint64 now,
                          GError **error)
{
  return query_account (BK_SERVER_SQLITE (database),
                        "SELECT " ACCOUNT_COLUMNS " FROM token t JOIN account a ON a.id = "
                        "t.account_id WHERE t.hash = ? AND t.expires_at > ? AND "
                        "t.revoked_at IS NULL",
                        token_hash, now, error);
}

/* Runs one statement with text and integer parameters (NULL-terminated
 * pairs are too clumsy: "t" binds the next string, "i" the next gint64). */
static gboolean
run (BkServerSqlite *self, const char *sql, const char *types, GError **error, ...)
{
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  va_list args;

  if (db == NULL)
    return FALSE;
  stmt = prepare (db, sql, error);
  if (stmt != NULL)
    {
      va_start (args, error);
      for (int i = 0; types[i] != '\0'; i++)
        {
          if (types[i] == 't')
            bind_text (stmt, i + 1, va_arg (args, const char *));
          else
            sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
        }
      va_end (args);
      ok = step_done (db, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return ok;
}

static gboolean
sqlite_count_failures (BkServerDatabase *database,
                       const char *scope,
                       const char *key,
                       gint64 since,
                       guint *count,
                       gint64 *oldest,
                       GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  if (db == NULL)
    return FALSE;
  stmt = prepare (db,
                  "SELECT count(*), coalesce(min(at), 0) FROM sign_in_failure WHERE scope = ? "
                  "AND key = ? AND at >= ?",
                  error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, scope);
      bind_text (stmt, 2, key);
      sqlite3_bind_int64 (stmt, 3, since);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *count = sqlite3_column_int (stmt, 0);
          *oldest = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
      else
        fail (db, error, "counting failed sign-ins");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  return ok;
}

static gboolean
sqlite_record_failure (BkServerDatabase *database,
                       const char *account_key,
                       const char *address,
                       gint64 at,
                       GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);

  /* Failures older than a day count for nothing any more. */
  return run (self, "DELETE FROM sign_in_failure WHERE at < ?", "i", error, at - 86400) &&
         run (self,
              "INSERT INTO sign_in_failure (scope, key, at) VALUES ('account', ?, ?), "
              "('address', ?, ?)",
              "titi", error, account_key, at, address, at);
}

static gboolean
sqlite_clear_failures (BkServerDatabase *database, const char *account_key, GError **error)
{
  return run (BK_SERVER_SQLITE (database),
              "DELETE FROM sign_in_failure WHERE scope = 'account' AND key = ?", "t", error,
              account_key);
}

static gboolean
sqlite_add_token (BkServerDatabase *database,
                  const char *token_hash,
                  const char *account_id,
                  gint64 created_at,
                  gint64 expires_at,
                  GError **error)
{
  return run (BK_SERVER_SQLITE (database),
              "INSERT INTO token (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
              "ttii", error, token_hash, account_id, created_at, expires_at);
}

static gboolean
sqlite_revoke_token (BkServerDatabase *database, const char *token_hash, gint64 at, GError **error)
{
  return run (BK_SERVER_SQLITE (database),
              "UPDATE token SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL", "it", error,
              at, token_hash);
}

static gboolean
sqlite_audit (BkServerDatabase *database, const BkServerAuditEntry *entry, GError **error)
{
  return run (BK_SERVER_SQLITE (database),
              "INSERT INTO audit (at, account_id, address, method, path, action, decision, "
              "status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              "itttttti"
              "t",
              error, entry->at, entry->account_id, entry->address, entry->method, entry->path,
              entry->action, entry->allowed ? "allowed" : "refused", (gint64) entry->status,
              entry->detail);
}

static char *
sqlite_list_audit (BkServerDatabase *database, guint limit, GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  static const char *const names[] = {
    "id", "at", "account_id", "address", "method", "path", "action", "decision", "status", "detail",
  };
  int rc;

  if (db == NULL)
    return NULL;
  stmt = prepare (db,
                  "SELECT id, at, account_id, address, method, path, action, decision, status, "
                  "detail FROM audit ORDER BY id DESC LIMIT ?",
                  error);
  if (stmt == NULL)
    {
      release (self, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, limit);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (builder, names[i]);
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
        }
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_DONE)
    {
      fail (db, error, "reading the audit log");
      g_clear_pointer (&stmt, sqlite3_finalize);
      release (self, db);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Pushing */

static void
add_payload (JsonBuilder *builder, const char *member, const char *payload)
{
  g_autoptr (JsonNode) node = payload != NULL ? json_from_string (payload, NULL) : NULL;

  json_builder_set_member_name (builder, member);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static gboolean
push_one (sqlite3 *db,
          const BkServerAccount *account,
          const BkServerChange *change,
          gint64 now,
          JsonBuilder *builder,
          GError **error)
{
  g_autoptr (sqlite3_stmt) read = NULL;
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autoptr (sqlite3_stmt) feed = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *parent_owner = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *message = NULL;
  BkServerStored stored = { 0 };
  BkServerVerdict verdict;
  gint64 version;
  int rc;

  read = prepare (db,
                  "SELECT owner_id, version, deleted, payload FROM entity WHERE type = ? AND "
                  "id = ?",
                  error);
  if (read == NULL)
    return FALSE;
  bind_text (read, 1, change->entity);
  bind_text (read, 2, change->entity_id);
  rc = sqlite3_step (read);
  if (rc == SQLITE_ROW)
    {
      stored.exists = TRUE;
      owner = column_text (read, 0);
      stored.owner_id = owner;
      stored.version = sqlite3_column_int64 (read, 1);
      stored.deleted = sqlite3_column_int (read, 2) != 0;
      payload = column_text (read, 3);
      stored.payload = payload;
    }
  else if (rc != SQLITE_DONE)
    return fail (db, error, "reading a record");

  if (change->parent_id != NULL)
    {
      g_autoptr (sqlite3_stmt) parent = prepare (db,
                                                 "SELECT owner_id, deleted FROM entity WHERE "
                                                 "type = ? AND id = ?",
                                                 error);

      if (parent == NULL)
        return FALSE;
      bind_text (parent, 1, change->parent_entity);
      bind_text (parent, 2, change->parent_id);
      rc = sqlite3_step (parent);
      if (rc == SQLITE_ROW)
        {
          stored.parent_exists = TRUE;
          parent_owner = column_text (parent, 0);
          stored.parent_owner_id = parent_owner;
          stored.parent_deleted = sqlite3_column_int (parent, 1) != 0;
        }
      else if (rc != SQLITE_DONE)
        return fail (db, error, "reading a record");
    }

  verdict = bk_server_change_judge (change, account, &stored, &message);

  json_builder_begin_object (builder);
  if (change->seq >= 0)
    {
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, change->seq);
    }
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, change->entity);
  json_builder_set_member_name (builder, "entity_id");
  json_builder_add_string_value (builder, change->entity_id);
  json_builder_set_member_name (builder, "status");

  if (verdict != BK_SERVER_VERDICT_APPLY)
    {
      static const struct
      {
        guint status;
        const char *code;
      } refusals[] = {
        [BK_SERVER_VERDICT_CONFLICT] = { 409, "conflict" },
        [BK_SERVER_VERDICT_TAKEN] = { 409, "id_taken" },
        [BK_SERVER_VERDICT_NOT_FOUND] = { 404, "not_found" },
        [BK_SERVER_VERDICT_FORBIDDEN] = { 403, "server_owned_field" },
      };

      json_builder_add_int_value (builder, refusals[verdict].status);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, refusals[verdict].code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      if (verdict == BK_SERVER_VERDICT_CONFLICT && stored.exists)
        {
          json_builder_set_member_name (builder, "current");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, stored.version);
          json_builder_set_member_name (builder, "deleted");
          json_builder_add_boolean_value (builder, stored.deleted);
          add_payload (builder, "payload", stored.payload);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      return TRUE;
    }

  version = bk_server_change_get_base_version (change) + 1;
  if (change->operation == BK_SERVER_OPERATION_DELETE)
    write = prepare (db,
                     "UPDATE entity SET version = ?3, deleted = 1, payload = NULL, updated_at = ?4 "
                     "WHERE type = "
                     "?1 AND id = ?2",
                     error);
  else
    write = prepare (db,
                     "INSERT INTO entity (type, id, owner_id, version, payload, session_id, "
                     "point_code, updated_at) VALUES (?1, ?2, ?5, ?3, ?6, ?7, ?8, ?4) "
                     "ON CONFLICT (type, id) DO UPDATE SET version = ?3, payload = ?6, "
                     "session_id = ?7, point_code = ?8, updated_at = ?4",
                     error);
  if (write == NULL)
    return FALSE;
  bind_text (write, 1, change->entity);
  bind_text (write, 2, change->entity_id);
  sqlite3_bind_int64 (write, 3, version);
  sqlite3_bind_int64 (write, 4, now);
  if (change->operation != BK_SERVER_OPERATION_DELETE)
    {
      merged = bk_server_change_merge_owned (change, stored.payload);
      bind_text (write, 5, account->id);
      bind_text (write, 6, merged);
      bind_text (write, 7, change->session_id);
      bind_text (write, 8, change->point_code);
    }
  if (!step_done (db, write, error))
    return FALSE;

  feed = prepare (db,
                  "INSERT INTO change (type, id, owner_id, operation, version, payload, "
                  "session_id, point_code, committed_at) SELECT type, id, owner_id, ?3, version, "
                  "payload, session_id, point_code, ?4 FROM entity WHERE type = ?1 AND id = ?2",
                  error);
  if (feed == NULL)
    return FALSE;
  bind_text (feed, 1, change->entity);
  bind_text (feed, 2, change->entity_id);
  bind_text (feed, 3, bk_server_operation_to_nick (change->operation));
  sqlite3_bind_int64 (feed, 4, now);
  if (!step_done (db, feed, error))
    return FALSE;

  json_builder_add_int_value (builder, change->operation == BK_SERVER_OPERATION_INSERT ? 201 : 200);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
sqlite_push_in (sqlite3 *db,
                const BkServerAccount *account,
                const char *idempotency_key,
                const char *request_hash,
                GPtrArray *changes,
                gint64 now,
                BkServerPushAnswer *answer,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;
  int rc;

  stmt = prepare (db,
                  "SELECT request_hash, status, response FROM idempotency WHERE account_id = ? "
                  "AND key = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, account->id);
  bind_text (stmt, 2, idempotency_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), request_hash) != 0)
        {
          g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_KEY_REUSED,
                               "This Idempotency-Key was used for a different request: use a "
                               "new key for new changes.");
          return FALSE;
        }
      answer->status = sqlite3_column_int (stmt, 1);
      answer->body = column_text (stmt, 2);
      answer->replayed = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return fail (db, error, "reading an idempotency key");
  g_clear_pointer (&stmt, sqlite3_finalize);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    if (!push_one (db, account, changes->pdata[i], now, builder, error))
      return FALSE;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  answer->status = 200;
  answer->body = json_to_string (root, FALSE);

  /* The answer is stored in the same transaction as the changes: either
   * both are there after a crash, or neither. */
  stmt = prepare (db,
                  "INSERT INTO idempotency (account_id, key, request_hash, status, response, "
                  "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, account->id);
  bind_text (stmt, 2, idempotency_key);
  bind_text (stmt, 3, request_hash);
  sqlite3_bind_int (stmt, 4, answer->status);
  bind_text (stmt, 5, answer->body);
  sqlite3_bind_int64 (stmt, 6, now);
  return step_done (db, stmt, error);
}

static gboolean
sqlite_push (BkServerDatabase *database,
             const BkServerAccount *account,
             const char *idempotency_key,
             const char *request_hash,
             GPtrArray *changes,
             gint64 now,
             BkServerPushAnswer *answer,
             GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  /* IMMEDIATE: the write lock is taken now, so two retries of one request
   * are serialised and the second finds the first's stored answer. */
  ok = exec (db, "BEGIN IMMEDIATE", error) &&
       sqlite_push_in (db, account, idempotency_key, request_hash, changes, now, answer, error) &&
       exec (db, "COMMIT", error);
  if (!ok)
    bk_server_push_answer_clear (answer);
  release (self, db); /* rolls back what is left open */
  return ok;
}

static char *
sqlite_pull (BkServerDatabase *database,
             const BkServerAccount *account,
             gint64 since,
             guint limit,
             GError **error)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (database);
  sqlite3 *db = acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *sql;
  gint64 next = since;
  gboolean more = FALSE;
  guint n = 0;
  int rc;

  if (db == NULL)
    return NULL;

#define PULL_COLUMNS "SELECT seq, type, id, operation, version, payload FROM change "
  switch (account->role)
    {
      case BK_SERVER_ROLE_ADMIN:
        sql = PULL_COLUMNS "WHERE seq > ?1 AND ?2 IS NOT ?3 ORDER BY seq LIMIT ?4";
        break;
      case BK_SERVER_ROLE_STAFF:
        sql = PULL_COLUMNS "WHERE seq > ?1 AND session_id = ?2 AND point_code = ?3 "
                           "ORDER BY seq LIMIT ?4";
        break;
      case BK_SERVER_ROLE_CANDIDATE:
      default:
        sql = PULL_COLUMNS "WHERE seq > ?1 AND owner_id = ?2 AND ?3 IS NULL ORDER BY seq LIMIT ?4";
        break;
    }
#undef PULL_COLUMNS

  stmt = prepare (db, sql, error);
  if (stmt == NULL)
    {
      release (self, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, since);
  if (account->role == BK_SERVER_ROLE_STAFF)
    {
      bind_text (stmt, 2, account->session_id);
      bind_text (stmt, 3, account->point_code);
    }
  else if (account->role == BK_SERVER_ROLE_CANDIDATE)
    bind_text (stmt, 2, account->id);
  else
    sqlite3_bind_int (stmt, 2, 1);
  sqlite3_bind_int64 (stmt, 4, (gint64) limit + 1); /* one more tells whether there is more */

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n == limit)
        {
          more = TRUE;
          break;
        }
      n++;
      next = sqlite3_column_int64 (stmt, 0);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "cursor");
      json_builder_add_int_value (builder, next);
      json_builder_set_member_name (builder, "entity");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "entity_id");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_set_member_name (builder, "operation");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
      add_payload (builder, "payload", (const char *) sqlite3_column_text (stmt, 5));
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fail (db, error, "reading changes");
      g_clear_pointer (&stmt, sqlite3_finalize);
      release (self, db);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  release (self, db);

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next");
  json_builder_add_int_value (builder, next);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, more);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
bk_server_sqlite_database_init (BkServerDatabaseInterface *iface)
{
  iface->check = sqlite_check;
  iface->create_account = sqlite_create_account;
  iface->find_account = sqlite_find_account;
  iface->count_failures = sqlite_count_failures;
  iface->record_failure = sqlite_record_failure;
  iface->clear_failures = sqlite_clear_failures;
  iface->add_token = sqlite_add_token;
  iface->account_for_token = sqlite_account_for_token;
  iface->revoke_token = sqlite_revoke_token;
  iface->audit = sqlite_audit;
  iface->list_audit = sqlite_list_audit;
  iface->push = sqlite_push;
  iface->pull = sqlite_pull;
}

static void
bk_server_sqlite_finalize (GObject *object)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (object);

  g_ptr_array_unref (self->idle);
  g_mutex_clear (&self->lock);
  g_free (self->path);

  G_OBJECT_CLASS (bk_server_sqlite_parent_class)->finalize (object);
}

static void
bk_server_sqlite_class_init (BkServerSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_server_sqlite_finalize;
}

static void
close_connection (gpointer db)
{
  sqlite3_close (db);
}

static void
bk_server_sqlite_init (BkServerSqlite *self)
{
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (close_connection);
}
