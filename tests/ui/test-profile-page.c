/* test-profile-page.c — the Profile step says under each typed field what
 * is wrong with it, as soon as it is typed, and keeps what was typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-field-error-row.h"
#include "bk-profile-page.h"
#include "bk-profile.h"
#include "bk-step-page.h"
#include "bk-text.h"

typedef struct
{
  GtkWindow *window;
  BkProfilePage *page;
  BkProfile *profile;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  fixture->profile = bk_profile_new ();
  bk_profile_set_real_name (fixture->profile, "张三");
  fixture->page = g_object_ref_sink (g_object_new (BK_TYPE_PROFILE_PAGE, NULL));
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->page);
  g_assert_finalize_object (fixture->profile);
}

/* The entry row titled @title, and the error row that follows it. */
static AdwEntryRow *
find_field (GtkWidget *widget, const char *title, BkFieldErrorRow **error_row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title))
        {
          GtkWidget *next = gtk_widget_get_next_sibling (child);

          g_assert_true (BK_IS_FIELD_ERROR_ROW (next));
          *error_row = BK_FIELD_ERROR_ROW (next);
          return ADW_ENTRY_ROW (child);
        }
      found = find_field (child, title, error_row);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_field (Fixture *fixture,
             const char *title,
             guint max_chars,
             const char *(*get) (BkProfile *) )
{
  BkFieldErrorRow *error_row = NULL;
  AdwEntryRow *field = find_field (GTK_WIDGET (fixture->page), title, &error_row);
  g_autoptr (GString) too_long = g_string_new (NULL);

  g_assert_nonnull (field);
  for (guint i = 0; i <= max_chars; i++)
    g_string_append (too_long, "测");

  gtk_editable_set_text (GTK_EDITABLE (field), too_long->str);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_test_message ("%s: %s", title, bk_field_error_row_get_text (error_row));
  g_assert_nonnull (bk_field_error_row_get_text (error_row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));
  /* What was typed stays, in the field and in the profile. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, too_long->str);
  g_assert_cmpstr (get (fixture->profile), ==, too_long->str);

  g_string_truncate (too_long, 3 * max_chars);
  gtk_editable_set_text (GTK_EDITABLE (field), too_long->str);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (field), "error"));
}

static void
test_field_errors (Fixture *fixture, gconstpointer user_data)
{
  check_field (fixture, "Ethnic group", BK_TEXT_MAX_ETHNICITY, bk_profile_get_ethnicity);
  check_field (fixture, "Employer (work unit)", BK_TEXT_MAX_WORK_UNIT, bk_profile_get_work_unit);
  check_field (fixture, "Postal address", BK_TEXT_MAX_ADDRESS, bk_profile_get_address);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/profile-page/field-errors", Fixture, NULL, fixture_set_up, test_field_errors,
              fixture_tear_down);

  return g_test_run ();
}
