/* bk-test-window-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-test-server.h"
#include "bk-test-spin.h"
#include "bk-test-window-server.h"

static BkApplication *shared_app;

BkApplication *
bk_test_window_server_app (void)
{
  g_autoptr (GError) error = NULL;

  if (shared_app != NULL)
    return shared_app;
  shared_app = bk_application_new ();
  g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (shared_app), NULL, &error);
  g_assert_no_error (error);
  return shared_app;
}

void
bk_test_remove_dir (const char *dir)
{
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", (char *) dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

char *
bk_test_window_server_state_dir (BkTestWindowServer *self)
{
  return g_build_filename (self->dir, "server", NULL);
}

void
bk_test_window_server_set_up (BkTestWindowServer *self,
                              const char *server_binary,
                              const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autofree char *state = NULL;
  GSettings *settings = bk_application_get_settings (bk_test_window_server_app ());

  self->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  state = bk_test_window_server_state_dir (self);
  self->server = bk_test_server_start (server_binary, state, "0", &self->url, &self->ca_file);
  g_settings_set_string (settings, "server-url", self->url);
  g_settings_set_string (settings, "ca-file", self->ca_file);
}

void
bk_test_window_server_tear_down (BkTestWindowServer *self)
{
  GList *list;

  while ((list = gtk_application_get_windows (GTK_APPLICATION (shared_app))) != NULL)
    gtk_window_destroy (list->data);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  if (self->server != NULL)
    bk_test_server_stop (self->server);
  g_clear_object (&self->server);
  if (!g_test_failed ())
    bk_test_remove_dir (self->dir);
  else
    g_printerr ("# kept %s\n", self->dir);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->ca_file, g_free);
}

BkWindow *
bk_test_open_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (shared_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (shared_app));
  g_assert_true (BK_IS_WINDOW (window));
  BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return BK_WINDOW (window);
}

gboolean
bk_test_workspace_shown (BkWindow *window)
{
  GtkStack *stack =
    GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "workspace") == 0 &&
         !gtk_stack_get_transition_running (stack);
}
