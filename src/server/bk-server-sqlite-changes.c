/* bk-server-sqlite-changes.c — pushed changes, idempotency and the change feed in SQLite
 *
 * A push runs in one BEGIN IMMEDIATE transaction: writers are serialised,
 * so the change feed's sequence numbers follow commit order, and a
 * retried request finds its first answer stored under its Idempotency-Key
 * (see docs/protocol.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"

#include "bk-server-change.h"
#include "bk-server-sqlite-changes.h"

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

  read = bk_server_sqlite_prepare (
    db,
    "SELECT owner_id, version, deleted, payload FROM entity WHERE type = ? AND "
    "id = ?",
    error);
  if (read == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (read, 1, change->entity);
  bk_server_sqlite_bind_text (read, 2, change->entity_id);
  rc = sqlite3_step (read);
  if (rc == SQLITE_ROW)
    {
      stored.exists = TRUE;
      owner = bk_server_sqlite_column_text (read, 0);
      stored.owner_id = owner;
      stored.version = sqlite3_column_int64 (read, 1);
      stored.deleted = sqlite3_column_int (read, 2) != 0;
      payload = bk_server_sqlite_column_text (read, 3);
      stored.payload = payload;
    }
  else if (rc != SQLITE_DONE)
    return bk_server_sqlite_fail (db, error, "reading a record");

  if (change->parent_id != NULL)
    {
      g_autoptr (sqlite3_stmt)
        parent = bk_server_sqlite_prepare (db,
                                           "SELECT owner_id, deleted FROM entity WHERE "
                                           "type = ? AND id = ?",
                                           error);

      if (parent == NULL)
        return FALSE;
      bk_server_sqlite_bind_text (parent, 1, change->parent_entity);
      bk_server_sqlite_bind_text (parent, 2, change->parent_id);
      rc = sqlite3_step (parent);
      if (rc == SQLITE_ROW)
        {
          stored.parent_exists = TRUE;
          parent_owner = bk_server_sqlite_column_text (parent, 0);
          stored.parent_owner_id = parent_owner;
          stored.parent_deleted = sqlite3_column_int (parent, 1) != 0;
        }
      else if (rc != SQLITE_DONE)
        return bk_server_sqlite_fail (db, error, "reading a record");
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
    write = bk_server_sqlite_prepare (
      db,
      "UPDATE entity SET version = ?3, deleted = 1, payload = NULL, updated_at = ?4 "
      "WHERE type = "
      "?1 AND id = ?2",
      error);
  else
    write = bk_server_sqlite_prepare (
      db,
      "INSERT INTO entity (type, id, owner_id, version, payload, session_id, "
      "point_code, updated_at) VALUES (?1, ?2, ?5, ?3, ?6, ?7, ?8, ?4) "
      "ON CONFLICT (type, id) DO UPDATE SET version = ?3, payload = ?6, "
      "session_id = ?7, point_code = ?8, updated_at = ?4",
      error);
  if (write == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (write, 1, change->entity);
  bk_server_sqlite_bind_text (write, 2, change->entity_id);
  sqlite3_bind_int64 (write, 3, version);
  sqlite3_bind_int64 (write, 4, now);
  if (change->operation != BK_SERVER_OPERATION_DELETE)
    {
      merged = bk_server_change_merge_owned (change, stored.payload);
      bk_server_sqlite_bind_text (write, 5, account->id);
      bk_server_sqlite_bind_text (write, 6, merged);
      bk_server_sqlite_bind_text (write, 7, change->session_id);
      bk_server_sqlite_bind_text (write, 8, change->point_code);
    }
  if (!bk_server_sqlite_step_done (db, write, error))
    return FALSE;

  feed = bk_server_sqlite_prepare (
    db,
    "INSERT INTO change (type, id, owner_id, operation, version, payload, "
    "session_id, point_code, committed_at) SELECT type, id, owner_id, ?3, version, "
    "payload, session_id, point_code, ?4 FROM entity WHERE type = ?1 AND id = ?2",
    error);
  if (feed == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (feed, 1, change->entity);
  bk_server_sqlite_bind_text (feed, 2, change->entity_id);
  bk_server_sqlite_bind_text (feed, 3, bk_server_operation_to_nick (change->operation));
  sqlite3_bind_int64 (feed, 4, now);
  if (!bk_server_sqlite_step_done (db, feed, error))
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

  stmt = bk_server_sqlite_prepare (
    db,
    "SELECT request_hash, status, response FROM idempotency WHERE account_id = ? "
    "AND key = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (stmt, 1, account->id);
  bk_server_sqlite_bind_text (stmt, 2, idempotency_key);
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
      answer->body = bk_server_sqlite_column_text (stmt, 2);
      answer->replayed = TRUE;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return bk_server_sqlite_fail (db, error, "reading an idempotency key");
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
  stmt = bk_server_sqlite_prepare (
    db,
    "INSERT INTO idempotency (account_id, key, request_hash, status, response, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (stmt, 1, account->id);
  bk_server_sqlite_bind_text (stmt, 2, idempotency_key);
  bk_server_sqlite_bind_text (stmt, 3, request_hash);
  sqlite3_bind_int (stmt, 4, answer->status);
  bk_server_sqlite_bind_text (stmt, 5, answer->body);
  sqlite3_bind_int64 (stmt, 6, now);
  return bk_server_sqlite_step_done (db, stmt, error);
}

gboolean
bk_server_sqlite_changes_push (BkServerSqlitePool *self,
                               const BkServerAccount *account,
                               const char *idempotency_key,
                               const char *request_hash,
                               GPtrArray *changes,
                               gint64 now,
                               BkServerPushAnswer *answer,
                               GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  /* IMMEDIATE: the write lock is taken now, so two retries of one request
   * are serialised and the second finds the first's stored answer. */
  ok = bk_server_sqlite_exec (db, "BEGIN IMMEDIATE", error) &&
       sqlite_push_in (db, account, idempotency_key, request_hash, changes, now, answer, error) &&
       bk_server_sqlite_exec (db, "COMMIT", error);
  if (!ok)
    bk_server_push_answer_clear (answer);
  bk_server_sqlite_pool_release (self, db); /* rolls back what is left open */
  return ok;
}

char *
bk_server_sqlite_changes_pull (BkServerSqlitePool *self,
                               const BkServerAccount *account,
                               gint64 since,
                               guint limit,
                               GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
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

  stmt = bk_server_sqlite_prepare (db, sql, error);
  if (stmt == NULL)
    {
      bk_server_sqlite_pool_release (self, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, since);
  if (account->role == BK_SERVER_ROLE_STAFF)
    {
      bk_server_sqlite_bind_text (stmt, 2, account->session_id);
      bk_server_sqlite_bind_text (stmt, 3, account->point_code);
    }
  else if (account->role == BK_SERVER_ROLE_CANDIDATE)
    bk_server_sqlite_bind_text (stmt, 2, account->id);
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
      bk_server_sqlite_fail (db, error, "reading changes");
      g_clear_pointer (&stmt, sqlite3_finalize);
      bk_server_sqlite_pool_release (self, db);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next");
  json_builder_add_int_value (builder, next);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, more);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
