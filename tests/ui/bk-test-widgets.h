/* bk-test-widgets.h — looking into a widget tree as a person reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

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

G_END_DECLS
