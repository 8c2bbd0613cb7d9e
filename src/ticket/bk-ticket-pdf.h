/* bk-ticket-pdf.h — admission tickets written as a PDF, a page each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-admission-ticket.h"
#include "bk-exam-session.h"

G_BEGIN_DECLS

/* A PDF being written: one ticket, or a registration point's batch. Fonts
 * are embedded and subset (cairo); the photos are embedded as JPEG. */
typedef struct _BkTicketPdf BkTicketPdf;

BkTicketPdf *bk_ticket_pdf_new (const char *path, GError **error);
/* Adds a page; @photo_jpeg may be NULL (the box then asks for a photo). */
gboolean bk_ticket_pdf_add (BkTicketPdf *self,
                            const BkAdmissionTicket *ticket,
                            BkExamSession *session,
                            GBytes *photo_jpeg,
                            GError **error);
guint bk_ticket_pdf_get_n_pages (BkTicketPdf *self);
/* Writes the end of the file; BK_TICKET_ERROR_RENDER when it could not be
 * written (full disk, a folder that went away). */
gboolean bk_ticket_pdf_finish (BkTicketPdf *self, GError **error);
/* Closes without finishing when needed; the file is then incomplete. */
void bk_ticket_pdf_free (BkTicketPdf *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkTicketPdf, bk_ticket_pdf_free)

G_END_DECLS
