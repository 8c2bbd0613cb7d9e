/* test-preferences.c — the preferences window: the server's address and
 * CA file written to GSettings as they are typed, shown as they are set,
 * and an address that is not https:// marked with what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-preferences-window.h"

typedef struct
{
  GSettings *settings;
  BkPreferencesWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "server-url");
  g_settings_reset (fixture->settings, "ca-file");
  g_settings_reset (fixture->settings, "idle-lock-seconds");
  fixture->window = bk_preferences_window_new (fixture->settings);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (fixture->window != NULL)
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (fixture->settings);
}

/* The rows, found as a user finds them: by their titles. */
static AdwEntryRow *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ENTRY_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_typed_into_settings (Fixture *fixture, gconstpointer user_data)
{
  AdwEntryRow *address = find_row (GTK_WIDGET (fixture->window), "Server Address");
  AdwEntryRow *ca_file = find_row (GTK_WIDGET (fixture->window), "CA File");
  g_autofree char *url = NULL;
  g_autofree char *ca = NULL;

  g_assert_nonnull (address);
  g_assert_nonnull (ca_file);
  gtk_editable_set_text (GTK_EDITABLE (address), "https://127.0.0.1:8443/");
  gtk_editable_set_text (GTK_EDITABLE (ca_file), "/var/lib/baokao-server/dev-tls/ca.pem");
  url = g_settings_get_string (fixture->settings, "server-url");
  ca = g_settings_get_string (fixture->settings, "ca-file");
  g_assert_cmpstr (url, ==, "https://127.0.0.1:8443/");
  g_assert_cmpstr (ca, ==, "/var/lib/baokao-server/dev-tls/ca.pem");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (address), "error"));

  /* Set elsewhere (another window, gsettings): shown here. */
  g_settings_set_string (fixture->settings, "server-url", "https://baokao.example.cn");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, "https://baokao.example.cn");
}

static void
test_not_https_marked (Fixture *fixture, gconstpointer user_data)
{
  AdwEntryRow *address = find_row (GTK_WIDGET (fixture->window), "Server Address");

  gtk_editable_set_text (GTK_EDITABLE (address), "http://127.0.0.1:8443");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (address), "error"));
  gtk_editable_set_text (GTK_EDITABLE (address), "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (address), "error"));

  g_assert_true (bk_preferences_window_address_is_valid (""));
  g_assert_true (bk_preferences_window_address_is_valid (" https://host "));
  g_assert_false (bk_preferences_window_address_is_valid ("https://"));
  g_assert_false (bk_preferences_window_address_is_valid ("ftp://host"));
}

static GtkSpinButton *
find_spin (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return GTK_SPIN_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_spin (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The idle lock: 5 minutes unless set, shown and chosen in minutes, kept
 * in seconds. */
static void
test_idle_lock_minutes (Fixture *fixture, gconstpointer user_data)
{
  GtkSpinButton *spin = find_spin (GTK_WIDGET (fixture->window));

  g_assert_nonnull (spin);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "idle-lock-seconds"), ==, 300);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 5.0);
  gtk_spin_button_set_value (spin, 2);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "idle-lock-seconds"), ==, 120);
  g_settings_set_int (fixture->settings, "idle-lock-seconds", 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 0.0);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/typed-into-settings", Fixture, NULL, fixture_set_up,
              test_typed_into_settings, fixture_tear_down);
  g_test_add ("/preferences/not-https-marked", Fixture, NULL, fixture_set_up, test_not_https_marked,
              fixture_tear_down);
  g_test_add ("/preferences/idle-lock-minutes", Fixture, NULL, fixture_set_up,
              test_idle_lock_minutes, fixture_tear_down);
  return g_test_run ();
}
