/* bk-server-commit-group.c — group commit
 *
 * A durable commit waits for the disk (an fsync of SQLite's WAL, the flush
 * of PostgreSQL's), and writers are serialised (see
 * bk-server-store-changes.c): one commit per write makes the disk's
 * latency the bound on writes per second, and the writes behind it wait in
 * line. Here a caller that finds no batch running leads one: it takes the
 * jobs waiting (its own among them) and runs them together, in one
 * transaction with one commit; the callers that arrive meanwhile wait, and
 * one of them leads the next batch with all of them. A caller that waits
 * is answered only after the commit that holds its job, so an
 * acknowledged write is as durable as before; under no load a batch is one
 * job, and nobody waits for a batch to fill.
 *
 * A job handed over (bk_server_commit_group_hand_over()) does not keep its
 * caller waiting while a batch runs: it goes into the next one, which the
 * last caller to leave runs when nobody else is waiting to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-commit-group.h"

typedef struct
{
  gpointer job;
  GDestroyNotify free_job; /* a job handed over: freed once it has run */
  gboolean done;
} Entry;

struct _BkServerCommitGroup
{
  GMutex lock;
  GCond ran;        /* a batch has run */
  GQueue waiting;   /* Entry *, not yet in a batch */
  guint callers;    /* in bk_server_commit_group_run() */
  gboolean leading; /* a batch is running */
  guint max_jobs;
  BkServerCommitGroupFunc func;
  gpointer user_data;
};

BkServerCommitGroup *
bk_server_commit_group_new (guint max_jobs, BkServerCommitGroupFunc func, gpointer user_data)
{
  BkServerCommitGroup *self;

  g_return_val_if_fail (max_jobs > 0 && func != NULL, NULL);

  self = g_new0 (BkServerCommitGroup, 1);
  g_mutex_init (&self->lock);
  g_cond_init (&self->ran);
  g_queue_init (&self->waiting);
  self->max_jobs = max_jobs;
  self->func = func;
  self->user_data = user_data;
  return self;
}

void
bk_server_commit_group_free (BkServerCommitGroup *self)
{
  if (self == NULL)
    return;
  g_warn_if_fail (g_queue_is_empty (&self->waiting) && !self->leading);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ran);
  g_free (self);
}

/* Runs a batch of the oldest jobs waiting; called and returns with the
 * lock held, and no batch running. */
static void
lead (BkServerCommitGroup *self)
{
  guint n = MIN (g_queue_get_length (&self->waiting), self->max_jobs);
  g_autofree Entry **batch = g_new (Entry *, n);
  g_autofree gpointer *jobs = g_new (gpointer, n);

  self->leading = TRUE;
  for (guint i = 0; i < n; i++)
    {
      batch[i] = g_queue_pop_head (&self->waiting);
      jobs[i] = batch[i]->job;
    }
  g_mutex_unlock (&self->lock);

  self->func (jobs, n, self->user_data);
  /* A job handed over is freed here, and its entry with it (NULL in the
   * batch from then on); a caller's entry lives on its stack until it
   * sees done. */
  for (guint i = 0; i < n; i++)
    if (batch[i]->free_job != NULL)
      {
        batch[i]->free_job (batch[i]->job);
        g_clear_pointer (&batch[i], g_free);
      }

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < n; i++)
    if (batch[i] != NULL)
      batch[i]->done = TRUE;
  self->leading = FALSE;
  g_cond_broadcast (&self->ran);
}

/* Jobs handed over that nobody else will run: run them now. */
static void
lead_the_rest (BkServerCommitGroup *self)
{
  while (!self->leading && self->callers == 0 && !g_queue_is_empty (&self->waiting))
    lead (self);
}

void
bk_server_commit_group_run (BkServerCommitGroup *self, gpointer job)
{
  Entry entry = { job, NULL, FALSE };

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->waiting, &entry);
  self->callers++;
  /* This job is in the next batch unless more than max_jobs came before
   * it: then in the one after. */
  while (!entry.done)
    if (self->leading)
      g_cond_wait (&self->ran, &self->lock);
    else
      lead (self);
  self->callers--;
  lead_the_rest (self);
  g_mutex_unlock (&self->lock);
}

void
bk_server_commit_group_hand_over (BkServerCommitGroup *self, gpointer job, GDestroyNotify free_job)
{
  Entry *entry;

  g_return_if_fail (self != NULL && free_job != NULL);

  entry = g_new0 (Entry, 1);
  entry->job = job;
  entry->free_job = free_job;
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->waiting, entry);
  lead_the_rest (self);
  g_mutex_unlock (&self->lock);
}
