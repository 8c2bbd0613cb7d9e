/* test-staff-window.c — the help desk's window against the real
 * baokao-server --dev that test-staff-window.py started and seeded: a
 * staff sign-in (a wrong password first), the point's queue counts, the
 * list and its search by name, ID number and nothing, an application
 * opened with its JPEG and PDF proofs shown, a decision sent, the point's
 * list exported (.xlsx and CSV, read back by the script), and signing out
 * leaving no candidate's name on screen. A wrong password and a
 * candidate's account are refused first. Screenshots of each step.
 *
 * usage: test-staff-window URL CA_FILE SEED.json OUT_DIR [look|pay]
 *   look: only sign in, open the first application, screenshot (for the
 *   other language's screenshots)
 *   pay: as Liaoning's staff ("lnd"), record the fee of the one confirmed
 *   application (a wrong amount first)
 *   tickets: save the point's tickets as one PDF (OUT_DIR/tickets.pdf) and,
 *   with BAOKAO_TEST_CUPS_QUEUE, print them to that queue
 *   assist: Help a Candidate opens the candidate's window on the demo
 *   profile of this XDG_DATA_HOME (seed "demo": profile_id, password); it
 *   is not signed in with the staff session, and closing it (or signing
 *   out) leaves nothing of the candidate on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-education-record.h"
#include "bk-i18n.h"
#include "bk-staff-item.h"
#include "bk-staff-labels.h"
#include "bk-staff-tickets-window.h"
#include "bk-staff-window.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"
#include "bk-welcome-page.h"
#include "bk-window.h"

static const char *url, *ca_file, *seed_path, *out_dir;
static gboolean look_only, pay, tickets, assist;
static JsonObject *seed;

/* baokao-tool profiles --add-demo's candidate (src/tool/bk-tool-profiles.c). */
#define DEMO_ID_NUMBER "31010419870523402"
#define DEMO_MOBILE    "13812345678"

static const char *
seeded (const char *who, const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (seed, who), member);
}

static GtkWidget *
find_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth_of_type (GtkWidget *root, GType type, guint n)
{
  return bk_test_find_mapped (root, type, n);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under @widget that shows @text. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list's row that shows @item is named for a screen reader by what it
 * shows: the name, the ID number and the state. */
static void
assert_row_named (GtkWidget *root, BkStaffItem *item)
{
  GtkWidget *list = nth_of_type (root, GTK_TYPE_LIST_VIEW, 0);
  GtkWidget *label = list != NULL ? find_label (list, bk_staff_item_get_real_name (item)) : NULL;
  GtkWidget *row = label != NULL ? gtk_widget_get_parent (gtk_widget_get_parent (label)) : NULL;
  g_autofree char *name = g_strdup_printf (
    "%s, ID number %s, %s", bk_staff_item_get_real_name (item), bk_staff_item_get_id_number (item),
    bk_staff_labels_state (bk_staff_item_get_state (item)));

  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
}

static guint
count_pictures (GtkWidget *widget)
{
  guint n = GTK_IS_PICTURE (widget) && gtk_picture_get_paintable (GTK_PICTURE (widget)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_pictures (child);
  return n;
}

/* The picture under @widget named @name for a screen reader. */
static GtkWidget *
find_picture (GtkWidget *widget, const char *name)
{
  if (GTK_IS_PICTURE (widget))
    {
      g_autofree char *wrong = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (wrong == NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_picture (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
texts (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  bk_test_collect_texts (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
says (GtkWidget *widget, const char *needle)
{
  g_autofree char *all = texts (widget);

  return strstr (all, needle) != NULL;
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The window as drawn, into OUT_DIR/NAME-LANG.png. */
static void
screenshot (GtkWidget *window, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width, height;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language ? language : "en");
  g_autofree char *path = g_build_filename (out_dir, file, NULL);

  BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0);
  settle ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  /* A window not drawn yet has nothing to give: wait for its frame. */
  for (int tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      settle ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The application's view scrolled down to its proofs and decision. */
static void
scroll_to_end (GtkWidget *view)
{
  GtkWidget *scrolled = nth_of_type (view, GTK_TYPE_SCROLLED_WINDOW, 0);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  settle ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
done (GObject *source, GAsyncResult **result)
{
  return *result != NULL;
}

static void
sign_in (GtkWidget *window, const char *user_name, const char *password)
{
  GtkWidget *user = find_row (window, "User Name") ?: nth_of_type (window, ADW_TYPE_ENTRY_ROW, 0);
  GtkWidget *secret = nth_of_type (window, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  GtkWidget *button = nth_of_type (window, GTK_TYPE_BUTTON, 0);

  /* The sign-in page's only button besides the header's is Sign In. */
  for (guint i = 0; (button = nth_of_type (window, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (gtk_widget_has_css_class (button, "pill"))
      break;
  g_assert_nonnull (user);
  g_assert_nonnull (secret);
  g_assert_nonnull (button);
  gtk_editable_set_text (GTK_EDITABLE (user), user_name);
  gtk_editable_set_text (GTK_EDITABLE (secret), password);
  g_signal_emit_by_name (button, "clicked");
}

static void
open_shown (BkStaffWindow *window, guint position, guint *loaded)
{
  GtkWidget *column_view = nth_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, 0);
  guint before = *loaded;

  g_assert_nonnull (column_view);
  g_signal_emit_by_name (column_view, "activate", position);
  BK_TEST_SPIN_UNTIL (*loaded > before);
}

/* The header: the session's and the point's names, not their codes; the
 * frequent commands as buttons, the others in a named menu. */
static void
check_header (BkStaffWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *title = nth_of_type (root, ADW_TYPE_WINDOW_TITLE, 0);
  GtkWidget *header = nth_of_type (root, ADW_TYPE_HEADER_BAR, 0);
  GtkWidget *menu = find_named (root, "menu");
  const char *subtitle = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
  GMenuModel *model;
  guint all = 0, buttons = 0, items = 0;

  g_test_message ("subtitle: %s", subtitle);
  g_assert_null (strstr (subtitle, "shanghai-2026"));
  g_assert_nonnull (strstr (subtitle, "2916"));
  g_assert_nonnull (strstr (subtitle, "上海市计量协会培训部"));
  g_assert_nonnull (strstr (subtitle, "2026"));
  for (GtkWidget *button; (button = nth_of_type (header, GTK_TYPE_BUTTON, all)) != NULL; all++)
    if (GTK_IS_ACTIONABLE (button) &&
        g_str_has_prefix (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) ?: "", "win."))
      buttons++;
  /* Help a Candidate, Refresh and Sign Out; the rest in the menu. */
  g_assert_cmpuint (buttons, ==, 3);
  g_assert_true (GTK_IS_MENU_BUTTON (menu));
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (menu));
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu));
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      items += section != NULL ? g_menu_model_get_n_items (section) : 1;
    }
  g_assert_cmpuint (items, ==, 4);
}

static void
test_staff_window (void)
{
  BkStaffWindow *window = bk_staff_window_new (NULL, url, ca_file);
  GtkWidget *root = GTK_WIDGET (window);
  GListModel *shown = bk_staff_window_get_shown (window);
  GtkWidget *sidebar, *view, *photo;
  guint listed = 0, loaded = 0, proofs = 0, moved = 0;
  g_autofree char *all = NULL;
  g_autofree char *csv = g_build_filename (out_dir, "point.csv", NULL);
  g_autofree char *xlsx = g_build_filename (out_dir, "point.xlsx", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStaffItem) first = NULL;

  g_signal_connect_swapped (window, "listed", G_CALLBACK (count_cb), &listed);
  gtk_window_present (GTK_WINDOW (window));
  screenshot (root, "01-sign-in");

  if (!look_only)
    {
      /* A wrong password: the page says so, in the user's words. */
      sign_in (root, "desk", "wrong password");
      BK_TEST_SPIN_UNTIL (says (root, "password is wrong"));
      /* A candidate's account has no place here. */
      sign_in (root, "jpeg", "correct horse");
      BK_TEST_SPIN_UNTIL (says (root, "not a staff account"));
    }
  sign_in (root, "desk", "staff password");
  BK_TEST_SPIN_UNTIL (listed >= 1);

  /* The point's queues with counts; the first queue is shown. */
  sidebar = nth_of_type (root, GTK_TYPE_LIST_BOX, 0);
  g_assert_nonnull (sidebar);
  if (!look_only)
    {
      g_autofree char *manual =
        texts (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 1)));
      g_autofree char *on_site =
        texts (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 4)));

      g_assert_true (g_str_has_suffix (manual, "\n2\n"));
      g_assert_true (g_str_has_suffix (on_site, "\n1\n"));
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, look_only ? 1 : 2);
  screenshot (root, "02-queue");
  if (!look_only)
    {
      /* One row per application, named for a screen reader (no ticket yet). */
      first = g_list_model_get_item (shown, 0);
      assert_row_named (root, first);
      g_clear_object (&first);
      check_header (window);
    }

  if (!look_only)
    {
      /* Search by name, by part of an ID number, by nothing there. */
      bk_staff_window_search (window, seeded ("pdf", "name"));
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
      first = g_list_model_get_item (shown, 0);
      g_assert_cmpstr (bk_staff_item_get_real_name (first), ==, seeded ("pdf", "name"));
      g_clear_object (&first);
      bk_staff_window_search (window, seeded ("jpeg", "id_number") + 6);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
      first = g_list_model_get_item (shown, 0);
      g_assert_cmpstr (bk_staff_item_get_real_name (first), ==, seeded ("jpeg", "name"));
      g_clear_object (&first);
      bk_staff_window_search (window, "nobody-here");
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
      bk_staff_window_search (window, "");
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

      /* All at the point: the on-site one too, not another point's. */
      gtk_list_box_select_row (GTK_LIST_BOX (sidebar),
                               gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0));
      BK_TEST_SPIN_UNTIL (listed >= 2);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
      bk_staff_window_search (window, seeded ("other", "name"));
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
      bk_staff_window_search (window, "");
      gtk_list_box_select_row (GTK_LIST_BOX (sidebar),
                               gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 1));
      BK_TEST_SPIN_UNTIL (listed >= 3);
    }

  /* The JPEG proof's application: its data, eligibility, the proof shown. */
  view = nth_of_type (root, g_type_from_name ("BkStaffApplicationView"), 0);
  g_assert_nonnull (view);
  g_signal_connect_swapped (view, "loaded", G_CALLBACK (count_cb), &loaded);
  g_signal_connect_swapped (view, "proof-shown", G_CALLBACK (count_cb), &proofs);
  g_signal_connect_swapped (view, "moved", G_CALLBACK (count_cb), &moved);
  bk_staff_window_search (window, seeded ("jpeg", "name"));
  open_shown (window, 0, &loaded);
  BK_TEST_SPIN_UNTIL (proofs >= 1);
  /* The candidate's photo, fetched from the server, beside its check. */
  {
    g_autofree char *name = g_strdup_printf (_ ("Photo of %s"), seeded ("jpeg", "name"));

    photo = find_picture (view, name);
    g_assert_nonnull (photo);
    BK_TEST_SPIN_UNTIL (gtk_picture_get_paintable (GTK_PICTURE (photo)) != NULL);
    g_assert_cmpint (
      gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (photo))), ==, 413);
    g_assert_true (says (view, _ ("Passed every photo check")));
  }
  g_assert_cmpuint (count_pictures (view), ==, 2);
  all = texts (view);
  g_assert_nonnull (strstr (all, seeded ("jpeg", "id_number")));
  g_assert_nonnull (strstr (all, "测控技术与仪器"));
  g_clear_pointer (&all, g_free);
  /* The level as core labels it in the staff's language, not its nick. */
  g_assert_true (says (view, bk_education_level_get_display_name (BK_EDUCATION_LEVEL_BACHELOR)));
  if (g_strcmp0 (bk_education_level_get_display_name (BK_EDUCATION_LEVEL_BACHELOR), "bachelor") !=
      0)
    g_assert_false (says (view, "bachelor"));
  screenshot (root, "03-application-jpeg");
  scroll_to_end (view);
  screenshot (root, "03-application-jpeg-proof");
  if (look_only)
    goto sign_out;

  g_assert_true (says (view, "Eligible"));
  g_assert_false (says (view, "Not Eligible"));
  /* Staff's words: the candidate in the third person, no nicks. */
  g_assert_true (says (view, "The candidate is eligible for level"));
  g_assert_false (says (view, "Your "));
  g_assert_false (says (view, " you "));
  g_assert_true (says (view, "Resident identity card"));
  g_assert_false (says (view, "\nresident-id\n"));
  g_assert_true (says (view, "Work certificate · 工作证明.jpg"));

  /* A search that matches nothing takes the opened application off the
   * view (it would read as a match) and says what to try. */
  bk_staff_window_search (window, "nobody-here");
  g_assert_false (says (view, seeded ("jpeg", "id_number")));
  g_assert_false (says (view, seeded ("jpeg", "name")));
  g_assert_true (says (root, "No application matches “nobody-here” here."));
  screenshot (root, "03-no-match");
  bk_staff_window_search (window, "");
  g_assert_false (says (root, "No application matches"));

  /* The PDF proof's application: its page rendered. */
  bk_staff_window_search (window, seeded ("pdf", "name"));
  open_shown (window, 0, &loaded);
  BK_TEST_SPIN_UNTIL (proofs >= 2);
  g_assert_cmpuint (count_pictures (view), >=, 1);
  /* No photo file on the server: the view says so and what to do. */
  BK_TEST_SPIN_UNTIL (says (view, "The server has no file of this photo yet"));
  g_assert_false (says (view, "Staff do not receive the photo file"));
  screenshot (root, "04-application-pdf");
  scroll_to_end (view);
  screenshot (root, "04-application-pdf-proof");

  /* Pass it (the first decision and reason: pass, records verified). */
  g_signal_emit_by_name (bk_test_find_button (view, "Send Decision"), "clicked");
  BK_TEST_SPIN_UNTIL (moved >= 1);
  BK_TEST_SPIN_UNTIL (listed >= 4);
  g_assert_true (says (view, "Manual check passed"));
  screenshot (root, "05-decided");
  bk_staff_window_search (window, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* The daily chart of the point's list: one day, its numbers as a
   * table and in the picture's accessible description. */
  bk_staff_window_search (window, "");
  gtk_list_box_select_row (GTK_LIST_BOX (sidebar),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0));
  g_assert_true (gtk_widget_activate_action (root, "win.chart", NULL));
  {
    GtkWidget *chart_window = NULL, *chart;
    GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (toplevel != root &&
            gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
          chart_window = toplevel;
      }
    g_assert_nonnull (chart_window);
    BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (chart_window));
    chart = nth_of_type (chart_window, g_type_from_name ("BkStaffChart"), 0);
    g_assert_nonnull (chart);
    g_assert_true (says (chart, "2026-04-08"));
    /* Three applications that day: one waiting, one passed, one waiting on site. */
    g_assert_true (says (chart, "2026-04-08\n2\n1\n0\n0\n"));
    screenshot (chart_window, "06-chart");
    gtk_window_destroy (GTK_WINDOW (chart_window));
  }

  /* The point's list, both ways; the script reads them back. */
  bk_staff_window_export_async (window, xlsx, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (done (NULL, &result));
  g_assert_true (bk_staff_window_export_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  bk_staff_window_export_async (window, csv, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (done (NULL, &result));
  g_assert_true (bk_staff_window_export_finish (window, result, &error));
  g_assert_no_error (error);

sign_out:
  /* Signing out leaves nobody's data on screen or in the list. */
  g_signal_emit_by_name (find_named (root, "sign-out"), "clicked");
  settle ();
  all = texts (root);
  g_assert_null (strstr (all, seeded ("jpeg", "name")));
  g_assert_null (strstr (all, seeded ("pdf", "name")));
  g_assert_null (strstr (all, seeded ("jpeg", "id_number")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpuint (count_pictures (root), ==, 0);
  screenshot (root, "06-signed-out");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
entry_of_row (GtkWidget *root, const char *title)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  return nth_of_type (row, GTK_TYPE_ENTRY, 0);
}

static void
test_payment (void)
{
  BkStaffWindow *window = bk_staff_window_new (NULL, url, ca_file);
  GtkWidget *root = GTK_WIDGET (window);
  GListModel *shown = bk_staff_window_get_shown (window);
  GtkWidget *sidebar, *view;
  guint listed = 0, loaded = 0, moved = 0;

  g_signal_connect_swapped (window, "listed", G_CALLBACK (count_cb), &listed);
  gtk_window_present (GTK_WINDOW (window));
  sign_in (root, "lnd", "staff password");
  BK_TEST_SPIN_UNTIL (listed >= 1);
  sidebar = nth_of_type (root, GTK_TYPE_LIST_BOX, 0);
  gtk_list_box_select_row (GTK_LIST_BOX (sidebar),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 5));
  BK_TEST_SPIN_UNTIL (listed >= 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  view = nth_of_type (root, g_type_from_name ("BkStaffApplicationView"), 0);
  g_signal_connect_swapped (view, "loaded", G_CALLBACK (count_cb), &loaded);
  g_signal_connect_swapped (view, "moved", G_CALLBACK (count_cb), &moved);
  open_shown (window, 0, &loaded);

  /* A wrong amount: the server refuses it, the window says what to do. */
  gtk_editable_set_text (GTK_EDITABLE (entry_of_row (view, "Receipt Number")),
                         seeded ("payment", "receipt"));
  gtk_editable_set_text (GTK_EDITABLE (entry_of_row (view, "Amount in Yuan")), "100");
  g_signal_emit_by_name (bk_test_find_button (view, "Record Payment"), "clicked");
  BK_TEST_SPIN_UNTIL (says (view, "not the fee"));
  g_assert_cmpuint (moved, ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry_of_row (view, "Amount in Yuan")),
                         seeded ("payment", "amount"));
  screenshot (root, "07-payment");
  g_signal_emit_by_name (bk_test_find_button (view, "Record Payment"), "clicked");
  BK_TEST_SPIN_UNTIL (moved >= 1);
  BK_TEST_SPIN_UNTIL (listed >= 3);
  g_assert_true (says (view, "Done"));
  /* Paid: no longer due. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_signal_emit_by_name (find_named (root, "sign-out"), "clicked");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK's CUPS backend warns that colord is missing (there is no system bus
 * here); that is not a failure of printing, so only that warning is let
 * through while printing. */
static GLogWriterOutput
without_colord (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields && message == NULL; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) != 0 && message != NULL &&
      g_str_has_prefix (message, "failed to contact colord"))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
test_tickets (void)
{
  BkStaffWindow *window = bk_staff_window_new (NULL, url, ca_file);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *tickets_window = NULL;
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
  const char *queue = g_getenv ("BAOKAO_TEST_CUPS_QUEUE");
  g_autofree char *path = g_build_filename (out_dir, "tickets.pdf", NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint listed = 0, found = 0, printed = 0;

  g_signal_connect_swapped (window, "listed", G_CALLBACK (count_cb), &listed);
  gtk_window_present (GTK_WINDOW (window));
  BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (root));
  sign_in (root, "desk", "staff password");
  BK_TEST_SPIN_UNTIL (listed >= 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-tickets", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (toplevel), g_type_from_name ("BkStaffTicketsWindow")))
        tickets_window = toplevel;
    }
  g_assert_nonnull (tickets_window);
  g_signal_connect_swapped (tickets_window, "printers-found", G_CALLBACK (count_cb), &found);

  /* One PDF of the point's tickets: one ticket issued here. */
  bk_staff_tickets_window_write_async (BK_STAFF_TICKETS_WINDOW (tickets_window), path,
                                       bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_cmpuint (
    bk_staff_tickets_window_write_finish (BK_STAFF_TICKETS_WINDOW (tickets_window), result, &error),
    ==, 1);
  g_assert_no_error (error);

  if (queue != NULL)
    {
      g_signal_connect_swapped (tickets_window, "printed", G_CALLBACK (count_cb), &printed);
      BK_TEST_SPIN_UNTIL (found >= 1);
      g_assert_true (
        bk_staff_tickets_window_select_printer (BK_STAFF_TICKETS_WINDOW (tickets_window), queue));
      g_signal_emit_by_name (bk_test_find_button (tickets_window, "_Print"), "clicked");
      BK_TEST_SPIN_UNTIL (printed >= 1);
      g_assert_true (says (tickets_window, "were sent to"));
      screenshot (tickets_window, "08-tickets-printed");
    }
  g_clear_object (&result);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What any window shows: labels and the text of fields. */
static void
collect_shown (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown (child, out);
}

static char *
on_screen (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (toplevel))
        collect_shown (toplevel, out);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }
  return NULL;
}

static gboolean
shows (const char *needle)
{
  g_autofree char *all = on_screen ();

  return strstr (all, needle) != NULL;
}

/* Help a Candidate, then the candidate opens their profile with their
 * own password, typed into their own window. */
static GtkWidget *
open_assist (GtkWidget *root)
{
  GtkWidget *assist_window, *welcome, *dialog, *entry;

  g_assert_true (gtk_widget_activate_action (root, "win.help-candidate", NULL));
  BK_TEST_SPIN_UNTIL ((assist_window = toplevel_of_type (BK_TYPE_WINDOW)) != NULL);
  BK_TEST_SPIN_UNTIL ((welcome = nth_of_type (assist_window, BK_TYPE_WELCOME_PAGE, 0)) != NULL);
  /* The profile list has come from the store. */
  BK_TEST_SPIN_UNTIL (says (welcome, "张伟"));
  g_assert_true (gtk_widget_activate_action (welcome, "welcome.open-profile", "s",
                                             seeded ("demo", "profile_id")));
  BK_TEST_SPIN_UNTIL ((dialog = toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  entry = nth_of_type (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), seeded ("demo", "password"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "open");
  BK_TEST_SPIN_UNTIL (shows (DEMO_ID_NUMBER));
  return assist_window;
}

static void
test_assist (void)
{
  BkStaffWindow *window = bk_staff_window_new (NULL, url, ca_file);
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *assist_window;
  guint listed = 0;

  g_signal_connect_swapped (window, "listed", G_CALLBACK (count_cb), &listed);
  gtk_window_present (GTK_WINDOW (window));
  sign_in (root, "desk", "staff password");
  BK_TEST_SPIN_UNTIL (listed >= 1);

  /* The assist ends when the candidate's window closes. */
  assist_window = open_assist (root);
  screenshot (assist_window, "07-assist");
  g_assert_true (shows (DEMO_MOBILE));
  gtk_window_close (GTK_WINDOW (assist_window));
  BK_TEST_SPIN_UNTIL (toplevel_of_type (BK_TYPE_WINDOW) == NULL);
  settle ();
  g_assert_false (shows (DEMO_ID_NUMBER));
  g_assert_false (shows (DEMO_MOBILE));

  /* Or when the staff member signs out: the candidate's window goes too. */
  open_assist (root);
  g_signal_emit_by_name (find_named (root, "sign-out"), "clicked");
  BK_TEST_SPIN_UNTIL (toplevel_of_type (BK_TYPE_WINDOW) == NULL);
  settle ();
  g_assert_false (shows (DEMO_ID_NUMBER));
  g_assert_false (shows (DEMO_MOBILE));
  g_assert_false (shows ("张伟"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (argc > 5 && g_str_equal (argv[argc - 1], "tickets"))
    g_log_set_writer_func (without_colord, NULL, NULL);
  bk_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_cmpint (argc, >=, 5);
  url = argv[1];
  ca_file = argv[2];
  seed_path = argv[3];
  out_dir = argv[4];
  look_only = argc > 5 && g_str_equal (argv[5], "look");
  pay = argc > 5 && g_str_equal (argv[5], "pay");
  tickets = argc > 5 && g_str_equal (argv[5], "tickets");
  assist = argc > 5 && g_str_equal (argv[5], "assist");
  g_assert_true (json_parser_load_from_file (parser, seed_path, &error));
  g_assert_no_error (error);
  seed = json_node_get_object (json_parser_get_root (parser));
  if (pay)
    g_test_add_func ("/staff-window/payment", test_payment);
  else if (tickets)
    g_test_add_func ("/staff-window/tickets", test_tickets);
  else if (assist)
    g_test_add_func ("/staff-window/assist", test_assist);
  else
    g_test_add_func ("/staff-window/review", test_staff_window);
  return g_test_run ();
}
