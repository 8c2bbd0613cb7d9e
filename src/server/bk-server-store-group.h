/* bk-server-store-group.h — the writes that commit in groups: pushes and
 * audit lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-change.h"
#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

typedef struct _BkServerStoreGroup BkServerStoreGroup;

/* Test hooks (bk_server_store_set_commit_delay()). */
typedef struct
{
  char *delay_key; /* a push with this Idempotency-Key commits late */
  guint delay_ms;
} BkServerStoreHooks;

/* Groups of writes on @sql; @hooks must outlive the group. */
BkServerStoreGroup *bk_server_store_group_new (BkServerSql *sql, const BkServerStoreHooks *hooks);
void bk_server_store_group_free (BkServerStoreGroup *self);

/* A push (see bk_server_store_changes_apply()) with its audit line
 * (@audit, may be NULL), committed, in a group, before it returns. */
gboolean bk_server_store_group_push (BkServerStoreGroup *self,
                                     const BkServerAccount *account,
                                     const char *idempotency_key,
                                     const char *request_hash,
                                     GPtrArray *changes,
                                     gint64 now,
                                     const BkServerAuditEntry *audit,
                                     BkServerPushAnswer *answer,
                                     GError **error);

/* One audit line, committed, in a group, before it returns. */
gboolean bk_server_store_group_audit (BkServerStoreGroup *self,
                                      const BkServerAuditEntry *audit,
                                      GError **error);

/* An allowed read's audit line: written in the next group, without
 * waiting for it (a failure is logged). */
void bk_server_store_group_audit_later (BkServerStoreGroup *self, const BkServerAuditEntry *audit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerStoreGroup, bk_server_store_group_free)

G_END_DECLS
