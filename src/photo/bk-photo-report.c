/* bk-photo-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "bk-photo-report-private.h"

struct _BkPhotoReport
{
  GObject parent_instance;

  BkPhotoCheck checks[BK_PHOTO_N_CHECKS];
  int width;
  int height;
  int orientation;
  GArray *band;     /* BkPhotoRect */
  GArray *failures; /* BkPhotoRect */
  BkPhotoRect face;
  gboolean has_face;
};

G_DEFINE_FINAL_TYPE (BkPhotoReport, bk_photo_report, G_TYPE_OBJECT)

static void
bk_photo_report_finalize (GObject *object)
{
  BkPhotoReport *self = BK_PHOTO_REPORT (object);

  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      g_free (self->checks[i].value_text);
      g_free (self->checks[i].message);
    }
  g_clear_pointer (&self->band, g_array_unref);
  g_clear_pointer (&self->failures, g_array_unref);

  G_OBJECT_CLASS (bk_photo_report_parent_class)->finalize (object);
}

static void
bk_photo_report_class_init (BkPhotoReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_photo_report_finalize;
}

static void
bk_photo_report_init (BkPhotoReport *self)
{
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      self->checks[i].kind = (BkPhotoCheckKind) i;
      self->checks[i].verdict = BK_PHOTO_VERDICT_NOT_EVALUATED;
      self->checks[i].value = NAN;
    }
  self->orientation = 1;
  self->band = g_array_new (FALSE, FALSE, sizeof (BkPhotoRect));
  self->failures = g_array_new (FALSE, FALSE, sizeof (BkPhotoRect));
}

BkPhotoReport *
bk_photo_report_new (void)
{
  return g_object_new (BK_TYPE_PHOTO_REPORT, NULL);
}

void
bk_photo_report_take_check (BkPhotoReport *self,
                            BkPhotoCheckKind kind,
                            BkPhotoVerdict verdict,
                            double value,
                            char *value_text,
                            char *message)
{
  BkPhotoCheck *check;

  g_return_if_fail (BK_IS_PHOTO_REPORT (self));
  g_return_if_fail (kind < BK_PHOTO_N_CHECKS);

  check = &self->checks[kind];
  check->verdict = verdict;
  check->value = value;
  g_free (check->value_text);
  check->value_text = value_text;
  g_free (check->message);
  check->message = message;
}

void
bk_photo_report_set_geometry (BkPhotoReport *self, int width, int height, int orientation)
{
  g_return_if_fail (BK_IS_PHOTO_REPORT (self));

  self->width = width;
  self->height = height;
  self->orientation = orientation;
}

void
bk_photo_report_set_regions (BkPhotoReport *self,
                             const BkPhotoRect *band,
                             guint n_band,
                             const BkPhotoRect *failures,
                             guint n_failures,
                             const BkPhotoRect *face)
{
  g_return_if_fail (BK_IS_PHOTO_REPORT (self));

  g_array_set_size (self->band, 0);
  g_array_append_vals (self->band, band, n_band);
  g_array_set_size (self->failures, 0);
  g_array_append_vals (self->failures, failures, n_failures);
  self->has_face = face != NULL;
  if (face != NULL)
    self->face = *face;
}

/**
 * bk_photo_report_get_check:
 *
 * Returns: (transfer none): the verdict of one rule; its verdict is
 *   %BK_PHOTO_VERDICT_NOT_EVALUATED when an earlier failure made it moot
 */
const BkPhotoCheck *
bk_photo_report_get_check (BkPhotoReport *self, BkPhotoCheckKind kind)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), NULL);
  g_return_val_if_fail (kind < BK_PHOTO_N_CHECKS, NULL);

  return &self->checks[kind];
}

/* Accepted when no check failed; warnings are shown but do not refuse. */
gboolean
bk_photo_report_get_accepted (BkPhotoReport *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), FALSE);

  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    if (self->checks[i].verdict == BK_PHOTO_VERDICT_FAIL)
      return FALSE;
  return self->checks[BK_PHOTO_CHECK_FORMAT].verdict == BK_PHOTO_VERDICT_PASS;
}

/* Width after the EXIF orientation, at full resolution; 0 when unknown. */
int
bk_photo_report_get_width (BkPhotoReport *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), 0);

  return self->width;
}

int
bk_photo_report_get_height (BkPhotoReport *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), 0);

  return self->height;
}

int
bk_photo_report_get_orientation (BkPhotoReport *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), 1);

  return self->orientation;
}

/**
 * bk_photo_report_get_background_band:
 * @n_rects: (out): the number of rectangles, 0 when the background was not measured
 *
 * Returns: (transfer none) (array length=n_rects): the sampled band, in
 *   pixels of the oriented photo
 */
const BkPhotoRect *
bk_photo_report_get_background_band (BkPhotoReport *self, guint *n_rects)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);

  *n_rects = self->band->len;
  return (const BkPhotoRect *) self->band->data;
}

/**
 * bk_photo_report_get_background_failures:
 * @n_rects: (out): the number of rectangles
 *
 * Returns: (transfer none) (array length=n_rects): the parts of the band
 *   that are not white, or stand out from the rest, in pixels of the
 *   oriented photo
 */
const BkPhotoRect *
bk_photo_report_get_background_failures (BkPhotoReport *self, guint *n_rects)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);

  *n_rects = self->failures->len;
  return (const BkPhotoRect *) self->failures->data;
}

/* The region the sharpness was measured on; FALSE when it was not. */
gboolean
bk_photo_report_get_face_region (BkPhotoReport *self, BkPhotoRect *region)
{
  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  if (self->has_face)
    *region = self->face;
  return self->has_face;
}

JsonNode *
bk_photo_report_to_json (BkPhotoReport *self, const char *file_name)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BK_IS_PHOTO_REPORT (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file_name);
  json_builder_set_member_name (builder, "accepted");
  json_builder_add_boolean_value (builder, bk_photo_report_get_accepted (self));
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, bk_photo_report_get_width (self));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, bk_photo_report_get_height (self));
  json_builder_set_member_name (builder, "orientation");
  json_builder_add_int_value (builder, bk_photo_report_get_orientation (self));
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_object (builder);
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      const BkPhotoCheck *check = bk_photo_report_get_check (self, i);

      json_builder_set_member_name (builder, bk_photo_check_kind_to_string (i));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pass");
      if (check->verdict == BK_PHOTO_VERDICT_NOT_EVALUATED)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, bk_photo_check_passed (check));
      if (check->verdict == BK_PHOTO_VERDICT_WARNING)
        {
          json_builder_set_member_name (builder, "warning");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_set_member_name (builder, "value");
      /* The size is a count of bytes; the other measures keep 4 decimals. */
      if (i == BK_PHOTO_CHECK_SIZE && !isnan (check->value))
        json_builder_add_int_value (builder, (gint64) check->value);
      else if (!isnan (check->value))
        json_builder_add_double_value (builder, round (check->value * 10000.0) / 10000.0);
      else if (check->value_text != NULL)
        json_builder_add_string_value (builder, check->value_text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      if (check->message != NULL)
        json_builder_add_string_value (builder, check->message);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
bk_photo_format_measure (double value, double limit, int decimals)
{
  int d = MAX (decimals, 0);

  for (; d < 6; d++)
    {
      char format[8];
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      double shown;

      g_snprintf (format, sizeof format, "%%.%df", d);
      shown = g_ascii_strtod (g_ascii_formatd (text, sizeof text, format, value), NULL);
      /* On the same side of the limit as the value itself. */
      if ((value > limit && shown > limit) || (value < limit && shown < limit) || value == limit)
        break;
    }
  return g_strdup_printf ("%.*f", d, value);
}
