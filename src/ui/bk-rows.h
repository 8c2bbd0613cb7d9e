/* bk-rows.h — list rows that show the user's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwActionRow whose title and subtitle are plain text, not Pango markup:
 * names, file names and addresses may contain "&" or "<". */
GtkWidget *bk_rows_new_plain (void);

/* The text of an entry row; never NULL. */
const char *bk_rows_get_text (AdwEntryRow *row);
/* Shows @text in an entry row; NULL shows as empty. */
void bk_rows_set_text (AdwEntryRow *row, const char *text);

G_END_DECLS
