/* bk-store-photos.c — part of BkStore (bk-store-photos.h)
 *
 * A local photo row is uploaded while the bytes the server acknowledged
 * ("uploaded/ID" in sync_state, as for proofs) are not its bytes. A photo
 * record of the server's (its remote copy, whose payload names the
 * file's SHA-256) is downloaded while no local row of its id holds those
 * bytes. Neither happens while the outbox holds a change of the record:
 * this computer's photo is then the newer one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-photos.h"
#include "bk-store-private.h"
#include "bk-store-secret.h"
#include "bk-sync-state.h"

#define UPLOADED "uploaded"

typedef struct
{
  char *profile_id;
  BkPhotoTransfer *transfer;
  GBytes *bytes;
  gboolean kept;
} Keep;

static void
keep_free (Keep *keep)
{
  g_free (keep->profile_id);
  bk_photo_transfer_free (keep->transfer);
  g_bytes_unref (keep->bytes);
  g_free (keep);
}

static gboolean
has_pending (BkDatabase *db, const char *id, gboolean *pending, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db, "SELECT 1 FROM outbox WHERE entity = 'photo' AND entity_id = ? LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading the outbox");
  *pending = rc == SQLITE_ROW;
  return TRUE;
}

/* The local rows: @shas maps each id to its bytes' SHA-256, @kinds each
 * kind to its id; the rows to upload go to @transfers. */
static gboolean
list_uploads (BkDatabase *db,
              const char *profile_id,
              GHashTable *shas,
              GHashTable *kinds,
              GPtrArray *transfers,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db, "SELECT id, kind, file_name, jpeg, accepted FROM photo WHERE profile_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = bk_store_column_text (stmt, 0);
      g_autofree char *context = bk_store_secret_context ("photo", "jpeg", id);
      g_autofree char *key = bk_sync_state_key (UPLOADED, id);
      g_autofree char *uploaded = NULL;
      g_autoptr (GBytes) jpeg = NULL;
      GError *local = NULL;
      BkPhotoTransfer *transfer;
      gboolean pending;
      char *sha256;

      if (!bk_store_column_secret (db, stmt, 3, context, &jpeg, error) ||
          !has_pending (db, id, &pending, error))
        return FALSE;
      if (jpeg == NULL || g_bytes_get_size (jpeg) == 0)
        continue;
      sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
      g_hash_table_insert (shas, g_strdup (id), sha256);
      g_hash_table_insert (kinds, g_strdup (bk_store_column_text (stmt, 1)), g_strdup (id));
      uploaded = bk_sync_state_get (db, key, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (pending || g_strcmp0 (uploaded, sha256) == 0)
        continue;
      transfer = bk_photo_transfer_new (FALSE, id, bk_store_column_text (stmt, 1));
      transfer->file_name = g_strdup (bk_store_column_text (stmt, 2));
      transfer->accepted = sqlite3_column_int (stmt, 4);
      transfer->sha256 = g_strdup (sha256);
      transfer->bytes = g_bytes_new (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
      g_ptr_array_add (transfers, transfer);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading the photos");
  return TRUE;
}

/* The server's photo in @payload, if this store should download it. */
static BkPhotoTransfer *
download_of (
  const char *id, gint64 version, JsonObject *payload, GHashTable *shas, GHashTable *kinds)
{
  const char *kind = json_object_get_string_member_with_default (payload, "kind", NULL);
  const char *sha256 = json_object_get_string_member_with_default (payload, "sha256", NULL);
  const char *local_id;
  BkPhotoTransfer *transfer;

  if (kind == NULL || sha256 == NULL)
    return NULL;
  local_id = g_hash_table_lookup (kinds, kind);
  /* Another photo of this kind chosen here under its own id: the one
   * here stays, and goes to the server as a change of its own. */
  if (local_id != NULL && !g_str_equal (local_id, id))
    return NULL;
  if (g_strcmp0 (g_hash_table_lookup (shas, id), sha256) == 0)
    return NULL;
  transfer = bk_photo_transfer_new (TRUE, id, kind);
  transfer->file_name =
    g_strdup (json_object_get_string_member_with_default (payload, "file_name", "photo.jpg"));
  transfer->accepted = json_object_get_boolean_member_with_default (payload, "accepted", FALSE);
  transfer->version = version;
  transfer->sha256 = g_strdup (sha256);
  return transfer;
}

static gboolean
list_downloads (BkDatabase *db,
                const char *profile_id,
                GHashTable *shas,
                GHashTable *kinds,
                GPtrArray *transfers,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db, "SELECT entity_id, version, payload FROM remote_copy WHERE entity = 'photo'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = bk_store_column_text (stmt, 0);
      g_autofree char *text = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) local = NULL;
      BkPhotoTransfer *transfer;
      gboolean pending;

      /* The server's copies of every profile here are in the table; those
       * of another profile, locked, cannot be read and are not ours. */
      if (!bk_store_column_secret_payload (db, stmt, 2, "remote_copy", "payload", "photo", id,
                                           &text, &local))
        {
          if (g_error_matches (local, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED))
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!has_pending (db, id, &pending, error))
        return FALSE;
      node = json_from_string (text != NULL ? text : "", NULL);
      if (pending || node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                 "profile_id", NULL),
                     profile_id) != 0)
        continue;
      transfer = download_of (id, sqlite3_column_int64 (stmt, 1), json_node_get_object (node), shas,
                              kinds);
      if (transfer != NULL)
        g_ptr_array_add (transfers, transfer);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading the server's photos");
  return TRUE;
}

static gpointer
list_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  g_autoptr (GHashTable) shas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) transfers = NULL;

  if (db == NULL)
    return NULL;
  transfers = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_photo_transfer_free);
  if (!list_uploads (db, data, shas, kinds, transfers, error) ||
      !list_downloads (db, data, shas, kinds, transfers, error))
    return NULL;
  return g_steal_pointer (&transfers);
}

void
bk_store_list_photo_transfers_async (BkStore *self,
                                     const char *profile_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_async (self, bk_store_list_photo_transfers_async, list_job, g_strdup (profile_id),
                      g_free, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
bk_store_list_photo_transfers_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_list_photo_transfers_async, error);
}

static gboolean
keep_in_transaction (BkDatabase *db, Keep *keep, GError **error)
{
  const BkPhotoTransfer *transfer = keep->transfer;
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autofree char *context = bk_store_secret_context ("photo", "jpeg", transfer->id);
  g_autofree char *now = bk_store_now_text ();
  g_autofree char *key = bk_sync_state_key (UPLOADED, transfer->id);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, keep->bytes);
  gboolean pending, insert;
  int rc;

  keep->kept = FALSE;
  if (!has_pending (db, transfer->id, &pending, error))
    return FALSE;
  if (pending)
    return TRUE;
  select = bk_database_prepare (db, "SELECT id FROM photo WHERE profile_id = ? AND kind = ?",
                                error);
  if (select == NULL)
    return FALSE;
  bk_store_bind_text (select, 1, keep->profile_id);
  bk_store_bind_text (select, 2, transfer->kind);
  rc = sqlite3_step (select);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading a photo");
  if (rc == SQLITE_ROW && g_strcmp0 (bk_store_column_text (select, 0), transfer->id) != 0)
    return TRUE; /* another photo of this kind was chosen here */
  insert = rc == SQLITE_DONE;

  write = bk_database_prepare (
    db,
    insert ? "INSERT INTO photo (version, updated_at, file_name, jpeg, accepted, report, "
             "created_at, id, profile_id, kind) VALUES (?, ?, ?, ?, ?, NULL, ?2, ?, ?, ?)"
           : "UPDATE photo SET version = ?, updated_at = ?, file_name = ?, jpeg = ?, "
             "accepted = ?, report = NULL WHERE id = ? AND profile_id = ? AND kind = ?",
    error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, transfer->version);
  bk_store_bind_text (write, 2, now);
  bk_store_bind_text (write, 3, transfer->file_name);
  if (!bk_store_bind_secret_bytes (db, write, 4, keep->profile_id, context, keep->bytes, error))
    return FALSE;
  sqlite3_bind_int (write, 5, transfer->accepted);
  bk_store_bind_text (write, 6, transfer->id);
  bk_store_bind_text (write, 7, keep->profile_id);
  bk_store_bind_text (write, 8, transfer->kind);
  if (!bk_database_step_done (db, write, error) || !bk_sync_state_set (db, key, sha256, error))
    return FALSE;
  keep->kept = TRUE;
  return TRUE;
}

static gpointer
keep_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  Keep *keep = data;

  if (bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) keep_in_transaction, keep,
                                     error) == NULL)
    return NULL;
  return GINT_TO_POINTER (keep->kept ? 2 : 1);
}

void
bk_store_keep_downloaded_photo_async (BkStore *self,
                                      const char *profile_id,
                                      const BkPhotoTransfer *transfer,
                                      GBytes *bytes,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  Keep *keep;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL && transfer != NULL && bytes != NULL);

  keep = g_new0 (Keep, 1);
  keep->profile_id = g_strdup (profile_id);
  keep->transfer = bk_photo_transfer_copy (transfer);
  keep->bytes = g_bytes_ref (bytes);
  bk_store_run_async (self, bk_store_keep_downloaded_photo_async, keep_job, keep,
                      (GDestroyNotify) keep_free, NULL, cancellable, callback, user_data);
}

gboolean
bk_store_keep_downloaded_photo_finish (BkStore *self,
                                       GAsyncResult *result,
                                       gboolean *kept,
                                       GError **error)
{
  gpointer answer = bk_store_finish_pointer (self, result, bk_store_keep_downloaded_photo_async,
                                             error);

  if (kept != NULL)
    *kept = GPOINTER_TO_INT (answer) == 2;
  return answer != NULL;
}
