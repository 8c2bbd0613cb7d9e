/* bk-server-sqlite.c — BkServerDatabase on one SQLite file
 *
 * A thin table: each job lives in its own file over a shared connection
 * pool (bk-server-sqlite-pool.c): the schema and its migrations
 * (bk-server-sqlite-schema.c), accounts, tokens and failed sign-ins
 * (bk-server-sqlite-accounts.c), pushes, idempotency and the change feed
 * (bk-server-sqlite-changes.c) and the audit log
 * (bk-server-sqlite-audit.c). Another engine implements the same
 * interface with its own files of these jobs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-sqlite-accounts.h"
#include "bk-server-sqlite-audit.h"
#include "bk-server-sqlite-changes.h"
#include "bk-server-sqlite-files.h"
#include "bk-server-sqlite-pool.h"
#include "bk-server-sqlite-schema.h"
#include "bk-server-sqlite.h"

struct _BkServerSqlite
{
  GObject parent_instance;

  BkServerSqlitePool *pool;
  /* SQLite has one writer at a time, and a connection that finds the
   * write lock taken sleeps in its busy handler (1, 2, 5, 10 … 100 ms)
   * before it tries again: under load, most of a push's time. So this
   * process's writers queue here instead, and each one starts as soon as
   * the one before commits. (Another process on the same file still meets
   * the busy handler.) */
  GMutex writer;
};

static void bk_server_sqlite_database_init (BkServerDatabaseInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServerSqlite,
                               bk_server_sqlite,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_SERVER_DATABASE,
                                                      bk_server_sqlite_database_init))

BkServerSqlite *
bk_server_sqlite_open (const char *path, GError **error)
{
  g_autoptr (BkServerSqlitePool) pool = NULL;
  BkServerSqlite *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  pool = bk_server_sqlite_pool_new (path);
  db = bk_server_sqlite_pool_acquire (pool, error);
  if (db == NULL)
    return NULL;
  if (!bk_server_sqlite_schema_migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  bk_server_sqlite_pool_release (pool, db);
  self = g_object_new (BK_TYPE_SERVER_SQLITE, NULL);
  self->pool = g_steal_pointer (&pool);
  return self;
}

int
bk_server_sqlite_get_schema_version (void)
{
  return bk_server_sqlite_schema_get_version ();
}

/* The interface: each method hands over to its job's file. */

#define POOL(database) (BK_SERVER_SQLITE (database)->pool)

/* Runs @call, which writes, with this process's writer lock held. */
#define WRITING(database, type, call)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&BK_SERVER_SQLITE (database)->writer);   \
    type result = call;                                                                            \
                                                                                                   \
    return result;                                                                                 \
  }                                                                                                \
  G_STMT_END

static gboolean
sqlite_check (BkServerDatabase *database, GError **error)
{
  return bk_server_sqlite_schema_check (POOL (database), error);
}

static gboolean
sqlite_create_account (BkServerDatabase *database,
                       const BkServerAccount *account,
                       gboolean *created,
                       GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_accounts_create (POOL (database), account, created, error));
}

static BkServerAccount *
sqlite_find_account (BkServerDatabase *database, const char *user_name, GError **error)
{
  return bk_server_sqlite_accounts_find (POOL (database), user_name, error);
}

static gboolean
sqlite_count_failures (BkServerDatabase *database,
                       const char *scope,
                       const char *key,
                       gint64 since,
                       guint *count,
                       gint64 *oldest,
                       GError **error)
{
  return bk_server_sqlite_accounts_count_failures (POOL (database), scope, key, since, count,
                                                   oldest, error);
}

static gboolean
sqlite_record_failure (BkServerDatabase *database,
                       const char *account_key,
                       const char *address,
                       gint64 at,
                       GError **error)
{
  WRITING (
    database, gboolean,
    bk_server_sqlite_accounts_record_failure (POOL (database), account_key, address, at, error));
}

static gboolean
sqlite_clear_failures (BkServerDatabase *database, const char *account_key, GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_accounts_clear_failures (POOL (database), account_key, error));
}

static gboolean
sqlite_add_token (BkServerDatabase *database,
                  const char *token_hash,
                  const char *account_id,
                  gint64 created_at,
                  gint64 expires_at,
                  GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_accounts_add_token (POOL (database), token_hash, account_id, created_at,
                                                expires_at, error));
}

static BkServerAccount *
sqlite_account_for_token (BkServerDatabase *database,
                          const char *token_hash,
                          gint64 now,
                          GError **error)
{
  return bk_server_sqlite_accounts_for_token (POOL (database), token_hash, now, error);
}

static gboolean
sqlite_revoke_token (BkServerDatabase *database, const char *token_hash, gint64 at, GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_accounts_revoke_token (POOL (database), token_hash, at, error));
}

static gboolean
sqlite_audit (BkServerDatabase *database, const BkServerAuditEntry *entry, GError **error)
{
  WRITING (database, gboolean, bk_server_sqlite_audit_append (POOL (database), entry, error));
}

static char *
sqlite_list_audit (BkServerDatabase *database, guint limit, GError **error)
{
  return bk_server_sqlite_audit_list (POOL (database), limit, error);
}

static gboolean
sqlite_push (BkServerDatabase *database,
             const BkServerAccount *account,
             const char *idempotency_key,
             const char *request_hash,
             GPtrArray *changes,
             gint64 now,
             BkServerPushAnswer *answer,
             GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_changes_push (POOL (database), account, idempotency_key, request_hash,
                                          changes, now, answer, error));
}

static char *
sqlite_pull (BkServerDatabase *database,
             const BkServerAccount *account,
             gint64 since,
             guint limit,
             GError **error)
{
  return bk_server_sqlite_changes_pull (POOL (database), account, since, limit, error);
}

static gboolean
sqlite_put_file (BkServerDatabase *database,
                 const BkServerAccount *account,
                 const BkServerFileUpload *upload,
                 gint64 now,
                 gint64 *version,
                 GError **error)
{
  WRITING (database, gboolean,
           bk_server_sqlite_files_put (POOL (database), account, upload, now, version, error));
}

static gboolean
sqlite_get_file (BkServerDatabase *database,
                 const char *entity,
                 const char *entity_id,
                 BkServerStoredFile *file,
                 gboolean *found,
                 GError **error)
{
  return bk_server_sqlite_files_get (POOL (database), entity, entity_id, file, found, error);
}

#undef POOL

static void
bk_server_sqlite_database_init (BkServerDatabaseInterface *iface)
{
  iface->check = sqlite_check;
  iface->create_account = sqlite_create_account;
  iface->find_account = sqlite_find_account;
  iface->count_failures = sqlite_count_failures;
  iface->record_failure = sqlite_record_failure;
  iface->clear_failures = sqlite_clear_failures;
  iface->add_token = sqlite_add_token;
  iface->account_for_token = sqlite_account_for_token;
  iface->revoke_token = sqlite_revoke_token;
  iface->audit = sqlite_audit;
  iface->list_audit = sqlite_list_audit;
  iface->push = sqlite_push;
  iface->pull = sqlite_pull;
  iface->put_file = sqlite_put_file;
  iface->get_file = sqlite_get_file;
}

/* GObject */

static void
bk_server_sqlite_finalize (GObject *object)
{
  BkServerSqlite *self = BK_SERVER_SQLITE (object);

  bk_server_sqlite_pool_free (self->pool);
  g_mutex_clear (&self->writer);

  G_OBJECT_CLASS (bk_server_sqlite_parent_class)->finalize (object);
}

static void
bk_server_sqlite_class_init (BkServerSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_server_sqlite_finalize;
}

static void
bk_server_sqlite_init (BkServerSqlite *self)
{
  g_mutex_init (&self->writer);
}
