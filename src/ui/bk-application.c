/* bk-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bk-application.h"
#include "bk-preferences-window.h"
#include "bk-staff-window.h"
#include "bk-ticket-window.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  BkWindow *background; /* the candidate's window, hidden and syncing (weak) */
  gboolean quitting;    /* Quit: every window really closes */
};

/* How often a window in the background asks the server for news. */
#define BACKGROUND_POLL_MS (10 * 60 * 1000)

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

/* bench/startup sets BAOKAO_BENCH_T0 to its CLOCK_MONOTONIC time (µs)
 * just before starting us; we print the time to our first frame (the
 * window quits once its profile list is on screen, see BkWindow).
 * g_get_monotonic_time() reads the same system-wide clock. */
static void
bench_after_paint_cb (GdkFrameClock *frame_clock, BkApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, bench_after_paint_cb, self);
  bk_application_bench_mark (self, "first-frame-us", FALSE);
}

static void
bench_realize_cb (GtkWidget *window, BkApplication *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), self);
}

static guint
background_poll_ms (void)
{
  const char *env = g_getenv ("BAOKAO_BACKGROUND_POLL_MS"); /* for tests */
  guint64 ms = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

  return ms > 0 && ms <= G_MAXUINT ? (guint) ms : BACKGROUND_POLL_MS;
}

/* Closing the candidate's window while a profile with a server account
 * is open keeps the application in the background (docs/background.md):
 * the window is hidden, nothing of the profile on screen, and its sync
 * polls now and then, so the status page's notifications still come.
 * Not after Quit, not with the setting off, never for staff windows. */
static gboolean
window_close_request_cb (BkWindow *window, BkApplication *self)
{
  BkSyncScheduler *scheduler = bk_window_get_sync_scheduler (window);

  if (self->quitting || scheduler == NULL ||
      !g_settings_get_boolean (self->settings, "run-in-background") || self->background != NULL)
    return FALSE;
  bk_window_flush (window);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_set_weak_pointer (&self->background, window);
  bk_sync_scheduler_set_poll_interval (scheduler, background_poll_ms ());
  g_application_hold (G_APPLICATION (self));
  return TRUE;
}

/* Back from the background: locked before it is seen, so on a shared
 * computer the next person finds the password asked, not the profile. */
static GtkWindow *
leave_background (BkApplication *self)
{
  BkWindow *window = self->background;
  BkSyncScheduler *scheduler;

  if (window == NULL)
    return NULL;
  g_clear_weak_pointer (&self->background);
  scheduler = bk_window_get_sync_scheduler (window);
  if (scheduler != NULL)
    bk_sync_scheduler_set_poll_interval (scheduler, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_application_release (G_APPLICATION (self));
  return GTK_WINDOW (window);
}

static void
bk_application_activate (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);
  GtkWindow *window = leave_background (self);

  if (window == NULL)
    window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (bk_window_new (self));
      g_signal_connect_object (window, "close-request", G_CALLBACK (window_close_request_cb), self,
                               0);
      if (g_getenv ("BAOKAO_BENCH_T0") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), self);
    }

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  BkApplication *self = BK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  self->quitting = TRUE;
  if (self->background != NULL)
    {
      g_clear_weak_pointer (&self->background);
      g_application_release (app);
    }
  /* Close windows first so each one saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Baokao developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about, "transient-for", gtk_application_get_active_window (app), "application-name",
                _ ("Baokao"), "application-icon", APPLICATION_ID, "version", PACKAGE_VERSION,
                "developer-name", _ ("The Baokao developers"), "developers", developers, "comments",
                _ ("Registration assistant for the Registered Metrologist examination: "
                   "profile, ID photo, eligibility, application and admission ticket."),
                "license-type", GTK_LICENSE_GPL_3_0,
                /* TRANSLATORS: put your names here, one per line */
                "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  BkApplication *self = BK_APPLICATION (user_data);
  BkPreferencesWindow *window = bk_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* The help desk's and the invigilator's window: a scanned ticket checked,
 * shown with the candidate's photo, printed or saved. */
static void
check_ticket_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  BkStore *store = BK_IS_WINDOW (parent) ? bk_window_get_store (BK_WINDOW (parent)) : NULL;

  gtk_window_present (GTK_WINDOW (bk_ticket_window_new (parent, store)));
}

/* The help desk's own window, on the server of Preferences; it keeps
 * nothing of the candidates' data on this computer. */
static void
staff_sign_in_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  BkApplication *self = BK_APPLICATION (user_data);
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "ca-file");

  gtk_window_present (GTK_WINDOW (bk_staff_window_new (GTK_APPLICATION (self), url, ca_file)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "check-ticket", check_ticket_action },
  { "staff-sign-in", staff_sign_in_action },
};

static void
bk_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *sync_now_accels[] = { "<Control>r", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (bk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.sync-now", sync_now_accels);
  /* Lock the open profile at once (bk-idle-lock.c), before leaving the PC. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.lock", lock_accels);
}

static void
bk_application_dispose (GObject *object)
{
  BkApplication *self = BK_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->background);

  G_OBJECT_CLASS (bk_application_parent_class)->dispose (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bk_application_dispose;
  app_class->activate = bk_application_activate;
  app_class->startup = bk_application_startup;
}

static void
bk_application_init (BkApplication *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

BkApplication *
bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path",
                       "/io/github/baokao/Baokao", NULL);
}

void
bk_application_bench_mark (BkApplication *self, const char *what, gboolean last)
{
  const char *t0 = g_getenv ("BAOKAO_BENCH_T0");

  g_return_if_fail (BK_IS_APPLICATION (self));

  if (t0 == NULL)
    return;

  printf ("%s %" G_GINT64_FORMAT "\n", what,
          g_get_monotonic_time () - g_ascii_strtoll (t0, NULL, 10));
  fflush (stdout);
  if (last)
    g_application_quit (G_APPLICATION (self));
}

GSettings *
bk_application_get_settings (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);

  return self->settings;
}
