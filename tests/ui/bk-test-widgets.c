/* bk-test-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-test-widgets.h"

void
bk_test_collect_texts (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      bk_test_collect_texts (child, out);
}

GtkWidget *
bk_test_find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bk_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_mapped (GtkWidget *widget, GType type, guint *skip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      if (*skip == 0)
        return widget;
      (*skip)--;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
bk_test_find_mapped (GtkWidget *root, GType type, guint n)
{
  return find_mapped (root, type, &n);
}

/* What a person sees, kept under the build tree to look at: @window drawn
 * by its own renderer once it has a size (on a loaded machine the first
 * frame can take seconds: it waits up to 20). */
void
bk_test_save_screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "ui", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  gint64 settle = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (node == NULL && g_get_monotonic_time () < until)
    {
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      if (g_get_monotonic_time () < settle || !gtk_widget_get_mapped (window) ||
          gtk_widget_get_width (window) == 0 || gtk_widget_get_height (window) == 0)
        continue;
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                              gtk_widget_get_height (window));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GtkEditable *
bk_test_find_entry_row (GtkWidget *widget, const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = bk_test_find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
bk_test_type_into (gpointer widget, const char *title, const char *text)
{
  GtkEditable *row = bk_test_find_entry_row (GTK_WIDGET (widget), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (row, text);
}
