/* bk-server-store-files.c — candidates' photo and proof files
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

#include "bk-server-store-changes.h"
#include "bk-server-store-files.h"

/* @payload (JSON object text, may be NULL) parsed; an empty object when it
 * is not one. */
static JsonNode *
parse_object (const char *payload)
{
  g_autoptr (JsonNode) root = payload != NULL ? json_from_string (payload, NULL) : NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&root, json_node_unref);
      root = json_node_init_object (json_node_alloc (), json_object_new ());
    }
  return g_steal_pointer (&root);
}

/* @payload with its "verdict" member set to @verdict (JSON text). */
static char *
with_verdict (const char *payload, const char *verdict)
{
  g_autoptr (JsonNode) root = parse_object (payload);
  g_autoptr (JsonNode) value = json_from_string (verdict, NULL);

  json_object_set_member (json_node_get_object (root), "verdict", g_steal_pointer (&value));
  return json_to_string (root, FALSE);
}

static gboolean
put_in (BkServerSqlConnection *connection,
        const BkServerAccount *account,
        const BkServerFileUpload *upload,
        gint64 now,
        gint64 *version,
        GError **error)
{
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *merged = NULL;
  GError *local_error = NULL;

  *version = 0;
  rows = bk_server_sql_query_row (connection, &local_error,
                                  "SELECT version, payload FROM entity WHERE type = $1 AND "
                                  "id = $2 AND owner_id = $3 AND deleted = 0",
                                  "ttt", upload->entity, upload->entity_id, account->id);
  if (rows == NULL)
    {
      if (local_error == NULL)
        return TRUE; /* not the caller's record */
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *version = bk_server_sql_rows_int (rows, 0);
  payload = bk_server_sql_rows_dup_text (rows, 1);
  g_clear_pointer (&rows, bk_server_sql_rows_free);

  rows = bk_server_sql_query_row (connection, &local_error,
                                  "SELECT 1 FROM file WHERE entity = $1 AND entity_id = $2 AND "
                                  "sha256 = $3",
                                  "ttt", upload->entity, upload->entity_id, upload->sha256);
  if (rows != NULL)
    return TRUE; /* the same bytes again: nothing changes */
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (bk_server_sql_run (connection, error,
                         "INSERT INTO file (entity, entity_id, content_type, size, sha256, "
                         "bytes, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT "
                         "(entity, entity_id) DO UPDATE SET content_type = $3, size = $4, "
                         "sha256 = $5, bytes = $6, uploaded_at = $7",
                         "tttitbi", upload->entity, upload->entity_id, upload->content_type,
                         (gint64) g_bytes_get_size (upload->bytes), upload->sha256, upload->bytes,
                         now) < 0)
    return FALSE;
  if (upload->verdict == NULL)
    return TRUE;

  merged = with_verdict (payload, upload->verdict);
  if (bk_server_sql_run (connection, error,
                         "UPDATE entity SET version = version + 1, payload = $3, updated_at = $4 "
                         "WHERE type = $1 AND id = $2",
                         "ttti", upload->entity, upload->entity_id, merged, now) < 0 ||
      !bk_server_store_changes_record (connection, upload->entity, upload->entity_id, "update", now,
                                       error))
    return FALSE;
  *version += 1;
  return TRUE;
}

gboolean
bk_server_store_files_put (BkServerSql *self,
                           const BkServerAccount *account,
                           const BkServerFileUpload *upload,
                           gint64 now,
                           gint64 *version,
                           GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  gboolean ok;

  *version = 0;
  if (connection == NULL)
    return FALSE;
  ok = bk_server_sql_begin_write (connection, error) &&
       put_in (connection, account, upload, now, version, error) &&
       bk_server_sql_commit (connection, error);
  if (!ok)
    *version = 0;
  bk_server_sql_release (self, connection); /* rolls back what is left open */
  return ok;
}

/* A proof's session and point are its application's. */
static gboolean
read_application (BkServerSqlConnection *connection,
                  const char *proof_payload,
                  BkServerStoredFile *file,
                  GError **error)
{
  g_autoptr (JsonNode) root = parse_object (proof_payload);
  g_autoptr (BkServerSqlRows) rows = NULL;
  const char *application_id;
  GError *local_error = NULL;

  application_id = json_object_get_string_member_with_default (json_node_get_object (root),
                                                               "application_id", NULL);
  if (application_id == NULL)
    return TRUE;
  rows = bk_server_sql_query_row (connection, &local_error,
                                  "SELECT session_id, point_code FROM entity WHERE type = "
                                  "'application' AND id = $1 AND deleted = 0",
                                  "t", application_id);
  if (rows != NULL)
    {
      file->session_id = bk_server_sql_rows_dup_text (rows, 0);
      file->point_code = bk_server_sql_rows_dup_text (rows, 1);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_server_store_files_get (BkServerSql *self,
                           const char *entity,
                           const char *entity_id,
                           BkServerStoredFile *file,
                           gboolean *found,
                           GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autofree char *payload = NULL;
  GError *local_error = NULL;
  gboolean ok = TRUE;

  *found = FALSE;
  if (connection == NULL)
    return FALSE;
  rows = bk_server_sql_query_row (connection, &local_error,
                                  "SELECT f.bytes, f.content_type, e.owner_id, e.payload FROM "
                                  "file f JOIN entity e ON e.type = f.entity AND e.id = "
                                  "f.entity_id AND e.deleted = 0 WHERE f.entity = $1 AND "
                                  "f.entity_id = $2",
                                  "tt", entity, entity_id);
  if (rows != NULL)
    {
      *found = TRUE;
      file->bytes = bk_server_sql_rows_blob (rows, 0);
      file->content_type = bk_server_sql_rows_dup_text (rows, 1);
      file->owner_id = bk_server_sql_rows_dup_text (rows, 2);
      payload = bk_server_sql_rows_dup_text (rows, 3);
      g_clear_pointer (&rows, bk_server_sql_rows_free);
      if (g_str_equal (entity, "proof"))
        ok = read_application (connection, payload, file, error);
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      ok = FALSE;
    }
  bk_server_sql_release (self, connection);
  return ok;
}
