/* bk-server-sqlite-files.c — candidates' photo and proof files in SQLite
 *
 * The bytes live in the database (table "file", one per record), not on
 * the server's disk, so that every server process on the same database
 * serves them and a backup holds them. A photo's verdict is written into
 * the record's payload in the same transaction, as a new version in the
 * change feed, so the candidate's application learns it by pulling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-server-sqlite-files.h"

/* @payload (JSON object text) with its "verdict" member set to @verdict. */
static char *
with_verdict (const char *payload, const char *verdict)
{
  g_autoptr (JsonNode) root = payload != NULL ? json_from_string (payload, NULL) : NULL;
  g_autoptr (JsonNode) value = json_from_string (verdict, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      root = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  json_object_set_member (json_node_get_object (root), "verdict", g_steal_pointer (&value));
  return json_to_string (root, FALSE);
}

static gboolean
put_in (sqlite3 *db,
        const BkServerAccount *account,
        const BkServerFileUpload *upload,
        gint64 now,
        gint64 *version,
        GError **error)
{
  g_autoptr (sqlite3_stmt) read = NULL;
  g_autoptr (sqlite3_stmt) same = NULL;
  g_autoptr (sqlite3_stmt) store = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (sqlite3_stmt) feed = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *merged = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (upload->bytes, &size);
  int rc;

  *version = 0;
  read = bk_server_sqlite_prepare (db,
                                   "SELECT version, payload FROM entity WHERE type = ?1 AND "
                                   "id = ?2 AND owner_id = ?3 AND deleted = 0",
                                   error);
  if (read == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (read, 1, upload->entity);
  bk_server_sqlite_bind_text (read, 2, upload->entity_id);
  bk_server_sqlite_bind_text (read, 3, account->id);
  rc = sqlite3_step (read);
  if (rc == SQLITE_DONE)
    return TRUE; /* not the caller's record */
  if (rc != SQLITE_ROW)
    return bk_server_sqlite_fail (db, error, "reading the record of a file");
  *version = sqlite3_column_int64 (read, 0);
  payload = bk_server_sqlite_column_text (read, 1);

  same = bk_server_sqlite_prepare (
    db, "SELECT 1 FROM file WHERE entity = ?1 AND entity_id = ?2 AND sha256 = ?3", error);
  if (same == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (same, 1, upload->entity);
  bk_server_sqlite_bind_text (same, 2, upload->entity_id);
  bk_server_sqlite_bind_text (same, 3, upload->sha256);
  rc = sqlite3_step (same);
  if (rc == SQLITE_ROW)
    return TRUE; /* the same bytes again: nothing changes */
  if (rc != SQLITE_DONE)
    return bk_server_sqlite_fail (db, error, "reading a file");

  store = bk_server_sqlite_prepare (
    db,
    "INSERT INTO file (entity, entity_id, content_type, size, sha256, bytes, uploaded_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (entity, entity_id) DO UPDATE SET "
    "content_type = ?3, size = ?4, sha256 = ?5, bytes = ?6, uploaded_at = ?7",
    error);
  if (store == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (store, 1, upload->entity);
  bk_server_sqlite_bind_text (store, 2, upload->entity_id);
  bk_server_sqlite_bind_text (store, 3, upload->content_type);
  sqlite3_bind_int64 (store, 4, size);
  bk_server_sqlite_bind_text (store, 5, upload->sha256);
  sqlite3_bind_blob64 (store, 6, data, size, SQLITE_STATIC);
  sqlite3_bind_int64 (store, 7, now);
  if (!bk_server_sqlite_step_done (db, store, error))
    return FALSE;
  if (upload->verdict == NULL)
    return TRUE;

  merged = with_verdict (payload, upload->verdict);
  update = bk_server_sqlite_prepare (db,
                                     "UPDATE entity SET version = version + 1, payload = ?3, "
                                     "updated_at = ?4 WHERE type = ?1 AND id = ?2",
                                     error);
  if (update == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (update, 1, upload->entity);
  bk_server_sqlite_bind_text (update, 2, upload->entity_id);
  bk_server_sqlite_bind_text (update, 3, merged);
  sqlite3_bind_int64 (update, 4, now);
  if (!bk_server_sqlite_step_done (db, update, error))
    return FALSE;
  feed = bk_server_sqlite_prepare (
    db,
    "INSERT INTO change (type, id, owner_id, operation, version, payload, session_id, "
    "point_code, committed_at) SELECT type, id, owner_id, 'update', version, payload, "
    "session_id, point_code, ?3 FROM entity WHERE type = ?1 AND id = ?2",
    error);
  if (feed == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (feed, 1, upload->entity);
  bk_server_sqlite_bind_text (feed, 2, upload->entity_id);
  sqlite3_bind_int64 (feed, 3, now);
  if (!bk_server_sqlite_step_done (db, feed, error))
    return FALSE;
  *version += 1;
  return TRUE;
}

gboolean
bk_server_sqlite_files_put (BkServerSqlitePool *self,
                            const BkServerAccount *account,
                            const BkServerFileUpload *upload,
                            gint64 now,
                            gint64 *version,
                            GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = bk_server_sqlite_exec (db, "BEGIN IMMEDIATE", error) &&
       put_in (db, account, upload, now, version, error) &&
       bk_server_sqlite_exec (db, "COMMIT", error);
  if (!ok)
    *version = 0;
  /* A transaction left open is rolled back by the pool. */
  bk_server_sqlite_pool_release (self, db);
  return ok;
}

gboolean
bk_server_sqlite_files_get (BkServerSqlitePool *self,
                            const char *entity,
                            const char *entity_id,
                            BkServerStoredFile *file,
                            gboolean *found,
                            GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *found = FALSE;
  if (db == NULL)
    return FALSE;
  /* A proof's point is its application's. */
  stmt = bk_server_sqlite_prepare (
    db,
    "SELECT f.bytes, f.content_type, e.owner_id, a.session_id, a.point_code FROM file f "
    "JOIN entity e ON e.type = f.entity AND e.id = f.entity_id AND e.deleted = 0 "
    "LEFT JOIN entity a ON f.entity = 'proof' AND a.type = 'application' AND a.deleted = 0 "
    "AND a.id = json_extract (e.payload, '$.application_id') "
    "WHERE f.entity = ?1 AND f.entity_id = ?2",
    error);
  if (stmt == NULL)
    {
      bk_server_sqlite_pool_release (self, db);
      return FALSE;
    }
  bk_server_sqlite_bind_text (stmt, 1, entity);
  bk_server_sqlite_bind_text (stmt, 2, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      file->bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      file->content_type = bk_server_sqlite_column_text (stmt, 1);
      file->owner_id = bk_server_sqlite_column_text (stmt, 2);
      file->session_id = bk_server_sqlite_column_text (stmt, 3);
      file->point_code = bk_server_sqlite_column_text (stmt, 4);
    }
  else if (rc != SQLITE_DONE)
    bk_server_sqlite_fail (db, error, "reading a file");
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}
