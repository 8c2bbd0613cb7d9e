/* bk-sync-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-error.h"
#include "bk-sync-messages.h"
#include "bk-sync-scheduler.h"

struct _BkSyncScheduler
{
  GObject parent_instance;

  BkSyncClient *client;
  GNetworkMonitor *monitor;
  GCancellable *cancellable;
  guint timer;
  gboolean running;
  gboolean again; /* a change or Sync Now came during the running sync */
  guint failures;

  BkSyncStatus status;
  GDateTime *last_synced;
  char *problem;

  guint change_delay;
  guint first_retry;
  guint longest_retry;
  guint poll_interval; /* ms between syncs that went well; 0: none */
};

G_DEFINE_FINAL_TYPE (BkSyncScheduler, bk_sync_scheduler, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_LAST_SYNCED,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PULLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run (BkSyncScheduler *self);

static void
set_status (BkSyncScheduler *self, BkSyncStatus status)
{
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_problem (BkSyncScheduler *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static gboolean
timer_cb (gpointer user_data)
{
  BkSyncScheduler *self = user_data;

  self->timer = 0;
  run (self);
  return G_SOURCE_REMOVE;
}

/* Runs in @delay ms, or sooner if already due sooner. */
static void
schedule (BkSyncScheduler *self, guint delay, gboolean replace)
{
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (self->timer != 0 && !replace)
    return;
  g_clear_handle_id (&self->timer, g_source_remove);
  self->timer = g_timeout_add (delay, timer_cb, self);
}

static gboolean
network_available (BkSyncScheduler *self)
{
  return g_network_monitor_get_network_available (self->monitor);
}

static void
synced_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkSyncScheduler) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *problem = NULL;
  guint delay;
  guint pulled = 0;

  if (!bk_sync_client_sync_finish (BK_SYNC_CLIENT (source), result, NULL, &pulled, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;

  if (error == NULL)
    {
      self->failures = 0;
      g_clear_pointer (&self->last_synced, g_date_time_unref);
      self->last_synced = g_date_time_new_now_utc ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
      set_problem (self, NULL);
      set_status (self, BK_SYNC_STATUS_ONLINE);
      if (pulled > 0)
        g_signal_emit (self, signals[PULLED], 0, pulled);
      if (self->again)
        {
          self->again = FALSE;
          schedule (self, 0, TRUE);
        }
      else if (self->poll_interval > 0)
        schedule (self, self->poll_interval, FALSE);
      return;
    }

  problem = bk_sync_messages_describe (error);
  set_problem (self, problem);
  self->again = FALSE;
  if (!bk_sync_error_is_transient (error))
    {
      g_debug ("sync stopped: %s", error->message);
      set_status (self, BK_SYNC_STATUS_STOPPED);
      return;
    }
  self->failures++;
  delay = bk_sync_scheduler_backoff (self->first_retry, self->longest_retry, self->failures,
                                     bk_sync_client_get_retry_after (self->client),
                                     g_random_double ());
  g_debug ("sync failed (%s); again in %u ms", error->message, delay);
  set_status (self, g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_UNAVAILABLE) ||
                        g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL)
                      ? BK_SYNC_STATUS_ONLINE
                      : BK_SYNC_STATUS_OFFLINE);
  schedule (self, delay, TRUE);
}

static void
run (BkSyncScheduler *self)
{
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (bk_sync_client_get_token (self->client) == NULL &&
      !bk_sync_client_get_signing_up (self->client))
    {
      g_autoptr (GError) error = g_error_new_literal (BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN,
                                                      "not_signed_in: none");
      g_autofree char *problem = bk_sync_messages_describe (error);

      set_problem (self, problem);
      set_status (self, BK_SYNC_STATUS_STOPPED);
      return;
    }
  self->running = TRUE;
  set_status (self, BK_SYNC_STATUS_SYNCING);
  bk_sync_client_sync_async (self->client, self->cancellable, synced_cb, g_object_ref (self));
}

static void
network_changed_cb (GNetworkMonitor *monitor, gboolean available, gpointer user_data)
{
  BkSyncScheduler *self = user_data;

  if (!available)
    {
      if (!self->running && self->status != BK_SYNC_STATUS_STOPPED)
        set_status (self, BK_SYNC_STATUS_OFFLINE);
      return;
    }
  /* Back: sync now rather than at the end of a back-off. */
  if (self->status == BK_SYNC_STATUS_OFFLINE)
    {
      self->failures = 0;
      schedule (self, 0, TRUE);
    }
}

static void
token_changed_cb (BkSyncClient *client, GParamSpec *pspec, gpointer user_data)
{
  BkSyncScheduler *self = user_data;

  /* Signed in again after a stop: carry on. */
  if (bk_sync_client_get_token (client) != NULL && self->status == BK_SYNC_STATUS_STOPPED)
    {
      self->failures = 0;
      schedule (self, 0, TRUE);
    }
}

/* GObject */

static void
bk_sync_scheduler_dispose (GObject *object)
{
  BkSyncScheduler *self = BK_SYNC_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (bk_sync_scheduler_parent_class)->dispose (object);
}

static void
bk_sync_scheduler_finalize (GObject *object)
{
  BkSyncScheduler *self = BK_SYNC_SCHEDULER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_synced, g_date_time_unref);
  g_free (self->problem);

  G_OBJECT_CLASS (bk_sync_scheduler_parent_class)->finalize (object);
}

static void
bk_sync_scheduler_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkSyncScheduler *self = BK_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
      case PROP_STATUS:
        g_value_set_enum (value, self->status);
        break;
      case PROP_LAST_SYNCED:
        g_value_set_boxed (value, self->last_synced);
        break;
      case PROP_PROBLEM:
        g_value_set_string (value, self->problem);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sync_scheduler_class_init (BkSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_sync_scheduler_dispose;
  object_class->finalize = bk_sync_scheduler_finalize;
  object_class->get_property = bk_sync_scheduler_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BK_TYPE_SYNC_STATUS, BK_SYNC_STATUS_OFFLINE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] = g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PULLED] = g_signal_new ("pulled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bk_sync_scheduler_init (BkSyncScheduler *self)
{
  self->cancellable = g_cancellable_new ();
  self->status = BK_SYNC_STATUS_OFFLINE;
  self->change_delay = 2000;
  self->first_retry = 2000;
  self->longest_retry = 600000;
}

/* Public API */

BkSyncScheduler *
bk_sync_scheduler_new (BkSyncClient *client, GNetworkMonitor *monitor)
{
  BkSyncScheduler *self;

  g_return_val_if_fail (BK_IS_SYNC_CLIENT (client), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (BK_TYPE_SYNC_SCHEDULER, NULL);
  self->client = g_object_ref (client);
  self->monitor = g_object_ref (monitor != NULL ? monitor : g_network_monitor_get_default ());
  g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  g_signal_connect (self->client, "notify::token", G_CALLBACK (token_changed_cb), self);
  return self;
}

BkSyncStatus
bk_sync_scheduler_get_status (BkSyncScheduler *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SCHEDULER (self), BK_SYNC_STATUS_OFFLINE);

  return self->status;
}

BkSyncClient *
bk_sync_scheduler_get_client (BkSyncScheduler *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SCHEDULER (self), NULL);

  return self->client;
}

GDateTime *
bk_sync_scheduler_get_last_synced (BkSyncScheduler *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SCHEDULER (self), NULL);

  return self->last_synced;
}

const char *
bk_sync_scheduler_get_problem (BkSyncScheduler *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SCHEDULER (self), NULL);

  return self->problem;
}

void
bk_sync_scheduler_set_delays (BkSyncScheduler *self,
                              guint change_delay,
                              guint first_retry,
                              guint longest_retry)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));
  g_return_if_fail (first_retry > 0 && longest_retry >= first_retry);

  self->change_delay = change_delay;
  self->first_retry = first_retry;
  self->longest_retry = longest_retry;
}

void
bk_sync_scheduler_set_poll_interval (BkSyncScheduler *self, guint poll_interval)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));

  self->poll_interval = poll_interval;
  /* A stop, a back-off or a sync already due keeps its own rule (the
   * next sync that goes well counts the interval); otherwise the next
   * poll is counted from now. */
  if (poll_interval > 0 && self->status != BK_SYNC_STATUS_STOPPED && self->failures == 0 &&
      !self->running && self->timer == 0)
    schedule (self, poll_interval, FALSE);
}

void
bk_sync_scheduler_start (BkSyncScheduler *self)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));

  if (network_available (self))
    schedule (self, 0, TRUE);
  else
    set_status (self, BK_SYNC_STATUS_OFFLINE);
}

void
bk_sync_scheduler_stop (BkSyncScheduler *self)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));

  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->timer, g_source_remove);
  self->running = FALSE;
  self->again = FALSE;
  self->failures = 0;
  set_problem (self, NULL);
  set_status (self, BK_SYNC_STATUS_STOPPED);
}

void
bk_sync_scheduler_note_change (BkSyncScheduler *self)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));

  /* After a stop, only the user's act (Sync Now, signing in) resumes;
   * during a back-off, the back-off's own timer stands. */
  if (self->status == BK_SYNC_STATUS_STOPPED || self->failures > 0)
    return;
  schedule (self, self->change_delay, FALSE);
}

void
bk_sync_scheduler_sync_now (BkSyncScheduler *self)
{
  g_return_if_fail (BK_IS_SYNC_SCHEDULER (self));

  self->failures = 0;
  schedule (self, 0, TRUE);
}

guint
bk_sync_scheduler_backoff (
  guint first_retry, guint longest_retry, guint failures, gint64 retry_after, double random)
{
  guint64 delay = first_retry;

  for (guint i = 1; i < failures && delay < longest_retry; i++)
    delay *= 2;
  delay = MIN (delay, longest_retry);
  /* "Equal jitter": half fixed, half random, so clients that failed
   * together do not come back together. */
  delay = delay / 2 + (guint64) (random * (delay - delay / 2));
  if (retry_after >= 0)
    delay = MAX (delay, (guint64) retry_after * 1000);
  return (guint) MIN (delay, G_MAXUINT);
}
