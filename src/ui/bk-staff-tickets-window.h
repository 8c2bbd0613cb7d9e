/* bk-staff-tickets-window.h — the point's admission tickets printed in
 * one batch: fetched from the server (GET /v1/staff/tickets), each
 * verified against its session's key, drawn a page each into one PDF
 * (src/ticket) and sent to a CUPS queue through GtkPrintJob, or saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-staff-client.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_TICKETS_WINDOW (bk_staff_tickets_window_get_type ())

G_DECLARE_FINAL_TYPE (
  BkStaffTicketsWindow, bk_staff_tickets_window, BK, STAFF_TICKETS_WINDOW, AdwWindow)

BkStaffTicketsWindow *bk_staff_tickets_window_new (GtkWindow *parent, BkStaffClient *client);

/* Chooses the CUPS queue @name when it has been found; FALSE otherwise
 * (the "printers-found" signal says when the search is over). */
gboolean bk_staff_tickets_window_select_printer (BkStaffTicketsWindow *self, const char *name);

/* Writes the point's tickets as one PDF at @path (what Save as PDF does
 * once a file is chosen, and what printing sends). The result is the
 * number of pages. */
void bk_staff_tickets_window_write_async (BkStaffTicketsWindow *self,
                                          const char *path,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
guint bk_staff_tickets_window_write_finish (BkStaffTicketsWindow *self,
                                            GAsyncResult *result,
                                            GError **error);

G_END_DECLS
