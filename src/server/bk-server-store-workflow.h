/* bk-server-store-workflow.h — the workflow's records and documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sql.h"

G_BEGIN_DECLS

/* As bk_server_database_get_entity(), _list_entities(), _write_entities(),
 * _put_document() and _get_document(). */
BkServerEntity *bk_server_store_workflow_get_entity (BkServerSql *self,
                                                     const char *type,
                                                     const char *id,
                                                     GError **error);
GPtrArray *bk_server_store_workflow_list_entities (BkServerSql *self,
                                                   const BkServerEntityFilter *filter,
                                                   GError **error);
gboolean bk_server_store_workflow_write_entities (BkServerSql *self,
                                                  const BkServerEntityWrite *writes,
                                                  guint n_writes,
                                                  gint64 now,
                                                  const BkServerAuditEntry *audit,
                                                  GError **error);
gboolean bk_server_store_workflow_put_document (BkServerSql *self,
                                                const char *kind,
                                                const char *id,
                                                const char *data,
                                                gint64 now,
                                                GError **error);
char *bk_server_store_workflow_get_document (BkServerSql *self,
                                             const char *kind,
                                             const char *id,
                                             GError **error);

G_END_DECLS
