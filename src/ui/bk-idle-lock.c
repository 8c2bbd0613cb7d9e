/* bk-idle-lock.c
 *
 * A help-desk PC is shared: a candidate who walks away leaves their
 * profile open for the next person. After the idle time of the settings
 * (five minutes unless the point sets another) the window locks: the
 * profile leaves the widgets and the store forgets its key, and its
 * password is asked again.
 *
 * Activity is any key press, click, scroll or pointer move in the window,
 * seen in the capture phase so no widget can hide it; recording it costs
 * one clock read, and one timeout is rescheduled only when it fires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-idle-lock.h"

struct _BkIdleLock
{
  GObject parent_instance;

  GtkWindow *window; /* weak: the window owns us */
  GSettings *settings;
  BkWorkspace *workspace; /* weak: the window's */
  BkStore *store;
  gboolean active;
  gint64 last_activity; /* monotonic, µs */
  guint timeout;
};

G_DEFINE_FINAL_TYPE (BkIdleLock, bk_idle_lock, G_TYPE_OBJECT)

enum
{
  LOCK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
idle_limit_us (BkIdleLock *self)
{
  return (gint64) g_settings_get_int (self->settings, "idle-lock-seconds") * G_USEC_PER_SEC;
}

static void schedule (BkIdleLock *self, gint64 delay_us);

static void
lock (BkIdleLock *self)
{
  g_autofree char *id = NULL;

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!self->active)
    return;
  id = bk_idle_lock_release (self);
  g_signal_emit (self, signals[LOCK], 0, id);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BkIdleLock *self = user_data;
  gint64 limit = idle_limit_us (self);
  gint64 idle = g_get_monotonic_time () - self->last_activity;

  self->timeout = 0;
  if (!self->active || limit <= 0)
    return G_SOURCE_REMOVE;
  /* A window in the background shows nothing, and keeps syncing; the
   * application locks it before showing it again (bk-application.c). */
  if (self->window != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->window)))
    schedule (self, limit);
  else if (idle >= limit)
    lock (self);
  else
    schedule (self, limit - idle);
  return G_SOURCE_REMOVE;
}

static void
schedule (BkIdleLock *self, gint64 delay_us)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  if (!self->active || idle_limit_us (self) <= 0)
    return;
  /* Whole milliseconds, at least one: the check above decides. */
  self->timeout = g_timeout_add (MAX (1, (delay_us + 999) / 1000), timeout_cb, self);
}

static void
activity_cb (BkIdleLock *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
key_pressed_cb (BkIdleLock *self)
{
  activity_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
scrolled_cb (BkIdleLock *self)
{
  activity_cb (self);
  return GDK_EVENT_PROPAGATE;
}

static void
settings_changed_cb (BkIdleLock *self)
{
  activity_cb (self);
  schedule (self, idle_limit_us (self));
}

static void
lock_action_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  lock (BK_IDLE_LOCK (user_data));
}

static void
watch (BkIdleLock *self, GtkEventController *controller, const char *signal, GCallback callback)
{
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, signal, callback, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->window), controller);
}

static void
bk_idle_lock_dispose (GObject *object)
{
  BkIdleLock *self = BK_IDLE_LOCK (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->workspace);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (bk_idle_lock_parent_class)->dispose (object);
}

static void
bk_idle_lock_class_init (BkIdleLockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_idle_lock_dispose;

  /* The profile is off the screen (bk_idle_lock_release): the window asks
   * its password again. The id is that of a saved profile, or NULL. */
  signals[LOCK] = g_signal_new ("lock", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_idle_lock_init (BkIdleLock *self)
{
  self->last_activity = g_get_monotonic_time ();
}

BkIdleLock *
bk_idle_lock_new (GtkWindow *window, GSettings *settings)
{
  BkIdleLock *self;
  g_autoptr (GSimpleAction) action = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BK_TYPE_IDLE_LOCK, NULL);
  g_set_weak_pointer (&self->window, window);
  self->settings = g_object_ref (settings);
  g_signal_connect_swapped (settings, "changed::idle-lock-seconds",
                            G_CALLBACK (settings_changed_cb), self);

  watch (self, gtk_event_controller_key_new (), "key-pressed", G_CALLBACK (key_pressed_cb));
  watch (self, gtk_event_controller_motion_new (), "motion", G_CALLBACK (activity_cb));
  watch (self, GTK_EVENT_CONTROLLER (gtk_gesture_click_new ()), "pressed",
         G_CALLBACK (activity_cb));
  watch (self, gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES), "scroll",
         G_CALLBACK (scrolled_cb));

  action = g_simple_action_new ("lock", NULL);
  g_simple_action_set_enabled (action, FALSE);
  g_signal_connect_object (action, "activate", G_CALLBACK (lock_action_cb), self, 0);
  if (G_IS_ACTION_MAP (window))
    g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  return self;
}

static void
set_active (BkIdleLock *self, gboolean active)
{
  GAction *action;

  self->active = active;
  activity_cb (self);
  if (active)
    schedule (self, idle_limit_us (self));
  else
    g_clear_handle_id (&self->timeout, g_source_remove);
  action = self->window != NULL && G_IS_ACTION_MAP (self->window)
             ? g_action_map_lookup_action (G_ACTION_MAP (self->window), "lock")
             : NULL;
  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active);
}

void
bk_idle_lock_watch (BkIdleLock *self, BkWorkspace *workspace, BkStore *store)
{
  g_return_if_fail (BK_IS_IDLE_LOCK (self));
  g_return_if_fail (BK_IS_WORKSPACE (workspace));
  g_return_if_fail (BK_IS_STORE (store));

  g_set_weak_pointer (&self->workspace, workspace);
  g_set_object (&self->store, store);
  set_active (self, TRUE);
}

gboolean
bk_idle_lock_get_active (BkIdleLock *self)
{
  g_return_val_if_fail (BK_IS_IDLE_LOCK (self), FALSE);

  return self->active;
}

/* The dialogs over the window (an education record, a file chooser)
 * show the person's data too. */
static void
close_dialogs_of (GtkRoot *root)
{
  g_autoptr (GListModel) toplevels = NULL;
  g_autoptr (GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!GTK_IS_WINDOW (root))
    return;
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (root))
        g_ptr_array_add (dialogs, g_object_ref (window));
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (dialogs->pdata[i]);
}

char *
bk_idle_lock_release (BkIdleLock *self)
{
  g_autoptr (BkProfile) empty = NULL;
  BkProfile *profile;
  g_autofree char *id = NULL;
  gboolean saved;

  g_return_val_if_fail (BK_IS_IDLE_LOCK (self), NULL);

  set_active (self, FALSE);
  if (self->workspace == NULL || (profile = bk_workspace_get_profile (self->workspace)) == NULL)
    return NULL;
  id = g_strdup (bk_profile_get_id (profile));
  saved = bk_profile_get_version (profile) > 0;
  close_dialogs_of (gtk_widget_get_root (GTK_WIDGET (self->workspace)));
  /* set_profile writes the old profile first (the store seals it with
   * the key still there), then the pages show nothing. */
  empty = bk_profile_new ();
  bk_workspace_set_profile (self->workspace, empty);
  if (self->store != NULL)
    bk_store_lock_profile (self->store, id);
  g_clear_weak_pointer (&self->workspace);
  return saved ? g_steal_pointer (&id) : NULL;
}
