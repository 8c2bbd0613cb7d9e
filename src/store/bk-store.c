/* bk-store.c
 *
 * The store's front: the public API of bk-store.h, each call a job for
 * the worker. The work itself is done in rooms of its own:
 *
 *   bk-store-worker.c       the thread and its queue of jobs
 *   bk-save-tracker.c       saves in flight: one at a time per record, and
 *                           the versions they wrote
 *   bk-profile-table.c      profile rows (with their education, work and
 *   bk-application-table.c  photo rows), application rows (with proofs)
 *   bk-child-rows.c         education, work and proof rows
 *   bk-photo-rows.c         the original and standardised photo rows
 *   bk-outbox.c             the changes waiting for the sync engine
 *   bk-store-columns.c      reading and binding columns; row versions
 *
 * Each save is one transaction that also writes the outbox rows the sync
 * engine will send; versions (never clocks) detect a change made
 * elsewhere.
 *
 * Sync adds two rooms of its own beside the tables, each a job here:
 * "apply a pulled page" (bk-pulled-page.c: rows from the server written
 * through the tables in one transaction, without outbox entries, bumping
 * no versions) and "keep a conflict copy" (bk-conflict-copy.c: the local
 * version of a record the server changed too, kept beside it for the
 * user to choose). Their public jobs, with the outbox batch to push (and
 * its idempotency key, bk-sync-state.c) and the cursor, are in
 * bk-store-sync.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-application-table.h"
#include "bk-outbox.h"
#include "bk-profile-table.h"
#include "bk-save-tracker.h"
#include "bk-store-private.h"
#include "bk-store-worker.h"
#include "bk-store.h"

struct _BkStore
{
  GObject parent_instance;

  char *path;
  BkStoreWorker *worker;
  BkSaveTracker *saves;
};

G_DEFINE_FINAL_TYPE (BkStore, bk_store, G_TYPE_OBJECT)

/* Jobs (run on the worker) */

static gpointer
list_profiles_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  return db != NULL ? bk_profile_table_list (db, error) : NULL;
}

static gpointer
load_profile_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  return db != NULL ? bk_profile_table_load (db, data, error) : NULL;
}

static gpointer
list_applications_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  return db != NULL ? bk_application_table_list (db, data, error) : NULL;
}

static gpointer
count_outbox_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  gint64 count = db != NULL ? bk_outbox_count (db, error) : -1;

  return count >= 0 ? g_memdup2 (&count, sizeof count) : NULL;
}

gpointer
bk_store_write_in_transaction (BkStoreWorker *worker,
                               BkDatabaseTransactionFunc func,
                               gpointer data,
                               GError **error)
{
  BkDatabase *db = bk_store_worker_get_writable_database (worker, error);

  if (db == NULL || !bk_database_run_transaction (db, func, data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
delete_profile_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) bk_profile_table_delete,
                                        data, error);
}

static gpointer
delete_application_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (
    worker, (BkDatabaseTransactionFunc) bk_application_table_delete, data, error);
}

/* Every save of an object records the version it wrote, so a save queued
 * behind it (an autosave, then the flush on close) is based on that
 * version, whichever kind of record it is. Child rows (education, work,
 * proofs, photos) need no such record: their versions are read from the
 * file inside the transaction that writes them. */
static gpointer
save (BkStoreWorker *worker,
      GObject *snapshot,
      BkDatabaseTransactionFunc func,
      gint64 (*get_version) (gpointer object),
      GError **error)
{
  if (bk_store_write_in_transaction (worker, func, snapshot, error) == NULL)
    return NULL;
  bk_save_tracker_written (snapshot, get_version (snapshot));
  return g_object_ref (snapshot);
}

static gpointer
save_profile_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return save (worker, data, (BkDatabaseTransactionFunc) bk_profile_table_save,
               (gint64 (*) (gpointer)) bk_profile_get_version, error);
}

static gpointer
save_application_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return save (worker, data, (BkDatabaseTransactionFunc) bk_application_table_save,
               (gint64 (*) (gpointer)) bk_exam_application_get_version, error);
}

static const BkSaveKind profile_save = {
  "profile:",
  save_profile_job,
  (GObject * (*) (GObject *) ) bk_profile_dup,
  (const char *(*) (GObject *) ) bk_profile_get_id,
  (void (*) (GObject *, GObject *)) bk_profile_table_apply_saved,
};

static const BkSaveKind application_save = {
  "application:",
  save_application_job,
  (GObject * (*) (GObject *) ) bk_exam_application_dup,
  (const char *(*) (GObject *) ) bk_exam_application_get_id,
  (void (*) (GObject *, GObject *)) bk_application_table_apply_saved,
};

/* The async, finish and sync forms */

void
bk_store_run_async (BkStore *self,
                    gpointer source_tag,
                    BkStoreJobFunc func,
                    gpointer data,
                    GDestroyNotify data_free,
                    GDestroyNotify result_free,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  bk_store_worker_run_async (self->worker, func, data, data_free, result_free, task);
}

void
bk_store_run_detached (BkStore *self, BkStoreJobFunc func, gpointer data, GDestroyNotify data_free)
{
  /* No source object: the store may go before the job's (empty) answer. */
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  bk_store_worker_run_async (self->worker, func, data, data_free, NULL, task);
}

gpointer
bk_store_run_sync (
  BkStore *self, BkStoreJobFunc func, gpointer data, GDestroyNotify data_free, GError **error)
{
  return bk_store_worker_run_sync (self->worker, func, data, data_free, error);
}

gpointer
bk_store_finish_pointer (BkStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
finish_boolean (BkStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
bk_store_finalize (GObject *object)
{
  BkStore *self = BK_STORE (object);

  /* Tasks finish in the caller's context, so this never runs on the
   * worker; the worker ends after the jobs queued before this. */
  bk_store_worker_free (self->worker);
  bk_save_tracker_free (self->saves);
  g_free (self->path);

  G_OBJECT_CLASS (bk_store_parent_class)->finalize (object);
}

static void
bk_store_class_init (BkStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_store_finalize;
}

static void
bk_store_init (BkStore *self)
{
}

static BkStore *
bk_store_new (const char *path)
{
  BkStore *self = g_object_new (BK_TYPE_STORE, NULL);

  self->path = path != NULL ? g_strdup (path) : bk_store_get_default_path ();
  self->worker = bk_store_worker_new (self->path);
  self->saves = bk_save_tracker_new (self->worker);
  return self;
}

/* Public API */

char *
bk_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "baokao", "baokao.db", NULL);
}

void
bk_store_open_async (const char *path,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (BkStore) self = bk_store_new (path);

  bk_store_run_async (self, bk_store_open_async, bk_store_worker_open, NULL, NULL, NULL,
                      cancellable, callback, user_data);
}

BkStore *
bk_store_open_finish (GAsyncResult *result, GError **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_get_source_tag (task) == bk_store_open_async, NULL);

  if (g_task_propagate_pointer (task, error) == NULL)
    return NULL;
  return g_object_ref (g_task_get_source_object (task));
}

BkStore *
bk_store_open (const char *path, GError **error)
{
  g_autoptr (BkStore) self = bk_store_new (path);

  if (bk_store_run_sync (self, bk_store_worker_open, NULL, NULL, error) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
bk_store_get_path (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return self->path;
}

void
bk_store_list_profiles_async (BkStore *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));

  bk_store_run_async (self, bk_store_list_profiles_async, list_profiles_job, NULL, NULL,
                      g_object_unref, cancellable, callback, user_data);
}

GListModel *
bk_store_list_profiles_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_list_profiles_async, error);
}

GListModel *
bk_store_list_profiles (BkStore *self, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return bk_store_run_sync (self, list_profiles_job, NULL, NULL, error);
}

void
bk_store_load_profile_async (BkStore *self,
                             const char *profile_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_async (self, bk_store_load_profile_async, load_profile_job, g_strdup (profile_id),
                      g_free, g_object_unref, cancellable, callback, user_data);
}

BkProfile *
bk_store_load_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_load_profile_async, error);
}

BkProfile *
bk_store_load_profile (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return bk_store_run_sync (self, load_profile_job, g_strdup (profile_id), g_free, error);
}

void
bk_store_save_profile_async (BkStore *self,
                             BkProfile *profile,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (BK_IS_PROFILE (profile));

  bk_save_tracker_save_async (self->saves, &profile_save, self, bk_store_save_profile_async,
                              G_OBJECT (profile), cancellable, callback, user_data);
}

gboolean
bk_store_save_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_store_save_profile_async, error);
}

gboolean
bk_store_save_profile (BkStore *self, BkProfile *profile, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);

  return bk_save_tracker_save (self->saves, &profile_save, G_OBJECT (profile), error);
}

gboolean
bk_store_profile_is_protected (BkProfile *profile)
{
  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);

  return bk_profile_table_is_protected (profile);
}

void
bk_store_delete_profile_async (BkStore *self,
                               const char *profile_id,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_async (self, bk_store_delete_profile_async, delete_profile_job,
                      g_strdup (profile_id), g_free, NULL, cancellable, callback, user_data);
}

gboolean
bk_store_delete_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_delete_profile_async, error) != NULL;
}

gboolean
bk_store_delete_profile (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  return bk_store_run_sync (self, delete_profile_job, g_strdup (profile_id), g_free, error) != NULL;
}

void
bk_store_list_applications_async (BkStore *self,
                                  const char *profile_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  bk_store_run_async (self, bk_store_list_applications_async, list_applications_job,
                      g_strdup (profile_id), g_free, g_object_unref, cancellable, callback,
                      user_data);
}

GListModel *
bk_store_list_applications_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_list_applications_async, error);
}

GListModel *
bk_store_list_applications (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return bk_store_run_sync (self, list_applications_job, g_strdup (profile_id), g_free, error);
}

void
bk_store_save_application_async (BkStore *self,
                                 BkExamApplication *application,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (BK_IS_EXAM_APPLICATION (application));

  bk_save_tracker_save_async (self->saves, &application_save, self, bk_store_save_application_async,
                              G_OBJECT (application), cancellable, callback, user_data);
}

gboolean
bk_store_save_application_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_store_save_application_async, error);
}

gboolean
bk_store_save_application (BkStore *self, BkExamApplication *application, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (application), FALSE);

  return bk_save_tracker_save (self->saves, &application_save, G_OBJECT (application), error);
}

void
bk_store_delete_application_async (BkStore *self,
                                   const char *application_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (application_id != NULL);

  bk_store_run_async (self, bk_store_delete_application_async, delete_application_job,
                      g_strdup (application_id), g_free, NULL, cancellable, callback, user_data);
}

gboolean
bk_store_delete_application_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_delete_application_async, error) != NULL;
}

gboolean
bk_store_delete_application (BkStore *self, const char *application_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (application_id != NULL, FALSE);

  return bk_store_run_sync (self, delete_application_job, g_strdup (application_id), g_free,
                            error) != NULL;
}

gint64
bk_store_count_outbox (BkStore *self, GError **error)
{
  g_autofree gint64 *count = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), -1);

  count = bk_store_run_sync (self, count_outbox_job, NULL, NULL, error);
  return count != NULL ? *count : -1;
}
