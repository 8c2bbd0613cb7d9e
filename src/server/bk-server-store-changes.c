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

/* The rows of a multi-row statement: at most this many per statement,
 * far below either engine's limit on parameters. */
#define ROWS_PER_STATEMENT 64
#define FEED_COLUMNS       9
#define RECORD_COLUMNS     9

/* A record of the push, as the server holds it: read once for the whole
 * push, then kept up to date in memory as the push's changes apply (a
 * later change may be based on an earlier one, or name it as parent). */
typedef struct
{
  char *type;
  char *id;
  char *owner_id;
  gint64 version;
  gboolean deleted;
  char *payload;
  char *session_id;
  char *point_code;
  gboolean written; /* to be written back at the end of the push */
} Record;

static void
record_free (Record *record)
{
  g_free (record->type);
  g_free (record->id);
  g_free (record->owner_id);
  g_free (record->payload);
  g_free (record->session_id);
  g_free (record->point_code);
  g_free (record);
}

static char *
record_key (const char *type, const char *id)
{
  return g_strconcat (type, "\n", id, NULL);
}

/* What one push reads and writes, so that it takes a handful of
 * statements whatever its number of changes: one read for all its
 * records and their parents, one upsert of the records it changed, one
 * insert of its rows of the change feed (in the changes' order, which
 * gives their seq). On PostgreSQL every statement is a round trip under
 * the write lock. */
typedef struct
{
  GHashTable *records; /* record_key () → Record *, for those that exist */
  GPtrArray *written;  /* Record *, in the order first written */
  GPtrArray *feed;     /* BkServerSqlParams *, ROWS_PER_STATEMENT rows each (the last: up to) */
} PushState;

static void
push_state_clear (PushState *state)
{
  g_clear_pointer (&state->records, g_hash_table_unref);
  g_clear_pointer (&state->written, g_ptr_array_unref);
  g_clear_pointer (&state->feed, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PushState, push_state_clear)

static void
add_to_list (GHashTable *seen, GString *list, const char *text)
{
  if (text == NULL || !g_hash_table_add (seen, (gpointer) text))
    return;
  if (list->len > 1)
    g_string_append_c (list, ',');
  bk_server_json_append_string (list, text);
}

/* Reads every record the push's changes name, and their parents, in one
 * statement: the types and the ids as two lists (a few more rows than
 * asked may come, of a type and an id named by two different changes:
 * harmless). */
static gboolean
read_records (BkServerSqlConnection *connection,
              GPtrArray *changes,
              PushState *state,
              GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) types = g_string_new ("[");
  g_autoptr (GString) ids = g_string_new ("[");
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autofree char *type_list = bk_server_sql_text_list (connection, 1);
  g_autofree char *id_list = bk_server_sql_text_list (connection, 2);
  g_autofree char *sql = NULL;
  GError *local_error = NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      const BkServerChange *change = changes->pdata[i];

      add_to_list (seen, types, change->entity);
      add_to_list (seen, ids, change->entity_id);
      add_to_list (seen, types, change->parent_entity);
      add_to_list (seen, ids, change->parent_id);
    }
  g_string_append_c (types, ']');
  g_string_append_c (ids, ']');

  sql = g_strdup_printf ("SELECT type, id, owner_id, version, deleted, payload, session_id, "
                         "point_code FROM entity WHERE type IN (%s) AND id IN (%s)",
                         type_list, id_list);
  rows = bk_server_sql_query (connection, error, sql, "tt", types->str, ids->str);
  if (rows == NULL)
    return FALSE;
  while (bk_server_sql_rows_next (rows, &local_error))
    {
      Record *record = g_new0 (Record, 1);

      record->type = bk_server_sql_rows_dup_text (rows, 0);
      record->id = bk_server_sql_rows_dup_text (rows, 1);
      record->owner_id = bk_server_sql_rows_dup_text (rows, 2);
      record->version = bk_server_sql_rows_int (rows, 3);
      record->deleted = bk_server_sql_rows_int (rows, 4) != 0;
      record->payload = bk_server_sql_rows_dup_text (rows, 5);
      record->session_id = bk_server_sql_rows_dup_text (rows, 6);
      record->point_code = bk_server_sql_rows_dup_text (rows, 7);
      g_hash_table_insert (state->records, record_key (record->type, record->id), record);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static Record *
find_record (PushState *state, const char *type, const char *id)
{
  g_autofree char *key = NULL;

  if (type == NULL || id == NULL)
    return NULL;
  key = record_key (type, id);
  return g_hash_table_lookup (state->records, key);
}

/* Applies @change (judged APPLY) to its record in memory, and adds its row
 * of the change feed. */
static void
apply (PushState *state,
       const BkServerAccount *account,
       const BkServerChange *change,
       Record *record,
       gint64 version,
       gint64 now)
{
  BkServerSqlParams *feed = state->feed->len > 0
                              ? g_ptr_array_index (state->feed, state->feed->len - 1)
                              : NULL;

  if (feed == NULL || bk_server_sql_params_get_count (feed) == ROWS_PER_STATEMENT * FEED_COLUMNS)
    {
      feed = bk_server_sql_params_new ();
      g_ptr_array_add (state->feed, feed);
    }
  if (record == NULL)
    {
      record = g_new0 (Record, 1);
      record->type = g_strdup (change->entity);
      record->id = g_strdup (change->entity_id);
      record->owner_id = g_strdup (account->id);
      g_hash_table_insert (state->records, record_key (record->type, record->id), record);
    }
  record->version = version;
  if (change->operation == BK_SERVER_OPERATION_DELETE)
    {
      record->deleted = TRUE;
      g_clear_pointer (&record->payload, g_free);
    }
  else
    {
      char *merged = bk_server_change_merge_owned (change, record->payload);

      g_free (record->payload);
      record->payload = merged;
      g_free (record->session_id);
      record->session_id = g_strdup (change->session_id);
      g_free (record->point_code);
      record->point_code = g_strdup (change->point_code);
    }
  if (!record->written)
    {
      record->written = TRUE;
      g_ptr_array_add (state->written, record);
    }

  bk_server_sql_params_add_text (feed, record->type);
  bk_server_sql_params_add_text (feed, record->id);
  bk_server_sql_params_add_text (feed, record->owner_id);
  bk_server_sql_params_add_text (feed, bk_server_operation_to_nick (change->operation));
  bk_server_sql_params_add_int (feed, record->version);
  bk_server_sql_params_add_text (feed, record->payload);
  bk_server_sql_params_add_text (feed, record->session_id);
  bk_server_sql_params_add_text (feed, record->point_code);
  bk_server_sql_params_add_int (feed, now);
}

/* Writes the records the push changed, in statements of up to
 * ROWS_PER_STATEMENT rows (each record once: its state after the push). */
static gboolean
write_records (BkServerSqlConnection *connection, PushState *state, gint64 now, GError **error)
{
  for (guint done = 0; done < state->written->len;)
    {
      guint n = MIN (state->written->len - done, ROWS_PER_STATEMENT);
      g_autoptr (BkServerSqlParams) params = bk_server_sql_params_new ();
      g_autoptr (GString) sql = g_string_new ("INSERT INTO entity (type, id, owner_id, version, "
                                              "deleted, payload, session_id, point_code, "
                                              "updated_at) VALUES ");

      for (guint i = done; i < done + n; i++)
        {
          const Record *record = state->written->pdata[i];

          bk_server_sql_params_add_text (params, record->type);
          bk_server_sql_params_add_text (params, record->id);
          bk_server_sql_params_add_text (params, record->owner_id);
          bk_server_sql_params_add_int (params, record->version);
          bk_server_sql_params_add_int (params, record->deleted);
          bk_server_sql_params_add_text (params, record->payload);
          bk_server_sql_params_add_text (params, record->session_id);
          bk_server_sql_params_add_text (params, record->point_code);
          bk_server_sql_params_add_int (params, now);
        }
      bk_server_sql_append_rows (sql, 1, n, RECORD_COLUMNS);
      /* The owner stays: a record changes hands never. */
      g_string_append (sql, " ON CONFLICT (type, id) DO UPDATE SET version = excluded.version, "
                            "deleted = excluded.deleted, payload = excluded.payload, session_id = "
                            "excluded.session_id, point_code = excluded.point_code, updated_at = "
                            "excluded.updated_at");
      if (bk_server_sql_run_params (connection, sql->str, params, error) < 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

/* The push's rows of the change feed, in the order of its changes: their
 * seq is assigned here, inside the serialised write transaction. */
static gboolean
write_feed (BkServerSqlConnection *connection, PushState *state, GError **error)
{
  for (guint i = 0; i < state->feed->len; i++)
    {
      BkServerSqlParams *params = state->feed->pdata[i];
      g_autoptr (GString) sql = g_string_new ("INSERT INTO change (type, id, owner_id, operation, "
                                              "version, payload, session_id, point_code, "
                                              "committed_at) VALUES ");

      bk_server_sql_append_rows (sql, 1, bk_server_sql_params_get_count (params) / FEED_COLUMNS,
                                 FEED_COLUMNS);
      if (bk_server_sql_run_params (connection, sql->str, params, error) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
push_one (BkServerSqlConnection *connection,
          const BkServerAccount *account,
          const BkServerChange *change,
          gint64 now,
          PushState *state,
          JsonBuilder *builder,
          GError **error)
{
  g_autofree char *message = NULL;
  Record *record = find_record (state, change->entity, change->entity_id);
  Record *parent = find_record (state, change->parent_entity, change->parent_id);
  BkServerStored stored = {
    .exists = record != NULL,
    .owner_id = record != NULL ? record->owner_id : NULL,
    .version = record != NULL ? record->version : 0,
    .deleted = record != NULL && record->deleted,
    .payload = record != NULL ? record->payload : NULL,
    .parent_exists = parent != NULL,
    .parent_owner_id = parent != NULL ? parent->owner_id : NULL,
    .parent_deleted = parent != NULL && parent->deleted,
  };
  BkServerVerdict verdict;

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

  /* A photo's or a proof's file goes with its record. */
  if (change->operation == BK_SERVER_OPERATION_DELETE &&
      (g_str_equal (change->entity, "photo") || g_str_equal (change->entity, "proof")) &&
      bk_server_sql_run (connection, error, "DELETE FROM file WHERE entity = $1 AND entity_id = $2",
                         "tt", change->entity, change->entity_id) < 0)
    return FALSE;
  /* Judged against a record that exists, a delete has one to change. */
  if (change->operation != BK_SERVER_OPERATION_DELETE || record != NULL)
    apply (state, account, change, record, bk_server_change_get_base_version (change) + 1, now);

  json_builder_add_int_value (builder, change->operation == BK_SERVER_OPERATION_INSERT ? 201 : 200);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, bk_server_change_get_base_version (change) + 1);
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
  g_auto (PushState) state = { 0 };
  gboolean found;

  g_return_val_if_fail (connection != NULL && account != NULL && changes != NULL, FALSE);
  g_return_val_if_fail (idempotency_key != NULL && request_hash != NULL && answer != NULL, FALSE);

  if (!find_answer (connection, account, idempotency_key, request_hash, answer, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  state.records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) record_free);
  state.written = g_ptr_array_new ();
  state.feed = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_sql_params_free);
  if (!read_records (connection, changes, &state, error))
    return FALSE;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    if (!push_one (connection, account, changes->pdata[i], now, &state, builder, error))
      return FALSE;
  json_builder_end_array (builder);
  if (!write_records (connection, &state, now, error) || !write_feed (connection, &state, error))
    return FALSE;
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
