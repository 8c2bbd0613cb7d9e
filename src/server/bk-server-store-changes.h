/* bk-server-store-changes.h — pushed changes, idempotency and the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-change.h"
#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* Test hooks (bk_server_store_set_commit_delay()). */
typedef struct
{
  char *delay_key; /* a push with this Idempotency-Key commits late */
  guint delay_ms;
} BkServerStoreHooks;

/* As bk_server_database_push() and _pull(). */
gboolean bk_server_store_changes_push (BkServerSql *self,
                                       const BkServerStoreHooks *hooks,
                                       const BkServerAccount *account,
                                       const char *idempotency_key,
                                       const char *request_hash,
                                       GPtrArray *changes,
                                       gint64 now,
                                       const BkServerAuditEntry *audit,
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
