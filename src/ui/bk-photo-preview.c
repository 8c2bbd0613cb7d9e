/* bk-photo-preview.c
 *
 * The report's regions are in pixels of the photo after its EXIF
 * orientation, at full size; GTK 4.8 decodes a JPEG as stored, so the
 * texture is turned here to match what the checks measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bk-compat.h"
#include "bk-photo-preview.h"

#define NATURAL_WIDTH  240
#define NATURAL_HEIGHT 336 /* 295 : 413, the shape of an ID photo */
#define MINIMUM_WIDTH  120
#define OUTLINE_WIDTH  2.0f

struct _BkPhotoPreview
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  int orientation; /* EXIF, 1–8 */
  int photo_width; /* after orientation */
  int photo_height;
  GArray *band; /* BkPhotoRect */
  GArray *failures;
};

G_DEFINE_FINAL_TYPE (BkPhotoPreview, bk_photo_preview, GTK_TYPE_WIDGET)

/* Maps the stored picture (w × h) onto the upright one, per EXIF
 * orientation: x' = xx·u + xy·v + x0, y' = yx·u + yy·v + y0. */
static GskTransform *
orientation_transform (int orientation, float w, float h)
{
  graphene_matrix_t m;

  switch (orientation)
    {
      case 2: /* mirrored */
        graphene_matrix_init_from_2d (&m, -1, 0, 0, 1, w, 0);
        break;
      case 3: /* upside down */
        graphene_matrix_init_from_2d (&m, -1, 0, 0, -1, w, h);
        break;
      case 4: /* upside down, mirrored */
        graphene_matrix_init_from_2d (&m, 1, 0, 0, -1, 0, h);
        break;
      case 5: /* transposed */
        graphene_matrix_init_from_2d (&m, 0, 1, 1, 0, 0, 0);
        break;
      case 6: /* turned a quarter left: turn it right */
        graphene_matrix_init_from_2d (&m, 0, 1, -1, 0, h, 0);
        break;
      case 7: /* transversed */
        graphene_matrix_init_from_2d (&m, 0, -1, -1, 0, h, w);
        break;
      case 8: /* turned a quarter right: turn it left */
        graphene_matrix_init_from_2d (&m, 0, -1, 1, 0, 0, w);
        break;
      default:
        return NULL;
    }
  return gsk_transform_matrix (NULL, &m);
}

static void
oriented_size (BkPhotoPreview *self, int *width, int *height)
{
  int w = gdk_texture_get_width (self->texture);
  int h = gdk_texture_get_height (self->texture);

  if (self->orientation >= 5)
    {
      *width = h;
      *height = w;
    }
  else
    {
      *width = w;
      *height = h;
    }
}

static void
bk_photo_preview_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  BkPhotoPreview *self = BK_PHOTO_PREVIEW (widget);
  double aspect = (double) NATURAL_HEIGHT / NATURAL_WIDTH;
  double scale;
  int w, h;

  if (self->texture != NULL)
    {
      oriented_size (self, &w, &h);
      aspect = (double) MAX (h, 1) / MAX (w, 1);
    }
  /* The largest size that fits the natural box, keeping the photo's shape. */
  scale = MIN ((double) NATURAL_WIDTH, NATURAL_HEIGHT / aspect);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MINIMUM_WIDTH;
      *natural = (int) scale;
    }
  else
    {
      /* Minimum and natural alike: a scrolled page hands out minimum
       * heights, and the photo should not shrink for that. */
      double width = for_size >= 0 ? MIN ((double) for_size, scale) : scale;

      *minimum = *natural = (int) (width * aspect);
    }
}

static GtkSizeRequestMode
bk_photo_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
append_rect_outline (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  GskRoundedRect outline;
  const float widths[4] = { OUTLINE_WIDTH, OUTLINE_WIDTH, OUTLINE_WIDTH, OUTLINE_WIDTH };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* A region of the photo on screen, on whole pixels: neighbouring cells
 * then meet edge to edge, without seams of doubled red between them. */
static void
region_rect (const BkPhotoRect *r, float x0, float y0, double scale, graphene_rect_t *rect)
{
  float left = roundf (x0 + (float) (r->x * scale));
  float top = roundf (y0 + (float) (r->y * scale));
  float right = roundf (x0 + (float) ((r->x + r->width) * scale));
  float bottom = roundf (y0 + (float) ((r->y + r->height) * scale));

  graphene_rect_init (rect, left, top, right - left, bottom - top);
}

static void
bk_photo_preview_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  BkPhotoPreview *self = BK_PHOTO_PREVIEW (widget);
  /* libadwaita's blue 3 and red 3: visible on a white background. */
  const GdkRGBA band_color = { 0.208f, 0.518f, 0.894f, 1.0f };
  const GdkRGBA failure_color = { 0.878f, 0.106f, 0.141f, 0.45f };
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int photo_w, photo_h, tex_w, tex_h;
  double scale, region_scale;
  float x0, y0, draw_w, draw_h;
  GskTransform *turn;
  GdkRGBA frame;

  if (self->texture == NULL || width <= 0 || height <= 0)
    return;

  tex_w = gdk_texture_get_width (self->texture);
  tex_h = gdk_texture_get_height (self->texture);
  oriented_size (self, &photo_w, &photo_h);
  scale = MIN ((double) width / photo_w, (double) height / photo_h);
  draw_w = (float) (photo_w * scale);
  draw_h = (float) (photo_h * scale);
  x0 = floorf ((width - draw_w) / 2.0f);
  y0 = floorf ((height - draw_h) / 2.0f);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, y0));
  gtk_snapshot_scale (snapshot, (float) scale, (float) scale);
  turn = orientation_transform (self->orientation, tex_w, tex_h);
  if (turn != NULL)
    gtk_snapshot_transform (snapshot, turn);
  gsk_transform_unref (turn);
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, tex_w, tex_h));
  gtk_snapshot_restore (snapshot);

  /* A thin frame, or a white background vanishes into a light page. */
  bk_compat_widget_get_color (widget, &frame);
  frame.alpha = 0.25f;
  {
    GskRoundedRect outline;
    const float widths[4] = { 1, 1, 1, 1 };
    const GdkRGBA colors[4] = { frame, frame, frame, frame };

    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x0, y0, draw_w, draw_h), 0);
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  }

  if (self->photo_width <= 0)
    return;
  region_scale = (double) draw_w / self->photo_width;

  for (guint i = 0; i < self->failures->len; i++)
    {
      graphene_rect_t rect;

      region_rect (&g_array_index (self->failures, BkPhotoRect, i), x0, y0, region_scale, &rect);
      gtk_snapshot_append_color (snapshot, &failure_color, &rect);
    }
  for (guint i = 0; i < self->band->len; i++)
    {
      graphene_rect_t rect;

      region_rect (&g_array_index (self->band, BkPhotoRect, i), x0, y0, region_scale, &rect);
      append_rect_outline (snapshot, &rect, &band_color);
    }
}

static void
bk_photo_preview_finalize (GObject *object)
{
  BkPhotoPreview *self = BK_PHOTO_PREVIEW (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->band, g_array_unref);
  g_clear_pointer (&self->failures, g_array_unref);

  G_OBJECT_CLASS (bk_photo_preview_parent_class)->finalize (object);
}

static void
bk_photo_preview_class_init (BkPhotoPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bk_photo_preview_finalize;
  widget_class->get_request_mode = bk_photo_preview_get_request_mode;
  widget_class->measure = bk_photo_preview_measure;
  widget_class->snapshot = bk_photo_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "photo-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bk_photo_preview_init (BkPhotoPreview *self)
{
  self->orientation = 1;
  self->band = g_array_new (FALSE, FALSE, sizeof (BkPhotoRect));
  self->failures = g_array_new (FALSE, FALSE, sizeof (BkPhotoRect));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
bk_photo_preview_new (void)
{
  return g_object_new (BK_TYPE_PHOTO_PREVIEW, NULL);
}

void
bk_photo_preview_set_photo (BkPhotoPreview *self, GdkTexture *texture, BkPhotoReport *report)
{
  g_return_if_fail (BK_IS_PHOTO_PREVIEW (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));
  g_return_if_fail (report == NULL || BK_IS_PHOTO_REPORT (report));

  g_set_object (&self->texture, texture);
  self->orientation = 1;
  self->photo_width = 0;
  self->photo_height = 0;
  g_array_set_size (self->band, 0);
  g_array_set_size (self->failures, 0);

  if (texture != NULL && report != NULL)
    {
      const BkPhotoCheck *background = bk_photo_report_get_check (report,
                                                                  BK_PHOTO_CHECK_BACKGROUND);
      const BkPhotoRect *rects;
      guint n = 0;

      self->orientation = bk_photo_report_get_orientation (report);
      self->photo_width = bk_photo_report_get_width (report);
      self->photo_height = bk_photo_report_get_height (report);
      /* Should a later GTK decode the photo upright already, a turned
       * orientation shows as swapped sides: do not turn it twice. */
      if (self->orientation >= 5 && gdk_texture_get_width (texture) == self->photo_width &&
          gdk_texture_get_height (texture) == self->photo_height &&
          self->photo_width != self->photo_height)
        self->orientation = 1;
      if (self->orientation < 1 || self->orientation > 8)
        self->orientation = 1;

      rects = bk_photo_report_get_background_band (report, &n);
      if (rects != NULL)
        g_array_append_vals (self->band, rects, n);
      if (background != NULL && background->verdict == BK_PHOTO_VERDICT_FAIL)
        {
          rects = bk_photo_report_get_background_failures (report, &n);
          if (rects != NULL)
            g_array_append_vals (self->failures, rects, n);
        }
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GdkTexture *
bk_photo_preview_get_texture (BkPhotoPreview *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_PREVIEW (self), NULL);

  return self->texture;
}
