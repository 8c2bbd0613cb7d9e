/* bk-server-store-changes.h — pushed changes, idempotency and the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-change.h"
#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* Applies a push inside the write transaction open on @connection: the
 * stored answer of an earlier request with @idempotency_key, or each
 * change judged and written, the answer in *@answer and stored under the
 * key. Nothing is committed here (see bk-server-store-group.c). */
gboolean bk_server_store_changes_apply (BkServerSqlConnection *connection,
                                        const BkServerAccount *account,
                                        const char *idempotency_key,
                                        const char *request_hash,
                                        GPtrArray *changes,
                                        gint64 now,
                                        BkServerPushAnswer *answer,
                                        GError **error);

char *bk_server_store_changes_pull (
  BkServerSql *self, const BkServerAccount *account, gint64 since, guint limit, GError **error);

/* Appends the record (@type, @id) as it now is to the change feed, as
 * @operation ("insert", "update", "delete"), inside the write transaction
 * (bk_server_sql_begin_write()) that changed it. */
gboolean bk_server_store_changes_record (BkServerSqlConnection *connection,
                                         const char *type,
                                         const char *id,
                                         const char *operation,
                                         gint64 now,
                                         GError **error);

G_END_DECLS
