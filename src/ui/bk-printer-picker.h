/* bk-printer-picker.h — the printers a ticket can go to, in a drop-down,
 * and the print job that sends a PDF to the one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_PRINTER_PICKER (bk_printer_picker_get_type ())

G_DECLARE_FINAL_TYPE (BkPrinterPicker, bk_printer_picker, BK, PRINTER_PICKER, GObject)

/* Lists in @dropdown the printers found by bk_printer_picker_find(); the
 * system's default one is chosen when it comes. "found" is emitted for
 * each printer, "done" when the search has ended. */
BkPrinterPicker *bk_printer_picker_new (GtkDropDown *dropdown);
/* Looks for the printers, once: only CUPS queues that take a PDF as it is
 * (GtkPrintJob sends the file unchanged). */
void bk_printer_picker_find (BkPrinterPicker *self);
guint bk_printer_picker_get_n_printers (BkPrinterPicker *self);
/* Whether a printer is chosen in the drop-down. */
gboolean bk_printer_picker_has_selection (BkPrinterPicker *self);
/* Chooses the printer of that name; FALSE when none was found by it. */
gboolean bk_printer_picker_select (BkPrinterPicker *self, const char *name);
/* Sends the PDF at @path, on A4, as one job titled @title, to the printer
 * chosen, and removes the file when the job has gone or failed. The
 * finish function gives the printer's name. */
void bk_printer_picker_print_async (BkPrinterPicker *self,
                                    const char *title,
                                    const char *path,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
char *bk_printer_picker_print_finish (BkPrinterPicker *self, GAsyncResult *result, GError **error);

G_END_DECLS
