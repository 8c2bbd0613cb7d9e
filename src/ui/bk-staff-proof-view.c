/* bk-staff-proof-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "bk-staff-proof-view.h"

/* Pages of a PDF shown at most (a proof is a certificate or two). */
#define MAX_PAGES 10
/* Rendered at 1.5 × 72 dpi: a certificate's small print stays legible. */
#define PDF_SCALE 1.5

struct _BkStaffProofView
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *status;
  char *name;
};

G_DEFINE_FINAL_TYPE (BkStaffProofView, bk_staff_proof_view, GTK_TYPE_WIDGET)

static void
add_picture (BkStaffProofView *self, GdkTexture *texture, const char *description)
{
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, -1, 360);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_add_css_class (picture, "card");
  gtk_box_append (GTK_BOX (self->box), picture);
}

static GdkTexture *
render_page (PopplerPage *page)
{
  double width, height;
  int w, h;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;

  poppler_page_get_size (page, &width, &height);
  w = MAX (1, (int) (width * PDF_SCALE));
  h = MAX (1, (int) (height * PDF_SCALE));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PDF_SCALE, PDF_SCALE);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static guint
show_pdf (BkStaffProofView *self, GBytes *bytes, GError **error)
{
  /* Not g_autoptr: poppler-glib 22 (Debian 12) declares no cleanups. */
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, error);
  int n;

  if (document == NULL)
    return 0;
  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < MIN (n, MAX_PAGES); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autoptr (GdkTexture) texture = render_page (page);
      /* TRANSLATORS: the accessible name of a page of a proof: its name, page 1 of 2 */
      g_autofree char *description = g_strdup_printf (_ ("%s, page %d of %d"), self->name, i + 1,
                                                      n);

      add_picture (self, texture, description);
      g_object_unref (page);
    }
  g_object_unref (document);
  return (guint) MIN (n, MAX_PAGES);
}

static void
say (BkStaffProofView *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->status), message);
  gtk_widget_set_visible (self->status, message != NULL && *message != '\0');
}

guint
bk_staff_proof_view_show (BkStaffProofView *self, GBytes *bytes, const char *content_type)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guint pages = 0;

  g_return_val_if_fail (BK_IS_STAFF_PROOF_VIEW (self), 0);
  g_return_val_if_fail (bytes != NULL, 0);

  if (g_strcmp0 (content_type, "application/pdf") == 0)
    pages = show_pdf (self, bytes, &error);
  else if ((texture = gdk_texture_new_from_bytes (bytes, &error)) != NULL)
    {
      add_picture (self, texture, self->name);
      pages = 1;
    }
  if (pages == 0)
    {
      g_debug ("proof %s not shown: %s", self->name, error != NULL ? error->message : "no pages");
      say (self, _ ("This file cannot be shown. Ask the candidate to upload a readable JPEG or "
                    "PDF, and decide “More proofs needed”."));
    }
  else
    say (self, NULL);
  return pages;
}

void
bk_staff_proof_view_show_error (BkStaffProofView *self, const char *message)
{
  g_return_if_fail (BK_IS_STAFF_PROOF_VIEW (self));
  say (self, message);
}

static void
bk_staff_proof_view_dispose (GObject *object)
{
  BkStaffProofView *self = BK_STAFF_PROOF_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bk_staff_proof_view_parent_class)->dispose (object);
}

static void
bk_staff_proof_view_finalize (GObject *object)
{
  g_free (BK_STAFF_PROOF_VIEW (object)->name);
  G_OBJECT_CLASS (bk_staff_proof_view_parent_class)->finalize (object);
}

static void
bk_staff_proof_view_class_init (BkStaffProofViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_proof_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = bk_staff_proof_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bk_staff_proof_view_init (BkStaffProofView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_box_append (GTK_BOX (self->box), self->title);
  self->status = gtk_label_new (_ ("Fetching the file from the server…"));
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->status);
}

GtkWidget *
bk_staff_proof_view_new (const char *title)
{
  BkStaffProofView *self = g_object_new (BK_TYPE_STAFF_PROOF_VIEW, NULL);

  self->name = g_strdup (title != NULL ? title : "");
  gtk_label_set_text (GTK_LABEL (self->title), self->name);
  return GTK_WIDGET (self);
}
