/* test-conflict-dialog.c — a conflict from a second device, chosen field
 * by field, against the real baokao-server --dev (started here, its CA
 * pinned) and real stores: device B (a BkSyncClient with its own store,
 * signed in to the same account) changes the mobile phone number and
 * pushes; device A (the window) changes it too while the server is down,
 * then syncs and gets the 409. The window says a change needs a choice;
 * the dialog lists the field with both values; the server's value shows
 * on the account page once chosen, and a value of mine chosen reaches the
 * server at the next sync (read back by device B). Screenshots of the
 * dialog land in the build tree, one per language the test runs in.
 *
 * usage: test-conflict-dialog BAOKAO_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-application.h"
#include "bk-conflict-dialog.h"
#include "bk-i18n.h"
#include "bk-password.h"
#include "bk-sync-client.h"
#include "bk-test-profiles.h"
#include "bk-test-server.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"
#include "bk-test-window-server.h"
#include "bk-window.h"

#define PASSWORD "correct horse"
#define MOBILE_B "13700000002"
#define MOBILE_A "13800000001"

static const char *server_binary;
static char *user_name; /* the account of the test running */

typedef BkTestWindowServer Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  static guint n;

  bk_test_window_server_set_up (fixture, server_binary, "baokao-test-conflict-dialog");
  g_free (user_name);
  user_name = g_strdup_printf ("conflict%u", ++n);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  bk_test_window_server_tear_down (fixture);
}

static void
spin (guint ms)
{
  for (gint64 end = g_get_monotonic_time () + ms * 1000; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  g_autoptr (GString) texts = g_string_new (NULL);

  bk_test_collect_texts (widget, texts);
  return strstr (texts->str, text) != NULL;
}

/* The choice whose accessible name (also its tooltip) is @name. */
static GtkCheckButton *
find_choice (GtkWidget *widget, const char *name)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), name) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_choice (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
outbox_of (BkWindow *window)
{
  g_autoptr (GError) error = NULL;
  gint64 count = bk_store_count_outbox (bk_window_get_store (window), &error);

  g_assert_no_error (error);
  return count;
}

/* Device A: a new profile made in the window, its account made on the
 * server and everything pushed. */
static BkWindow *
device_a (Fixture *fixture)
{
  BkWindow *window = bk_test_open_window ();
  GtkWidget *welcome = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "welcome_page"));
  GtkWidget *button = bk_test_find_button (welcome, _ ("_New Profile"));
  g_autoptr (BkProfile) model = bk_test_profile_new (user_name);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (button);
  while (!bk_test_workspace_shown (window) && g_get_monotonic_time () < deadline)
    {
      g_signal_emit_by_name (button, "clicked");
      spin (100);
    }
  g_assert_true (bk_test_workspace_shown (window));
  bk_test_type_into (window, _ ("Real name"), bk_profile_get_real_name (model));
  bk_test_type_into (window, _ ("ID number"), bk_profile_get_id_number (model));
  bk_test_type_into (window, _ ("Mobile phone number"), bk_profile_get_mobile (model));
  bk_test_type_into (window, _ ("User name"), user_name);
  bk_test_type_into (window, _ ("Password"), PASSWORD);
  bk_test_type_into (window, _ ("Repeat password"), PASSWORD);
  BK_TEST_SPIN_UNTIL (
    shows_text (GTK_WIDGET (window), _ ("Your account on the registration server is ready; your "
                                        "profile syncs with it.")));
  BK_TEST_SPIN_UNTIL (outbox_of (window) == 0);
  return window;
}

typedef struct
{
  BkStore *store;
  BkSyncClient *client;
} Device;

static void
device_clear (Device *device)
{
  g_clear_object (&device->client);
  g_clear_object (&device->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Device, device_clear)

static void
sync_device (Device *device)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  bk_sync_client_sync_async (device->client, NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_sync_finish (device->client, result, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Device B: its own store, signed in to the same account, the profile
 * pulled from the server and protected here with the same password. */
static void
device_b (Fixture *fixture, Device *device)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "device-b.db", NULL);
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  g_autoptr (GAsyncResult) signed_in = NULL;

  device->store = bk_store_open (db, &error);
  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, fixture->ca_file);
  device->client = bk_sync_client_new (device->store, http, fixture->url);
  bk_sync_client_sign_in_async (device->client, user_name, PASSWORD, NULL, bk_test_spin_keep_result,
                                &signed_in);
  BK_TEST_SPIN_UNTIL (signed_in != NULL);
  g_assert_true (bk_sync_client_sign_in_finish (device->client, signed_in, &error));
  g_assert_no_error (error);
  sync_device (device);
  g_assert_nonnull (bk_sync_client_get_profile_id (device->client));
  g_assert_true (bk_store_set_profile_password (
    device->store, bk_sync_client_get_profile_id (device->client), PASSWORD, &error));
  g_assert_no_error (error);
}

static BkProfile *
device_profile (Device *device)
{
  g_autoptr (GError) error = NULL;
  BkProfile *profile =
    bk_store_load_profile (device->store, bk_sync_client_get_profile_id (device->client), &error);

  g_assert_no_error (error);
  return profile;
}

static void
device_set_mobile (Device *device, const char *mobile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = device_profile (device);
  g_autofree char *hash = bk_password_hash (PASSWORD, &error);

  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  bk_profile_set_mobile (profile, mobile);
  g_assert_true (bk_store_save_profile (device->store, profile, &error));
  g_assert_no_error (error);
  sync_device (device);
}

/* The "Choose…" button of the sync banner, when it is on show. */
static GtkWidget *
shown_choose_button (BkWindow *window)
{
  GtkWidget *button = bk_test_find_button (GTK_WIDGET (window), _ ("_Choose…"));
  GtkWidget *revealer = button != NULL ? gtk_widget_get_ancestor (button, GTK_TYPE_REVEALER) : NULL;

  if (revealer == NULL || !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) ||
      !gtk_widget_get_mapped (button))
    return NULL;
  return button;
}

static BkConflictDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (BK_IS_CONFLICT_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        return BK_CONFLICT_DIALOG (item);
    }
  return NULL;
}

/* Both devices change the mobile phone number; A, offline, after B. A's
 * sync gets the 409; the window says a change needs a choice and the
 * dialog, opened from it, shows the field with both values. */
static BkConflictDialog *
make_conflict (Fixture *fixture, BkWindow *window, Device *b)
{
  g_autofree char *port = bk_test_server_port (fixture->url);
  g_autofree char *state = bk_test_window_server_state_dir (fixture);
  g_autofree char *url = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *servers = NULL;
  g_autofree char *file = NULL;
  const char *language = g_getenv ("LANGUAGE");
  GtkWidget *button;
  BkConflictDialog *dialog;

  device_b (fixture, b);
  device_set_mobile (b, MOBILE_B);

  bk_test_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  bk_test_type_into (window, _ ("Mobile phone number"), MOBILE_A);
  BK_TEST_SPIN_UNTIL (outbox_of (window) > 0);
  fixture->server = bk_test_server_start (server_binary, state, port, &url, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "sync-now", NULL);
  BK_TEST_SPIN_UNTIL ((button = shown_choose_button (window)) != NULL);
  g_assert_cmpint (outbox_of (window), ==, 0); /* kept as a conflict, not in the outbox */

  g_signal_emit_by_name (button, "clicked");
  BK_TEST_SPIN_UNTIL ((dialog = find_dialog ()) != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), _ ("Mobile phone number")));
  mine = g_strdup_printf (_ ("Mine: %s"), MOBILE_A);
  servers = g_strdup_printf (_ ("Server’s: %s"), MOBILE_B);
  g_assert_true (shows_text (GTK_WIDGET (dialog), mine));
  g_assert_true (shows_text (GTK_WIDGET (dialog), servers));
  /* Only the field that differs. */
  g_assert_false (shows_text (GTK_WIDGET (dialog), _ ("Real name")));
  file = g_strdup_printf ("conflict-dialog-%s.png", language != NULL ? language : "en");
  bk_test_save_screenshot (GTK_WIDGET (dialog), file);
  return dialog;
}

/* Whether Tab, from the dialog's first control, reaches @target. */
static gboolean
tab_reaches (BkConflictDialog *dialog, GtkWidget *target)
{
  for (guint i = 0; i < 30; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD);
      if (gtk_root_get_focus (GTK_ROOT (dialog)) == target)
        return TRUE;
    }
  return FALSE;
}

/* Chooses my value (@mine) or the server's of the mobile phone number, as
 * a screen reader names the choice, then applies. */
static void
choose (BkConflictDialog *dialog, gboolean mine)
{
  const char *label = _ ("Mobile phone number");
  g_autofree char *name = mine ? g_strdup_printf (_ ("Keep my %s: %s"), label, MOBILE_A)
                               : g_strdup_printf (_ ("Keep the server’s %s: %s"), label, MOBILE_B);
  GtkCheckButton *choice = find_choice (GTK_WIDGET (dialog), name);
  GtkWidget *apply = bk_test_find_button (GTK_WIDGET (dialog), _ ("_Apply"));

  g_assert_nonnull (choice);
  g_assert_nonnull (apply);
  /* Keyboard only: Tab reaches the choice and each "Keep All" button. */
  g_assert_true (tab_reaches (dialog, GTK_WIDGET (choice)));
  g_assert_true (
    tab_reaches (dialog, bk_test_find_button (GTK_WIDGET (dialog), _ ("Keep All _Mine"))));
  /* Nothing is chosen for the user. */
  g_assert_false (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (choice, "activate");
  BK_TEST_SPIN_UNTIL (gtk_check_button_get_active (choice));
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (apply, "clicked");
  BK_TEST_SPIN_UNTIL (find_dialog () == NULL);
}

static gboolean
row_shows (BkWindow *window, const char *title, const char *text)
{
  GtkEditable *row = bk_test_find_entry_row (GTK_WIDGET (window), title);

  return row != NULL && g_strcmp0 (gtk_editable_get_text (row), text) == 0;
}

/* @user_data TRUE: my value chosen, the account page keeps it and after
 * the sync the choice schedules the server holds it (device B pulls it).
 * FALSE: the server's value chosen, the account page shows it and the
 * server keeps it. Either way the banner goes and nothing waits. */
static void
test_choice (Fixture *fixture, gconstpointer user_data)
{
  gboolean mine = GPOINTER_TO_INT (user_data);
  const char *kept = mine ? MOBILE_A : MOBILE_B;
  g_auto (Device) b = { 0 };
  BkWindow *window = device_a (fixture);
  BkConflictDialog *dialog = make_conflict (fixture, window, &b);
  g_autoptr (BkProfile) on_server = NULL;

  choose (dialog, mine);
  BK_TEST_SPIN_UNTIL (row_shows (window, _ ("Mobile phone number"), kept));
  BK_TEST_SPIN_UNTIL (shown_choose_button (window) == NULL);
  BK_TEST_SPIN_UNTIL (outbox_of (window) == 0);
  g_assert_null (shown_choose_button (window));
  sync_device (&b);
  on_server = device_profile (&b);
  g_assert_cmpstr (bk_profile_get_mobile (on_server), ==, kept);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = bk_test_isolate_xdg_dirs ("test-conflict-dialog");
  int status;

  bk_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];

  bk_test_window_server_app ();

  g_test_add ("/ui/conflict-dialog/keep-server", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_choice, fixture_tear_down);
  g_test_add ("/ui/conflict-dialog/keep-mine", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_choice, fixture_tear_down);
  status = g_test_run ();
  bk_test_remove_dir (home);
  return status;
}
