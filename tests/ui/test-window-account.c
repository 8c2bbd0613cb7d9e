/* test-window-account.c — the candidate's account on the registration
 * server, from the window, against the real baokao-server --dev (started
 * here, its CA pinned) and the window's real store: a new profile's
 * account is made at its first save with its password, at once when the
 * server answers, and when it comes back when it does not, the window
 * saying which; "Sign In on This Computer" brings an account's profile
 * from the server, protected here with its password, after a wrong
 * password and a server that was down, each said in the dialog with what
 * was typed kept.
 *
 * usage: test-window-account BAOKAO_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-application.h"
#include "bk-password.h"
#include "bk-sign-in-dialog.h"
#include "bk-sync-client.h"
#include "bk-test-profiles.h"
#include "bk-test-server.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"
#include "bk-test-window-server.h"
#include "bk-window.h"

#define PASSWORD "correct horse"

static const char *server_binary;

typedef BkTestWindowServer Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  bk_test_window_server_set_up (fixture, server_binary, "baokao-test-window-account");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  bk_test_window_server_tear_down (fixture);
}

static gboolean
shows_text (BkWindow *window, const char *text)
{
  g_autoptr (GString) texts = g_string_new (NULL);

  bk_test_collect_texts (GTK_WIDGET (window), texts);
  return strstr (texts->str, text) != NULL;
}

/* New Profile, then the account step filled in as a candidate would. */
static void
fill_new_profile (BkWindow *window, const char *user_name)
{
  GtkWidget *welcome = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "welcome_page"));
  GtkWidget *button = bk_test_find_button (welcome, "_New Profile");
  g_autoptr (BkProfile) model = bk_test_profile_new (user_name);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (button);
  /* The store opens off the main thread; until then the button does nothing. */
  while (!bk_test_workspace_shown (window) && g_get_monotonic_time () < deadline)
    {
      g_signal_emit_by_name (button, "clicked");
      for (gint64 wait = g_get_monotonic_time () + 100000; g_get_monotonic_time () < wait;)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (bk_test_workspace_shown (window));
  bk_test_type_into (window, "Real name", bk_profile_get_real_name (model));
  bk_test_type_into (window, "ID number", bk_profile_get_id_number (model));
  bk_test_type_into (window, "Mobile phone number", bk_profile_get_mobile (model));
  bk_test_type_into (window, "User name", user_name);
  bk_test_type_into (window, "Password", PASSWORD);
  bk_test_type_into (window, "Repeat password", PASSWORD);
}

/* Whether @user_name can sign in with the password on the server. */
static gboolean
server_signs_in (Fixture *fixture, const char *user_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "check.db", NULL);
  gboolean signed_in;

  store = bk_store_open (db, &error);
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, fixture->ca_file);
  client = bk_sync_client_new (store, http, fixture->url);
  bk_sync_client_sign_in_async (client, user_name, PASSWORD, NULL, bk_test_spin_keep_result,
                                &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  signed_in = bk_sync_client_sign_in_finish (client, result, &error);
  if (!signed_in)
    g_test_message ("sign-in: %s", error->message);
  return signed_in;
}

/* The account is made when the profile is first saved with its user name
 * and password; the window says so. */
static void
test_sign_up (Fixture *fixture, gconstpointer user_data)
{
  BkWindow *window = bk_test_open_window ();

  g_assert_false (server_signs_in (fixture, "lisi1"));
  fill_new_profile (window, "lisi1");
  BK_TEST_SPIN_UNTIL (shows_text (window, "Your account on the registration server is ready"));
  g_assert_true (server_signs_in (fixture, "lisi1"));
}

/* The server is down at the first save: the window says the account will
 * be made when it answers, and it is, once the server is back. */
static void
test_sign_up_waits (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *port = bk_test_server_port (fixture->url);
  g_autofree char *state = bk_test_window_server_state_dir (fixture);
  g_autofree char *url = NULL;
  BkWindow *window;

  bk_test_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  window = bk_test_open_window ();
  fill_new_profile (window, "lisi2");
  BK_TEST_SPIN_UNTIL (
    shows_text (window, "Your account will be made on the registration server when it answers"));
  g_assert_false (shows_text (window, "Your account on the registration server is ready"));

  fixture->server = bk_test_server_start (server_binary, state, port, &url, NULL);
  g_assert_cmpstr (url, ==, fixture->url);
  BK_TEST_SPIN_UNTIL (shows_text (window, "Your account on the registration server is ready"));
  g_assert_true (server_signs_in (fixture, "lisi2"));
}

/* An account with a complete profile, made and pushed from another
 * computer (its own store). */
static void
register_elsewhere (Fixture *fixture, const char *user_name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "elsewhere.db", NULL);
  g_autoptr (BkStore) store = bk_store_open (db, &error);
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete (user_name);
  g_autofree char *hash = bk_password_hash (PASSWORD, &error);
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (GAsyncResult) signed_up = NULL;
  g_autoptr (GAsyncResult) synced = NULL;

  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, fixture->ca_file);
  client = bk_sync_client_new (store, http, fixture->url);
  bk_sync_client_set_profile_id (client, bk_profile_get_id (profile));
  bk_sync_client_sign_up_async (client, bk_profile_get_real_name (profile), "resident-id",
                                bk_profile_get_id_number (profile), bk_profile_get_mobile (profile),
                                user_name, PASSWORD, NULL, bk_test_spin_keep_result, &signed_up);
  BK_TEST_SPIN_UNTIL (signed_up != NULL);
  g_assert_true (bk_sync_client_sign_up_finish (client, signed_up, &error));
  g_assert_no_error (error);
  bk_sync_client_sync_async (client, NULL, bk_test_spin_keep_result, &synced);
  BK_TEST_SPIN_UNTIL (synced != NULL);
  g_assert_true (bk_sync_client_sync_finish (client, synced, NULL, NULL, &error));
  g_assert_no_error (error);
}

static BkSignInDialog *
find_sign_in_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (BK_IS_SIGN_IN_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        return BK_SIGN_IN_DIALOG (item);
    }
  return NULL;
}

static gboolean
dialog_says (BkSignInDialog *dialog, const char *text)
{
  g_autoptr (GString) texts = g_string_new (NULL);

  bk_test_collect_texts (GTK_WIDGET (dialog), texts);
  return strstr (texts->str, text) != NULL;
}

static void
press_sign_in (BkSignInDialog *dialog)
{
  GtkWidget *button = bk_test_find_button (GTK_WIDGET (dialog), "_Sign In");

  g_assert_nonnull (button);
  BK_TEST_SPIN_UNTIL (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The profile of @user_name in the window's store, as it was made
 * elsewhere (its ID number, its work period), protected with PASSWORD. */
static gboolean
has_protected_profile (BkWindow *window, const char *user_name)
{
  g_autoptr (GError) error = NULL;
  BkStore *store = bk_window_get_store (window);
  g_autoptr (GListModel) profiles = bk_store_list_profiles (store, &error);
  g_autoptr (BkProfile) model = bk_test_profile_new_complete (user_name);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr (BkProfileSummary) summary = g_list_model_get_item (profiles, i);
      g_autoptr (BkProfile) profile = NULL;

      if (g_strcmp0 (bk_profile_summary_get_user_name (summary), user_name) != 0)
        continue;
      profile = bk_store_load_profile (store, bk_profile_summary_get_id (summary), &error);
      g_assert_no_error (error);
      return bk_password_verify (bk_profile_get_password_hash (profile), PASSWORD) &&
             g_strcmp0 (bk_profile_get_id_number (profile), bk_profile_get_id_number (model)) ==
               0 &&
             g_list_model_get_n_items (bk_profile_get_work (profile)) == 1;
    }
  return FALSE;
}

static void
test_sign_in_here (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *port = bk_test_server_port (fixture->url);
  g_autofree char *state = bk_test_window_server_state_dir (fixture);
  g_autofree char *url = NULL;
  BkWindow *window = bk_test_open_window ();
  GtkWidget *welcome = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "welcome_page"));
  GtkWidget *button = bk_test_find_button (welcome, "_Sign In on This Computer");
  BkSignInDialog *dialog;

  register_elsewhere (fixture, "wangwu");
  g_assert_nonnull (button);
  BK_TEST_SPIN_UNTIL (bk_window_get_store (window) != NULL);
  g_assert_false (has_protected_profile (window, "wangwu"));
  g_signal_emit_by_name (button, "clicked");
  BK_TEST_SPIN_UNTIL ((dialog = find_sign_in_dialog ()) != NULL);
  /* The server address is set: not asked for. */
  g_assert_null (bk_test_find_entry_row (GTK_WIDGET (dialog), "Server address"));

  bk_test_type_into (dialog, "User name", "wangwu");
  bk_test_type_into (dialog, "Password", "wrong password");
  press_sign_in (dialog);
  BK_TEST_SPIN_UNTIL (dialog_says (dialog, "The user name or the password is wrong"));

  bk_test_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  bk_test_type_into (dialog, "Password", PASSWORD);
  press_sign_in (dialog);
  BK_TEST_SPIN_UNTIL (dialog_says (dialog, "The server cannot be reached"));
  g_assert_cmpstr (
    gtk_editable_get_text (bk_test_find_entry_row (GTK_WIDGET (dialog), "User name")), ==,
    "wangwu");
  g_assert_cmpstr (gtk_editable_get_text (bk_test_find_entry_row (GTK_WIDGET (dialog), "Password")),
                   ==, PASSWORD);
  g_assert_false (bk_test_workspace_shown (window));

  fixture->server = bk_test_server_start (server_binary, state, port, &url, NULL);
  press_sign_in (dialog);
  BK_TEST_SPIN_UNTIL (bk_test_workspace_shown (window));
  g_assert_null (find_sign_in_dialog ());
  g_assert_true (has_protected_profile (window, "wangwu"));
}

int
main (int argc, char **argv)
{
  /* gtk_test_init passes no options on to g_test_init, so isolate the
   * data folders here: the window opens the store in the default place. */
  g_autofree char *home = bk_test_isolate_xdg_dirs ("test-window-account");
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];

  bk_test_window_server_app ();

  g_test_add ("/ui/window-account/sign-up", Fixture, NULL, fixture_set_up, test_sign_up,
              fixture_tear_down);
  g_test_add ("/ui/window-account/sign-up-waits", Fixture, NULL, fixture_set_up, test_sign_up_waits,
              fixture_tear_down);
  g_test_add ("/ui/window-account/sign-in-here", Fixture, NULL, fixture_set_up, test_sign_in_here,
              fixture_tear_down);
  status = g_test_run ();
  bk_test_remove_dir (home);
  return status;
}
