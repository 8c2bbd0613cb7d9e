/* bk-pulled-page.c
 *
 * A payload is the record as the client's models write it (the outbox's
 * JSON, bk_profile_to_json and the like), so its members are the table's
 * columns, except for a few names kept from the models (aliases below).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-profile-fields.h"
#include "bk-pulled-page.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"
#include "bk-sync-state.h"

static const char *const entities[] = {
  "profile", "education", "work_period", "photo", "application", "proof",
};

static const struct
{
  const char *table;
  const char *column;
  const char *member;
} aliases[] = {
  { "education", "foreign_degree", "foreign" },
  { "work_period", "started", "from" },
  { "work_period", "ended", "to" },
};

static const char *
member_for_column (const char *table, const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_str_equal (aliases[i].table, table) && g_str_equal (aliases[i].column, column))
      return aliases[i].member;
  return column;
}

static gboolean
is_entity (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i], entity))
      return TRUE;
  return FALSE;
}

static void
bind_member (sqlite3_stmt *stmt, int index, const char *column, JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (JSON_NODE_HOLDS_VALUE (node))
    switch (json_node_get_value_type (node))
      {
        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
          break;
        case G_TYPE_INT64:
          sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          sqlite3_bind_double (stmt, index, json_node_get_double (node));
          break;
        default:
          {
            const char *text = json_node_get_string (node);

            /* An application's commitment is a nick in the payload and a
             * yes/no (NULL: not given yet) in its column. */
            if (g_str_equal (column, "commitment"))
              {
                if (g_strcmp0 (text, "yes") == 0 || g_strcmp0 (text, "no") == 0)
                  sqlite3_bind_int (stmt, index, g_str_equal (text, "yes"));
                else
                  sqlite3_bind_null (stmt, index);
              }
            else
              sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
          }
      }
  else
    {
      g_autofree char *json = json_to_string (node, FALSE);

      sqlite3_bind_text (stmt, index, json, -1, SQLITE_TRANSIENT);
    }
}

/* The list shows a sealed ID number from its masked copy. */
static gboolean
write_masked_id_number (BkDatabase *db, const char *id, const char *id_number, GError **error)
{
  g_autoptr (sqlite3_stmt)
    stmt = bk_database_prepare (db, "UPDATE profile SET id_number_masked = ? WHERE id = ?", error);
  g_autofree char *masked = bk_profile_mask_id_number (id_number);

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, masked);
  bk_store_bind_text (stmt, 2, id);
  return bk_database_step_done (db, stmt, error);
}

/* Builds the INSERT or UPDATE of @table's row from @payload: every column
 * the payload has a member for; on insert, the NOT NULL columns it lacks
 * get an empty value (a profile's password hash is never sent: the user
 * sets one on this computer). FALSE with no error when the row cannot be
 * written from the payload (a NOT NULL blob: the bytes are not sent). */
static gboolean
write_row (BkDatabase *db,
           const char *owner,
           const char *table,
           const BkRemoteChange *change,
           JsonObject *payload,
           gboolean insert,
           gboolean *written,
           GError **error)
{
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autoptr (sqlite3_stmt) info = bk_database_prepare (db, info_sql, error);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (GString) values = g_string_new (NULL);
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) members = g_ptr_array_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = bk_store_now_text ();
  int rc, i = 1;

  *written = FALSE;
  if (info == NULL)
    return FALSE;
  while ((rc = sqlite3_step (info)) == SQLITE_ROW)
    {
      const char *column = bk_store_column_text (info, 1);
      const char *type = bk_store_column_text (info, 2);
      gboolean not_null = sqlite3_column_int (info, 3);
      const char *member = member_for_column (table, column);
      gboolean has_member = json_object_has_member (payload, member);

      if (g_str_equal (column, "id") || g_str_equal (column, "version") ||
          g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"))
        continue;
      if (g_str_equal (type, "BLOB"))
        {
          if (insert && not_null)
            return TRUE; /* the bytes are not in the payload */
          continue;
        }
      if (!has_member && (!insert || !not_null || sqlite3_column_type (info, 4) != SQLITE_NULL))
        continue;
      g_ptr_array_add (columns, g_strdup (column));
      g_ptr_array_add (members, has_member ? json_object_get_member (payload, member) : NULL);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading a table's columns");

  if (insert)
    {
      g_string_printf (sql, "INSERT INTO %s (id, version, created_at, updated_at", table);
      g_string_assign (values, "?, ?, ?, ?");
      for (guint c = 0; c < columns->len; c++)
        {
          g_string_append_printf (sql, ", %s", (char *) g_ptr_array_index (columns, c));
          g_string_append (values, ", ?");
        }
      g_string_append_printf (sql, ") VALUES (%s)", values->str);
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET version = ?, updated_at = ?", table);
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, ", %s = ?", (char *) g_ptr_array_index (columns, c));
      g_string_append (sql, " WHERE id = ?");
    }

  stmt = bk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (insert)
    {
      bk_store_bind_text (stmt, i++, change->entity_id);
      sqlite3_bind_int64 (stmt, i++, change->version);
      bk_store_bind_text (stmt, i++, now);
      bk_store_bind_text (stmt, i++, now);
    }
  else
    {
      sqlite3_bind_int64 (stmt, i++, change->version);
      bk_store_bind_text (stmt, i++, now);
    }
  for (guint c = 0; c < columns->len; c++)
    {
      JsonNode *node = g_ptr_array_index (members, c);
      const char *column = g_ptr_array_index (columns, c);

      if (bk_store_secret_is_column (table, column))
        {
          g_autofree char *context = bk_store_secret_context (table, column, change->entity_id);
          const char *text = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                                 json_node_get_value_type (node) == G_TYPE_STRING
                               ? json_node_get_string (node)
                               : NULL;

          if (!bk_store_bind_secret_text (db, stmt, i++, owner, context, node == NULL ? "" : text,
                                          error))
            return FALSE;
        }
      else if (node == NULL)
        sqlite3_bind_text (stmt, i++, "", -1, SQLITE_STATIC);
      else
        bind_member (stmt, i++, column, node);
    }
  if (!insert)
    bk_store_bind_text (stmt, i++, change->entity_id);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  *written = TRUE;
  if (g_str_equal (table, "profile") && json_object_has_member (payload, "id_number"))
    return write_masked_id_number (
      db, change->entity_id,
      json_object_get_string_member_with_default (payload, "id_number", NULL), error);
  return TRUE;
}

static gboolean
has_pending_change (BkDatabase *db, const BkRemoteChange *change, gboolean *pending, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db, "SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, change->entity);
  bk_store_bind_text (stmt, 2, change->entity_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading the outbox");
  *pending = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
keep_remote_copy (BkDatabase *db, const char *owner, const BkRemoteChange *change, GError **error)
{
  gboolean deleted = change->payload == NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db,
    deleted ? "DELETE FROM remote_copy WHERE entity = ? AND entity_id = ?"
            : "INSERT OR REPLACE INTO remote_copy (entity, entity_id, version, payload) "
              "VALUES (?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, change->entity);
  bk_store_bind_text (stmt, 2, change->entity_id);
  if (!deleted)
    {
      sqlite3_bind_int64 (stmt, 3, change->version);
      if (!bk_store_bind_secret_payload (db, stmt, 4, owner, "remote_copy", "payload",
                                         change->entity, change->entity_id, change->payload, error))
        return FALSE;
    }
  return bk_database_step_done (db, stmt, error);
}

/* The row itself, in a savepoint: a row this store cannot hold (its
 * parent is not here, a unique column is taken by another record) is left
 * out rather than stopping every later change; its remote copy stays. */
static gboolean
write_record (BkDatabase *db,
              const char *owner,
              const BkRemoteChange *change,
              JsonObject *payload,
              gint64 local_version,
              GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean written = FALSE;
  gboolean ok;

  if (!bk_database_exec (db, "SAVEPOINT pulled_change", error))
    return FALSE;
  if (payload == NULL)
    ok = bk_store_delete_row (db, change->entity, change->entity_id, &local_error);
  else
    ok = write_row (db, owner, change->entity, change, payload, local_version == 0, &written,
                    &local_error);
  if (!ok && g_error_matches (local_error, BK_STORE_ERROR, SQLITE_CONSTRAINT))
    {
      g_debug ("%s %s left out: %s", change->entity, change->entity_id, local_error->message);
      return bk_database_exec (db, "ROLLBACK TO pulled_change; RELEASE pulled_change", error);
    }
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (payload != NULL && !written)
    g_debug ("%s %s left out: its bytes are not in the payload", change->entity, change->entity_id);
  return bk_database_exec (db, "RELEASE pulled_change", error);
}

/* The profile a record belongs to, as far as its payload says. */
static const char *
owner_of (const BkRemoteChange *change, JsonObject *payload)
{
  if (g_str_equal (change->entity, "profile"))
    return change->entity_id;
  if (payload != NULL)
    return json_object_get_string_member_with_default (payload, "profile_id", NULL);
  return NULL;
}

gboolean
bk_pulled_page_apply_change (BkDatabase *db,
                             const char *profile_id,
                             const BkRemoteChange *change,
                             gboolean force,
                             GError **error)
{
  g_autoptr (JsonNode) node = NULL;
  gboolean deleted, pending = FALSE;
  gint64 local_version;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!is_entity (change->entity))
    {
      g_debug ("a change of an unknown entity %s left out", change->entity);
      return TRUE;
    }
  deleted = g_str_equal (change->operation, "delete");
  if (!deleted)
    {
      node = json_from_string (change->payload != NULL ? change->payload : "", NULL);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, BK_STORE_ERROR, SQLITE_MISMATCH, "the server's %s %s has no payload",
                       change->entity, change->entity_id);
          return FALSE;
        }
    }

  if (profile_id == NULL)
    profile_id = owner_of (change, node != NULL ? json_node_get_object (node) : NULL);
  if (!keep_remote_copy (db, profile_id, change, error))
    return FALSE;
  if (!force && !has_pending_change (db, change, &pending, error))
    return FALSE;
  if (pending)
    return TRUE; /* the push of the local change meets the server's copy */

  local_version = bk_store_row_version (db, change->entity, change->entity_id, error);
  if (local_version < 0)
    return FALSE;
  if (deleted)
    return local_version == 0 || write_record (db, profile_id, change, NULL, local_version, error);
  if (local_version == change->version && !force)
    return TRUE; /* already here: this store's own push, or pulled before */
  return write_record (db, profile_id, change, json_node_get_object (node), local_version, error);
}

gboolean
bk_pulled_page_write_local (BkDatabase *db,
                            const char *profile_id,
                            const BkRemoteChange *change,
                            GError **error)
{
  g_autoptr (JsonNode) node = NULL;
  gint64 local_version;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (change->payload != NULL)
    {
      node = json_from_string (change->payload, NULL);
      g_return_val_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node), FALSE);
    }
  local_version = bk_store_row_version (db, change->entity, change->entity_id, error);
  if (local_version < 0)
    return FALSE;
  if (node == NULL && local_version == 0)
    return TRUE; /* deleted here already */
  return write_record (db, profile_id, change, node != NULL ? json_node_get_object (node) : NULL,
                       local_version, error);
}

gboolean
bk_pulled_page_apply (
  BkDatabase *db, const char *profile_id, GPtrArray *changes, gint64 next_cursor, GError **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  for (guint i = 0; i < changes->len; i++)
    if (!bk_pulled_page_apply_change (db, profile_id, g_ptr_array_index (changes, i), FALSE, error))
      return FALSE;
  if (profile_id == NULL)
    return TRUE; /* a first pull, before the profile is here: nothing to keep */
  key = bk_sync_state_key (BK_SYNC_STATE_CURSOR, profile_id);
  return bk_sync_state_set_int (db, key, next_cursor, error);
}

char *
bk_pulled_page_read_remote_copy (BkDatabase *db,
                                 const char *entity,
                                 const char *entity_id,
                                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (db), NULL);

  stmt = bk_database_prepare (
    db, "SELECT payload FROM remote_copy WHERE entity = ? AND entity_id = ?", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, entity);
  bk_store_bind_text (stmt, 2, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      char *payload = NULL;

      bk_store_column_secret_payload (db, stmt, 0, "remote_copy", "payload", entity, entity_id,
                                      &payload, error);
      return payload;
    }
  if (rc != SQLITE_DONE)
    bk_database_fail (db, error, "reading a remote copy");
  return NULL;
}
