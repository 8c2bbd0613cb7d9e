/* test-photo-page.c — the Photo step: a photo chosen through
 * "photo.open-file" is checked off the main thread, every rule shows its
 * verdict, and the profile keeps the photo only when it is accepted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-field-error-row.h"
#include "bk-photo-page.h"
#include "bk-photo.h"
#include "bk-step-page.h"

typedef struct
{
  char *dir;
  GtkWindow *window;
  BkPhotoPage *page;
  BkProfile *profile;
  guint changed;
} Fixture;

/* A head and shoulders drawn at twice the size and reduced, so it has the
 * fine detail of a camera's picture, on a white background. */
static void
make_portrait (const char *dir, const char *name, const char *size, const char *background)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *standard_error = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *argv[] = { "convert", "-size", "826x1158", background,
                         /* shoulders */
                         "(", "-size", "826x1158", "xc:gray50", "-seed", "2", "+noise", "Random",
                         "-blur", "0x1", "-colorspace", "gray", "-auto-level", "+level-colors",
                         "rgb(20,30,60),rgb(90,110,170)", ")", "(", "-size", "826x1158", "xc:black",
                         "-fill", "white", "-draw", "ellipse 413,1240 370,430 0,360", ")",
                         "-composite",
                         /* head and neck */
                         "(", "-size", "826x1158", "xc:gray50", "-seed", "1", "+noise", "Random",
                         "-blur", "0x1", "-colorspace", "gray", "-auto-level", "+level-colors",
                         "rgb(150,100,80),rgb(245,200,170)", ")", "(", "-size", "826x1158",
                         "xc:black", "-fill", "white", "-draw", "ellipse 413,500 170,225 0,360",
                         "-draw", "rectangle 330,650 496,900", ")", "-composite", "-resize", size,
                         "-quality", "95", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                NULL, NULL, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("convert failed: %s\n%s", error->message, standard_error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
changed_cb (BkStepPage *page, Fixture *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-photo-page-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->profile = bk_profile_new ();
  fixture->page = g_object_ref_sink (g_object_new (BK_TYPE_PHOTO_PAGE, NULL));
  g_signal_connect (fixture->page, "changed", G_CALLBACK (changed_cb), fixture);
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  BkPhotoPage *page = fixture->page;
  gint64 deadline;

  gtk_window_destroy (fixture->window);
  /* Let GTK drop the references it holds until the next main-loop turn. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &fixture->page);
  g_object_unref (page);
  g_assert_null (fixture->page);
  /* The checks' worker thread lets go of the last job a moment after its
   * result arrived; the profile must then be freed. */
  g_object_add_weak_pointer (G_OBJECT (fixture->profile), (gpointer *) &fixture->profile);
  g_object_unref (fixture->profile);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (fixture->profile != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (fixture->profile);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
page_is_idle (BkPhotoPage *page)
{
  return !bk_photo_page_get_busy (page);
}

/* Chooses a file as the end-to-end test does, and waits for the checks. */
static void
open_photo (Fixture *fixture, const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (fixture->page), "photo.open-file", "s", path));
  /* The checks run in a thread: the page says so at once. */
  g_assert_true (bk_photo_page_get_busy (fixture->page));
  while (!page_is_idle (fixture->page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bk_photo_page_get_busy (fixture->page));
  /* Let the new rows lay out and draw once. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
find_row (Fixture *fixture, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (fixture->page), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No row titled “%s”", title);
}

/* The verdict a row shows, from the icon in front of its title. */
static const char *
row_icon (Fixture *fixture, const char *title)
{
  GtkWidget *row = find_row (fixture, title);
  g_autoptr (GPtrArray) images = g_ptr_array_new ();
  GtkWidget *stack[64];
  int depth = 0;

  g_assert_true (gtk_widget_get_mapped (row));
  stack[depth++] = row;
  while (depth > 0)
    {
      GtkWidget *widget = stack[--depth];

      if (GTK_IS_IMAGE (widget) && gtk_image_get_icon_name (GTK_IMAGE (widget)) != NULL &&
          gtk_widget_get_visible (widget))
        g_ptr_array_add (images, widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && depth < 64;
           child = gtk_widget_get_next_sibling (child))
        stack[depth++] = child;
    }
  g_assert_cmpuint (images->len, ==, 1);
  return gtk_image_get_icon_name (images->pdata[0]);
}

static const char *
row_subtitle (Fixture *fixture, const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (fixture, title)));
}

static const char *
verdict_text (Fixture *fixture)
{
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (
    GTK_WIDGET (fixture->page), BK_TYPE_PHOTO_PAGE, "verdict_label");

  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
standardised_shown (Fixture *fixture)
{
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (
    GTK_WIDGET (fixture->page), BK_TYPE_PHOTO_PAGE, "standardised_box");

  return gtk_widget_get_mapped (box);
}

static void
assert_stored_report (BkProfile *profile, gboolean accepted)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_assert_nonnull (bk_profile_get_photo_report (profile));
  json_parser_load_from_data (parser, bk_profile_get_photo_report (profile), -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_boolean_member (root, "accepted"), ==, accepted);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "checks")), ==,
                    BK_PHOTO_N_CHECKS);
}

static void
test_valid_photo (Fixture *fixture, gconstpointer user_data)
{
  const char *titles[] = { "File format", "Colour",    "File size",   "Dimensions",
                           "Background",  "Sharpness", "Not enlarged" };
  GBytes *standardised;

  make_portrait (fixture->dir, "portrait.jpg", "413x579", "xc:rgb(250,250,250)");
  open_photo (fixture, "portrait.jpg");

  g_assert_cmpstr (verdict_text (fixture), ==, "Accepted");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (row_icon (fixture, titles[i]), ==, "emblem-ok-symbolic");
  g_assert_true (g_str_has_prefix (row_subtitle (fixture, "Dimensions"), "413 × 579 pixels"));
  g_assert_true (standardised_shown (fixture));

  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (bk_profile_get_photo_accepted (fixture->profile));
  g_assert_cmpstr (bk_profile_get_photo_file_name (fixture->profile), ==, "portrait.jpg");
  g_assert_nonnull (bk_profile_get_photo_original (fixture->profile));
  standardised = bk_profile_get_photo_standardised (fixture->profile);
  g_assert_nonnull (standardised);
  /* A 2-inch photo stays 2-inch. */
  {
    g_autoptr (BkPhotoReport) report = bk_photo_check_data (g_bytes_get_data (standardised, NULL),
                                                            g_bytes_get_size (standardised));

    g_assert_true (bk_photo_report_get_accepted (report));
    g_assert_cmpint (bk_photo_report_get_width (report), ==, BK_PHOTO_STANDARD_LARGE_WIDTH);
    g_assert_cmpint (bk_photo_report_get_height (report), ==, BK_PHOTO_STANDARD_LARGE_HEIGHT);
  }
  assert_stored_report (fixture->profile, TRUE);
}

static const char *
label_text (Fixture *fixture, const char *name)
{
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                  BK_TYPE_PHOTO_PAGE, name);

  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A refused file is shown with what is wrong with it, but replaces
 * nothing: the accepted photo stays in the profile (and so in the store and
 * on the ticket), and the page shows it beside the refused one. */
static void
test_refused_photo_keeps_accepted (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) standardised = NULL;
  g_autofree char *report = NULL;

  make_portrait (fixture->dir, "portrait.jpg", "413x579", "xc:rgb(250,250,250)");
  make_portrait (fixture->dir, "small.jpg", "200x280", "xc:rgb(250,250,250)");

  open_photo (fixture, "portrait.jpg");
  g_assert_true (bk_profile_get_photo_accepted (fixture->profile));
  original = g_bytes_ref (bk_profile_get_photo_original (fixture->profile));
  standardised = g_bytes_ref (bk_profile_get_photo_standardised (fixture->profile));
  report = g_strdup (bk_profile_get_photo_report (fixture->profile));

  open_photo (fixture, "small.jpg");
  g_assert_cmpstr (verdict_text (fixture), ==,
                   "Refused, and not used: your accepted photo stays in use. Fix what is marked "
                   "and choose another photo if you want to replace it.");
  g_assert_cmpstr (row_icon (fixture, "Dimensions"), ==, "dialog-error-symbolic");
  g_assert_cmpstr (row_icon (fixture, "File size"), ==, "dialog-error-symbolic");
  g_assert_cmpstr (row_icon (fixture, "File format"), ==, "emblem-ok-symbolic");
  g_assert_true (g_str_has_prefix (row_subtitle (fixture, "Dimensions"), "200 × 280 pixels"));
  g_assert_nonnull (strstr (row_subtitle (fixture, "Dimensions"), "at least 295 pixels wide"));
  /* Which is which, on screen. */
  g_assert_cmpstr (label_text (fixture, "original_caption"), ==, "small.jpg (refused, not used)");
  g_assert_true (standardised_shown (fixture));
  g_assert_cmpstr (label_text (fixture, "standardised_caption"), ==,
                   "Your accepted photo, still in use: it goes on your admission ticket");

  /* Nothing changed, so nothing is saved. */
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (bk_profile_get_photo_accepted (fixture->profile));
  g_assert_cmpstr (bk_profile_get_photo_file_name (fixture->profile), ==, "portrait.jpg");
  g_assert_true (g_bytes_equal (bk_profile_get_photo_original (fixture->profile), original));
  g_assert_true (
    g_bytes_equal (bk_profile_get_photo_standardised (fixture->profile), standardised));
  g_assert_cmpstr (bk_profile_get_photo_report (fixture->profile), ==, report);

  /* A photo that passes then replaces the accepted one. */
  make_portrait (fixture->dir, "second.jpg", "413x579", "xc:rgb(252,252,252)");
  open_photo (fixture, "second.jpg");
  g_assert_cmpstr (verdict_text (fixture), ==, "Accepted");
  g_assert_cmpstr (label_text (fixture, "original_caption"), ==, "second.jpg");
  g_assert_cmpstr (label_text (fixture, "standardised_caption"), ==,
                   "This is the photo that goes on your admission ticket");
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_cmpstr (bk_profile_get_photo_file_name (fixture->profile), ==, "second.jpg");
  assert_stored_report (fixture->profile, TRUE);
}

/* Without an accepted photo, a refused one is shown but not kept either. */
static void
test_refused_photo_first (Fixture *fixture, gconstpointer user_data)
{
  make_portrait (fixture->dir, "small.jpg", "200x280", "xc:rgb(250,250,250)");

  open_photo (fixture, "small.jpg");
  g_assert_cmpstr (verdict_text (fixture), ==,
                   "Refused: fix what is marked and choose another photo");
  g_assert_cmpstr (label_text (fixture, "original_caption"), ==, "small.jpg");
  g_assert_false (standardised_shown (fixture));
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_null (bk_profile_get_photo_original (fixture->profile));
  g_assert_false (bk_profile_get_photo_accepted (fixture->profile));
}

static void
test_background_marked (Fixture *fixture, gconstpointer user_data)
{
  make_portrait (fixture->dir, "grey.jpg", "413x579", "xc:rgb(170,175,185)");
  open_photo (fixture, "grey.jpg");

  g_assert_cmpstr (row_icon (fixture, "Background"), ==, "dialog-error-symbolic");
  g_assert_cmpstr (row_icon (fixture, "Dimensions"), ==, "emblem-ok-symbolic");
  g_assert_false (bk_profile_get_photo_accepted (fixture->profile));
}

/* A file dropped on the page goes the same way as a chosen one. */
static void
test_dropped_file (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->page));
  g_autofree char *path = g_build_filename (fixture->dir, "dropped.jpg", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GSList) files = g_slist_prepend (NULL, file);
  g_auto (GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean accepted = FALSE;

  make_portrait (fixture->dir, "dropped.jpg", "413x579", "xc:rgb(250,250,250)");
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* What a file manager offers: a list of files. */
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  while (bk_photo_page_get_busy (fixture->page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (verdict_text (fixture), ==, "Accepted");
  g_assert_cmpstr (bk_profile_get_photo_file_name (fixture->profile), ==, "dropped.jpg");
  g_assert_true (bk_profile_get_photo_accepted (fixture->profile));
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_unreadable_file (Fixture *fixture, gconstpointer user_data)
{
  GtkWidget *error_row = (GtkWidget *) gtk_widget_get_template_child (
    GTK_WIDGET (fixture->page), BK_TYPE_PHOTO_PAGE, "error_row");

  open_photo (fixture, "missing.jpg");

  /* Said inline, next to the button; the profile is untouched. */
  g_assert_true (gtk_widget_get_mapped (error_row));
  g_assert_nonnull (strstr (bk_field_error_row_get_text (BK_FIELD_ERROR_ROW (error_row)),
                            "“missing.jpg” could not be read"));
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_assert_null (bk_profile_get_photo_original (fixture->profile));
}

static void
test_stored_photo_shown (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkProfile) other = bk_profile_new ();

  make_portrait (fixture->dir, "portrait.jpg", "413x579", "xc:rgb(250,250,250)");
  open_photo (fixture, "portrait.jpg");
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Another profile, then back: the stored photo is checked again. */
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), other);
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), fixture->profile);
  g_assert_true (bk_photo_page_get_busy (fixture->page));
  while (bk_photo_page_get_busy (fixture->page))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (verdict_text (fixture), ==, "Accepted");
  g_assert_cmpstr (row_icon (fixture, "Background"), ==, "emblem-ok-symbolic");
  g_assert_true (standardised_shown (fixture));
  /* Showing is not changing. */
  g_assert_cmpuint (fixture->changed, ==, 1);
  bk_step_page_set_profile (BK_STEP_PAGE (fixture->page), NULL);
}

int
main (int argc, char **argv)
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's icon theme and MIME
   * database from XDG_DATA_DIRS; the photos go to a temporary directory. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/ui/photo-page/valid", Fixture, NULL, fixture_set_up, test_valid_photo,
              fixture_tear_down);
  g_test_add ("/ui/photo-page/refused-keeps-accepted", Fixture, NULL, fixture_set_up,
              test_refused_photo_keeps_accepted, fixture_tear_down);
  g_test_add ("/ui/photo-page/refused-first", Fixture, NULL, fixture_set_up,
              test_refused_photo_first, fixture_tear_down);
  g_test_add ("/ui/photo-page/background-marked", Fixture, NULL, fixture_set_up,
              test_background_marked, fixture_tear_down);
  g_test_add ("/ui/photo-page/dropped", Fixture, NULL, fixture_set_up, test_dropped_file,
              fixture_tear_down);
  g_test_add ("/ui/photo-page/unreadable", Fixture, NULL, fixture_set_up, test_unreadable_file,
              fixture_tear_down);
  g_test_add ("/ui/photo-page/stored", Fixture, NULL, fixture_set_up, test_stored_photo_shown,
              fixture_tear_down);

  return g_test_run ();
}
