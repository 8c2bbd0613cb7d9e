/* test-workspace.c — the steps of one profile, with the keyboard alone:
 * Tab from the header passes the list of steps as one stop and goes on
 * into the form of the step on show, through every field in order,
 * without switching steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-account-page.h"
#include "bk-application-page.h"
#include "bk-eligibility-page.h"
#include "bk-photo-page.h"
#include "bk-profile-page.h"
#include "bk-store.h"
#include "bk-workspace.h"

typedef struct
{
  GtkWindow *window;
  BkWorkspace *workspace;
  BkProfile *profile;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->profile = bk_profile_new ();
  fixture->workspace = BK_WORKSPACE (g_object_new (BK_TYPE_WORKSPACE, NULL));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 760);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->workspace));
  /* No store: nothing is saved, which this test does not look at. */
  bk_workspace_set_profile (fixture->workspace, fixture->profile);
  gtk_window_present (fixture->window);
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !gtk_widget_get_mapped (GTK_WIDGET (fixture->workspace)) &&
       g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  spin ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  spin ();
  g_clear_object (&fixture->profile);
}

static GtkStack *
steps (Fixture *fixture)
{
  return GTK_STACK (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->workspace), BK_TYPE_WORKSPACE, "steps"));
}

/* Waits for the stack's transition to end, so only one page is mapped. */
static void
settle (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_stack_get_transition_running (steps (fixture)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

/* What a person fills in or presses on a form, as GTK focuses it. */
static gboolean
is_field (GtkWidget *widget)
{
  return GTK_IS_TEXT (widget) || GTK_IS_BUTTON (widget) || ADW_IS_COMBO_ROW (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget);
}

static void
collect_fields (GtkWidget *widget, GPtrArray *fields)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) ||
      !gtk_widget_get_can_focus (widget))
    return;
  if (is_field (widget) && gtk_widget_get_focusable (widget))
    {
      g_ptr_array_add (fields, widget);
      if (!ADW_IS_COMBO_ROW (widget))
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_fields (child, fields);
}

static const char *
describe (GtkWidget *widget)
{
  static char text[256];
  GtkWidget *row = widget != NULL ? gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW)
                                  : NULL;

  g_snprintf (text, sizeof text, "%s%s%s", widget != NULL ? G_OBJECT_TYPE_NAME (widget) : "none",
              row != NULL ? " in " : "",
              row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
  return text;
}

static void
walk_step (Fixture *fixture, const char *name)
{
  GtkStack *stack = steps (fixture);
  GtkWidget *back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->workspace),
                                                               BK_TYPE_WORKSPACE, "back_button"));
  GtkWidget *sidebar = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->workspace), BK_TYPE_WORKSPACE, "sidebar"));
  GtkWidget *page;
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  guint next_field = 0;
  gboolean passed_sidebar = FALSE;

  g_test_message ("step %s", name);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->workspace), "workspace.show-step", "s", name));
  settle (fixture);
  page = gtk_stack_get_visible_child (stack);
  collect_fields (page, fields);

  /* From the header's first button, as after a click there. */
  g_assert_true (gtk_widget_grab_focus (back));
  /* On to the Previous and Next buttons under the form. */
  for (guint presses = 0; presses < 200; presses++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_FORWARD);
      spin ();
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_test_message ("  Tab → %s", describe (focus));
      /* Tab moves the focus; it never chooses another step. */
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, name);
      if (focus != NULL && gtk_widget_is_ancestor (focus, sidebar))
        {
          /* One stop: the next Tab leaves the list. */
          g_assert_false (passed_sidebar);
          passed_sidebar = TRUE;
        }
      if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ACTION_BAR) != NULL)
        break;
      if (next_field < fields->len && focus == fields->pdata[next_field])
        next_field++;
      else if (focus != NULL && gtk_widget_is_ancestor (focus, page))
        /* No field is skipped on the way. */
        for (guint i = next_field + 1; i < fields->len; i++)
          if (focus == fields->pdata[i])
            g_error ("step %s: Tab reached %s before %s", name, describe (focus),
                     describe (fields->pdata[next_field]));
    }
  g_assert_true (passed_sidebar);
  if (next_field < fields->len)
    g_error ("step %s: Tab never reached %s", name, describe (fields->pdata[next_field]));
}

static void
test_tab_through_steps (Fixture *fixture, gconstpointer user_data)
{
  const char *names[] = { "account", "profile", "photo", "eligibility", "application", "status" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    walk_step (fixture, names[i]);
}

/* Shift+Tab from the form goes back to the step's own row, and on to the
 * header, still without choosing another step. */
static void
test_shift_tab_leaves_sidebar (Fixture *fixture, gconstpointer user_data)
{
  GtkStack *stack = steps (fixture);
  GtkWidget *sidebar = GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (fixture->workspace), BK_TYPE_WORKSPACE, "sidebar"));
  GtkWidget *focus;
  guint presses;

  gtk_widget_activate_action (GTK_WIDGET (fixture->workspace), "workspace.show-step", "s",
                              "profile");
  settle (fixture);
  g_assert_true (gtk_widget_child_focus (gtk_stack_get_visible_child (stack), GTK_DIR_TAB_FORWARD));
  for (presses = 0; presses < 10; presses++)
    {
      g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_BACKWARD);
      spin ();
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, sidebar))
        break;
    }
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, sidebar));
  g_signal_emit_by_name (fixture->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  spin ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, sidebar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "profile");
}

static GtkWidget *
page_child (Fixture *fixture, const char *step, GType type, const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (steps (fixture), step);

  return GTK_WIDGET (gtk_widget_get_template_child (page, type, name));
}

/* A submitted application is read-only, and so is what it was worked out
 * from; a banner says why. Contact details and sign-in stay editable. */
static void
test_submitted_is_read_only (Fixture *fixture, gconstpointer user_data)
{
  /* Its own folder: gtk_test_init() does not isolate the user data folder,
   * and another checkout's run may have left a newer submitted.db there. */
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-workspace-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "submitted.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (path, &error);
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *banner = GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (fixture->workspace), BK_TYPE_WORKSPACE, "locked_banner"));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  /* A draft (the fixture's new profile): everything is open. */
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_true (gtk_widget_is_sensitive (
    page_child (fixture, "account", BK_TYPE_ACCOUNT_PAGE, "real_name_row")));
  g_assert_true (
    gtk_widget_is_sensitive (page_child (fixture, "photo", BK_TYPE_PHOTO_PAGE, "choose_button")));

  bk_profile_set_real_name (fixture->profile, "张三");
  /* The store keeps no profile without a password. */
  bk_profile_set_password_hash (fixture->profile, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  g_assert_true (bk_store_save_profile (store, fixture->profile, &error));
  g_assert_no_error (error);
  application = bk_exam_application_new (bk_profile_get_id (fixture->profile), "shanghai-2026", 1,
                                         BK_EXAM_MODE_ALL);
  bk_exam_application_restore (application, BK_COMMITMENT_YES, now, BK_APPLICATION_STATE_SUBMITTED,
                               now);
  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);

  bk_workspace_set_store (fixture->workspace, store);
  bk_workspace_set_profile (fixture->workspace, fixture->profile);
  while (!gtk_widget_get_visible (banner) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_visible (banner));

  g_assert_false (gtk_widget_is_sensitive (
    page_child (fixture, "account", BK_TYPE_ACCOUNT_PAGE, "real_name_row")));
  g_assert_false (gtk_widget_is_sensitive (
    page_child (fixture, "account", BK_TYPE_ACCOUNT_PAGE, "id_number_row")));
  g_assert_true (
    gtk_widget_is_sensitive (page_child (fixture, "account", BK_TYPE_ACCOUNT_PAGE, "mobile_row")));
  g_assert_false (
    gtk_widget_is_sensitive (page_child (fixture, "photo", BK_TYPE_PHOTO_PAGE, "choose_button")));
  g_assert_false (gtk_widget_is_sensitive (
    page_child (fixture, "profile", BK_TYPE_PROFILE_PAGE, "education_group")));
  g_assert_false (
    gtk_widget_is_sensitive (page_child (fixture, "profile", BK_TYPE_PROFILE_PAGE, "work_group")));
  g_assert_true (
    gtk_widget_is_sensitive (page_child (fixture, "profile", BK_TYPE_PROFILE_PAGE, "email_row")));
  g_assert_false (gtk_widget_is_sensitive (
    page_child (fixture, "eligibility", BK_TYPE_ELIGIBILITY_PAGE, "level_row")));
  g_assert_false (gtk_widget_get_visible (
    page_child (fixture, "application", BK_TYPE_APPLICATION_PAGE, "submit_button")));
  g_assert_false (gtk_widget_is_sensitive (
    page_child (fixture, "application", BK_TYPE_APPLICATION_PAGE, "point_row")));

  /* Nothing of it leaks into the next profile. */
  {
    g_autoptr (BkProfile) other = bk_profile_new ();

    bk_workspace_set_store (fixture->workspace, NULL);
    bk_workspace_set_profile (fixture->workspace, other);
    spin ();
    g_assert_false (gtk_widget_get_visible (banner));
    g_assert_true (gtk_widget_is_sensitive (
      page_child (fixture, "account", BK_TYPE_ACCOUNT_PAGE, "real_name_row")));
  }

  g_clear_object (&store);
  {
    g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
    const char *name;

    while (files != NULL && (name = g_dir_read_name (files)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/ui/workspace/tab-through-steps", Fixture, NULL, fixture_set_up,
              test_tab_through_steps, fixture_tear_down);
  g_test_add ("/ui/workspace/shift-tab-leaves-sidebar", Fixture, NULL, fixture_set_up,
              test_shift_tab_leaves_sidebar, fixture_tear_down);

  g_test_add ("/ui/workspace/submitted-is-read-only", Fixture, NULL, fixture_set_up,
              test_submitted_is_read_only, fixture_tear_down);

  return g_test_run ();
}
