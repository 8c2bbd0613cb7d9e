/* bk-server-store-changes.c — pushed changes, idempotency and the change feed
 *
 * A push runs in a write transaction (bk_server_sql_begin_write()), with
 * the other pushes that arrived while the last one committed, each in its
 * own savepoint (bk-server-store-group.c): writers are
 * serialised, on SQLite and on PostgreSQL alike, so the
 * change feed's sequence numbers follow commit order, and a retried
 * request — to this process or another one — finds its first answer
 * stored under its Idempotency-Key (see docs/protocol.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"
#include "bk-server-json.h"

#include "bk-server-change.h"
#include "bk-server-store-audit.h"
#include "bk-server-store-changes.h"

/* Reads what the server holds for @change into @stored; the strings it
 * points at are added to @strings. The record and its parent come in one
 * statement (one round trip to PostgreSQL instead of two). */
static gboolean
read_stored (BkServerSqlConnection *connection,
             const BkServerChange *change,
             BkServerStored *stored,
             GPtrArray *strings,
             GError **error)
{
  g_autoptr (BkServerSqlRows) rows = NULL;
  GError *local_error = NULL;

  /* With no parent, $3 and $4 are NULL: the second half finds nothing. */
  rows = bk_server_sql_query (connection, error,
                              "SELECT 0, owner_id, version, deleted, payload FROM entity WHERE "
                              "type = $1 AND id = $2 UNION ALL SELECT 1, owner_id, version, "
                              "deleted, NULL FROM entity WHERE type = $3 AND id = $4",
                              "tttt", change->entity, change->entity_id, change->parent_entity,
                              change->parent_id);
  if (rows == NULL)
    return FALSE;
  while (bk_server_sql_rows_next (rows, &local_error))
    {
      char *owner_id = bk_server_sql_rows_dup_text (rows, 1);
      gboolean deleted = bk_server_sql_rows_int (rows, 3) != 0;

      g_ptr_array_add (strings, owner_id);
      if (bk_server_sql_rows_int (rows, 0) == 0)
        {
          stored->exists = TRUE;
          stored->owner_id = owner_id;
          stored->version = bk_server_sql_rows_int (rows, 2);
          stored->deleted = deleted;
          stored->payload = bk_server_sql_rows_dup_text (rows, 4);
          g_ptr_array_add (strings, (char *) stored->payload);
        }
      else
        {
          stored->parent_exists = TRUE;
          stored->parent_owner_id = owner_id;
          stored->parent_deleted = deleted;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
push_one (BkServerSqlConnection *connection,
          const BkServerAccount *account,
          const BkServerChange *change,
          gint64 now,
          JsonBuilder *builder,
          GError **error)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged = NULL;
  g_autofree char *message = NULL;
  BkServerStored stored = { 0 };
  BkServerVerdict verdict;
  gint64 version;
  gint64 written;

  if (!read_stored (connection, change, &stored, strings, error))
    return FALSE;

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
          g_autofree char *shown = bk_server_change_candidate_payload (change->entity,
                                                                       stored.payload);

          bk_server_json_add_payload (builder, "payload", shown != NULL ? shown : stored.payload);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      return TRUE;
    }

  version = bk_server_change_get_base_version (change) + 1;
  if (change->operation == BK_SERVER_OPERATION_DELETE)
    {
      written = bk_server_sql_run (connection, error,
                                   "UPDATE entity SET version = $3, deleted = 1, payload = NULL, "
                                   "updated_at = $4 WHERE type = $1 AND id = $2",
                                   "ttii", change->entity, change->entity_id, version, now);
      /* A photo's or a proof's file goes with its record. */
      if (written >= 0 &&
          (g_str_equal (change->entity, "photo") || g_str_equal (change->entity, "proof")))
        written = bk_server_sql_run (connection, error,
                                     "DELETE FROM file WHERE entity = $1 AND entity_id = $2", "tt",
                                     change->entity, change->entity_id);
    }
  else
    {
      merged = bk_server_change_merge_owned (change, stored.payload);
      written = bk_server_sql_run (
        connection, error,
        "INSERT INTO entity (type, id, owner_id, version, payload, session_id, point_code, "
        "updated_at) VALUES ($1, $2, $5, $3, $6, $7, $8, $4) ON CONFLICT (type, id) DO UPDATE "
        "SET version = $3, payload = $6, session_id = $7, point_code = $8, updated_at = $4",
        "ttiitttt", change->entity, change->entity_id, version, now, account->id, merged,
        change->session_id, change->point_code);
    }
  if (written < 0)
    return FALSE;

  /* The feed's seq is assigned here, inside the serialised write
   * transaction. */
  if (!bk_server_store_changes_record (connection, change->entity, change->entity_id,
                                       bk_server_operation_to_nick (change->operation), now, error))
    return FALSE;

  json_builder_add_int_value (builder, change->operation == BK_SERVER_OPERATION_INSERT ? 201 : 200);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
bk_server_store_changes_record (BkServerSqlConnection *connection,
                                const char *type,
                                const char *id,
                                const char *operation,
                                gint64 now,
                                GError **error)
{
  return bk_server_sql_run (connection, error,
                            "INSERT INTO change (type, id, owner_id, operation, version, payload, "
                            "session_id, point_code, committed_at) SELECT type, id, owner_id, $3, "
                            "version, payload, session_id, point_code, $4 FROM entity WHERE type = "
                            "$1 AND id = $2",
                            "ttti", type, id, operation, now) >= 0;
}

/* The stored answer under (@account, @key): TRUE with *@found set when
 * there is one. */
static gboolean
find_answer (BkServerSqlConnection *connection,
             const BkServerAccount *account,
             const char *idempotency_key,
             const char *request_hash,
             BkServerPushAnswer *answer,
             gboolean *found,
             GError **error)
{
  g_autoptr (BkServerSqlRows) rows = NULL;
  GError *local_error = NULL;

  *found = FALSE;
  rows = bk_server_sql_query_row (connection, &local_error,
                                  "SELECT request_hash, status, response FROM idempotency WHERE "
                                  "account_id = $1 AND key = $2",
                                  "tt", account->id, idempotency_key);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (rows == NULL)
    return TRUE;
  if (g_strcmp0 (bk_server_sql_rows_text (rows, 0), request_hash) != 0)
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_KEY_REUSED,
                           "This Idempotency-Key was used for a different request: use a "
                           "new key for new changes.");
      return FALSE;
    }
  answer->status = bk_server_sql_rows_int (rows, 1);
  answer->body = bk_server_sql_rows_dup_text (rows, 2);
  answer->replayed = TRUE;
  *found = TRUE;
  return TRUE;
}

gboolean
bk_server_store_changes_apply (BkServerSqlConnection *connection,
                               const BkServerAccount *account,
                               const char *idempotency_key,
                               const char *request_hash,
                               GPtrArray *changes,
                               gint64 now,
                               BkServerPushAnswer *answer,
                               GError **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;
  gboolean found;

  g_return_val_if_fail (connection != NULL && account != NULL && changes != NULL, FALSE);
  g_return_val_if_fail (idempotency_key != NULL && request_hash != NULL && answer != NULL, FALSE);

  if (!find_answer (connection, account, idempotency_key, request_hash, answer, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    if (!push_one (connection, account, changes->pdata[i], now, builder, error))
      return FALSE;
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  answer->status = 200;
  answer->body = json_to_string (root, FALSE);

  /* The answer is stored in the same transaction as the changes: either
   * both are there after a crash, or neither. The key is unique: were two
   * requests with it ever to get this far at once, one would fail and
   * write nothing. */
  return bk_server_sql_run (connection, error,
                            "INSERT INTO idempotency (account_id, key, request_hash, status, "
                            "response, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                            "tttiti", account->id, idempotency_key, request_hash,
                            (gint64) answer->status, answer->body, now) >= 0;
}

/* One change of the feed, written as text: the payload as stored, not
 * parsed and written again (most of a pull's work otherwise). */
static void
add_change (GString *out, BkServerSqlRows *rows, gboolean candidate)
{
  const char *payload = bk_server_sql_rows_text (rows, 5);
  g_autofree char *shown =
    candidate ? bk_server_change_candidate_payload (bk_server_sql_rows_text (rows, 1), payload)
              : NULL;

  g_string_append_printf (
    out, "{\"cursor\":%" G_GINT64_FORMAT ",\"entity\":", bk_server_sql_rows_int (rows, 0));
  bk_server_json_append_string (out, bk_server_sql_rows_text (rows, 1));
  g_string_append (out, ",\"entity_id\":");
  bk_server_json_append_string (out, bk_server_sql_rows_text (rows, 2));
  g_string_append (out, ",\"operation\":");
  bk_server_json_append_string (out, bk_server_sql_rows_text (rows, 3));
  g_string_append_printf (
    out, ",\"version\":%" G_GINT64_FORMAT ",\"payload\":", bk_server_sql_rows_int (rows, 4));
  bk_server_json_append_payload (out, shown != NULL ? shown : payload);
  g_string_append_c (out, '}');
}

char *
bk_server_store_changes_pull (
  BkServerSql *self, const BkServerAccount *account, gint64 since, guint limit, GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autoptr (GString) out = NULL;
  GError *local_error = NULL;
  gint64 next = since;
  gboolean more = FALSE;
  guint n = 0;

  if (connection == NULL)
    return NULL;

    /* One more row than asked tells whether there is more. */
#define PULL_COLUMNS "SELECT seq, type, id, operation, version, payload FROM change "
  switch (account->role)
    {
      case BK_SERVER_ROLE_ADMIN:
        rows = bk_server_sql_query (connection, error,
                                    PULL_COLUMNS "WHERE seq > $1 ORDER BY seq LIMIT $2", "ii",
                                    since, (gint64) limit + 1);
        break;
      case BK_SERVER_ROLE_STAFF:
        rows = bk_server_sql_query (connection, error,
                                    PULL_COLUMNS "WHERE seq > $1 AND session_id = $3 AND "
                                                 "point_code = $4 ORDER BY seq LIMIT $2",
                                    "iitt", since, (gint64) limit + 1, account->session_id,
                                    account->point_code);
        break;
      case BK_SERVER_ROLE_CANDIDATE:
      default:
        rows = bk_server_sql_query (connection, error,
                                    PULL_COLUMNS "WHERE seq > $1 AND owner_id = $3 ORDER BY seq "
                                                 "LIMIT $2",
                                    "iit", since, (gint64) limit + 1, account->id);
        break;
    }
#undef PULL_COLUMNS
  if (rows == NULL)
    {
      bk_server_sql_release (self, connection);
      return NULL;
    }

  out = g_string_new ("{\"changes\":[");
  while (bk_server_sql_rows_next (rows, &local_error))
    {
      if (n == limit)
        {
          more = TRUE;
          break;
        }
      if (n++ > 0)
        g_string_append_c (out, ',');
      next = bk_server_sql_rows_int (rows, 0);
      add_change (out, rows, account->role == BK_SERVER_ROLE_CANDIDATE);
    }
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_string_append_printf (out, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}", next,
                          more ? "true" : "false");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
