/* bk-store-uploads.c — part of BkStore (bk-store-uploads.h): the marks
 * live in the sync_state table under "uploaded/ENTITY_ID"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-store-private.h"
#include "bk-store-uploads.h"
#include "bk-sync-state.h"

#define UPLOADED "uploaded"

/* A read's result: the value, or "" for none (NULL is the error). */
static gpointer
read_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  g_autofree char *key = bk_sync_state_key (UPLOADED, data);
  GError *local = NULL;
  char *value;

  if (db == NULL)
    return NULL;
  value = bk_sync_state_get (db, key, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return value != NULL ? value : g_strdup ("");
}

void
bk_store_read_uploaded_async (BkStore *self,
                              const char *entity_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (entity_id != NULL);

  bk_store_run_async (self, bk_store_read_uploaded_async, read_job, g_strdup (entity_id), g_free,
                      g_free, cancellable, callback, user_data);
}

char *
bk_store_read_uploaded_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  g_autofree char *value = bk_store_finish_pointer (self, result, bk_store_read_uploaded_async,
                                                    error);

  return value != NULL && value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

static gboolean
mark_in_transaction (BkDatabase *db, gpointer data, GError **error)
{
  char **pair = data;
  g_autofree char *key = bk_sync_state_key (UPLOADED, pair[0]);

  return bk_sync_state_set (db, key, pair[1], error);
}

static gpointer
mark_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  return bk_store_write_in_transaction (worker, mark_in_transaction, data, error);
}

void
bk_store_mark_uploaded_async (BkStore *self,
                              const char *entity_id,
                              const char *sha256,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  char **pair;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (entity_id != NULL && sha256 != NULL);

  pair = g_new0 (char *, 3);
  pair[0] = g_strdup (entity_id);
  pair[1] = g_strdup (sha256);
  bk_store_run_async (self, bk_store_mark_uploaded_async, mark_job, pair,
                      (GDestroyNotify) g_strfreev, NULL, cancellable, callback, user_data);
}

gboolean
bk_store_mark_uploaded_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return bk_store_finish_pointer (self, result, bk_store_mark_uploaded_async, error) != NULL;
}
