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
/* The sheet that shows, prints and saves the ticket checked (a
 * BkTicketSheet: bk_ticket_sheet_save_async(), "printed", …). */
GtkWidget *bk_ticket_window_get_sheet (BkTicketWindow *self);

G_END_DECLS
