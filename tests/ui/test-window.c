/* test-window.c — the application shell: window, actions, accelerators,
 * remembered size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bk-application.h"
#include "bk-database.h"
#include "bk-store.h"
#include "bk-test-widgets.h"
#include "bk-welcome-page.h"
#include "bk-window.h"
#include "bk-workspace.h"

typedef struct
{
  BkApplication *app;
} Fixture;

/* One registered application for the whole run: its D-Bus export keeps a
 * reference until shutdown, so it cannot be finalized between tests. The
 * windows are, and each test checks that they are. */
static BkApplication *shared_app;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->app = shared_app;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GPtrArray) windows = g_ptr_array_new ();
  GList *list;

  while ((list = gtk_application_get_windows (GTK_APPLICATION (fixture->app))) != NULL)
    {
      g_ptr_array_add (windows, list->data);
      g_object_add_weak_pointer (list->data, &windows->pdata[windows->len - 1]);
      gtk_window_destroy (list->data);
    }
  /* GTK and the store's pending answers (cancelled with the window) drop
   * their references on later main-loop turns; give them a few seconds. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       g_get_monotonic_time () < deadline;)
    {
      gboolean all_gone = TRUE;

      for (guint i = 0; i < windows->len; i++)
        all_gone = all_gone && windows->pdata[i] == NULL;
      if (all_gone)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  for (guint i = 0; i < windows->len; i++)
    g_assert_null (windows->pdata[i]);
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static BkWindow *
activate_and_get_window (Fixture *fixture)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (BK_IS_WINDOW (window));
  spin_until (window_is_mapped, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return BK_WINDOW (window);
}

static GtkWidget *
find_mapped_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_shell (Fixture *fixture, gconstpointer user_data)
{
  BkWindow *window = activate_and_get_window (fixture);
  GtkWidget *menu_button;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Baokao");

  /* Activating again presents the same window rather than a second one. */
  g_application_activate (G_APPLICATION (fixture->app));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))),
                    ==, 1);

  /* The header bar of the page on show has the main menu, as the primary
   * menu (F10), filled from gtk/menus.ui: the ticket window, help and
   * about, quit. */
  menu_button = find_mapped_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)));
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpint (
    g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button))), ==,
    3);
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (fixture->app), "check-ticket") != NULL);
}

static void
test_actions_and_accels (Fixture *fixture, gconstpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto (GStrv) quit = NULL;
  g_auto (GStrv) close = NULL;
  g_auto (GStrv) help = NULL;
  g_auto (GStrv) lock = NULL;
  BkWindow *window = activate_and_get_window (fixture);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  quit = gtk_application_get_accels_for_action (app, "app.quit");
  close = gtk_application_get_accels_for_action (app, "window.close");
  help = gtk_application_get_accels_for_action (app, "win.show-help-overlay");
  g_assert_cmpstrv (quit, ((const char *[]){ "<Control>q", NULL }));
  g_assert_cmpstrv (close, ((const char *[]){ "<Control>w", NULL }));
  /* Lock Now: there only while a profile is open. */
  lock = gtk_application_get_accels_for_action (app, "win.lock");
  g_assert_cmpstrv (lock, ((const char *[]){ "<Control>l", NULL }));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "lock"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "lock"));
  /* GTK sets this one when it finds gtk/help-overlay.ui in our resources. */
  g_assert_cmpuint (g_strv_length (help), >, 0);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
test_about_window (Fixture *fixture, gconstpointer user_data)
{
  BkWindow *window = activate_and_get_window (fixture);
  GtkWindow *about;

  g_assert_null (find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);

  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  gtk_window_destroy (about);
}

static void
test_shortcuts_window (Fixture *fixture, gconstpointer user_data)
{
  BkWindow *window = activate_and_get_window (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_nonnull (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (
    gtk_widget_get_visible (GTK_WIDGET (find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW))));
}

static gboolean
app_has_no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

static void
test_window_size_remembered (Fixture *fixture, gconstpointer user_data)
{
  GSettings *settings = bk_application_get_settings (fixture->app);
  BkWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = activate_and_get_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 720);

  /* The user resizes, then closes with the close action (Ctrl+W). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1120, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  spin_until (app_has_no_windows, fixture->app);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1120);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 760);

  /* A new window opens at the saved size. */
  window = activate_and_get_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1120);
  g_assert_cmpint (height, ==, 760);
}

static void
test_quit_closes_windows (Fixture *fixture, gconstpointer user_data)
{
  GSettings *settings = bk_application_get_settings (fixture->app);
  BkWindow *window = activate_and_get_window (fixture);

  gtk_window_set_default_size (GTK_WINDOW (window), 1077, 755);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  spin_until (app_has_no_windows, fixture->app);

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  /* Quitting saves the size as closing does. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1077);
}

/* The database and SQLite's files beside it, so the next test starts
 * with none. */
static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static GtkLabel *
find_label_containing (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *window;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  return find_label_containing (search->window, search->text) != NULL;
}

/* The database in the default place has a damaged page: the window says
 * so where the list would be, names the file and what to do, offers no
 * new profile, and the file is left as it was. */
static void
test_damaged_database (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = bk_store_get_default_path ();
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "baokao", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  BkWindow *window;
  GtkLabel *label;
  LabelSearch search;

  /* Never the user's own database. */
  g_assert_true (g_str_has_prefix (path, expected_dir));
  {
    g_autoptr (BkDatabase) db = bk_database_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *sql = g_strdup_printf (
          "INSERT INTO profile (id, created_at, updated_at, real_name, id_type, id_number, "
          "mobile, user_name, password_hash) VALUES ('p%u', 'now', 'now', '张三', 'resident', "
          "'110101199003074514', '13800000000', 'user%u', '$argon2id$x')",
          i, i);
        g_assert_true (bk_database_exec (db, sql, &error));
      }
    /* Into the file itself, even if an earlier test's store is still
     * open there: the damage must be in the pages SQLite will read. */
    {
      g_autoptr (sqlite3_stmt)
        stmt = bk_database_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error);

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    }
  }
  /* Page 3 onwards hold the tables: overwrite the second table's page. */
  g_assert_true (g_file_get_contents (path, &before, &before_length, &error));
  g_assert_cmpuint (before_length, >=, 4 * 4096);
  memset (before + 2 * 4096, 0x5a, 2048);
  g_assert_true (g_file_set_contents (path, before, before_length, &error));

  window = activate_and_get_window (fixture);
  search.window = GTK_WIDGET (window);
  search.text = path;
  spin_until (label_shown, &search);
  label = find_label_containing (GTK_WIDGET (window), path);
  g_assert_nonnull (label);
  g_test_message ("%s", gtk_label_get_text (label));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "damaged"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "Keep a copy"));
  g_assert_true (gtk_label_get_selectable (label));

  g_assert_true (g_file_get_contents (path, &after, &after_length, &error));
  g_assert_cmpmem (before, before_length, after, after_length);
  remove_database (path);
}

static gboolean
message_dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static AdwMessageDialog *
dialog_saying (const char *text)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), text) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_saying_differ (gpointer data)
{
  return dialog_saying ("differ") != NULL;
}

static gboolean
workspace_shown (gpointer data)
{
  return find_mapped_descendant (GTK_WIDGET (data), BK_TYPE_WORKSPACE) != NULL;
}

static void
collect_password_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (ADW_IS_PASSWORD_ENTRY_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_password_rows (child, rows);
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

/* A profile an older Baokao saved without a password (never validly set)
 * does not open as it is: the window asks for a new password first,
 * saves it, and only then shows the profile. */
static void
test_unprotected_profile_asks_for_password (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = bk_store_get_default_path ();
  g_autofree char *expected_dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "baokao", NULL);
  BkWindow *window;
  GtkWidget *welcome;
  AdwMessageDialog *dialog;
  LabelSearch search;

  g_assert_true (g_str_has_prefix (path, expected_dir));
  {
    g_autoptr (BkDatabase) db = bk_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (bk_database_exec (
      db,
      "INSERT INTO profile (id, created_at, updated_at, real_name, id_type, id_number, mobile, "
      "user_name, password_hash) VALUES ('p1', '2026-04-07T02:00:00Z', '2026-04-07T02:00:00Z', "
      "'王五', 'resident-id', '11010519491231002X', '13800138000', 'wangwu', '')",
      &error));
    g_assert_no_error (error);
  }

  window = activate_and_get_window (fixture);
  search.window = GTK_WIDGET (window);
  search.text = "王五";
  spin_until (label_shown, &search);
  g_assert_true (label_shown (&search));
  welcome = find_mapped_descendant (GTK_WIDGET (window), BK_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.open-profile", "s", "p1"));

  spin_until (message_dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no password"));
  g_assert_false (workspace_shown (window));

  /* Two different passwords: asked again, saying so, and still closed. */
  set_password_rows (GTK_WIDGET (dialog), "correct horse");
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();

    collect_password_rows (GTK_WIDGET (dialog), rows);
    g_assert_cmpuint (rows->len, ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (rows->pdata[1]), "correct horse battery");
  }
  adw_message_dialog_response (dialog, "protect");
  spin_until (dialog_saying_differ, NULL);
  dialog = dialog_saying ("differ");
  g_assert_nonnull (dialog);
  g_assert_false (workspace_shown (window));

  set_password_rows (GTK_WIDGET (dialog), "correct horse");
  adw_message_dialog_response (dialog, "protect");
  spin_until (workspace_shown, window);
  g_assert_true (workspace_shown (window));

  {
    g_autoptr (BkDatabase) db = bk_database_open (path, &error);
    g_autoptr (sqlite3_stmt)
      stmt = bk_database_prepare (db, "SELECT password_hash FROM profile", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "$argon2id$"));
  }
  remove_database (path);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* New Profile pressed with the keyboard: the focus goes on to the first
 * field of the account step (its user name), not to the header's back
 * button, so the candidate can start typing at once. */
static void
test_new_profile_focus (Fixture *fixture, gconstpointer user_data)
{
  BkWindow *window = activate_and_get_window (fixture);
  GtkStack *stack =
    GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "main_stack"));
  GtkWidget *welcome = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "welcome_page"));
  GtkWidget *button = bk_test_find_button (welcome, "_New Profile");
  GtkWidget *focus, *row;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_nonnull (button);
  /* The store opens off the main thread; until then the button does nothing. */
  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "workspace") != 0 &&
         g_get_monotonic_time () < deadline)
    {
      g_assert_true (gtk_widget_grab_focus (button));
      g_signal_emit_by_name (button, "clicked");
      for (gint64 wait = g_get_monotonic_time () + 100000; g_get_monotonic_time () < wait;)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "workspace");
  while (gtk_stack_get_transition_running (stack) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "User name");
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  /* gtk_test_init passes no options on to g_test_init, so isolate the
   * data folders here: the windows open the store in the default place,
   * which must never be the user's own. */
  g_autofree char *home = g_dir_make_tmp ("test-window-XXXXXX", &error);
  const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);
      g_setenv (xdg[i], dir, TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  shared_app = bk_application_new ();
  /* Non-unique, so a test never hands its work to another instance. */
  g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (shared_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/window/shell", Fixture, NULL, fixture_set_up, test_window_shell,
              fixture_tear_down);
  g_test_add ("/ui/window/actions-and-accels", Fixture, NULL, fixture_set_up,
              test_actions_and_accels, fixture_tear_down);
  g_test_add ("/ui/window/about", Fixture, NULL, fixture_set_up, test_about_window,
              fixture_tear_down);
  g_test_add ("/ui/window/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts_window,
              fixture_tear_down);
  g_test_add ("/ui/window/size-remembered", Fixture, NULL, fixture_set_up,
              test_window_size_remembered, fixture_tear_down);
  g_test_add ("/ui/window/new-profile-focus", Fixture, NULL, fixture_set_up, test_new_profile_focus,
              fixture_tear_down);
  g_test_add ("/ui/window/damaged-database", Fixture, NULL, fixture_set_up, test_damaged_database,
              fixture_tear_down);
  g_test_add ("/ui/window/unprotected-profile-asks-for-password", Fixture, NULL, fixture_set_up,
              test_unprotected_profile_asks_for_password, fixture_tear_down);
  g_test_add ("/ui/window/quit-closes-windows", Fixture, NULL, fixture_set_up,
              test_quit_closes_windows, fixture_tear_down);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
