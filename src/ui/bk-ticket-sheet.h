/* bk-ticket-sheet.h — one admission ticket as it prints, with what the
 * session's ticket-printing window allows: print it or save it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-admission-ticket.h"

G_BEGIN_DECLS

#define BK_TYPE_TICKET_SHEET (bk_ticket_sheet_get_type ())

G_DECLARE_FINAL_TYPE (BkTicketSheet, bk_ticket_sheet, BK, TICKET_SHEET, GtkWidget)

GtkWidget *bk_ticket_sheet_new (void);
/* Shows @ticket of @session with @photo (the standardised JPEG, nullable)
 * and the printing window's rule as of now (BkClock): within it, the
 * Print and Save buttons work when there is a photo; outside it, it says
 * when printing opens, or that it closed and what that means. NULL
 * clears. */
void bk_ticket_sheet_set_ticket (BkTicketSheet *self,
                                 const BkAdmissionTicket *ticket,
                                 BkExamSession *session,
                                 GBytes *photo);
/* Whether the ticket shown may be printed or saved now. */
gboolean bk_ticket_sheet_get_can_print (BkTicketSheet *self);
/* The PDF of the ticket shown, written in a worker thread; FALSE with an
 * error when none is shown, it has no photo, or outside the printing
 * window. */
void bk_ticket_sheet_save_async (BkTicketSheet *self,
                                 const char *path,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean bk_ticket_sheet_save_finish (BkTicketSheet *self, GAsyncResult *result, GError **error);
/* Chooses the printer the Print button sends to, among the CUPS queues
 * found so far; FALSE when there is none of that name. The sheet emits
 * "printed" (gboolean sent) when the job has gone, or failed. */
gboolean bk_ticket_sheet_select_printer (BkTicketSheet *self, const char *name);

G_END_DECLS
