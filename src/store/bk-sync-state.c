/* bk-sync-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-store-columns.h"
#include "bk-sync-state.h"

char *
bk_sync_state_key (const char *name, const char *profile_id)
{
  g_return_val_if_fail (name != NULL, NULL);

  return profile_id != NULL ? g_strconcat (name, "/", profile_id, NULL) : g_strdup (name);
}

char *
bk_sync_state_get (BkDatabase *db, const char *key, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = bk_database_prepare (db, "SELECT value FROM sync_state WHERE key = ?", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (bk_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    bk_database_fail (db, error, "reading the sync state");
  return NULL;
}

gboolean
bk_sync_state_set (BkDatabase *db, const char *key, const char *value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = bk_database_prepare (db,
                              value != NULL ? "INSERT OR REPLACE INTO sync_state (key, value) "
                                              "VALUES (?, ?)"
                                            : "DELETE FROM sync_state WHERE key = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, key);
  if (value != NULL)
    bk_store_bind_text (stmt, 2, value);
  return bk_database_step_done (db, stmt, error);
}

gint64
bk_sync_state_get_int (BkDatabase *db, const char *key, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = bk_sync_state_get (db, key, &local_error);
  gint64 value = 0;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  if (text != NULL)
    value = g_ascii_strtoll (text, NULL, 10);
  return value;
}

gboolean
bk_sync_state_set_int (BkDatabase *db, const char *key, gint64 value, GError **error)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  return bk_sync_state_set (db, key, text, error);
}
