/* bk-server-sqlite.h — the server's data in one SQLite file (WAL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVER_SQLITE (bk_server_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (BkServerSqlite, bk_server_sqlite, BK, SERVER_SQLITE, GObject)

/* Opens (creating if needed) @path and brings its schema up to date. */
BkServerSqlite *bk_server_sqlite_open (const char *path, GError **error);

/* The schema version this build writes (PRAGMA user_version). */
int bk_server_sqlite_get_schema_version (void);

G_END_DECLS
