/* bk-accessible.c
 *
 * GTK 4.8 joins a button's accessible label with the text of the label it
 * is labelled by, underscore and all ("_Save Save", "保存(_S) 保存(S)"),
 * names an icon-only button after its image's type ("GtkImage") and a list
 * after its class ("GtkListBox"), and gives the rows of a drop-down list no
 * name at all. A screen reader reads those names; so do our AT-SPI tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"

char *
bk_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_new (NULL);
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "(_S)" after a Chinese label: the key only, not a word to read. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (p[0] == '_' && p[1] == '_')
        p++;
      else if (p[0] == '_')
        continue;
      g_string_append_c (text, *p);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

static void
set_name (GtkWidget *widget, const char *name)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  GtkWidget *child = gtk_button_get_child (button);
  g_autofree char *name = NULL;

  if (label == NULL && ADW_IS_BUTTON_CONTENT (child))
    label = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
  if (label == NULL || *label == '\0')
    return;
  name = bk_accessible_strip_mnemonic (label);
  set_name (GTK_WIDGET (button), name);
}

/* The list's own row, which GTK 4.8 gives no name and no API to name. */
static void
name_choice_row (GtkWidget *box)
{
  GtkWidget *row = gtk_widget_get_parent (box);

  if (row != NULL)
    gtk_accessible_update_property (
      GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
      gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))), -1);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Chosen"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_signal_connect (box, "notify::parent", G_CALLBACK (name_choice_row), NULL);
  gtk_list_item_set_child (item, box);
}

static void
update_check (GtkListItem *item, GParamSpec *pspec, AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_widget_set_visible (gtk_widget_get_last_child (box),
                          adw_combo_row_get_selected (row) == gtk_list_item_get_position (item));
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *choice = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (choice)
                       ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice))
                       : "";

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  update_check (item, NULL, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_check), item,
                           G_CONNECT_SWAPPED);
  name_choice_row (box);
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, AdwComboRow *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
}

static void
name_combo_row (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) factory = NULL;

  if (adw_combo_row_get_expression (row) != NULL)
    return;
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}

static void
name_list (GtkWidget *list, GtkWidget *parent)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (
    gtk_widget_get_ancestor (parent != NULL ? parent : list, ADW_TYPE_PREFERENCES_GROUP));
  AdwPreferencesRow *row =
    ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_ROW));
  const char *name = NULL;

  if (GTK_IS_LIST_VIEW (list) && row != NULL)
    name = adw_preferences_row_get_title (row);
  else if (group != NULL)
    name = adw_preferences_group_get_title (group);
  /* A group without a title: its description says what the list is, or
   * else its first row. */
  if ((name == NULL || *name == '\0') && group != NULL)
    name = adw_preferences_group_get_description (group);
  if ((name == NULL || *name == '\0') && GTK_IS_LIST_BOX (list) &&
      ADW_IS_PREFERENCES_ROW (gtk_widget_get_first_child (list)))
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_first_child (list)));
  if (name != NULL && *name != '\0')
    set_name (list, name);
}

void
bk_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* The password row's button that shows the text has only an icon. */
  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
      gtk_widget_get_ancestor (root, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL)
    set_name (root, _ ("Show the Password"));
  else if (GTK_IS_BUTTON (root))
    name_button (GTK_BUTTON (root));
  else if (GTK_IS_LIST_BOX (root) || GTK_IS_LIST_VIEW (root))
    name_list (root, gtk_widget_get_parent (root));
  if (ADW_IS_COMBO_ROW (root))
    name_combo_row (ADW_COMBO_ROW (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_accessible_name_controls (child);
}

void
bk_accessible_set_button_label (GtkButton *button, const char *label, const char *name)
{
  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (label != NULL);

  gtk_button_set_label (button, label);
  if (name != NULL)
    set_name (GTK_WIDGET (button), name);
  else
    name_button (button);
}
