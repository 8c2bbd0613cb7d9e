/* bk-primary-menu-button.h — the header bar's main menu button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_PRIMARY_MENU_BUTTON (bk_primary_menu_button_get_type ())

G_DECLARE_FINAL_TYPE (
  BkPrimaryMenuButton, bk_primary_menu_button, BK, PRIMARY_MENU_BUTTON, GtkWidget)

G_END_DECLS
