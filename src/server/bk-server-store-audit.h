/* bk-server-store-audit.h — the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* As bk_server_database_audit() and _list_audit(). */
gboolean
bk_server_store_audit_append (BkServerSql *self, const BkServerAuditEntry *entry, GError **error);

/* The same line, on @connection, inside its transaction. */
gboolean bk_server_store_audit_append_in (BkServerSqlConnection *connection,
                                          const BkServerAuditEntry *entry,
                                          GError **error);

char *bk_server_store_audit_list (BkServerSql *self, guint limit, GError **error);

G_END_DECLS
