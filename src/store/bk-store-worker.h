/* bk-store-worker.h — the store's thread: one connection, jobs run in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"

G_BEGIN_DECLS

typedef struct _BkStoreWorker BkStoreWorker;

/* Runs on the worker. Returns the result (NULL with @error set on failure). */
typedef gpointer (*BkStoreJobFunc) (BkStoreWorker *worker, gpointer data, GError **error);

/* Starts the thread; the database at @path is opened by bk_store_worker_open,
 * as a job. */
BkStoreWorker *bk_store_worker_new (const char *path);
/* Lets the jobs queued so far finish, then ends the thread. Never call it
 * on the worker itself. */
void bk_store_worker_free (BkStoreWorker *worker);

/* Queues a job; @task is returned its result (or error) in its own
 * context, where @data and the task are released too. A cancelled task's
 * job does not run. */
void bk_store_worker_run_async (BkStoreWorker *worker,
                                BkStoreJobFunc func,
                                gpointer data,
                                GDestroyNotify data_free,
                                GDestroyNotify result_free,
                                GTask *task);
/* Queues a job and waits for it; the caller owns the result. */
gpointer bk_store_worker_run_sync (BkStoreWorker *worker,
                                   BkStoreJobFunc func,
                                   gpointer data,
                                   GDestroyNotify data_free,
                                   GError **error);

/* On the worker: */

/* A job: opens the database; returns a non-NULL token on success. */
gpointer bk_store_worker_open (BkStoreWorker *worker, gpointer data, GError **error);
/* The connection, for jobs that read. */
BkDatabase *bk_store_worker_get_database (BkStoreWorker *worker, GError **error);
/* The connection, for jobs that write: none once SQLite has met a damaged
 * page, so the damage does not spread and what is left can be recovered. */
BkDatabase *bk_store_worker_get_writable_database (BkStoreWorker *worker, GError **error);

G_END_DECLS
