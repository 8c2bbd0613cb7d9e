/* test-sync-indicator.c — the window's sync status and its problem row,
 * against the real baokao-server --dev (started here, its CA pinned) and
 * a real store: not connected without a server address; stopped, saying
 * to sign in, without a token; online with the time it last synced after
 * signing in; Sync Now from the indicator sends a saved change at once;
 * offline when the server is gone.
 *
 * usage: test-sync-indicator BAOKAO_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "bk-sync-banner.h"
#include "bk-sync-indicator.h"
#include "bk-sync-session.h"
#include "bk-test-profiles.h"

static const char *server_binary;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done, at most 20 s. */
#define SPIN_UNTIL(done)                                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    guint timeout_ = g_timeout_add_seconds (20, timeout_cb, (gpointer) #done);                     \
    while (!(done))                                                                                \
      g_main_context_iteration (NULL, TRUE);                                                       \
    g_source_remove (timeout_);                                                                    \
  }                                                                                                \
  G_STMT_END

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
read_line (GDataInputStream *out, const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  return g_strdup (line + strlen (prefix));
}

static void
sync_now_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  bk_sync_scheduler_sync_now (user_data);
}

static gint64
outbox (BkStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 count = bk_store_count_outbox (store, &error);

  g_assert_no_error (error);
  return count;
}

static gboolean
is (BkSyncScheduler *scheduler, BkSyncStatus status)
{
  return bk_sync_scheduler_get_status (scheduler) == status;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;
  return NULL;
}

static void
test_indicator (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr (GSubprocess) server = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-sync-indicator-XXXXXX", &error);
  g_autofree char *state = g_build_filename (dir, "server", NULL);
  g_autofree char *db = g_build_filename (dir, "baokao.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (BkTokenStore) tokens = bk_token_store_new ();
  g_autoptr (BkSyncSession) session = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) sync_now = g_simple_action_new ("sync-now", NULL);
  BkSyncScheduler *scheduler;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  BkSyncIndicator *indicator = g_object_new (BK_TYPE_SYNC_INDICATOR, NULL);
  BkSyncBanner *banner = g_object_new (BK_TYPE_SYNC_BANNER, NULL);
  GtkWidget *button;

  g_assert_no_error (error);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (banner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (indicator));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  button = find_button (GTK_WIDGET (indicator));
  g_assert_nonnull (button);

  /* No server address: not connected, and where to set one. */
  bk_sync_indicator_set_scheduler (indicator, NULL);
  bk_sync_banner_set_scheduler (banner, NULL);
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==,
                   "Not connected to a registration server");
  g_assert_nonnull (strstr (bk_sync_indicator_get_details (indicator), "Preferences"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.preferences");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   bk_sync_indicator_get_details (indicator));
  g_assert_null (bk_sync_banner_get_text (banner));

  /* The real server, its CA pinned, a registered account. */
  g_subprocess_launcher_setenv (launcher, "BAOKAO_SERVER_TEST_FAST_HASH", "1", TRUE);
  server = g_subprocess_launcher_spawn (launcher, &error, server_binary, "--dev", "--port", "0",
                                        "--state-dir", state, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  url = read_line (out, "listening on ");
  ca_file = read_line (out, "CA certificate for clients: ");
  store = bk_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, ca_file);
  client = bk_sync_client_new (store, http, url);
  bk_sync_client_set_profile_id (client, bk_profile_get_id (profile));
  bk_sync_client_register_async (client, "李四", "resident-id", bk_profile_get_id_number (profile),
                                 "13800000000", "lisi", "correct horse", NULL, done_cb, &result);
  SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_register_finish (client, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* No token kept: stopped, and the row says what to do. */
  session = bk_sync_session_new (store, http, tokens, NULL, url, bk_profile_get_id (profile),
                                 "lisi");
  scheduler = bk_sync_session_get_scheduler (session);
  bk_sync_scheduler_set_delays (scheduler, 60000, 50, 400);
  bk_sync_indicator_set_scheduler (indicator, scheduler);
  bk_sync_banner_set_scheduler (banner, scheduler);
  bk_sync_session_start (session);
  SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_STOPPED) && bk_sync_banner_get_text (banner) != NULL);
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Sync stopped");
  g_assert_cmpstr (bk_sync_banner_get_text (banner), ==, bk_sync_scheduler_get_problem (scheduler));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.sync-now");

  /* Signed in: online, the time it last synced, the row gone. */
  bk_sync_session_sign_in_async (session, "correct horse", NULL, done_cb, &result);
  SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_session_sign_in_finish (session, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_ONLINE) &&
              bk_sync_scheduler_get_last_synced (scheduler) != NULL);
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Online");
  g_assert_true (g_str_has_prefix (bk_sync_indicator_get_details (indicator), "Last synced at "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   bk_sync_indicator_get_details (indicator));
  g_assert_null (bk_sync_banner_get_text (banner));
  g_assert_cmpint (outbox (store), ==, 0);

  /* A change saved (the scheduler told nothing, its change delay long):
   * pressing the indicator sends it at once. */
  g_signal_connect (sync_now, "activate", G_CALLBACK (sync_now_cb), scheduler);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (sync_now));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (actions));
  bk_profile_set_mobile (profile, "13900000000");
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox (store), >, 0);
  g_assert_true (gtk_widget_activate (button));
  SPIN_UNTIL (outbox (store) == 0 && is (scheduler, BK_SYNC_STATUS_ONLINE));
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Online");

  /* The server gone: offline, retrying. */
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_assert_true (gtk_widget_activate (button));
  SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_OFFLINE));
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Offline: retrying");

  bk_sync_session_close (session);
  gtk_window_destroy (GTK_WINDOW (window));
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", dir, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                NULL, NULL, NULL, NULL, NULL);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];
  g_test_add_func ("/ui/sync-indicator", test_indicator);
  return g_test_run ();
}
