/* bk-store-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-clock.h"
#include "bk-dates.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"

char *
bk_store_now_text (void)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format_iso8601 (utc);
}

GDateTime *
bk_store_parse_time (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

const char *
bk_store_column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

GBytes *
bk_store_column_bytes (sqlite3_stmt *stmt, int column)
{
  const void *blob = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (blob, size);
}

void
bk_store_column_date (sqlite3_stmt *stmt, int column, GDate *date)
{
  g_date_clear (date, 1);
  if (!bk_dates_parse (bk_store_column_text (stmt, column), date))
    g_date_clear (date, 1);
}

void
bk_store_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
bk_store_bind_date (sqlite3_stmt *stmt, int index, const GDate *date, gboolean nullable)
{
  char text[16];

  if (date != NULL && g_date_valid (date))
    bk_store_bind_text (stmt, index, bk_dates_format (date, text));
  else if (nullable)
    sqlite3_bind_null (stmt, index);
  else
    bk_store_bind_text (stmt, index, "");
}

void
bk_store_bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
}

void
bk_store_bind_time (sqlite3_stmt *stmt, int index, GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  utc = g_date_time_to_utc (time);
  text = g_date_time_format_iso8601 (utc);
  bk_store_bind_text (stmt, index, text);
}

sqlite3_stmt *
bk_store_prepare_write (BkDatabase *db,
                        gboolean insert,
                        const char *insert_sql,
                        const char *update_sql,
                        gint64 version,
                        const char *now,
                        int *next,
                        GError **error)
{
  sqlite3_stmt *stmt = bk_database_prepare (db, insert ? insert_sql : update_sql, error);
  int i = 1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, i++, version);
  if (insert)
    bk_store_bind_text (stmt, i++, now); /* created_at */
  bk_store_bind_text (stmt, i++, now);   /* updated_at */
  *next = i;
  return stmt;
}

gint64
bk_store_row_version (BkDatabase *db, const char *table, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  bk_store_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  bk_database_fail (db, error, "reading a version");
  return -1;
}

gboolean
bk_store_check_row_version (BkDatabase *db,
                            const char *table,
                            const char *what,
                            const char *id,
                            gint64 version,
                            GError **error)
{
  gint64 stored_version = bk_store_row_version (db, table, id, error);

  if (stored_version < 0)
    return FALSE;
  if (version == 0 && stored_version != 0)
    return bk_store_conflict (error, what, id);
  if (version != 0 && stored_version == 0)
    return bk_store_not_found (error, what, id);
  if (version != stored_version)
    return bk_store_conflict (error, what, id);
  return TRUE;
}

gboolean
bk_store_delete_row (BkDatabase *db, const char *table, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, id);
  return bk_database_step_done (db, stmt, error);
}

gboolean
bk_store_not_found (GError **error, const char *what, const char *id)
{
  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND, "no %s with id %s", what, id);
  return FALSE;
}

gboolean
bk_store_conflict (GError **error, const char *what, const char *id)
{
  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT,
               "the %s %s was changed elsewhere since it was read", what, id);
  return FALSE;
}
