/* help-desk-bench.c — times the help desk's window against a running
 * server seeded with a point's applications (run by bench/help-desk.py)
 *
 *   help-desk-bench URL CA_FILE USER PASSWORD NEEDLE...
 *
 * Times signing in until the first queue's rows are painted (the point's
 * list comes from the server then), then opening the "Manual
 * Verification" queue from the sidebar until the frame that shows its
 * first rows has been painted (after another queue was shown), RUNS
 * times; then times
 * each NEEDLE typed into the search until the filtered list is painted.
 * Prints one JSON line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bk-staff-window.h"
#include "bk-test-spin.h"
#include "bk-test-widgets.h"

#define RUNS 5

static guint listed, painted;

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Milliseconds from @start to the end of the next frame painted. */
static double
until_painted (GtkWidget *window, gint64 start)
{
  guint before = painted;

  gtk_widget_queue_draw (window);
  BK_TEST_SPIN_UNTIL (painted > before);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
open_queue (GtkWidget *window, GtkListBox *sidebar, int row)
{
  guint before = listed;
  gint64 start = g_get_monotonic_time ();

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, row));
  BK_TEST_SPIN_UNTIL (listed > before);
  return until_painted (window, start);
}

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  BkStaffWindow *window;
  GtkWidget *root, *button = NULL;
  GtkListBox *sidebar;
  GListModel *shown;
  double open[RUNS], first_list;
  gint64 signed_in;
  g_autoptr (GString) json = g_string_new ("{");
  guint n;

  gtk_init ();
  adw_init ();
  if (argc < 6)
    {
      g_printerr ("usage: help-desk-bench URL CA_FILE USER PASSWORD NEEDLE...\n");
      return 2;
    }
  window = bk_staff_window_new (NULL, argv[1], argv[2]);
  root = GTK_WIDGET (window);
  shown = bk_staff_window_get_shown (window);
  g_signal_connect_swapped (window, "listed", G_CALLBACK (count_cb), &listed);
  gtk_window_present (GTK_WINDOW (window));
  BK_TEST_SPIN_UNTIL (gtk_widget_get_mapped (root));
  g_signal_connect_swapped (gtk_widget_get_frame_clock (root), "after-paint", G_CALLBACK (count_cb),
                            &painted);

  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_mapped (root, ADW_TYPE_ENTRY_ROW, 0)), argv[3]);
  gtk_editable_set_text (GTK_EDITABLE (bk_test_find_mapped (root, ADW_TYPE_PASSWORD_ENTRY_ROW, 0)),
                         argv[4]);
  for (guint i = 0; (button = bk_test_find_mapped (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (gtk_widget_has_css_class (button, "pill"))
      break;
  signed_in = g_get_monotonic_time ();
  g_signal_emit_by_name (button, "clicked");
  BK_TEST_SPIN_UNTIL (listed >= 1);
  first_list = until_painted (root, signed_in);
  sidebar = GTK_LIST_BOX (bk_test_find_mapped (root, GTK_TYPE_LIST_BOX, 0));

  /* Another queue first (an empty one), then the big one. */
  for (int run = 0; run < RUNS; run++)
    {
      open_queue (root, sidebar, 3);
      open[run] = open_queue (root, sidebar, 1);
    }
  n = g_list_model_get_n_items (shown);
  qsort (open, RUNS, sizeof open[0], compare);
  g_string_append_printf (json, "\"rows\": %u, \"sign_in_ms\": %.1f, \"open_ms\": [", n,
                          first_list);
  for (int run = 0; run < RUNS; run++)
    g_string_append_printf (json, "%s%.1f", run > 0 ? ", " : "", open[run]);
  g_string_append (json, "], \"search\": [");
  for (int i = 5; i < argc; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double filtered, total;

      bk_staff_window_search (window, argv[i]);
      filtered = (g_get_monotonic_time () - start) / 1000.0;
      total = until_painted (root, start);
      g_string_append_printf (json,
                              "%s{\"needle\": \"%s\", \"matches\": %u, \"filter_ms\": %.2f, "
                              "\"painted_ms\": %.1f}",
                              i > 5 ? ", " : "", argv[i], g_list_model_get_n_items (shown),
                              filtered, total);
      bk_staff_window_search (window, "");
      until_painted (root, g_get_monotonic_time ());
    }
  g_string_append (json, "]}");
  g_print ("%s\n", json->str);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
