/* bk-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-outbox.h"

gboolean
bk_outbox_append (BkDatabase *db,
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
  g_return_val_if_fail (!sqlite3_get_autocommit (bk_database_get_handle (db)), FALSE);

  stmt = bk_database_prepare (db,
                              "INSERT INTO outbox (entity, entity_id, operation, version, "
                              "payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, operation, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, version);
  sqlite3_bind_text (stmt, 5, payload_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, created_at, -1, SQLITE_STATIC);

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
    if (!bk_outbox_append (db, entity, (const char *) sqlite3_column_text (stmt, 0), "delete",
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
