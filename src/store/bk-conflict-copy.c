/* bk-conflict-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-conflict-copy.h"
#include "bk-outbox.h"
#include "bk-pulled-page.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"

gboolean
bk_conflict_copy_keep (BkDatabase *db,
                       const char *profile_id,
                       const BkOutboxEntry *entry,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *now = bk_store_now_text ();
  const BkRemoteChange *server = entry->server_copy;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (entry->refusal_code != NULL, FALSE);

  stmt = bk_database_prepare (db,
                              "INSERT INTO conflict (entity, entity_id, code, local_operation, "
                              "local_version, local_payload, server_operation, server_version, "
                              "server_payload, created_at, profile_id) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, entry->entity);
  bk_store_bind_text (stmt, 2, entry->entity_id);
  bk_store_bind_text (stmt, 3, entry->refusal_code);
  bk_store_bind_text (stmt, 4, entry->operation);
  sqlite3_bind_int64 (stmt, 5, entry->version);
  if (!bk_store_bind_secret_payload (db, stmt, 6, profile_id, "conflict", "local_payload",
                                     entry->entity, entry->entity_id, entry->payload, error))
    return FALSE;
  if (server != NULL)
    {
      bk_store_bind_text (stmt, 7, server->operation);
      sqlite3_bind_int64 (stmt, 8, server->version);
      if (!bk_store_bind_secret_payload (db, stmt, 9, profile_id, "conflict", "server_payload",
                                         entry->entity, entry->entity_id, server->payload, error))
        return FALSE;
    }
  bk_store_bind_text (stmt, 10, now);
  bk_store_bind_text (stmt, 11, profile_id);
  return bk_database_step_done (db, stmt, error);
}

#define CONFLICT_COLUMNS                                                                           \
  "SELECT id, entity, entity_id, code, local_operation, local_version, local_payload, "            \
  "server_operation, server_version, server_payload, created_at, profile_id FROM conflict "

/* The conflict of the row @stmt stands on; NULL with @error set to
 * BK_STORE_ERROR_LOCKED when its profile is locked. */
static BkOutboxEntry *
read_conflict (BkDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  const char *entity = bk_store_column_text (stmt, 1);
  const char *entity_id = bk_store_column_text (stmt, 2);
  g_autofree char *local_payload = NULL;
  g_autofree char *server_payload = NULL;
  BkOutboxEntry *entry;

  if (!bk_store_column_secret_payload (db, stmt, 6, "conflict", "local_payload", entity, entity_id,
                                       &local_payload, error) ||
      !bk_store_column_secret_payload (db, stmt, 9, "conflict", "server_payload", entity, entity_id,
                                       &server_payload, error))
    return NULL;
  entry = bk_outbox_entry_new ();
  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->entity = g_strdup (entity);
  entry->entity_id = g_strdup (entity_id);
  entry->refusal_code = g_strdup (bk_store_column_text (stmt, 3));
  entry->operation = g_strdup (bk_store_column_text (stmt, 4));
  entry->version = sqlite3_column_int64 (stmt, 5);
  entry->payload = g_steal_pointer (&local_payload);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    entry->server_copy = bk_remote_change_new (entry->entity, entry->entity_id,
                                               bk_store_column_text (stmt, 7),
                                               sqlite3_column_int64 (stmt, 8), server_payload);
  entry->created_at = g_strdup (bk_store_column_text (stmt, 10));
  return entry;
}

GPtrArray *
bk_conflict_copy_list (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (db), NULL);

  stmt = bk_database_prepare (
    db, CONFLICT_COLUMNS "WHERE ?1 IS NULL OR profile_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, profile_id);
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_outbox_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GError) local_error = NULL;
      BkOutboxEntry *entry = read_conflict (db, stmt, &local_error);

      /* Another profile's conflicts stay sealed while it is locked: they
       * are not this user's to see. */
      if (g_error_matches (local_error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED))
        continue;
      if (entry == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (conflicts, entry);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "listing conflicts");
      return NULL;
    }
  return g_steal_pointer (&conflicts);
}

/* Members the user does not choose: the record's bookkeeping, its links,
 * and the fields only the server writes (docs/protocol.md). */
static gboolean
is_choosable (const char *member)
{
  static const char *const fixed[] = {
    "id",       "version", "created_at", "updated_at", "profile_id", "application_id", "decisions",
    "decision", "ticket",  "scores",     "score",      "verdict",    "state",          NULL
  };

  return !g_strv_contains (fixed, member);
}

static JsonObject *
object_of (const char *payload, JsonNode **node)
{
  *node = payload != NULL ? json_from_string (payload, NULL) : NULL;
  return *node != NULL && JSON_NODE_HOLDS_OBJECT (*node) ? json_node_get_object (*node) : NULL;
}

static void
add_if_differing (GStrvBuilder *builder, JsonObject *from, JsonObject *other, const char *member)
{
  JsonNode *value = json_object_get_member (from, member);
  JsonNode *other_value = json_object_get_member (other, member);

  if (!is_choosable (member))
    return;
  if (other_value == NULL || !json_node_equal (value, other_value))
    g_strv_builder_add (builder, member);
}

GStrv
bk_conflict_copy_differing_fields (const BkOutboxEntry *conflict)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (JsonNode) mine_node = NULL;
  g_autoptr (JsonNode) server_node = NULL;
  JsonObject *mine, *server;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  g_return_val_if_fail (conflict != NULL, NULL);

  mine = object_of (conflict->payload, &mine_node);
  server = object_of (conflict->server_copy != NULL ? conflict->server_copy->payload : NULL,
                      &server_node);
  if (mine != NULL && server != NULL)
    {
      json_object_iter_init_ordered (&iter, mine);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        add_if_differing (builder, mine, server, member);
      json_object_iter_init_ordered (&iter, server);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        if (!json_object_has_member (mine, member) && is_choosable (member))
          g_strv_builder_add (builder, member);
    }
  return g_strv_builder_end (builder);
}

static BkOutboxEntry *
read_one (BkDatabase *db, gint64 id, char **profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, CONFLICT_COLUMNS "WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND, "no conflict %" G_GINT64_FORMAT,
                   id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      bk_database_fail (db, error, "reading a conflict");
      return NULL;
    }
  *profile_id = g_strdup (bk_store_column_text (stmt, 11));
  return read_conflict (db, stmt, error);
}

/* The server's payload with the members of @mine taken from @conflict's
 * own payload (removed where it has none): NULL when that is the
 * server's copy unchanged. */
static char *
merge (const BkOutboxEntry *conflict, const char *const *mine)
{
  g_autoptr (JsonNode) mine_node = NULL;
  g_autoptr (JsonNode) server_node = NULL;
  JsonObject *local = object_of (conflict->payload, &mine_node);
  JsonObject *merged = object_of (conflict->server_copy->payload, &server_node);
  gboolean changed = FALSE;

  if (local == NULL || merged == NULL)
    return NULL;
  for (guint i = 0; mine[i] != NULL; i++)
    {
      JsonNode *value = json_object_get_member (local, mine[i]);
      JsonNode *current = json_object_get_member (merged, mine[i]);

      if (!is_choosable (mine[i]) || (value == NULL && current == NULL) ||
          (value != NULL && current != NULL && json_node_equal (value, current)))
        continue;
      if (value != NULL)
        json_object_set_member (merged, mine[i], json_node_copy (value));
      else
        json_object_remove_member (merged, mine[i]);
      changed = TRUE;
    }
  return changed ? json_to_string (server_node, FALSE) : NULL;
}

/* Writes @operation of the record at @version into its row and the
 * outbox: the user's choice, based on the server's version. */
static gboolean
requeue (BkDatabase *db,
         const char *profile_id,
         const BkOutboxEntry *conflict,
         const char *operation,
         gint64 version,
         const char *payload,
         GError **error)
{
  g_autoptr (BkRemoteChange) change = bk_remote_change_new (conflict->entity, conflict->entity_id,
                                                            operation, version, payload);

  return bk_pulled_page_write_local (db, profile_id, change, error) &&
         bk_outbox_append (db, profile_id, conflict->entity, conflict->entity_id, operation,
                           version, payload, error);
}

static gboolean
apply_choice (BkDatabase *db,
              const char *profile_id,
              const BkOutboxEntry *conflict,
              const char *const *mine,
              GError **error)
{
  const BkRemoteChange *server = conflict->server_copy;
  gboolean all_mine = g_strv_contains (mine, BK_CONFLICT_COPY_ALL_MINE);
  g_autofree char *merged = NULL;

  if (server == NULL)
    /* No copy to build on (the record's id is taken, its parent is not
     * there, …): my change goes again as it was. */
    return bk_outbox_append (db, profile_id, conflict->entity, conflict->entity_id,
                             conflict->operation, conflict->version, conflict->payload, error);
  if (conflict->payload == NULL)
    return server->payload == NULL ||
           requeue (db, profile_id, conflict, "delete", server->version, NULL, error);
  if (server->payload == NULL)
    return requeue (db, profile_id, conflict, "insert", 1, conflict->payload, error);
  if (all_mine)
    {
      g_auto (GStrv) fields = bk_conflict_copy_differing_fields (conflict);

      merged = merge (conflict, (const char *const *) fields);
    }
  else
    merged = merge (conflict, mine);
  if (merged == NULL)
    return TRUE; /* the server's copy, which the record holds already */
  return requeue (db, profile_id, conflict, "update", server->version + 1, merged, error);
}

gboolean
bk_conflict_copy_resolve (BkDatabase *db, gint64 id, const char *const *mine, GError **error)
{
  g_autoptr (BkOutboxEntry) conflict = NULL;
  g_autoptr (sqlite3_stmt) remove = NULL;
  g_autofree char *profile_id = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);

  conflict = read_one (db, id, &profile_id, error);
  if (conflict == NULL)
    return FALSE;
  if (mine != NULL && mine[0] != NULL && !apply_choice (db, profile_id, conflict, mine, error))
    return FALSE;
  remove = bk_database_prepare (db, "DELETE FROM conflict WHERE id = ?", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  return bk_database_step_done (db, remove, error);
}
