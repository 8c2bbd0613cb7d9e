/* bk-store-schema.c — the schema, as forward migrations
 *
 * Never edit a migration that has been released: add a new one. Each runs
 * in one transaction with PRAGMA user_version, so a database is always at
 * exactly one version. Every row has a UUID id, a version number bumped on
 * each change (sync compares it, never clocks) and timestamps in UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-store-schema.h"

#define ROW_COLUMNS                                                                                \
  "id TEXT PRIMARY KEY NOT NULL,"                                                                  \
  "version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"                                       \
  "created_at TEXT NOT NULL,"                                                                      \
  "updated_at TEXT NOT NULL,"

static const char *const migrations[] = {
  /* 0 → 1: profiles with their records, photos, applications, outbox */
  "CREATE TABLE profile (" ROW_COLUMNS "  real_name TEXT NOT NULL,"
  "  id_type TEXT NOT NULL,"
  "  id_number TEXT NOT NULL,"
  "  mobile TEXT NOT NULL,"
  "  user_name TEXT NOT NULL UNIQUE,"
  "  password_hash TEXT NOT NULL,"
  "  sex TEXT,"
  "  birth_date TEXT,"
  "  ethnicity TEXT,"
  "  email TEXT,"
  "  address TEXT,"
  "  postcode TEXT,"
  "  work_unit TEXT,"
  "  senior_title TEXT NOT NULL DEFAULT 'none',"
  "  verification_officer_certificate INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE education (" ROW_COLUMNS
  "  profile_id TEXT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,"
  "  level TEXT NOT NULL,"
  "  discipline TEXT NOT NULL,"
  "  school TEXT NOT NULL,"
  "  major TEXT NOT NULL,"
  "  graduated TEXT NOT NULL,"
  "  certificate_number TEXT NOT NULL,"
  "  full_time INTEGER NOT NULL,"
  "  foreign_degree INTEGER NOT NULL"
  ");"
  "CREATE INDEX education_profile ON education (profile_id);"
  "CREATE TABLE work_period (" ROW_COLUMNS
  "  profile_id TEXT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,"
  "  employer TEXT NOT NULL,"
  "  started TEXT NOT NULL,"
  "  ended TEXT,"
  "  metrology INTEGER NOT NULL"
  ");"
  "CREATE INDEX work_period_profile ON work_period (profile_id);"
  "CREATE TABLE photo (" ROW_COLUMNS
  "  profile_id TEXT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('original', 'standardised')),"
  "  file_name TEXT NOT NULL,"
  "  jpeg BLOB NOT NULL,"
  "  accepted INTEGER NOT NULL,"
  "  report TEXT,"
  "  UNIQUE (profile_id, kind)"
  ");"
  "CREATE TABLE application (" ROW_COLUMNS
  "  profile_id TEXT NOT NULL REFERENCES profile (id) ON DELETE CASCADE,"
  "  session_id TEXT NOT NULL,"
  "  level INTEGER NOT NULL CHECK (level IN (1, 2)),"
  "  mode TEXT NOT NULL CHECK (mode IN ('all', 'exempt')),"
  "  point_code TEXT,"
  "  commitment INTEGER,"
  "  commitment_signed_at TEXT,"
  "  state TEXT NOT NULL,"
  "  submitted_at TEXT,"
  "  UNIQUE (profile_id, session_id)"
  ");"
  "CREATE TABLE proof (" ROW_COLUMNS
  "  application_id TEXT NOT NULL REFERENCES application (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"
  "  data BLOB NOT NULL"
  ");"
  "CREATE INDEX proof_application ON proof (application_id);"
  /* What the sync engine will send, in order; rows leave when the server
   * has acknowledged them. */
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  operation TEXT NOT NULL CHECK (operation IN ('insert', 'update', 'delete')),"
  "  version INTEGER NOT NULL,"
  "  payload TEXT,"
  "  created_at TEXT NOT NULL"
  ");",

  /* 1 → 2: the welcome list shows each profile's completeness without
   * loading every record and photo; the store writes it on each save. */
  "ALTER TABLE profile ADD COLUMN completeness INTEGER NOT NULL DEFAULT 0"
  "  CHECK (completeness BETWEEN 0 AND 100);",

  /* 2 → 3: synchronisation. sync_state keeps the pull cursor and the push
   * on its way (its idempotency key and last outbox seq, so a retry sends
   * the same request under the same key); conflict keeps both copies of a
   * record the server refused a change to, for the user to choose;
   * remote_copy the server's last payload of each record, with the fields
   * only the server writes (decisions, scores, …) that no column holds. */
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE conflict ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  code TEXT NOT NULL,"
  "  local_operation TEXT NOT NULL,"
  "  local_version INTEGER NOT NULL,"
  "  local_payload TEXT,"
  "  server_operation TEXT,"
  "  server_version INTEGER,"
  "  server_payload TEXT,"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE remote_copy ("
  "  entity TEXT NOT NULL,"
  "  entity_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  PRIMARY KEY (entity, entity_id)"
  ");",

  /* 3 → 4: each outbox row belongs to a profile, pushed only under that
   * profile's account (a shared PC holds several candidates' profiles),
   * and each profile keeps its own sync state ("cursor/PROFILE_ID", …).
   * Existing rows get the profile of the record, of its payload or of
   * its parent; with one profile in the file, anything left is its, and
   * so is the old sync state; with several, the old push starts again
   * and each profile pulls from 0 (which changes nothing). */
  "ALTER TABLE outbox ADD COLUMN profile_id TEXT;"
  "UPDATE outbox SET profile_id = CASE entity"
  "  WHEN 'profile' THEN entity_id"
  "  WHEN 'proof' THEN (SELECT a.profile_id FROM application a WHERE a.id = coalesce("
  "    json_extract (outbox.payload, '$.application_id'),"
  "    (SELECT p.application_id FROM proof p WHERE p.id = outbox.entity_id)))"
  "  ELSE coalesce (json_extract (outbox.payload, '$.profile_id'),"
  "    (SELECT profile_id FROM education WHERE id = outbox.entity_id),"
  "    (SELECT profile_id FROM work_period WHERE id = outbox.entity_id),"
  "    (SELECT profile_id FROM photo WHERE id = outbox.entity_id),"
  "    (SELECT profile_id FROM application WHERE id = outbox.entity_id)) END;"
  "UPDATE outbox SET profile_id = (SELECT id FROM profile)"
  "  WHERE profile_id IS NULL AND (SELECT count(*) FROM profile) = 1;"
  "CREATE INDEX outbox_profile ON outbox (profile_id, seq);"
  "UPDATE sync_state SET key = key || '/' || (SELECT id FROM profile)"
  "  WHERE (SELECT count(*) FROM profile) = 1;"
  "DELETE FROM sync_state WHERE key IN ('cursor', 'push-key', 'push-last-seq');",

  /* 4 → 5: data at rest. A profile's sensitive values (bk-store-secret.c)
   * are sealed with its own random data key; profile_key keeps that key
   * wrapped by a key derived from the profile's password (Argon2id with
   * this salt and these limits), so a new password re-wraps one key. No
   * foreign key: a new profile's key is written before its first save.
   * The profile list shows the ID number masked without unlocking:
   * id_number_masked. Existing plain values are sealed at the profile's
   * next unlock (bk_profile_key_table_unlock). */
  "CREATE TABLE profile_key ("
  "  profile_id TEXT PRIMARY KEY NOT NULL,"
  "  kdf TEXT NOT NULL CHECK (kdf = 'argon2id13'),"
  "  salt BLOB NOT NULL,"
  "  opslimit INTEGER NOT NULL,"
  "  memlimit INTEGER NOT NULL,"
  "  wrapped_key BLOB NOT NULL"
  ");"
  "ALTER TABLE profile ADD COLUMN id_number_masked TEXT;",

  /* 5 → 6: each conflict belongs to a profile, the one whose user chooses
   * between the two copies (a shared PC holds several candidates'
   * profiles). Existing rows get the profile of the record or of its
   * parent; with one profile in the file, anything left is its. */
  "ALTER TABLE conflict ADD COLUMN profile_id TEXT;"
  "UPDATE conflict SET profile_id = CASE entity"
  "  WHEN 'profile' THEN entity_id"
  "  WHEN 'proof' THEN (SELECT a.profile_id FROM application a WHERE a.id ="
  "    (SELECT p.application_id FROM proof p WHERE p.id = conflict.entity_id))"
  "  ELSE coalesce ((SELECT profile_id FROM education WHERE id = conflict.entity_id),"
  "    (SELECT profile_id FROM work_period WHERE id = conflict.entity_id),"
  "    (SELECT profile_id FROM photo WHERE id = conflict.entity_id),"
  "    (SELECT profile_id FROM application WHERE id = conflict.entity_id)) END;"
  "UPDATE conflict SET profile_id = (SELECT id FROM profile)"
  "  WHERE profile_id IS NULL AND (SELECT count(*) FROM profile) = 1;"
  "CREATE INDEX conflict_profile ON conflict (profile_id, id);",
};

const char *const *
bk_store_schema_get_migrations (guint *n_migrations)
{
  if (n_migrations != NULL)
    *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

guint
bk_store_schema_get_current_version (void)
{
  return G_N_ELEMENTS (migrations);
}
