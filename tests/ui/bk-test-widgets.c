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
