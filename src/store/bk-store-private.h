/* bk-store-private.h — what the files of BkStore share: running a job on
 * the worker in its async, finish and sync forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-store-worker.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* Queues @func with @data (which the job owns) for a task of @self. */
void bk_store_run_async (BkStore *self,
                         gpointer source_tag,
                         BkStoreJobFunc func,
                         gpointer data,
                         GDestroyNotify data_free,
                         GDestroyNotify result_free,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
/* Queues @func with no answer wanted (it runs before any later job). */
void
bk_store_run_detached (BkStore *self, BkStoreJobFunc func, gpointer data, GDestroyNotify data_free);
gpointer bk_store_run_sync (
  BkStore *self, BkStoreJobFunc func, gpointer data, GDestroyNotify data_free, GError **error);
gpointer
bk_store_finish_pointer (BkStore *self, GAsyncResult *result, gpointer source_tag, GError **error);

/* On the worker: @func in one transaction on a writable database; TRUE as
 * a pointer. */
gpointer bk_store_write_in_transaction (BkStoreWorker *worker,
                                        BkDatabaseTransactionFunc func,
                                        gpointer data,
                                        GError **error);

G_END_DECLS
