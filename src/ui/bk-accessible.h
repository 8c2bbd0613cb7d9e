/* bk-accessible.h — accessible names that GTK 4.8 gets wrong or leaves out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The text a screen reader says for a label with a mnemonic: "_Save" and
 * "保存(_S)" become "Save" and "保存". */
char *bk_accessible_strip_mnemonic (const char *label);

/* Names every control under @root that GTK 4.8 would leave unnamed or
 * name badly: buttons with a mnemonic label (named "_Save Save"), the
 * reveal buttons of password rows ("GtkImage"), the boxed lists of
 * preference groups ("GtkListBox") and the choices of combo rows (no
 * name). Call it once the widgets are built. */
void bk_accessible_name_controls (GtkWidget *root);

/* Sets a button's label (with a mnemonic) and its accessible name: @name,
 * or the label without its mnemonic when @name is NULL. */
void bk_accessible_set_button_label (GtkButton *button, const char *label, const char *name);

G_END_DECLS
