/* bk-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-conflict-copy.h"
#include "bk-outbox.h"
#include "bk-pulled-page.h"
#include "bk-store-secret.h"
#include "bk-sync-state.h"

gboolean
bk_outbox_append (BkDatabase *db,
                  const char *profile_id,
                  const char *entity,
                  const char *entity_id,
                  const char *operation,
                  gint64 version,
                  const char *payload_json,
                  GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (bk_database_get_handle (db)), FALSE);

  stmt = bk_database_prepare (db,
                              "INSERT INTO outbox (profile_id, entity, entity_id, operation, "
                              "version, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, operation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, version);
  if (!bk_store_bind_secret_payload (db, stmt, 6, profile_id, "outbox", "payload", entity,
                                     entity_id, payload_json, error))
    return FALSE;
  sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_STATIC);

  return bk_database_step_done (db, stmt, error);
}

gboolean
bk_outbox_append_deletes (
  BkDatabase *db, const char *entity, const char *sql, const char *id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!bk_outbox_append (db, (const char *) sqlite3_column_text (stmt, 2), entity,
                           (const char *) sqlite3_column_text (stmt, 0), "delete",
                           sqlite3_column_int64 (stmt, 1), NULL, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "listing rows to delete");
  return TRUE;
}

gint64
bk_outbox_count (BkDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), -1);

  stmt = bk_database_prepare (db, "SELECT count(*) FROM outbox", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      bk_database_fail (db, error, "counting the outbox");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
read_entries (BkDatabase *db,
              const char *sql,
              const char *profile_id,
              gint64 bound,
              GPtrArray *entries,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, bound);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkOutboxEntry *entry = bk_outbox_entry_new ();

      entry->seq = sqlite3_column_int64 (stmt, 0);
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->operation = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->version = sqlite3_column_int64 (stmt, 4);
      entry->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
      if (!bk_store_column_secret_payload (db, stmt, 5, "outbox", "payload", entry->entity,
                                           entry->entity_id, &entry->payload, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading the outbox");
  return TRUE;
}

#define ENTRY_COLUMNS "SELECT seq, entity, entity_id, operation, version, payload, created_at "

BkOutboxBatch *
bk_outbox_take_batch (BkDatabase *db, const char *profile_id, guint max, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_name = NULL;
  g_autofree char *last_name = NULL;
  g_autoptr (BkOutboxBatch) batch = NULL;
  gint64 last;

  g_return_val_if_fail (BK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (max > 0, NULL);

  key_name = bk_sync_state_key (BK_SYNC_STATE_PUSH_KEY, profile_id);
  last_name = bk_sync_state_key (BK_SYNC_STATE_PUSH_LAST_SEQ, profile_id);
  key = bk_sync_state_get (db, key_name, &local_error);
  last = bk_sync_state_get_int (db, last_name, error);
  if (local_error != NULL || last < 0)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (key != NULL)
    {
      batch = bk_outbox_batch_new (profile_id, key);
      if (!read_entries (db,
                         ENTRY_COLUMNS "FROM outbox WHERE profile_id = ? AND seq <= ? ORDER BY seq",
                         profile_id, last, batch->entries, error))
        return NULL;
      if (batch->entries->len > 0)
        return g_steal_pointer (&batch);
      g_clear_pointer (&batch, bk_outbox_batch_free);
    }

  batch = bk_outbox_batch_new (profile_id, NULL);
  if (!read_entries (db, ENTRY_COLUMNS "FROM outbox WHERE profile_id = ? ORDER BY seq LIMIT ?",
                     profile_id, max, batch->entries, error))
    return NULL;
  if (batch->entries->len == 0)
    {
      if (!bk_sync_state_set (db, key_name, NULL, error))
        return NULL;
      return g_steal_pointer (&batch);
    }
  batch->idempotency_key = g_uuid_string_random ();
  last = ((BkOutboxEntry *) g_ptr_array_index (batch->entries, batch->entries->len - 1))->seq;
  if (!bk_sync_state_set (db, key_name, batch->idempotency_key, error) ||
      !bk_sync_state_set_int (db, last_name, last, error))
    return NULL;
  return g_steal_pointer (&batch);
}

gboolean
bk_outbox_settle (BkDatabase *db, BkOutboxBatch *batch, GError **error)
{
  g_autoptr (sqlite3_stmt) remove = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (batch != NULL && batch->profile_id != NULL, FALSE);

  remove = bk_database_prepare (db, "DELETE FROM outbox WHERE seq = ?", error);
  if (remove == NULL)
    return FALSE;
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BkOutboxEntry *entry = g_ptr_array_index (batch->entries, i);

      if (!entry->acknowledged && entry->refusal_code == NULL)
        continue; /* no answer for it: it stays, and is sent again */
      if (entry->refusal_code != NULL &&
          !bk_conflict_copy_keep (db, batch->profile_id, entry, error))
        return FALSE;
      if (entry->server_copy != NULL &&
          !bk_pulled_page_apply_change (db, batch->profile_id, entry->server_copy, TRUE, error))
        return FALSE;
      sqlite3_reset (remove);
      sqlite3_bind_int64 (remove, 1, entry->seq);
      if (!bk_database_step_done (db, remove, error))
        return FALSE;
    }
  return bk_outbox_forget_batch (db, batch->profile_id, error);
}

gboolean
bk_outbox_forget_batch (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autofree char *key_name = NULL;
  g_autofree char *last_name = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  key_name = bk_sync_state_key (BK_SYNC_STATE_PUSH_KEY, profile_id);
  last_name = bk_sync_state_key (BK_SYNC_STATE_PUSH_LAST_SEQ, profile_id);
  return bk_sync_state_set (db, key_name, NULL, error) &&
         bk_sync_state_set (db, last_name, NULL, error);
}
