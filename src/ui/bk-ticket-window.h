/* bk-ticket-window.h — check a scanned admission ticket; print it or save it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_TICKET_WINDOW (bk_ticket_window_get_type ())

G_DECLARE_FINAL_TYPE (BkTicketWindow, bk_ticket_window, BK, TICKET_WINDOW, AdwWindow)

/* @store (nullable) is where the candidate's photo is looked up, by ID
 * number, for the invigilator to compare. */
BkTicketWindow *bk_ticket_window_new (GtkWindow *parent, BkStore *store);
/* As if the text had been scanned into the field and Enter pressed. */
void bk_ticket_window_check (BkTicketWindow *self, const char *text);
/* The PDF of the ticket shown, written in a worker thread; FALSE with an
 * error when none is shown or outside the printing window. */
void bk_ticket_window_save_async (BkTicketWindow *self,
                                  const char *path,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean bk_ticket_window_save_finish (BkTicketWindow *self, GAsyncResult *result, GError **error);
/* Chooses the printer the Print button sends to, among the CUPS queues
 * found so far; FALSE when there is none of that name. The window emits
 * "printed" (gboolean sent) when the job has gone, or failed. */
gboolean bk_ticket_window_select_printer (BkTicketWindow *self, const char *name);

G_END_DECLS
