/* bk-server-store-audit.h — the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* One audit line on @connection, inside its transaction if one is open
 * (bk_server_database_audit() writes it in a group: bk-server-store-group.c). */
gboolean bk_server_store_audit_insert (BkServerSqlConnection *connection,
                                       const BkServerAuditEntry *entry,
                                       GError **error);

/* @n_entries audit lines in as few statements as may be (a group's
 * lines of reads and refusals, bk-server-store-group.c). */
gboolean bk_server_store_audit_insert_many (BkServerSqlConnection *connection,
                                            const BkServerAuditEntry *const *entries,
                                            guint n_entries,
                                            GError **error);

/* As bk_server_database_list_audit(). */
char *bk_server_store_audit_list (BkServerSql *self, guint limit, GError **error);

G_END_DECLS
