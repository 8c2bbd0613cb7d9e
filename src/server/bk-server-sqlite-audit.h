/* bk-server-sqlite-audit.h — the audit log in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sqlite-pool.h"

G_BEGIN_DECLS

/* As bk_server_database_audit() and _list_audit(). */
gboolean bk_server_sqlite_audit_append (BkServerSqlitePool *self,
                                        const BkServerAuditEntry *entry,
                                        GError **error);

char *bk_server_sqlite_audit_list (BkServerSqlitePool *self, guint limit, GError **error);

G_END_DECLS
