/* bk-ticket-preview.h — the admission ticket's page, drawn on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-admission-ticket.h"

G_BEGIN_DECLS

#define BK_TYPE_TICKET_PREVIEW (bk_ticket_preview_get_type ())

G_DECLARE_FINAL_TYPE (BkTicketPreview, bk_ticket_preview, BK, TICKET_PREVIEW, GtkWidget)

GtkWidget *bk_ticket_preview_new (void);
/* Shows @ticket of @session with @photo (JPEG, nullable) as it prints:
 * the same drawing as the PDF, scaled to the widget's width. NULL clears. */
void bk_ticket_preview_set_ticket (BkTicketPreview *self,
                                   const BkAdmissionTicket *ticket,
                                   BkExamSession *session,
                                   GBytes *photo);

G_END_DECLS
