/* bk-ticket-preview.c
 *
 * Draws with bk_ticket_page_draw(), the function that writes the PDF, so
 * what the screen shows is what prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-ticket-page.h"
#include "bk-ticket-preview.h"

struct _BkTicketPreview
{
  GtkWidget parent_instance;

  BkAdmissionTicket *ticket;
  BkExamSession *session;
  cairo_surface_t *photo;
};

G_DEFINE_FINAL_TYPE (BkTicketPreview, bk_ticket_preview, GTK_TYPE_WIDGET)

static void
bk_ticket_preview_measure (GtkWidget *widget,
                           GtkOrientation orientation,
                           int for_size,
                           int *minimum,
                           int *natural,
                           int *minimum_baseline,
                           int *natural_baseline)
{
  BkTicketPreview *self = BK_TICKET_PREVIEW (widget);
  const double ratio = BK_TICKET_PAGE_HEIGHT_MM / BK_TICKET_PAGE_WIDTH_MM;

  if (self->ticket == NULL)
    *minimum = *natural = 0;
  else if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 300;
      *natural = 600;
    }
  else
    {
      int width = for_size > 0 ? for_size : 600;

      *minimum = *natural = (int) (width * ratio);
    }
}

static void
bk_ticket_preview_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  BkTicketPreview *self = BK_TICKET_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale;
  cairo_t *cr;

  if (self->ticket == NULL || width <= 0 || height <= 0)
    return;
  scale = MIN (width / (BK_TICKET_PAGE_WIDTH_MM * BK_TICKET_POINTS_PER_MM),
               height / (BK_TICKET_PAGE_HEIGHT_MM * BK_TICKET_POINTS_PER_MM));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, scale, scale);
  bk_ticket_page_draw (cr, self->ticket, self->session, self->photo);
  cairo_destroy (cr);
}

static void
bk_ticket_preview_finalize (GObject *object)
{
  BkTicketPreview *self = BK_TICKET_PREVIEW (object);

  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->photo, cairo_surface_destroy);

  G_OBJECT_CLASS (bk_ticket_preview_parent_class)->finalize (object);
}

static void
bk_ticket_preview_class_init (BkTicketPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bk_ticket_preview_finalize;
  widget_class->measure = bk_ticket_preview_measure;
  widget_class->snapshot = bk_ticket_preview_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bk_ticket_preview_init (BkTicketPreview *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Admission ticket as it prints"), -1);
}

GtkWidget *
bk_ticket_preview_new (void)
{
  return g_object_new (BK_TYPE_TICKET_PREVIEW, NULL);
}

void
bk_ticket_preview_set_ticket (BkTicketPreview *self,
                              const BkAdmissionTicket *ticket,
                              BkExamSession *session,
                              GBytes *photo)
{
  g_return_if_fail (BK_IS_TICKET_PREVIEW (self));
  g_return_if_fail (ticket == NULL || BK_IS_EXAM_SESSION (session));

  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->photo, cairo_surface_destroy);
  if (ticket != NULL)
    {
      self->ticket = bk_admission_ticket_copy (ticket);
      self->session = g_object_ref (session);
      /* A photo that cannot be read leaves the box asking for one. */
      if (photo != NULL)
        self->photo = bk_ticket_page_photo_new (photo, NULL);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
