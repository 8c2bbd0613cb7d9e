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
#include "bk-photo-profile.h"
#include "bk-sessions.h"
#include "bk-sign-in-dialog.h"
#include "bk-submission.h"
#include "bk-sync-client.h"
#include "bk-test-profiles.h"
#include "bk-test-server.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"
#include "bk-test-window-server.h"
#include "bk-window.h"
#include "bk-workspace.h"

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

/* A real photo of the corpus that passes the checks, given to @profile
 * as the photo page does (the original and its standardised photo). */
static void
give_real_photo (BkProfile *profile)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "photo", "corpus",
                                                 "good-413x579.jpg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) standardised = NULL;
  g_autoptr (BkPhotoReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  original = g_bytes_new_take (g_steal_pointer (&contents), length);
  report = bk_photo_prepare (original, &standardised, &error);
  g_assert_no_error (error);
  g_assert_nonnull (standardised);
  bk_photo_set_profile_photo (profile, original, "me.jpg", report, standardised);
  g_assert_true (bk_profile_get_photo_accepted (profile));
}

/* An account with a complete profile and its photo, made and pushed from
 * another computer (its own store): the profile of @user_name there. */
static BkProfile *
register_elsewhere (Fixture *fixture, const char *user_name, gboolean with_photo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "elsewhere.db", NULL);
  g_autoptr (BkStore) store = bk_store_open (db, &error);
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete (user_name);
  g_autofree char *hash = bk_password_hash (PASSWORD, &error);

  g_assert_no_error (error);
  if (with_photo)
    give_real_photo (profile);
  else
    bk_profile_set_photo (profile, NULL, NULL, NULL, FALSE, NULL);
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
  return g_steal_pointer (&profile);
}

/* The other computer saves @profile and @application (each nullable) of
 * the profile it registered, and syncs: its store again, signed in anew. */
static void
sync_elsewhere (Fixture *fixture,
                const char *user_name,
                BkProfile *profile,
                BkExamApplication *application)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "elsewhere.db", NULL);
  g_autoptr (BkStore) store = bk_store_open (db, &error);
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (GAsyncResult) signed_in = NULL;
  g_autoptr (GAsyncResult) synced = NULL;

  g_assert_no_error (error);
  g_assert_true (profile == NULL || bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (application == NULL || bk_store_save_application (store, application, &error));
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, fixture->ca_file);
  client = bk_sync_client_new (store, http, fixture->url);
  bk_sync_client_set_profile_id (client, profile != NULL
                                           ? bk_profile_get_id (profile)
                                           : bk_exam_application_get_profile_id (application));
  bk_sync_client_sign_in_async (client, user_name, PASSWORD, NULL, bk_test_spin_keep_result,
                                &signed_in);
  BK_TEST_SPIN_UNTIL (signed_in != NULL);
  g_assert_true (bk_sync_client_sign_in_finish (client, signed_in, &error));
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
  g_autoptr (BkProfile) elsewhere = register_elsewhere (fixture, "wangwu", TRUE);
  g_autoptr (BkProfile) here = NULL;
  g_autoptr (GError) error = NULL;
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

  /* The photo came with the profile: the same files, accepted, so the
   * profile is as complete here as there. */
  here = bk_store_load_profile (bk_window_get_store (window), bk_profile_get_id (elsewhere),
                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (bk_profile_get_photo_standardised (here));
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (here),
                                bk_profile_get_photo_standardised (elsewhere)));
  g_assert_nonnull (bk_profile_get_photo_original (here));
  g_assert_true (g_bytes_equal (bk_profile_get_photo_original (here),
                                bk_profile_get_photo_original (elsewhere)));
  g_assert_cmpstr (bk_profile_get_photo_file_name (here), ==, "me.jpg");
  g_assert_true (bk_profile_get_photo_accepted (here));
  g_assert_cmpint (bk_profile_get_completeness (here, NULL), ==, 100);
}

static void
count_cb (gpointer counter)
{
  (*(guint *) counter)++;
}

/* The profile of @user_name signed in here from the welcome page. */
static void
sign_in_here (BkWindow *window, const char *user_name)
{
  GtkWidget *welcome = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "welcome_page"));
  BkSignInDialog *dialog;

  BK_TEST_SPIN_UNTIL (bk_window_get_store (window) != NULL);
  g_signal_emit_by_name (bk_test_find_button (welcome, "_Sign In on This Computer"), "clicked");
  BK_TEST_SPIN_UNTIL ((dialog = find_sign_in_dialog ()) != NULL);
  bk_test_type_into (dialog, "User name", user_name);
  bk_test_type_into (dialog, "Password", PASSWORD);
  press_sign_in (dialog);
  BK_TEST_SPIN_UNTIL (bk_test_workspace_shown (window));
}

static BkProfile *
stored_profile (BkWindow *window, const char *id)
{
  g_autoptr (GError) error = NULL;
  BkProfile *profile = bk_store_load_profile (bk_window_get_store (window), id, &error);

  g_assert_no_error (error);
  return profile;
}

/* The photo is chosen on the other computer after this one signed in: a
 * sync brings it into the open profile, and the next save here keeps it
 * (it would otherwise save the profile as it was, without the photo). */
static void
test_photo_arrives_while_open (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkProfile) elsewhere = register_elsewhere (fixture, "sunqi", FALSE);
  BkWindow *window = bk_test_open_window ();
  GtkStack *stack =
    GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "main_stack"));
  const char *id = bk_profile_get_id (elsewhere);
  BkWorkspace *workspace;
  BkProfile *open;
  guint synced = 0;
  gulong handler;

  sign_in_here (window, "sunqi");
  workspace = BK_WORKSPACE (gtk_stack_get_child_by_name (stack, "workspace"));
  open = bk_workspace_get_profile (workspace);
  g_assert_null (bk_profile_get_photo_original (open));

  give_real_photo (elsewhere);
  sync_elsewhere (fixture, "sunqi", elsewhere, NULL);
  handler = g_signal_connect_swapped (bk_window_get_sync_scheduler (window), "notify::last-synced",
                                      G_CALLBACK (count_cb), &synced);
  bk_sync_scheduler_sync_now (bk_window_get_sync_scheduler (window));
  BK_TEST_SPIN_UNTIL (synced > 0 && bk_profile_get_photo_original (open) != NULL);
  g_signal_handler_disconnect (bk_window_get_sync_scheduler (window), handler);
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (open),
                                bk_profile_get_photo_standardised (elsewhere)));

  bk_profile_set_postcode (open, "200030");
  BK_TEST_SPIN_UNTIL (({
    g_autoptr (BkProfile) saved = stored_profile (window, id);
    g_strcmp0 (bk_profile_get_postcode (saved), "200030") == 0;
  }));
  {
    g_autoptr (BkProfile) saved = stored_profile (window, id);

    g_assert_nonnull (bk_profile_get_photo_standardised (saved));
    g_assert_cmpint (bk_profile_get_completeness (saved, NULL), ==, 100);
  }
}

/* The dialog asking a profile's password to open it. */
static GtkWindow *
find_password_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)) &&
          bk_test_find_entry_row (GTK_WIDGET (item), "Password") != NULL)
        return GTK_WINDOW (item);
    }
  return NULL;
}

/* A real notification server on the test's session bus (GLib's
 * freedesktop backend sends there): the bodies it was given. */
static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/>"
  "<arg type='i' direction='in'/><arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "</method></interface></node>";

static void
notifications_call_cb (GDBusConnection *connection,
                       const char *sender,
                       const char *path,
                       const char *interface,
                       const char *method,
                       GVariant *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer user_data)
{
  GString *bodies = user_data;

  if (g_str_equal (method, "Notify"))
    {
      const char *body = NULL;

      g_variant_get_child (parameters, 4, "&s", &body);
      g_string_append_printf (bodies, "%s\n", body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", bodies->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body'],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "baokao", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
free_bodies (gpointer bodies)
{
  g_string_free (bodies, TRUE);
}

/* @bodies belongs to the registration from now on: a call the connection
 * still dispatches after the test's last look appends to it, not to
 * freed memory. */
static GDBusConnection *
serve_notifications (GString *bodies)
{
  static const GDBusInterfaceVTable vtable = { notifications_call_cb, NULL, NULL, { 0 } };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection = NULL;
  g_autoptr (GVariant) reply = NULL;

  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, bodies, free_bodies, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/* Closing the window with a profile of a server account open keeps the
 * application in the background: the window hidden, its sync polling the
 * server; news of the application then comes as a desktop notification.
 * Launching the application again shows it locked (the profile closed,
 * its password asked), and closing it then really closes it. */
static void
test_background (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkProfile) elsewhere = register_elsewhere (fixture, "zhaoliu", TRUE);
  g_autoptr (BkExamApplication) application =
    bk_exam_application_new (bk_profile_get_id (elsewhere), "shanghai-2026", 2, BK_EXAM_MODE_ALL);
  g_autoptr (GDateTime)
    in_window = g_date_time_new_from_iso8601 ("2026-04-08T09:00:00+08:00", NULL);
  GString *bodies = g_string_new (NULL); /* the registration's */
  g_autoptr (GDBusConnection) notifications = serve_notifications (bodies);
  g_autoptr (GError) error = NULL;
  BkWindow *window = bk_test_open_window ();
  BkSyncScheduler *scheduler;
  GtkWindow *ask;
  guint synced = 0;
  gulong handler;

  /* The profile and a draft application, made elsewhere, signed in here. */
  bk_exam_application_set_point_code (application, "2916");
  sync_elsewhere (fixture, "zhaoliu", NULL, application);
  sign_in_here (window, "zhaoliu");
  BK_TEST_SPIN_UNTIL ((scheduler = bk_window_get_sync_scheduler (window)) != NULL);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (g_list_find (
    gtk_application_get_windows (GTK_APPLICATION (bk_test_window_server_app ())), window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  /* Still syncing, with no change of its own: it polls. */
  handler = g_signal_connect_swapped (scheduler, "notify::last-synced", G_CALLBACK (count_cb),
                                      &synced);
  BK_TEST_SPIN_UNTIL (synced >= 2);
  g_signal_handler_disconnect (scheduler, handler);
  g_assert_true (bk_window_get_sync_scheduler (window) == scheduler);

  /* The application is submitted elsewhere; the server's check finds
   * registration closed (the server's clock is today's): the hidden
   * window pulls it and says so in a notification. */
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_YES, &error));
  g_assert_true (bk_submission_submit (application, elsewhere, bk_sessions_lookup ("shanghai-2026"),
                                       in_window, &error));
  g_assert_no_error (error);
  sync_elsewhere (fixture, "zhaoliu", NULL, application);
  BK_TEST_SPIN_UNTIL (strstr (bodies->str, "could not be checked") != NULL);

  /* Back: locked, the profile's password asked; nothing of it shown. */
  g_application_activate (G_APPLICATION (bk_test_window_server_app ()));
  g_assert_true (gtk_application_get_active_window (
                   GTK_APPLICATION (bk_test_window_server_app ())) == GTK_WINDOW (window));
  BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  BK_TEST_SPIN_UNTIL (!bk_test_workspace_shown (window));
  g_assert_null (bk_window_get_sync_scheduler (window));
  g_assert_false (shows_text (window, bk_profile_get_id_number (elsewhere)));
  BK_TEST_SPIN_UNTIL ((ask = find_password_dialog ()) != NULL);
  gtk_window_destroy (ask);

  /* No profile open: closing closes. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (bk_test_window_server_app ())));
  g_dbus_connection_close_sync (notifications, NULL, NULL);
}

int
main (int argc, char **argv)
{
  /* gtk_test_init passes no options on to g_test_init, so isolate the
   * data folders here: the window opens the store in the default place. */
  g_autofree char *home = bk_test_isolate_xdg_dirs ("test-window-account");
  int status;

  /* A window in the background polls every 0.3 s here, not 10 min. */
  g_setenv ("BAOKAO_BACKGROUND_POLL_MS", "300", TRUE);
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
  g_test_add ("/ui/window-account/photo-arrives-while-open", Fixture, NULL, fixture_set_up,
              test_photo_arrives_while_open, fixture_tear_down);
  g_test_add ("/ui/window-account/background", Fixture, NULL, fixture_set_up, test_background,
              fixture_tear_down);
  status = g_test_run ();
  bk_test_remove_dir (home);
  return status;
}
