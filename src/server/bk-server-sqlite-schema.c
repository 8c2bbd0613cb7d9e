/* bk-server-sqlite-schema.c — the server's SQLite schema and its migrations
 *
 * The same tables as bk-server-pg-schema.c, in SQLite's words: a
 * migration added here is added there too, with the same meaning, so that
 * the shared storage logic (bk-server-store-*.c) reads both alike.
 * bk_server_sql_migrate() runs them (PRAGMA user_version).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-sqlite-schema.h"

/* Migration n takes the schema from version n to n + 1. */
const char *const bk_server_sqlite_migrations[] = {
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

  /* 2: the application workflow. An application's state, read from its
   * payload, for the staff's queues; the documents the admin adds
   * (sessions, the exam-integrity file). */
  "ALTER TABLE entity ADD COLUMN state TEXT GENERATED ALWAYS AS "
  "  (json_extract (payload, '$.state')) VIRTUAL;"
  "CREATE INDEX entity_queue ON entity (type, session_id, point_code, state);"
  "CREATE INDEX entity_owner ON entity (owner_id, type);"
  "CREATE TABLE document ("
  "  kind TEXT NOT NULL," /* "session", "integrity" */
  "  id TEXT NOT NULL,"
  "  data TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, id)"
  ");",

  /* 3: candidates' photo and proof files, one per record, with their
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

  /* 4: a record's parent, read from its payload: the profile of an
   * education, work period, photo or application, the application of a
   * proof. The automatic check reads one profile's records by it, not
   * every record of the account (which went quadratic for an account
   * with many profiles). */
  "ALTER TABLE entity ADD COLUMN parent_id TEXT GENERATED ALWAYS AS "
  "  (coalesce (json_extract (payload, '$.profile_id'), "
  "             json_extract (payload, '$.application_id'))) VIRTUAL;"
  "CREATE INDEX entity_parent ON entity (parent_id, type);",
};

const guint bk_server_sqlite_n_migrations = G_N_ELEMENTS (bk_server_sqlite_migrations);
