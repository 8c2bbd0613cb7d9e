/* bk-store-remote.c — part of BkStore (bk-store-remote.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-pulled-page.h"
#include "bk-store-private.h"
#include "bk-store-remote.h"

/* @data: { entity, entity_id }. The result is the payload, or "" for none
 * (NULL is the error). */
static gpointer
read_job (BkStoreWorker *worker, gpointer data, GError **error)
{
  char **ref = data;
  BkDatabase *db = bk_store_worker_get_database (worker, error);
  GError *local = NULL;
  char *payload;

  if (db == NULL)
    return NULL;
  payload = bk_pulled_page_read_remote_copy (db, ref[0], ref[1], &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return payload != NULL ? payload : g_strdup ("");
}

void
bk_store_read_remote_copy_async (BkStore *self,
                                 const char *entity,
                                 const char *entity_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  char **ref;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (entity != NULL && entity_id != NULL);

  ref = g_new0 (char *, 3);
  ref[0] = g_strdup (entity);
  ref[1] = g_strdup (entity_id);
  bk_store_run_async (self, bk_store_read_remote_copy_async, read_job, ref,
                      (GDestroyNotify) g_strfreev, g_free, cancellable, callback, user_data);
}

char *
bk_store_read_remote_copy_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  g_autofree char *payload = bk_store_finish_pointer (self, result, bk_store_read_remote_copy_async,
                                                      error);

  return payload != NULL && payload[0] != '\0' ? g_steal_pointer (&payload) : NULL;
}
