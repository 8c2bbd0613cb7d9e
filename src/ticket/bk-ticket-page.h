/* bk-ticket-page.h — one admission ticket drawn as an A4 page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "bk-admission-ticket.h"
#include "bk-exam-session.h"

G_BEGIN_DECLS

/* The page is A4, portrait; cairo's PDF unit is the point (1/72 inch). */
#define BK_TICKET_PAGE_WIDTH_MM  210.0
#define BK_TICKET_PAGE_HEIGHT_MM 297.0
#define BK_TICKET_POINTS_PER_MM  (72.0 / 25.4)

/* Where the photo sits, in millimetres from the page's top left corner: a
 * 28 × 39.2 mm box (the 295 × 413 proportions of the standardised photo) at
 * the right of the candidate's details. docs/domain.md repeats it; the
 * tests check the rendered page against it. */
#define BK_TICKET_PHOTO_X_MM      156.0
#define BK_TICKET_PHOTO_Y_MM      46.9
#define BK_TICKET_PHOTO_WIDTH_MM  28.0
#define BK_TICKET_PHOTO_HEIGHT_MM 39.2

/* The standardised photo (JPEG bytes) as a surface to draw; a PDF embeds
 * the JPEG itself. BK_TICKET_ERROR_PHOTO when it cannot be read. */
cairo_surface_t *bk_ticket_page_photo_new (GBytes *jpeg, GError **error);

/* Draws the ticket on @cr, whose user space is the page in points with its
 * origin at the top left (a PDF page, a GtkPrintContext set to points; a
 * preview scales @cr first). Black on white only, so it prints well in
 * black and white. @photo may be NULL: the box then says to attach one. */
void bk_ticket_page_draw (cairo_t *cr,
                          const BkAdmissionTicket *ticket,
                          BkExamSession *session,
                          cairo_surface_t *photo);

/* Lets go of the fonts and layouts Pango keeps for this thread (its default
 * font map), e.g. before a program exits, so that a leak checker reports
 * only what is really lost. Drawing again loads them again. */
void bk_ticket_page_release_fonts (void);

G_END_DECLS
