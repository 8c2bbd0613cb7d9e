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

#include "bk-application.h"
#include "bk-password.h"
#include "bk-sync-banner.h"
#include "bk-sync-indicator.h"
#include "bk-sync-session.h"
#include "bk-test-profiles.h"
#include "bk-test-server.h"
#include "bk-test-spin.h"
#include "bk-welcome-page.h"
#include "bk-window.h"
#include "bk-workspace.h"

static const char *server_binary;

/* baokao-server --dev in @dir, on a free port; its address and CA. */
static GSubprocess *
start_server (const char *dir, char **url, char **ca_file)
{
  g_autofree char *state = g_build_filename (dir, "server", NULL);

  return bk_test_server_start (server_binary, state, "0", url, ca_file);
}

/* @profile saved in @store and its account made on the server. */
static void
save_and_register (BkStore *store, BkProfile *profile, const char *url, const char *ca_file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, ca_file);
  client = bk_sync_client_new (store, http, url);
  bk_sync_client_set_profile_id (client, bk_profile_get_id (profile));
  bk_sync_client_register_async (client, bk_profile_get_real_name (profile), "resident-id",
                                 bk_profile_get_id_number (profile), "13800000000",
                                 bk_profile_get_user_name (profile), "correct horse", NULL,
                                 bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_register_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", (char *) dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
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
  g_autoptr (GSubprocess) server = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-sync-indicator-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "baokao.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
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
  server = start_server (dir, &url, &ca_file);
  store = bk_store_open (db, &error);
  g_assert_no_error (error);
  save_and_register (store, profile, url, ca_file);
  bk_http_client_set_ca_file (http, ca_file);

  /* No token kept: stopped, and the row says what to do. */
  session = bk_sync_session_new (store, http, tokens, NULL, url, bk_profile_get_id (profile),
                                 "lisi");
  scheduler = bk_sync_session_get_scheduler (session);
  bk_sync_scheduler_set_delays (scheduler, 60000, 50, 400);
  bk_sync_indicator_set_scheduler (indicator, scheduler);
  bk_sync_banner_set_scheduler (banner, scheduler);
  bk_sync_session_start (session);
  BK_TEST_SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_STOPPED) &&
                      bk_sync_banner_get_text (banner) != NULL);
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Sync stopped");
  g_assert_cmpstr (bk_sync_banner_get_text (banner), ==, bk_sync_scheduler_get_problem (scheduler));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.sync-now");

  /* Signed in: online, the time it last synced, the row gone. */
  bk_sync_session_sign_in_async (session, "correct horse", NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_session_sign_in_finish (session, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  BK_TEST_SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_ONLINE) &&
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
  BK_TEST_SPIN_UNTIL (outbox (store) == 0 && is (scheduler, BK_SYNC_STATUS_ONLINE));
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Online");

  /* The server gone: offline, retrying. */
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_assert_true (gtk_widget_activate (button));
  BK_TEST_SPIN_UNTIL (is (scheduler, BK_SYNC_STATUS_OFFLINE));
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==, "Offline: retrying");

  bk_sync_session_close (session);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static GtkWidget *
find_mapped (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
mapped_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
set_password_rows (GtkWidget *widget, const char *text)
{
  if (ADW_IS_PASSWORD_ENTRY_ROW (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_password_rows (child, text);
}

static BkApplication *app;

/* The window with a server address in the preferences: opening a saved
 * profile with its password starts its sync, signed in with that
 * password (no token kept yet), and enables Sync Now, which sends a saved
 * change; back at the list of profiles the sync closes, Sync Now is
 * disabled and the indicator says the window is not connected. */
static void
test_window (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-sync-window-XXXXXX", &error);
  g_autofree char *url = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr (GSubprocess) server = start_server (dir, &url, &ca_file);
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("wangwu");
  g_autofree char *hash = bk_password_hash ("correct horse", &error);
  GSettings *settings = bk_application_get_settings (app);
  GtkWindow *window;
  GtkWidget *welcome;
  AdwMessageDialog *dialog;
  BkSyncIndicator *indicator;
  BkSyncBanner *banner;
  BkStore *store;

  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  {
    g_autofree char *path = bk_store_get_default_path ();
    g_autofree char *parent = g_path_get_dirname (path);
    g_autoptr (BkStore) setup_store = NULL;

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
    setup_store = bk_store_open (path, &error);
    g_assert_no_error (error);
    save_and_register (setup_store, profile, url, ca_file);
  }
  g_settings_set_string (settings, "server-url", url);
  g_settings_set_string (settings, "ca-file", ca_file);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (BK_IS_WINDOW (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sync-now"));
  BK_TEST_SPIN_UNTIL ((welcome = find_mapped (GTK_WIDGET (window), BK_TYPE_WELCOME_PAGE)) != NULL &&
                      bk_window_get_store (BK_WINDOW (window)) != NULL);
  g_assert_true (
    gtk_widget_activate_action (welcome, "welcome.open-profile", "s", bk_profile_get_id (profile)));
  BK_TEST_SPIN_UNTIL ((dialog = mapped_dialog ()) != NULL);
  set_password_rows (GTK_WIDGET (dialog), "correct horse");
  adw_message_dialog_response (dialog, "open");

  /* No token kept on this computer: the password that unlocked the
   * profile signs in to its account, and the sync runs. */
  BK_TEST_SPIN_UNTIL ((indicator = BK_SYNC_INDICATOR (
                         find_mapped (GTK_WIDGET (window), BK_TYPE_SYNC_INDICATOR))) != NULL);
  BK_TEST_SPIN_UNTIL (g_strcmp0 (bk_sync_indicator_get_label (indicator), "Online") == 0);
  g_assert_true (g_str_has_prefix (bk_sync_indicator_get_details (indicator), "Last synced at "));
  banner = BK_SYNC_BANNER (find_mapped (GTK_WIDGET (window), BK_TYPE_SYNC_BANNER));
  g_assert_nonnull (banner);
  g_assert_null (bk_sync_banner_get_text (banner));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sync-now"));
  store = bk_window_get_store (BK_WINDOW (window));
  BK_TEST_SPIN_UNTIL (outbox (store) == 0);

  /* A change saved: the window's Sync Now sends it. */
  bk_profile_set_mobile (profile, "13900000000");
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox (store), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (indicator), "win.sync-now", NULL));
  BK_TEST_SPIN_UNTIL (outbox (store) == 0);

  /* Back at the profiles: the profile's sync is closed. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_widget_get_template_child (
    find_mapped (GTK_WIDGET (window), BK_TYPE_WORKSPACE), BK_TYPE_WORKSPACE, "back_button"))));
  /* (a button's activation clicks it a moment later) */
  BK_TEST_SPIN_UNTIL (!g_action_group_get_action_enabled (G_ACTION_GROUP (window), "sync-now"));
  g_assert_cmpstr (bk_sync_indicator_get_label (indicator), ==,
                   "Not connected to a registration server");
  g_assert_null (bk_sync_banner_get_text (banner));
  gtk_window_destroy (window);
  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "ca-file");
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  /* The window opens the store in the default place: never the user's. */
  g_autofree char *home = bk_test_isolate_xdg_dirs ("test-sync-indicator");
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];

  app = bk_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/sync-indicator/widgets", test_indicator);
  g_test_add_func ("/ui/sync-indicator/window", test_window);
  status = g_test_run ();
  remove_dir (home);
  return status;
}
