/* bk-store-keys.c — unlocking, protecting and locking a profile's data,
 * as jobs of the store (bk-store.h, "Data at rest")
 *
 * The password is copied into the job and zeroed when the job is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "bk-profile-key-table.h"
#include "bk-profile-table.h"
#include "bk-store-private.h"

typedef struct
{
  char *profile_id;
  char *password;
  gboolean sealed_any;
  gboolean (*func) (BkDatabase *db,
                    const char *profile_id,
                    const char *password,
                    gboolean *sealed_any,
                    GError **error);
} KeyJob;

static void
key_job_free (KeyJob *job)
{
  g_free (job->profile_id);
  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static KeyJob *
key_job_new (const char *profile_id, const char *password, gpointer func)
{
  KeyJob *job = g_new0 (KeyJob, 1);

  job->profile_id = g_strdup (profile_id);
  job->password = g_strdup (password);
  job->func = func;
  return job;
}

static gboolean
run_key_job (BkDatabase *db, KeyJob *job, GError **error)
{
  return job->func (db, job->profile_id, job->password, &job->sealed_any, error);
}

static gpointer
key_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  KeyJob *job = data;
  BkDatabase *db = bk_store_worker_get_writable_database (worker, error);
  gboolean had_key;

  if (db == NULL)
    return NULL;
  had_key = bk_store_vault_lookup (bk_database_get_vault (db), job->profile_id) != NULL;
  if (!bk_database_run_transaction (db, (BkDatabaseTransactionFunc) run_key_job, job, error))
    {
      /* A key made in a transaction that did not commit is not in the
       * file: never seal with it. */
      if (!had_key)
        bk_store_vault_forget (bk_database_get_vault (db), job->profile_id);
      return NULL;
    }
  /* The plain values just sealed are still in the main file's old pages
   * until the WAL is written back; then the WAL is emptied. */
  if (job->sealed_any)
    sqlite3_exec (bk_database_get_handle (db), "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL,
                  NULL);
  return GINT_TO_POINTER (TRUE);
}

static gpointer
unlock_and_load_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  KeyJob *job = data;

  if (key_job (worker, job, error) == NULL)
    return NULL;
  return bk_profile_table_load (bk_store_worker_get_database (worker, NULL), job->profile_id,
                                error);
}

static gpointer
cover_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  return db != NULL ? bk_profile_table_load_cover (db, data, error) : NULL;
}

static gpointer
lock_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  if (db == NULL)
    return NULL;
  bk_store_vault_forget (bk_database_get_vault (db), data);
  return GINT_TO_POINTER (TRUE);
}

static gboolean
finish (BkStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  return bk_store_finish_pointer (self, result, source_tag, error) != NULL;
}

/* The async and sync forms of a KeyJob with @func (unlocking, setting a
 * password): the public calls differ only in it. */
static void
run_key_job_async (BkStore *self,
                   gpointer source_tag,
                   const char *profile_id,
                   const char *password,
                   gpointer func,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  bk_store_run_async (self, source_tag, key_job, key_job_new (profile_id, password, func),
                      (GDestroyNotify) key_job_free, NULL, cancellable, callback, user_data);
}

static gboolean
run_key_job_sync (
  BkStore *self, const char *profile_id, const char *password, gpointer func, GError **error)
{
  return bk_store_run_sync (self, key_job, key_job_new (profile_id, password, func),
                            (GDestroyNotify) key_job_free, error) != NULL;
}

void
bk_store_unlock_profile_async (BkStore *self,
                               const char *profile_id,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL && password != NULL);

  run_key_job_async (self, bk_store_unlock_profile_async, profile_id, password,
                     bk_profile_key_table_unlock, cancellable, callback, user_data);
}

gboolean
bk_store_unlock_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish (self, result, bk_store_unlock_profile_async, error);
}

gboolean
bk_store_unlock_profile (BkStore *self,
                         const char *profile_id,
                         const char *password,
                         GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL && password != NULL, FALSE);

  return run_key_job_sync (self, profile_id, password, bk_profile_key_table_unlock, error);
}

void
bk_store_set_profile_password_async (BkStore *self,
                                     const char *profile_id,
                                     const char *password,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL && password != NULL);

  run_key_job_async (self, bk_store_set_profile_password_async, profile_id, password,
                     bk_profile_key_table_set_password, cancellable, callback, user_data);
}

gboolean
bk_store_set_profile_password_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish (self, result, bk_store_set_profile_password_async, error);
}

gboolean
bk_store_set_profile_password (BkStore *self,
                               const char *profile_id,
                               const char *password,
                               GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL && password != NULL, FALSE);

  return run_key_job_sync (self, profile_id, password, bk_profile_key_table_set_password, error);
}

void
bk_store_load_profile_cover_async (BkStore *self,
                                   const char *profile_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_async (self, bk_store_load_profile_cover_async, cover_job, g_strdup (profile_id),
                      g_free, g_object_unref, cancellable, callback, user_data);
}

BkProfile *
bk_store_load_profile_cover_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_load_profile_cover_async, error);
}

void
bk_store_unlock_and_load_profile_async (BkStore *self,
                                        const char *profile_id,
                                        const char *password,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL && password != NULL);

  bk_store_run_async (self, bk_store_unlock_and_load_profile_async, unlock_and_load_job,
                      key_job_new (profile_id, password, bk_profile_key_table_unlock),
                      (GDestroyNotify) key_job_free, g_object_unref, cancellable, callback,
                      user_data);
}

BkProfile *
bk_store_unlock_and_load_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_unlock_and_load_profile_async, error);
}

void
bk_store_lock_profile (BkStore *self, const char *profile_id)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_detached (self, lock_job, g_strdup (profile_id), g_free);
}
