/* bk-test-widgets.h — looking into a widget tree as a person reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Every visible label's text under @widget, one a line, appended to @out. */
void bk_test_collect_texts (GtkWidget *widget, GString *out);
/* The button under @widget whose label (with its mnemonic) is @label. */
GtkWidget *bk_test_find_button (GtkWidget *widget, const char *label);
/* The @n-th (from 0) mapped widget of @type under @root, @root included,
 * depth first: what is on screen, not a hidden page's; NULL if fewer. */
GtkWidget *bk_test_find_mapped (GtkWidget *root, GType type, guint n);

/* @window drawn by its own renderer once it has a size, saved as @name
 * (a PNG) under the build tree's ui/screenshots, to look at. */
void bk_test_save_screenshot (GtkWidget *window, const char *name);

/* The mapped AdwEntryRow titled @title under @widget, or NULL. */
GtkEditable *bk_test_find_entry_row (GtkWidget *widget, const char *title);

/* Sets the text of the entry row titled @title under @widget, as typed. */
void bk_test_type_into (gpointer widget, const char *title, const char *text);

G_END_DECLS
