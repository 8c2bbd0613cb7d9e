/* bk-server-sqlite-workflow.h — the workflow's records and sessions in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-sqlite-pool.h"

G_BEGIN_DECLS

BkServerEntity *bk_server_sqlite_workflow_get_entity (BkServerSqlitePool *self,
                                                      const char *type,
                                                      const char *id,
                                                      GError **error);
GPtrArray *bk_server_sqlite_workflow_list_entities (BkServerSqlitePool *self,
                                                    const BkServerEntityFilter *filter,
                                                    GError **error);
gboolean bk_server_sqlite_workflow_write_entities (BkServerSqlitePool *self,
                                                   const BkServerEntityWrite *writes,
                                                   guint n_writes,
                                                   gint64 now,
                                                   const BkServerAuditEntry *audit,
                                                   GError **error);
gboolean bk_server_sqlite_workflow_put_document (BkServerSqlitePool *self,
                                                 const char *kind,
                                                 const char *id,
                                                 const char *data,
                                                 gint64 now,
                                                 GError **error);
char *bk_server_sqlite_workflow_get_document (BkServerSqlitePool *self,
                                              const char *kind,
                                              const char *id,
                                              GError **error);

G_END_DECLS
