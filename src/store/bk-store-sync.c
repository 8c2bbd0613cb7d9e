/* bk-store-sync.c — the store's jobs for the sync engine: the outbox
 * batch to push and its answer, the cursor and the pulled pages, the
 * conflicts kept for the user
 *
 * Part of BkStore (declared in bk-store.h); shares only bk-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-conflict-copy.h"
#include "bk-outbox.h"
#include "bk-pulled-page.h"
#include "bk-store-private.h"
#include "bk-sync-state.h"

typedef struct
{
  char *profile_id;
  guint max;
  gboolean renew; /* forget the request on its way first */
  BkOutboxBatch *batch;
} TakeBatch;

typedef struct
{
  char *profile_id;
  GPtrArray *changes;
  gint64 next_cursor;
} PulledPage;

typedef struct
{
  char *entity;
  char *entity_id;
} RecordRef;

static void
take_batch_free (TakeBatch *take)
{
  g_free (take->profile_id);
  g_free (take);
}

static void
pulled_page_free (PulledPage *page)
{
  g_free (page->profile_id);
  g_ptr_array_unref (page->changes);
  g_free (page);
}

static void
record_ref_free (RecordRef *ref)
{
  g_free (ref->entity);
  g_free (ref->entity_id);
  g_free (ref);
}

/* Jobs (run on the worker) */

static gboolean
take_batch_in_transaction (BkDatabase *db, TakeBatch *take, GError **error)
{
  if (take->renew && !bk_outbox_forget_batch (db, take->profile_id, error))
    return FALSE;
  take->batch = bk_outbox_take_batch (db, take->profile_id, take->max, error);
  return take->batch != NULL;
}

static gpointer
take_batch_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  TakeBatch *take = data;

  if (bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) take_batch_in_transaction,
                                     take, error) == NULL)
    {
      g_clear_pointer (&take->batch, bk_outbox_batch_free);
      return NULL;
    }
  return g_steal_pointer (&take->batch);
}

static gpointer
settle_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) bk_outbox_settle, data,
                                        error);
}

static gpointer
read_cursor_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  g_autofree char *key = bk_sync_state_key (BK_SYNC_STATE_CURSOR, data);
  gint64 cursor = 0; /* no profile: no cursor kept (see bk_pulled_page_apply) */

  if (db == NULL)
    return NULL;
  if (data != NULL)
    cursor = bk_sync_state_get_int (db, key, error);

  return cursor >= 0 ? g_memdup2 (&cursor, sizeof cursor) : NULL;
}

static gboolean
apply_in_transaction (BkDatabase *db, PulledPage *page, GError **error)
{
  return bk_pulled_page_apply (db, page->profile_id, page->changes, page->next_cursor, error);
}

static gpointer
apply_pulled_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) apply_in_transaction,
                                        data, error);
}

static gpointer
list_conflicts_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);

  return db != NULL ? bk_conflict_copy_list (db, data, error) : NULL;
}

typedef struct
{
  gint64 id;
  GStrv mine;
} Resolution;

static void
resolution_free (Resolution *resolution)
{
  g_strfreev (resolution->mine);
  g_free (resolution);
}

static Resolution *
resolution_new (gint64 id, const char *const *mine)
{
  Resolution *resolution = g_new0 (Resolution, 1);

  resolution->id = id;
  resolution->mine = g_strdupv ((GStrv) mine);
  return resolution;
}

static gboolean
resolve_in_transaction (BkDatabase *db, Resolution *resolution, GError **error)
{
  return bk_conflict_copy_resolve (db, resolution->id, (const char *const *) resolution->mine,
                                   error);
}

static gpointer
resolve_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (worker, (BkDatabaseTransactionFunc) resolve_in_transaction,
                                        data, error);
}

/* A string result, "" for none (a job's NULL is an error). */
static gpointer
read_remote_copy_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  RecordRef *ref = data;
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  g_autoptr (GError) local_error = NULL;
  char *payload;

  if (db == NULL)
    return NULL;
  payload = bk_pulled_page_read_remote_copy (db, ref->entity, ref->entity_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return payload != NULL ? payload : g_strdup ("");
}

static TakeBatch *
take_batch_new (const char *profile_id, guint max, gboolean renew)
{
  TakeBatch *take = g_new0 (TakeBatch, 1);

  take->profile_id = g_strdup (profile_id);
  take->max = max;
  take->renew = renew;
  return take;
}

static PulledPage *
pulled_page_new (const char *profile_id, GPtrArray *changes, gint64 next_cursor)
{
  PulledPage *page = g_new0 (PulledPage, 1);

  page->profile_id = g_strdup (profile_id);
  page->changes = g_ptr_array_ref (changes);
  page->next_cursor = next_cursor;
  return page;
}

/* The take and the split share the job and its finish. */
static void
take_batch_async (BkStore *self,
                  const char *profile_id,
                  guint max,
                  gboolean renew,
                  GCancellable *cancellable,
                  GAsyncReadyCallback callback,
                  gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (max > 0);

  bk_store_run_async (self, bk_store_take_outbox_batch_async, take_batch_job,
                      take_batch_new (profile_id, max, renew), (GDestroyNotify) take_batch_free,
                      (GDestroyNotify) bk_outbox_batch_free, cancellable, callback, user_data);
}

/* Public API */

void
bk_store_take_outbox_batch_async (BkStore *self,
                                  const char *profile_id,
                                  guint max,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  take_batch_async (self, profile_id, max, FALSE, cancellable, callback, user_data);
}

BkOutboxBatch *
bk_store_take_outbox_batch_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_take_outbox_batch_async, error);
}

BkOutboxBatch *
bk_store_take_outbox_batch (BkStore *self, const char *profile_id, guint max, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (max > 0, NULL);

  return bk_store_run_sync (self, take_batch_job, take_batch_new (profile_id, max, FALSE),
                            (GDestroyNotify) take_batch_free, error);
}

void
bk_store_split_outbox_batch_async (BkStore *self,
                                   const char *profile_id,
                                   guint max,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  take_batch_async (self, profile_id, max, TRUE, cancellable, callback, user_data);
}

void
bk_store_settle_outbox_async (BkStore *self,
                              BkOutboxBatch *batch,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (batch != NULL);

  bk_store_run_async (self, bk_store_settle_outbox_async, settle_job, bk_outbox_batch_copy (batch),
                      (GDestroyNotify) bk_outbox_batch_free, NULL, cancellable, callback,
                      user_data);
}

gboolean
bk_store_settle_outbox_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_settle_outbox_async, error) != NULL;
}

gboolean
bk_store_settle_outbox (BkStore *self, BkOutboxBatch *batch, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  return bk_store_run_sync (self, settle_job, bk_outbox_batch_copy (batch),
                            (GDestroyNotify) bk_outbox_batch_free, error) != NULL;
}

void
bk_store_read_sync_cursor_async (BkStore *self,
                                 const char *profile_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));

  bk_store_run_async (self, bk_store_read_sync_cursor_async, read_cursor_job, g_strdup (profile_id),
                      g_free, g_free, cancellable, callback, user_data);
}

gint64
bk_store_read_sync_cursor_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *cursor = bk_store_finish_pointer (self, result,
                                                       bk_store_read_sync_cursor_async, error);

  return cursor != NULL ? *cursor : -1;
}

gint64
bk_store_read_sync_cursor (BkStore *self, const char *profile_id, GError **error)
{
  g_autofree gint64 *cursor = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), -1);

  cursor = bk_store_run_sync (self, read_cursor_job, g_strdup (profile_id), g_free, error);
  return cursor != NULL ? *cursor : -1;
}

void
bk_store_apply_pulled_async (BkStore *self,
                             const char *profile_id,
                             GPtrArray *changes,
                             gint64 next_cursor,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (changes != NULL);

  bk_store_run_async (self, bk_store_apply_pulled_async, apply_pulled_job,
                      pulled_page_new (profile_id, changes, next_cursor),
                      (GDestroyNotify) pulled_page_free, NULL, cancellable, callback, user_data);
}

gboolean
bk_store_apply_pulled_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_apply_pulled_async, error) != NULL;
}

gboolean
bk_store_apply_pulled (
  BkStore *self, const char *profile_id, GPtrArray *changes, gint64 next_cursor, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  return bk_store_run_sync (self, apply_pulled_job,
                            pulled_page_new (profile_id, changes, next_cursor),
                            (GDestroyNotify) pulled_page_free, error) != NULL;
}

void
bk_store_list_conflicts_async (BkStore *self,
                               const char *profile_id,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));

  bk_store_run_async (self, bk_store_list_conflicts_async, list_conflicts_job,
                      g_strdup (profile_id), g_free, (GDestroyNotify) g_ptr_array_unref,
                      cancellable, callback, user_data);
}

GPtrArray *
bk_store_list_conflicts_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_list_conflicts_async, error);
}

GPtrArray *
bk_store_list_conflicts (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return bk_store_run_sync (self, list_conflicts_job, g_strdup (profile_id), g_free, error);
}

void
bk_store_resolve_conflict_async (BkStore *self,
                                 gint64 conflict_id,
                                 const char *const *mine,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));

  bk_store_run_async (self, bk_store_resolve_conflict_async, resolve_job,
                      resolution_new (conflict_id, mine), (GDestroyNotify) resolution_free, NULL,
                      cancellable, callback, user_data);
}

gboolean
bk_store_resolve_conflict_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_resolve_conflict_async, error) != NULL;
}

gboolean
bk_store_resolve_conflict (BkStore *self,
                           gint64 conflict_id,
                           const char *const *mine,
                           GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);

  return bk_store_run_sync (self, resolve_job, resolution_new (conflict_id, mine),
                            (GDestroyNotify) resolution_free, error) != NULL;
}

char *
bk_store_read_remote_copy (BkStore *self, const char *entity, const char *entity_id, GError **error)
{
  RecordRef *ref;
  g_autofree char *payload = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL && entity_id != NULL, NULL);

  ref = g_new0 (RecordRef, 1);
  ref->entity = g_strdup (entity);
  ref->entity_id = g_strdup (entity_id);
  payload = bk_store_run_sync (self, read_remote_copy_job, ref, (GDestroyNotify) record_ref_free,
                               error);
  if (payload == NULL || *payload == '\0')
    return NULL;
  return g_steal_pointer (&payload);
}
