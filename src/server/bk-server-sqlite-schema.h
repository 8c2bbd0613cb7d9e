/* bk-server-sqlite-schema.h — the server's SQLite schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-sqlite-pool.h"

G_BEGIN_DECLS

/* Brings @db's schema up to this build's version in one transaction;
 * refuses a database newer than this build. */
gboolean bk_server_sqlite_schema_migrate (sqlite3 *db, GError **error);

/* The schema version this build writes (PRAGMA user_version). */
int bk_server_sqlite_schema_get_version (void);

/* As bk_server_database_check(): can a connection read the accounts. */
gboolean bk_server_sqlite_schema_check (BkServerSqlitePool *self, GError **error);

G_END_DECLS
