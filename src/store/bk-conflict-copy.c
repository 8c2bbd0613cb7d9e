/* bk-conflict-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-conflict-copy.h"
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
                              "server_payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
  return bk_database_step_done (db, stmt, error);
}

GPtrArray *
bk_conflict_copy_list (BkDatabase *db, GError **error)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (db), NULL);

  stmt = bk_database_prepare (db,
                              "SELECT id, entity, entity_id, code, local_operation, local_version, "
                              "local_payload, server_operation, server_version, server_payload, "
                              "created_at FROM conflict ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_outbox_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GError) local_error = NULL;
      const char *entity = bk_store_column_text (stmt, 1);
      const char *entity_id = bk_store_column_text (stmt, 2);
      g_autofree char *local_payload = NULL;
      g_autofree char *server_payload = NULL;
      BkOutboxEntry *entry;

      /* Another profile's conflicts stay sealed while it is locked: they
       * are not this user's to see. */
      if (!bk_store_column_secret_payload (db, stmt, 6, "conflict", "local_payload", entity,
                                           entity_id, &local_payload, &local_error) ||
          !bk_store_column_secret_payload (db, stmt, 9, "conflict", "server_payload", entity,
                                           entity_id, &server_payload, &local_error))
        {
          if (g_error_matches (local_error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
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
      g_ptr_array_add (conflicts, entry);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "listing conflicts");
      return NULL;
    }
  return g_steal_pointer (&conflicts);
}
