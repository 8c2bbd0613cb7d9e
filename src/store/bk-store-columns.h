/* bk-store-columns.h — reading and binding the store's columns, and the
 * row checks every table shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "bk-database.h"

G_BEGIN_DECLS

/* Times are ISO 8601 in UTC; dates are "YYYY-MM-DD" (bk_dates_format). */

/* Now (bk_clock_get_now), as the text written to created_at/updated_at. */
char *bk_store_now_text (void);
/* NULL for NULL or "". */
GDateTime *bk_store_parse_time (const char *text);

const char *bk_store_column_text (sqlite3_stmt *stmt, int column);
/* NULL for a NULL column. */
GBytes *bk_store_column_bytes (sqlite3_stmt *stmt, int column);
/* A cleared date for a missing or malformed one. */
void bk_store_column_date (sqlite3_stmt *stmt, int column, GDate *date);

/* NULL binds NULL. */
void bk_store_bind_text (sqlite3_stmt *stmt, int index, const char *text);
/* A missing date binds NULL if @nullable, else "" (for the NOT NULL columns). */
void bk_store_bind_date (sqlite3_stmt *stmt, int index, const GDate *date, gboolean nullable);
/* NULL binds a zero-length blob (the blob columns are NOT NULL). */
void bk_store_bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes);
/* NULL binds NULL; a time is written in UTC. */
void bk_store_bind_time (sqlite3_stmt *stmt, int index, GDateTime *time);

/* Every table's rows start with version, created_at and updated_at.
 * Prepares @insert_sql (which sets version, created_at, updated_at, …) or
 * @update_sql (version, updated_at, …), binds those from @version and
 * @now, and sets *@next to the next parameter's index. */
sqlite3_stmt *bk_store_prepare_write (BkDatabase *db,
                                      gboolean insert,
                                      const char *insert_sql,
                                      const char *update_sql,
                                      gint64 version,
                                      const char *now,
                                      int *next,
                                      GError **error);

/* The version of the row @id of @table; 0 if there is none, -1 on error. */
gint64 bk_store_row_version (BkDatabase *db, const char *table, const char *id, GError **error);
/* Checks that the row @id of @table is at @version, 0 meaning "not
 * written yet": CONFLICT if it changed (or appeared) meanwhile, NOT_FOUND
 * if it was deleted. @what names the record in the message. */
gboolean bk_store_check_row_version (BkDatabase *db,
                                     const char *table,
                                     const char *what,
                                     const char *id,
                                     gint64 version,
                                     GError **error);
gboolean bk_store_delete_row (BkDatabase *db, const char *table, const char *id, GError **error);

/* Set @error and return FALSE. */
gboolean bk_store_not_found (GError **error, const char *what, const char *id);
gboolean bk_store_conflict (GError **error, const char *what, const char *id);

G_END_DECLS
