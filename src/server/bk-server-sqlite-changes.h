/* bk-server-sqlite-changes.h — pushed changes, idempotency and the change feed in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sqlite-pool.h"

G_BEGIN_DECLS

/* As bk_server_database_push() and _pull(). */
gboolean bk_server_sqlite_changes_push (BkServerSqlitePool *self,
                                        const BkServerAccount *account,
                                        const char *idempotency_key,
                                        const char *request_hash,
                                        GPtrArray *changes,
                                        gint64 now,
                                        BkServerPushAnswer *answer,
                                        GError **error);

char *bk_server_sqlite_changes_pull (BkServerSqlitePool *self,
                                     const BkServerAccount *account,
                                     gint64 since,
                                     guint limit,
                                     GError **error);

G_END_DECLS
