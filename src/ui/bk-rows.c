/* bk-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-rows.h"

GtkWidget *
bk_rows_new_plain (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

const char *
bk_rows_get_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), "");

  return gtk_editable_get_text (GTK_EDITABLE (row));
}

void
bk_rows_set_text (AdwEntryRow *row, const char *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}
