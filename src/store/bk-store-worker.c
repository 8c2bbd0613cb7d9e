/* bk-store-worker.c
 *
 * One connection, one thread: every statement runs on the worker in the
 * order it was asked for, so the main loop never waits for the disk and
 * SQLite never sees two threads on one connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-store-error.h"
#include "bk-store-worker.h"

struct _BkStoreWorker
{
  GThread *thread;
  GAsyncQueue *queue;
  char *path;

  /* The worker thread's alone. */
  BkDatabase *db;
  gboolean damaged;
};

typedef struct
{
  BkStoreJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  gboolean quit;

  /* Asynchronous: the result goes back through the task. */
  GTask *task;

  /* Synchronous: the caller waits on the condition. */
  GMutex mutex;
  GCond cond;
  gboolean done;
  gpointer result;
  GError *error;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->task);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static Job *
job_new (BkStoreJobFunc func, gpointer data, GDestroyNotify data_free, GDestroyNotify result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static gboolean
complete_in_caller (gpointer data)
{
  Job *job = data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
note_damage (BkStoreWorker *worker, const GError *error)
{
  if (g_error_matches (error, BK_STORE_ERROR, SQLITE_CORRUPT) ||
      g_error_matches (error, BK_STORE_ERROR, SQLITE_NOTADB))
    worker->damaged = TRUE;
}

static gpointer
worker_main (gpointer data)
{
  BkStoreWorker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);
      GError *error = NULL;
      gpointer result;

      if (job->quit)
        {
          job_free (job);
          break;
        }

      if (job->task != NULL)
        {
          if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &error))
            result = job->func (worker, job->data, &error);
          else
            result = NULL;
          note_damage (worker, error);
          job->result = result;
          job->error = error;
          /* Returned, and the task released, in the caller's context: no
           * reference to the store is ever dropped on the worker. */
          g_main_context_invoke_full (g_task_get_context (job->task), G_PRIORITY_DEFAULT,
                                      complete_in_caller, job, NULL);
        }
      else
        {
          result = job->func (worker, job->data, &error);
          note_damage (worker, error);
          g_mutex_lock (&job->mutex);
          job->result = result;
          job->error = error;
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
    }

  g_clear_object (&worker->db);
  return NULL;
}

BkStoreWorker *
bk_store_worker_new (const char *path)
{
  BkStoreWorker *worker;

  g_return_val_if_fail (path != NULL, NULL);

  worker = g_new0 (BkStoreWorker, 1);
  worker->path = g_strdup (path);
  worker->queue = g_async_queue_new ();
  worker->thread = g_thread_new ("bk-store", worker_main, worker);
  return worker;
}

void
bk_store_worker_free (BkStoreWorker *worker)
{
  Job *quit;

  g_return_if_fail (worker != NULL);
  g_return_if_fail (g_thread_self () != worker->thread);

  quit = job_new (NULL, NULL, NULL, NULL);
  quit->quit = TRUE;
  g_async_queue_push (worker->queue, quit);
  g_thread_join (worker->thread);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);
}

void
bk_store_worker_run_async (BkStoreWorker *worker,
                           BkStoreJobFunc func,
                           gpointer data,
                           GDestroyNotify data_free,
                           GDestroyNotify result_free,
                           GTask *task)
{
  Job *job = job_new (func, data, data_free, result_free);

  job->task = g_object_ref (task);
  g_async_queue_push (worker->queue, job);
}

gpointer
bk_store_worker_run_sync (BkStoreWorker *worker,
                          BkStoreJobFunc func,
                          gpointer data,
                          GDestroyNotify data_free,
                          GError **error)
{
  Job *job;
  gpointer result;

  g_return_val_if_fail (g_thread_self () != worker->thread, NULL);

  job = job_new (func, data, data_free, NULL);
  g_async_queue_push (worker->queue, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  result = job->result;
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return result;
}

gpointer
bk_store_worker_open (BkStoreWorker *worker, gpointer data, GError **error)
{
  worker->db = bk_database_open (worker->path, error);
  return worker->db != NULL ? GINT_TO_POINTER (TRUE) : NULL;
}

BkDatabase *
bk_store_worker_get_database (BkStoreWorker *worker, GError **error)
{
  if (worker->db != NULL)
    return worker->db;
  g_set_error (error, BK_STORE_ERROR, SQLITE_CANTOPEN, "the store %s is not open", worker->path);
  return NULL;
}

BkDatabase *
bk_store_worker_get_writable_database (BkStoreWorker *worker, GError **error)
{
  if (bk_store_worker_get_database (worker, error) == NULL)
    return NULL;
  if (!worker->damaged)
    return worker->db;
  g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT,
               "%s is damaged; nothing more is written to it", worker->path);
  return NULL;
}
