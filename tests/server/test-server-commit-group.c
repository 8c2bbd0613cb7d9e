/* test-server-commit-group.c — group commit: every job runs once, those
 * that arrive while a batch runs go together into the next one, and a job
 * handed over runs (and is freed) without its caller waiting for a batch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-commit-group.h"

#define FOLLOWERS 5

typedef struct
{
  GMutex lock;
  GCond changed;
  gboolean hold;             /* the batch now running waits until released */
  gboolean holding;          /* a batch is waiting so */
  GArray *batch_sizes;       /* guint */
  guint runs[FOLLOWERS + 2]; /* per job: times it ran */
  guint queued;              /* callers about to hand in their job */
  guint freed;
} Fixture;

typedef struct
{
  Fixture *fixture;
  guint index;
} Job;

static void
run_jobs (gpointer *jobs, guint n_jobs, gpointer user_data)
{
  Fixture *f = user_data;

  g_mutex_lock (&f->lock);
  g_array_append_val (f->batch_sizes, n_jobs);
  for (guint i = 0; i < n_jobs; i++)
    f->runs[((Job *) jobs[i])->index]++;
  f->holding = TRUE;
  g_cond_broadcast (&f->changed);
  while (f->hold)
    g_cond_wait (&f->changed, &f->lock);
  f->holding = FALSE;
  g_mutex_unlock (&f->lock);
}

typedef struct
{
  BkServerCommitGroup *group;
  Job job;
} Caller;

static gpointer
call (gpointer data)
{
  Caller *caller = data;

  g_mutex_lock (&caller->job.fixture->lock);
  caller->job.fixture->queued++;
  g_cond_broadcast (&caller->job.fixture->changed);
  g_mutex_unlock (&caller->job.fixture->lock);
  bk_server_commit_group_run (caller->group, &caller->job);
  return NULL;
}

static void
job_free (gpointer data)
{
  Job *job = data;

  job->fixture->freed++; /* read after the threads are joined */
  g_free (job);
}

static void
test_batches (void)
{
  Fixture f = { .hold = TRUE };
  g_autoptr (BkServerCommitGroup) group = NULL;
  Caller callers[FOLLOWERS + 1];
  GThread *threads[FOLLOWERS + 1];
  Job *handed;

  g_mutex_init (&f.lock);
  g_cond_init (&f.changed);
  f.batch_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  group = bk_server_commit_group_new (64, run_jobs, &f);

  /* The first caller leads a batch of its own job, held running. */
  callers[0] = (Caller){ group, { &f, 0 } };
  threads[0] = g_thread_new ("leader", call, &callers[0]);
  g_mutex_lock (&f.lock);
  while (!f.holding)
    g_cond_wait (&f.changed, &f.lock);
  g_mutex_unlock (&f.lock);

  /* Meanwhile the others hand in theirs, and one is handed over. */
  for (guint i = 1; i <= FOLLOWERS; i++)
    {
      callers[i] = (Caller){ group, { &f, i } };
      threads[i] = g_thread_new ("follower", call, &callers[i]);
    }
  g_mutex_lock (&f.lock);
  while (f.queued < FOLLOWERS + 1)
    g_cond_wait (&f.changed, &f.lock);
  g_mutex_unlock (&f.lock);
  g_usleep (G_USEC_PER_SEC / 5); /* from queued to waiting in the group */
  handed = g_new0 (Job, 1);
  *handed = (Job){ &f, FOLLOWERS + 1 };
  /* Returns at once: a batch is running. */
  bk_server_commit_group_hand_over (group, handed, job_free);
  g_assert_cmpuint (f.runs[FOLLOWERS + 1], ==, 0);

  g_mutex_lock (&f.lock);
  f.hold = FALSE;
  g_cond_broadcast (&f.changed);
  g_mutex_unlock (&f.lock);
  for (guint i = 0; i <= FOLLOWERS; i++)
    g_thread_join (threads[i]);

  /* Two batches: the leader's, then everyone who came meanwhile. */
  g_assert_cmpuint (f.batch_sizes->len, ==, 2);
  g_assert_cmpuint (g_array_index (f.batch_sizes, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (f.batch_sizes, guint, 1), ==, FOLLOWERS + 1);
  for (guint i = 0; i < G_N_ELEMENTS (f.runs); i++)
    g_assert_cmpuint (f.runs[i], ==, 1);
  g_assert_cmpuint (f.freed, ==, 1);

  /* With no batch running, a job handed over runs now, in this thread. */
  handed = g_new0 (Job, 1);
  *handed = (Job){ &f, 0 };
  bk_server_commit_group_hand_over (group, handed, job_free);
  g_assert_cmpuint (f.runs[0], ==, 2);
  g_assert_cmpuint (f.freed, ==, 2);

  g_array_unref (f.batch_sizes);
  g_mutex_clear (&f.lock);
  g_cond_clear (&f.changed);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/commit-group/batches", test_batches);
  return g_test_run ();
}
