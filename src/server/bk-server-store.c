/* bk-server-store.c — BkServerDatabase on SQLite or PostgreSQL
 *
 * The storage logic is written once, over the small SQL driver layer
 * BkServerSql (bk-server-sql.h), whose drivers (bk-server-sql-sqlite.c,
 * bk-server-sql-pg.c) are the only code that knows the engine; only the
 * schemas are per engine (bk-server-sqlite-schema.c,
 * bk-server-pg-schema.c). This file is a thin table: each job lives in
 * its own file: accounts, tokens and failed sign-ins
 * (bk-server-store-accounts.c), pushes, idempotency and the change feed
 * (bk-server-store-changes.c), the audit log (bk-server-store-audit.c),
 * candidates' photo and proof files (bk-server-store-files.c), and the
 * workflow's records and documents (bk-server-store-workflow.c).
 *
 * To add a method: declare it in BkServerDatabaseInterface and its
 * wrapper (bk-server-database.c), write it once in a bk-server-store-<job>.c
 * over BkServerSql with $1..$n parameters and portable SQL, hand over to it
 * here, and add any table to both schema files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-pg-schema.h"
#include "bk-server-sqlite-schema.h"
#include "bk-server-store-accounts.h"
#include "bk-server-store-audit.h"
#include "bk-server-store-changes.h"
#include "bk-server-store-files.h"
#include "bk-server-store-group.h"
#include "bk-server-store-workflow.h"
#include "bk-server-store.h"

struct _BkServerStore
{
  GObject parent_instance;

  BkServerSql *sql;
  BkServerStoreHooks hooks;
  BkServerStoreGroup *group; /* pushes and audit lines commit in groups */
};

static void bk_server_store_database_init (BkServerDatabaseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServerStore,
                               bk_server_store,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_SERVER_DATABASE,
                                                      bk_server_store_database_init))

BkServerStore *
bk_server_store_open (const char *target, GError **error)
{
  g_autoptr (BkServerSql) sql = NULL;
  BkServerStore *self;
  gboolean postgresql;

  g_return_val_if_fail (target != NULL, NULL);

  sql = bk_server_sql_open (target, error);
  if (sql == NULL)
    return NULL;
  postgresql = bk_server_sql_get_engine (sql) == BK_SERVER_SQL_POSTGRESQL;
  if (!bk_server_sql_migrate (
        sql, postgresql ? bk_server_pg_migrations : bk_server_sqlite_migrations,
        postgresql ? bk_server_pg_n_migrations : bk_server_sqlite_n_migrations, error))
    return NULL;
  self = g_object_new (BK_TYPE_SERVER_STORE, NULL);
  self->sql = g_steal_pointer (&sql);
  self->group = bk_server_store_group_new (self->sql, &self->hooks);
  return self;
}

void
bk_server_store_set_commit_delay (BkServerStore *self, const char *key, guint milliseconds)
{
  g_return_if_fail (BK_IS_SERVER_STORE (self));

  g_free (self->hooks.delay_key);
  self->hooks.delay_key = g_strdup (key);
  self->hooks.delay_ms = milliseconds;
}

/* The interface: each method hands over to its job's file. */

#define SQL(database) (BK_SERVER_STORE (database)->sql)

static gboolean
store_check (BkServerDatabase *database, GError **error)
{
  return bk_server_store_accounts_check (SQL (database), error);
}

static gboolean
store_create_account (BkServerDatabase *database,
                      const BkServerAccount *account,
                      gboolean *created,
                      GError **error)
{
  return bk_server_store_accounts_create (SQL (database), account, created, error);
}

static BkServerAccount *
store_find_account (BkServerDatabase *database, const char *user_name, GError **error)
{
  return bk_server_store_accounts_find (SQL (database), user_name, error);
}

static gboolean
store_count_failures (BkServerDatabase *database,
                      const char *scope,
                      const char *key,
                      gint64 since,
                      guint *count,
                      gint64 *oldest,
                      GError **error)
{
  return bk_server_store_accounts_count_failures (SQL (database), scope, key, since, count, oldest,
                                                  error);
}

static gboolean
store_record_failure (BkServerDatabase *database,
                      const char *account_key,
                      const char *address,
                      gint64 at,
                      GError **error)
{
  return bk_server_store_accounts_record_failure (SQL (database), account_key, address, at, error);
}

static gboolean
store_clear_failures (BkServerDatabase *database, const char *account_key, GError **error)
{
  return bk_server_store_accounts_clear_failures (SQL (database), account_key, error);
}

static gboolean
store_add_token (BkServerDatabase *database,
                 const char *token_hash,
                 const char *account_id,
                 gint64 created_at,
                 gint64 expires_at,
                 GError **error)
{
  return bk_server_store_accounts_add_token (SQL (database), token_hash, account_id, created_at,
                                             expires_at, error);
}

static BkServerAccount *
store_account_for_token (BkServerDatabase *database,
                         const char *token_hash,
                         gint64 now,
                         GError **error)
{
  return bk_server_store_accounts_for_token (SQL (database), token_hash, now, error);
}

static gboolean
store_revoke_token (BkServerDatabase *database, const char *token_hash, gint64 at, GError **error)
{
  return bk_server_store_accounts_revoke_token (SQL (database), token_hash, at, error);
}

static gboolean
store_audit (BkServerDatabase *database, const BkServerAuditEntry *entry, GError **error)
{
  if (entry->later)
    {
      bk_server_store_group_audit_later (BK_SERVER_STORE (database)->group, entry);
      return TRUE;
    }
  return bk_server_store_group_audit (BK_SERVER_STORE (database)->group, entry, error);
}

static char *
store_list_audit (BkServerDatabase *database, guint limit, GError **error)
{
  return bk_server_store_audit_list (SQL (database), limit, error);
}

static gboolean
store_push (BkServerDatabase *database,
            const BkServerAccount *account,
            const char *idempotency_key,
            const char *request_hash,
            GPtrArray *changes,
            gint64 now,
            const BkServerAuditEntry *audit,
            BkServerPushAnswer *answer,
            GError **error)
{
  BkServerStore *self = BK_SERVER_STORE (database);

  return bk_server_store_group_push (self->group, account, idempotency_key, request_hash, changes,
                                     now, audit, answer, error);
}

static char *
store_pull (BkServerDatabase *database,
            const BkServerAccount *account,
            gint64 since,
            guint limit,
            GError **error)
{
  return bk_server_store_changes_pull (SQL (database), account, since, limit, error);
}

static BkServerEntity *
store_get_entity (BkServerDatabase *database, const char *type, const char *id, GError **error)
{
  return bk_server_store_workflow_get_entity (SQL (database), type, id, error);
}

static GPtrArray *
store_list_entities (BkServerDatabase *database, const BkServerEntityFilter *filter, GError **error)
{
  return bk_server_store_workflow_list_entities (SQL (database), filter, error);
}

static gboolean
store_write_entities (BkServerDatabase *database,
                      const BkServerEntityWrite *writes,
                      guint n_writes,
                      gint64 now,
                      const BkServerAuditEntry *audit,
                      GError **error)
{
  return bk_server_store_workflow_write_entities (SQL (database), writes, n_writes, now, audit,
                                                  error);
}

static gboolean
store_put_document (BkServerDatabase *database,
                    const char *kind,
                    const char *id,
                    const char *data,
                    gint64 now,
                    GError **error)
{
  return bk_server_store_workflow_put_document (SQL (database), kind, id, data, now, error);
}

static char *
store_get_document (BkServerDatabase *database, const char *kind, const char *id, GError **error)
{
  return bk_server_store_workflow_get_document (SQL (database), kind, id, error);
}

static gboolean
store_put_file (BkServerDatabase *database,
                const BkServerAccount *account,
                const BkServerFileUpload *upload,
                gint64 now,
                gint64 *version,
                GError **error)
{
  return bk_server_store_files_put (SQL (database), account, upload, now, version, error);
}

static gboolean
store_get_file (BkServerDatabase *database,
                const char *entity,
                const char *entity_id,
                BkServerStoredFile *file,
                gboolean *found,
                GError **error)
{
  return bk_server_store_files_get (SQL (database), entity, entity_id, file, found, error);
}

#undef SQL

static void
bk_server_store_database_init (BkServerDatabaseInterface *iface)
{
  iface->check = store_check;
  iface->create_account = store_create_account;
  iface->find_account = store_find_account;
  iface->count_failures = store_count_failures;
  iface->record_failure = store_record_failure;
  iface->clear_failures = store_clear_failures;
  iface->add_token = store_add_token;
  iface->account_for_token = store_account_for_token;
  iface->revoke_token = store_revoke_token;
  iface->audit = store_audit;
  iface->list_audit = store_list_audit;
  iface->push = store_push;
  iface->pull = store_pull;
  iface->put_file = store_put_file;
  iface->get_file = store_get_file;
  iface->get_entity = store_get_entity;
  iface->list_entities = store_list_entities;
  iface->write_entities = store_write_entities;
  iface->put_document = store_put_document;
  iface->get_document = store_get_document;
}

/* GObject */

static void
bk_server_store_finalize (GObject *object)
{
  BkServerStore *self = BK_SERVER_STORE (object);

  bk_server_store_group_free (self->group);
  bk_server_sql_free (self->sql);
  g_free (self->hooks.delay_key);

  G_OBJECT_CLASS (bk_server_store_parent_class)->finalize (object);
}

static void
bk_server_store_class_init (BkServerStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_server_store_finalize;
}

static void
bk_server_store_init (BkServerStore *self)
{
}
