/* bk-server-pg-schema.c — the server's PostgreSQL schema and its migrations
 *
 * The same tables as bk-server-sqlite-schema.c, in PostgreSQL's words
 * (bigint times, bigserial keys): a migration added there is added here
 * too, with the same meaning. bk_server_sql_migrate() runs them under an
 * advisory lock and records the version in schema_version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-pg-schema.h"

const char *const bk_server_pg_migrations[] = {
  "CREATE TABLE account ("
  "  id text PRIMARY KEY,"
  "  user_key text NOT NULL UNIQUE," /* the user name, lower case */
  "  user_name text NOT NULL,"
  "  real_name text NOT NULL,"
  "  id_type text,"
  "  id_number text UNIQUE," /* one account per ID number */
  "  mobile text,"
  "  password_hash text NOT NULL,"
  "  role text NOT NULL CHECK (role IN ('candidate', 'staff', 'admin')),"
  "  session_id text,"
  "  point_code text,"
  "  created_at bigint NOT NULL"
  ");"
  "CREATE TABLE token ("
  "  hash text PRIMARY KEY," /* SHA-256 of the bearer token, hex */
  "  account_id text NOT NULL REFERENCES account (id),"
  "  created_at bigint NOT NULL,"
  "  expires_at bigint NOT NULL,"
  "  revoked_at bigint"
  ");"
  "CREATE TABLE sign_in_failure ("
  "  id bigserial PRIMARY KEY,"
  "  scope text NOT NULL CHECK (scope IN ('account', 'address')),"
  "  key text NOT NULL,"
  "  at bigint NOT NULL"
  ");"
  "CREATE INDEX sign_in_failure_key ON sign_in_failure (scope, key, at);"
  "CREATE TABLE audit ("
  "  id bigserial PRIMARY KEY,"
  "  at bigint NOT NULL,"
  "  account_id text,"
  "  address text,"
  "  method text NOT NULL,"
  "  path text NOT NULL,"
  "  action text NOT NULL,"
  "  decision text NOT NULL CHECK (decision IN ('allowed', 'refused')),"
  "  status integer NOT NULL,"
  "  detail text"
  ");"
  "CREATE TABLE idempotency ("
  "  account_id text NOT NULL,"
  "  key text NOT NULL,"
  "  request_hash text NOT NULL,"
  "  status integer NOT NULL,"
  "  response text NOT NULL,"
  "  created_at bigint NOT NULL,"
  "  PRIMARY KEY (account_id, key)"
  ");"
  "CREATE TABLE entity ("
  "  type text NOT NULL,"
  "  id text NOT NULL,"
  "  owner_id text NOT NULL REFERENCES account (id),"
  "  version bigint NOT NULL,"
  "  deleted integer NOT NULL DEFAULT 0,"
  "  payload text,"
  "  session_id text,"
  "  point_code text,"
  "  updated_at bigint NOT NULL,"
  "  PRIMARY KEY (type, id)"
  ");"
  /* The change feed: seq comes from the sequence inside a write
   * transaction that holds the write lock (bk-server-sql-pg.c), so it
   * grows in commit order. */
  "CREATE TABLE change ("
  "  seq bigserial PRIMARY KEY,"
  "  type text NOT NULL,"
  "  id text NOT NULL,"
  "  owner_id text NOT NULL,"
  "  operation text NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
  "  version bigint NOT NULL,"
  "  payload text,"
  "  session_id text,"
  "  point_code text,"
  "  committed_at bigint NOT NULL"
  ");"
  "CREATE INDEX change_owner ON change (owner_id, seq);"
  "CREATE INDEX change_point ON change (session_id, point_code, seq);",

  /* 2: the application workflow. An application's state, read from its
   * payload, for the staff's queues (stored: PostgreSQL has no virtual
   * generated columns; a payload is always a JSON object or NULL); the
   * documents the admin adds (sessions, the exam-integrity file). */
  "ALTER TABLE entity ADD COLUMN state text GENERATED ALWAYS AS "
  "  ((payload::jsonb) ->> 'state') STORED;"
  "CREATE INDEX entity_queue ON entity (type, session_id, point_code, state);"
  "CREATE INDEX entity_owner ON entity (owner_id, type);"
  "CREATE TABLE document ("
  "  kind text NOT NULL," /* "session", "integrity" */
  "  id text NOT NULL,"
  "  data text NOT NULL,"
  "  updated_at bigint NOT NULL,"
  "  PRIMARY KEY (kind, id)"
  ");",

  /* 3: candidates' photo and proof files, one per record, with their
   * bytes (so that every server process serves them). */
  "CREATE TABLE file ("
  "  entity text NOT NULL CHECK (entity IN ('photo', 'proof')),"
  "  entity_id text NOT NULL,"
  "  content_type text NOT NULL,"
  "  size bigint NOT NULL,"
  "  sha256 text NOT NULL,"
  "  bytes bytea NOT NULL,"
  "  uploaded_at bigint NOT NULL,"
  "  PRIMARY KEY (entity, entity_id)"
  ");",

  /* 4: a record's parent, read from its payload: the profile of an
   * education, work period, photo or application, the application of a
   * proof. The automatic check reads one profile's records by it, not
   * every record of the account (which went quadratic for an account
   * with many profiles). */
  "ALTER TABLE entity ADD COLUMN parent_id text GENERATED ALWAYS AS "
  "  (coalesce ((payload::jsonb) ->> 'profile_id', (payload::jsonb) ->> 'application_id')) "
  "  STORED;"
  "CREATE INDEX entity_parent ON entity (parent_id, type);",
};

const guint bk_server_pg_n_migrations = G_N_ELEMENTS (bk_server_pg_migrations);
