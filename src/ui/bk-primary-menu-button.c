/* bk-primary-menu-button.c
 *
 * Every header bar has the same main menu (gtk/menus.ui, loaded by
 * GtkApplication); this wraps a GtkMenuButton so that templates need not
 * repeat the icon, the accessible name and the F10 binding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-primary-menu-button.h"

struct _BkPrimaryMenuButton
{
  GtkWidget parent_instance;

  GtkMenuButton *button;
};

G_DEFINE_FINAL_TYPE (BkPrimaryMenuButton, bk_primary_menu_button, GTK_TYPE_WIDGET)

static void
bk_primary_menu_button_root (GtkWidget *widget)
{
  BkPrimaryMenuButton *self = BK_PRIMARY_MENU_BUTTON (widget);
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  GTK_WIDGET_CLASS (bk_primary_menu_button_parent_class)->root (widget);

  if (app != NULL && gtk_menu_button_get_menu_model (self->button) == NULL)
    gtk_menu_button_set_menu_model (
      self->button, G_MENU_MODEL (gtk_application_get_menu_by_id (app, "primary_menu")));
}

static void
bk_primary_menu_button_dispose (GObject *object)
{
  BkPrimaryMenuButton *self = BK_PRIMARY_MENU_BUTTON (object);

  if (self->button != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->button));
  self->button = NULL;

  G_OBJECT_CLASS (bk_primary_menu_button_parent_class)->dispose (object);
}

static void
bk_primary_menu_button_class_init (BkPrimaryMenuButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_primary_menu_button_dispose;
  widget_class->root = bk_primary_menu_button_root;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bk_primary_menu_button_init (BkPrimaryMenuButton *self)
{
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "open-menu-symbolic");
  gtk_menu_button_set_primary (self->button, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _ ("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Main Menu"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->button), GTK_WIDGET (self));
}
