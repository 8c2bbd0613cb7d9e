/* bk-photo-standardise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include <jpeglib.h>

#include "bk-photo-analysis.h"
#include "bk-photo-checker.h"
#include "bk-photo-decoder.h"
#include "bk-photo-error.h"
#include "bk-photo-file.h"
#include "bk-photo-standardise.h"

#define HEAD_MARGIN      0.08 /* space above the head, as a share of the height */
#define SUBJECT_MIN      0.02 /* share of a row that must be subject to count */
#define ASPECT_SLACK     0.02 /* how close to 295 : 413 a 2-inch source already is */
#define DECODE_OVERSHOOT 2    /* decode at least this much larger than the output */

typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
} EncodeState;

static void
encode_error_cb (j_common_ptr cinfo)
{
  EncodeState *state = (EncodeState *) cinfo->err;

  (*cinfo->err->format_message) (cinfo, state->message);
  longjmp (state->jump, 1);
}

/* Baseline, JFIF at 300 dpi, and nothing else: no EXIF, no ICC, no comments. */
static GBytes *
encode_jpeg (const BkPhotoImage *image, int quality, GError **error)
{
  struct jpeg_compress_struct cinfo;
  EncodeState state;
  unsigned char *volatile buffer = NULL;
  unsigned long size = 0;

  cinfo.err = jpeg_std_error (&state.pub);
  state.pub.error_exit = encode_error_cb;
  if (setjmp (state.jump))
    {
      jpeg_destroy_compress (&cinfo);
      free (buffer);
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO, "%s", state.message);
      return NULL;
    }

  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, (unsigned char **) &buffer, &size);
  cinfo.image_width = (JDIMENSION) image->width;
  cinfo.image_height = (JDIMENSION) image->height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, quality, TRUE);
  cinfo.dct_method = JDCT_ISLOW;
  cinfo.optimize_coding = TRUE;
  cinfo.density_unit = 1;
  cinfo.X_density = 300;
  cinfo.Y_density = 300;
  /* Full-resolution colour at high quality: the ticket photo is small. */
  if (quality >= 90)
    for (int i = 0; i < cinfo.num_components; i++)
      cinfo.comp_info[i].h_samp_factor = cinfo.comp_info[i].v_samp_factor = 1;

  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW row = image->pixels + (gsize) cinfo.next_scanline * image->width * 3;
      jpeg_write_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);

  {
    GBytes *bytes = g_bytes_new (buffer, size);
    free (buffer);
    return bytes;
  }
}

/* The subject is whatever is not background: its horizontal centre and the
 * top of the head place the crop. */
static void
find_subject (const BkPhotoImage *image, int *centre_x, int *top_y)
{
  g_autofree gint64 *columns = g_new0 (gint64, image->width);
  gint64 total = 0, half = 0;
  int lower = (int) (image->height * 0.6);

  *centre_x = image->width / 2;
  *top_y = -1;
  for (int y = 0; y < lower; y++)
    {
      const guint8 *p = image->pixels + (gsize) y * image->width * 3;
      int in_row = 0;

      for (int x = 0; x < image->width; x++, p += 3)
        {
          float l, a, b;

          bk_photo_srgb_to_lab (p[0], p[1], p[2], &l, &a, &b);
          if (l < 88.0f || a * a + b * b > 144.0f)
            {
              columns[x]++;
              in_row++;
            }
        }
      if (*top_y < 0 && in_row > image->width * SUBJECT_MIN)
        *top_y = y;
      total += in_row;
    }
  if (total == 0)
    return;
  for (int x = 0; x < image->width; x++)
    {
      half += columns[x];
      if (half * 2 >= total)
        {
          *centre_x = x;
          break;
        }
    }
}

static GBytes *
standardise_image (const BkPhotoImage *image, int target_w, int target_h, GError **error)
{
  g_autoptr (BkPhotoImage) cropped = NULL;
  g_autoptr (BkPhotoImage) resized = NULL;
  int crop_w, crop_h, x0, y0, centre_x, top_y;
  static const int qualities[] = { 92, 95, 98, 100 };
  GBytes *bytes = NULL;

  crop_w = MIN (image->width, (int) floor ((double) image->height * target_w / target_h));
  crop_h = MIN (image->height, (int) lround ((double) crop_w * target_h / target_w));
  find_subject (image, &centre_x, &top_y);
  x0 = CLAMP (centre_x - crop_w / 2, 0, image->width - crop_w);
  y0 = top_y < 0 ? (image->height - crop_h) / 2 : (int) (top_y - HEAD_MARGIN * crop_h);
  y0 = CLAMP (y0, 0, image->height - crop_h);

  cropped = bk_photo_image_crop (image, x0, y0, crop_w, crop_h);
  if (cropped == NULL)
    goto oom;
  resized = bk_photo_image_resample (cropped, target_w, target_h, BK_PHOTO_FILTER_LANCZOS);
  if (resized == NULL)
    goto oom;

  /* The 30 KiB rule is about the source, but the official tool re-checks
   * what it wrote: raise the quality until the output meets it too. */
  for (gsize i = 0; i < G_N_ELEMENTS (qualities); i++)
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = encode_jpeg (resized, qualities[i], error);
      if (bytes == NULL)
        return NULL;
      if (g_bytes_get_size (bytes) >= BK_PHOTO_MIN_FILE_SIZE)
        break;
    }
  return bytes;

oom:
  g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE,
                       _ ("There is not enough memory to process the photo."));
  return NULL;
}

static guint
count_failures (BkPhotoReport *report)
{
  guint n = 0;

  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    if (bk_photo_report_get_check (report, i)->verdict == BK_PHOTO_VERDICT_FAIL)
      n++;
  return n;
}

/**
 * bk_photo_standardise_data:
 * @report: (out) (optional) (transfer full): on success the report of the
 *   written photo; on refusal the report that says why
 *
 * Makes the ticket photo from an accepted source: the 295 : 413 crop
 * around the subject, resized with a Lanczos-3 filter to 295 × 413 (or
 * 413 × 579 when the source is already a 2-inch photo of at least that
 * size), oriented upright, baseline JPEG without metadata. The result is
 * checked again and only returned when it passes every rule.
 *
 * Returns: (transfer full): the JPEG, or %NULL with @error set
 */
GBytes *
bk_photo_standardise_data (const guint8 *data, gsize length, BkPhotoReport **report, GError **error)
{
  g_autoptr (BkPhotoReport) source_report = NULL;
  g_autoptr (BkPhotoReport) output_report = NULL;
  g_autoptr (BkPhotoImage) image = NULL;
  g_autoptr (GBytes) bytes = NULL;
  BkPhotoDecodeOptions options = { 0 };
  BkPhotoHeader header;
  int width, height, crop_w, crop_h, target_w, target_h;
  gboolean two_inch;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source_report = bk_photo_check_data (data, length);
  if (!bk_photo_report_get_accepted (source_report))
    {
      guint n = count_failures (source_report);

      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The photo breaks %u rule, so it cannot be standardised; fix it "
                                "first.",
                                "The photo breaks %u rules, so it cannot be standardised; fix "
                                "them first.",
                                n),
                   n);
      if (report != NULL)
        *report = g_steal_pointer (&source_report);
      return NULL;
    }

  width = bk_photo_report_get_width (source_report);
  height = bk_photo_report_get_height (source_report);
  two_inch = fabs ((double) width / height -
                   (double) BK_PHOTO_STANDARD_WIDTH / BK_PHOTO_STANDARD_HEIGHT) < ASPECT_SLACK &&
             width >= BK_PHOTO_STANDARD_LARGE_WIDTH && height >= BK_PHOTO_STANDARD_LARGE_HEIGHT &&
             width < 2 * BK_PHOTO_STANDARD_LARGE_WIDTH;
  target_w = two_inch ? BK_PHOTO_STANDARD_LARGE_WIDTH : BK_PHOTO_STANDARD_WIDTH;
  target_h = two_inch ? BK_PHOTO_STANDARD_LARGE_HEIGHT : BK_PHOTO_STANDARD_HEIGHT;

  /* Decode only as large as the crop needs, with room for the filter. */
  crop_w = MIN (width, height * target_w / target_h);
  crop_h = MAX (1, crop_w * target_h / target_w);
  options.min_width = (int) MIN ((gint64) width,
                                 (gint64) DECODE_OVERSHOOT * target_w * width / MAX (1, crop_w));
  options.min_height = (int) MIN ((gint64) height,
                                  (gint64) DECODE_OVERSHOOT * target_h * height / MAX (1, crop_h));
  if (!bk_photo_decode (data, length, &options, &header, &image, error))
    return NULL;

  bytes = standardise_image (image, target_w, target_h, error);
  if (bytes == NULL)
    return NULL;

  output_report = bk_photo_check_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (!bk_photo_report_get_accepted (output_report))
    {
      g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_REFUSED,
                           _ ("The standardised photo would not pass the rules (see below). "
                              "Take a photo with more space around the head."));
      if (report != NULL)
        *report = g_steal_pointer (&output_report);
      return NULL;
    }
  if (report != NULL)
    *report = g_steal_pointer (&output_report);
  return g_steal_pointer (&bytes);
}

/**
 * bk_photo_standardise:
 * @report: (out) (optional) (transfer full): see bk_photo_standardise_data()
 *
 * Reads @input and writes its standardised photo to @output (atomically);
 * nothing is written when the photo is refused.
 */
gboolean
bk_photo_standardise (const char *input, const char *output, BkPhotoReport **report, GError **error)
{
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  const guint8 *data;
  gsize length = 0;

  g_return_val_if_fail (input != NULL && output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Before the work: where it goes must be fit to receive it. */
  if (!bk_photo_check_output (input, output, error))
    return FALSE;
  contents = bk_photo_read_file (input, error);
  if (contents == NULL)
    return FALSE;
  data = g_bytes_get_data (contents, &length);
  bytes = bk_photo_standardise_data (data, length, report, error);
  if (bytes == NULL)
    return FALSE;
  /* Checked again: the decoding took a while. */
  if (!bk_photo_check_output (input, output, error))
    return FALSE;
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_autofree char *name = g_filename_display_name (output);

      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _ ("Cannot write “%s”: %s. Name a file in a folder you may write to."), name,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
