/* bk-database.h — one SQLite connection: open, migrate, statements,
 * transactions and the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define BK_TYPE_DATABASE (bk_database_get_type ())

G_DECLARE_FINAL_TYPE (BkDatabase, bk_database, BK, DATABASE, GObject)

/* Opens (creating if needed) and migrates to the current schema. */
BkDatabase *bk_database_open (const char *path, GError **error);

const char *bk_database_get_path (BkDatabase *self);
sqlite3 *bk_database_get_handle (BkDatabase *self);
int bk_database_get_schema_version (BkDatabase *self);

gboolean bk_database_exec (BkDatabase *self, const char *sql, GError **error);
sqlite3_stmt *bk_database_prepare (BkDatabase *self, const char *sql, GError **error);
/* Steps a statement that returns no rows (INSERT, UPDATE, DELETE). */
gboolean bk_database_step_done (BkDatabase *self, sqlite3_stmt *stmt, GError **error);
/* Sets @error from the connection's last error; always returns FALSE. */
gboolean bk_database_fail (BkDatabase *self, GError **error, const char *doing);

gboolean bk_database_begin (BkDatabase *self, GError **error);
gboolean bk_database_commit (BkDatabase *self, GError **error);
void bk_database_rollback (BkDatabase *self);

/* Records a change for the sync engine; call inside the change's transaction. */
gboolean bk_database_append_outbox (BkDatabase *self,
                                    const char *entity,
                                    const char *entity_id,
                                    const char *operation,
                                    gint64 version,
                                    const char *payload_json,
                                    GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
