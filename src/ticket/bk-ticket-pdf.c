/* bk-ticket-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "bk-ticket-error.h"
#include "bk-ticket-page.h"
#include "bk-ticket-pdf.h"

struct _BkTicketPdf
{
  char *path;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  gboolean finished;
};

static gboolean
check_status (BkTicketPdf *self, cairo_status_t status, GError **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (self->path);
  /* TRANSLATORS: first %s is a file name, second cairo's reason */
  g_set_error (error, BK_TICKET_ERROR, BK_TICKET_ERROR_RENDER,
               _ ("The tickets could not be written to “%s” (%s); check that the folder exists, "
                  "that you may write there and that the disk has room, then try again."),
               name, cairo_status_to_string (status));
  return FALSE;
}

BkTicketPdf *
bk_ticket_pdf_new (const char *path, GError **error)
{
  g_autoptr (BkTicketPdf) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BkTicketPdf, 1);
  self->path = g_strdup (path);
  self->surface = cairo_pdf_surface_create (path, BK_TICKET_PAGE_WIDTH_MM * BK_TICKET_POINTS_PER_MM,
                                            BK_TICKET_PAGE_HEIGHT_MM * BK_TICKET_POINTS_PER_MM);
  if (!check_status (self, cairo_surface_status (self->surface), error))
    return NULL;
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, "准考证");
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR, "Baokao");
  self->cr = cairo_create (self->surface);
  return g_steal_pointer (&self);
}

gboolean
bk_ticket_pdf_add (BkTicketPdf *self,
                   const BkAdmissionTicket *ticket,
                   BkExamSession *session,
                   GBytes *photo_jpeg,
                   GError **error)
{
  cairo_surface_t *photo = NULL;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (ticket != NULL && BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (photo_jpeg != NULL && (photo = bk_ticket_page_photo_new (photo_jpeg, error)) == NULL)
    return FALSE;
  bk_ticket_page_draw (self->cr, ticket, session, photo);
  cairo_show_page (self->cr);
  g_clear_pointer (&photo, cairo_surface_destroy);
  self->n_pages++;
  return check_status (self, cairo_status (self->cr), error);
}

guint
bk_ticket_pdf_get_n_pages (BkTicketPdf *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

gboolean
bk_ticket_pdf_finish (BkTicketPdf *self, GError **error)
{
  cairo_status_t status;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->finished = TRUE;
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  return check_status (self, status, error);
}

void
bk_ticket_pdf_free (BkTicketPdf *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->path);
  g_free (self);
}
