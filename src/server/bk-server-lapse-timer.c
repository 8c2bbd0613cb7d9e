/* bk-server-lapse-timer.c — the sweep on a timer
 *
 * Applications lapse when the confirmation or payment window closes with
 * the candidate's step not done (bk-server-workflow-lapse.c). Sweeps run
 * when the server starts, after a push and before a staff list; this one
 * runs them when a window closes too, so that the state a candidate or a
 * help desk reads is right with no request arriving first. Every sweep
 * notes the closes ahead of the applications it looks at; a tick each
 * second compares the earliest with the server's clock, and a full sweep
 * runs in a thread of its own (the main loop keeps answering). The sweep
 * is idempotent, so every server process on one PostgreSQL may run its
 * own timer. The safety sweep catches closes no sweep of this process
 * saw (a session replaced by the admin, applications pushed to another
 * process).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-clock.h"
#include "bk-server-lapse-timer.h"
#include "bk-server-log.h"
#include "bk-server-workflow-store.h"

struct _BkServerLapseTimer
{
  BkServerDatabase *database;
  const BkServerLimits *limits;
  gint64 safety_us;
  gint64 last_sweep_us; /* monotonic */
  guint tick_id;
  GThread *thread; /* a sweep under way, or finished and not joined */
  gint done;       /* atomic: the thread has finished */
};

static gpointer
sweep_thread (gpointer user_data)
{
  BkServerLapseTimer *self = user_data;
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (GError) error = NULL;

  if (!bk_server_workflow_sweep (self->database, self->limits, NULL, NULL, NULL,
                                 g_date_time_to_unix (now), &error))
    bk_server_log (4, "the timed workflow sweep failed (the next one retries): %s", error->message);
  g_atomic_int_set (&self->done, TRUE);
  return NULL;
}

static void
join (BkServerLapseTimer *self)
{
  if (self->thread == NULL)
    return;
  g_thread_join (g_steal_pointer (&self->thread));
  g_atomic_int_set (&self->done, FALSE);
}

static gboolean
tick_cb (gpointer user_data)
{
  BkServerLapseTimer *self = user_data;
  g_autoptr (GDateTime) now = NULL;
  gint64 monotonic = g_get_monotonic_time ();

  if (self->thread != NULL)
    {
      if (!g_atomic_int_get (&self->done))
        return G_SOURCE_CONTINUE;
      join (self);
    }
  now = bk_clock_get_now ();
  if (!bk_server_workflow_take_closed (g_date_time_to_unix (now)) &&
      monotonic - self->last_sweep_us < self->safety_us)
    return G_SOURCE_CONTINUE;
  self->last_sweep_us = monotonic;
  self->thread = g_thread_new ("lapse-sweep", sweep_thread, self);
  return G_SOURCE_CONTINUE;
}

BkServerLapseTimer *
bk_server_lapse_timer_new (BkServerDatabase *database,
                           const BkServerLimits *limits,
                           guint safety_seconds)
{
  BkServerLapseTimer *self;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), NULL);
  g_return_val_if_fail (limits != NULL && safety_seconds > 0, NULL);

  self = g_new0 (BkServerLapseTimer, 1);
  self->database = g_object_ref (database);
  self->limits = limits;
  self->safety_us = (gint64) safety_seconds * G_USEC_PER_SEC;
  self->last_sweep_us = g_get_monotonic_time ();
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  return self;
}

void
bk_server_lapse_timer_free (BkServerLapseTimer *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  join (self);
  g_object_unref (self->database);
  g_free (self);
}
