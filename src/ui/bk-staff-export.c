/* bk-staff-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "bk-staff-export.h"
#include "bk-staff-item.h"
#include "bk-staff-labels.h"

#define N_COLUMNS 7

static void
header (const char *cells[N_COLUMNS])
{
  cells[0] = _ ("Name");
  cells[1] = _ ("ID Number");
  cells[2] = _ ("Ticket Number");
  cells[3] = _ ("State");
  cells[4] = _ ("State Code");
  cells[5] = _ ("Queue");
  cells[6] = _ ("Submitted");
}

static void
row (BkStaffItem *item, const char *cells[N_COLUMNS])
{
  const char *queue = bk_staff_item_get_queue (item);

  cells[0] = bk_staff_item_get_real_name (item);
  cells[1] = bk_staff_item_get_id_number (item);
  cells[2] = bk_staff_item_get_ticket_number (item);
  cells[3] = bk_staff_labels_state (bk_staff_item_get_state (item));
  cells[4] = bk_staff_item_get_state (item);
  cells[5] = queue != NULL ? bk_staff_labels_queue (queue) : NULL;
  cells[6] = bk_staff_item_get_submitted_at (item);
  for (int i = 0; i < N_COLUMNS; i++)
    if (cells[i] == NULL)
      cells[i] = "";
}

static void
append_csv_cell (GString *out, const char *cell)
{
  gboolean formula = cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@';

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString *out, const char *cells[N_COLUMNS])
{
  for (int i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, cells[i]);
    }
  g_string_append (out, "\r\n");
}

gboolean
bk_staff_export_csv (GListModel *items, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new ("\xef\xbb\xbf");
  const char *cells[N_COLUMNS];

  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  header (cells);
  append_csv_row (out, cells);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (BkStaffItem) item = g_list_model_get_item (items, i);

      row (item, cells);
      append_csv_row (out, cells);
    }
  return g_file_set_contents_full (path, out->str, (gssize) out->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
bk_staff_export_xlsx (GListModel *items, const char *path, GError **error)
{
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_error status;
  const char *cells[N_COLUMNS];
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("%s could not be written."), path);
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, NULL);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  header (cells);
  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c, cells[c], bold);
  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkStaffItem) item = g_list_model_get_item (items, i);

      row (item, cells);
      /* ID and ticket numbers are text: a number would lose digits. */
      for (int c = 0; c < N_COLUMNS; c++)
        worksheet_write_string (sheet, i + 1, (lxw_col_t) c, cells[c], NULL);
    }
  worksheet_set_column (sheet, 0, 0, 14, NULL);
  worksheet_set_column (sheet, 1, 2, 22, NULL);
  worksheet_set_column (sheet, 3, 6, 20, NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("%s could not be written (%s)."), path,
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
