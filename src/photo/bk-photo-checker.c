/* bk-photo-checker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <sys/stat.h>

#include "bk-photo-analysis.h"
#include "bk-photo-checker.h"
#include "bk-photo-decoder.h"
#include "bk-photo-error.h"
#include "bk-photo-report-private.h"
#include "bk-photo-sniff.h"

#define WORKING_MAX_WIDTH    1180 /* for the enlargement check */
#define WORKING_MAX_HEIGHT   1652 /* the same, for the 295 : 413 aspect */
#define SHARPNESS_WIDTH      295
#define SHARPNESS_MIN        100.0
#define BACKGROUND_MIN_WHITE 0.95
#define BACKGROUND_MAX_SD    4.0
#define UPSCALED_FAIL_BELOW  0.03
#define UPSCALED_WARN_BELOW  0.05
#define COLOURED_MIN_SHARE   0.01

/* A check that was not run still says why, for the UI's list. */
static void
explain_skipped (BkPhotoReport *report)
{
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    if (bk_photo_report_get_check (report, i)->verdict == BK_PHOTO_VERDICT_NOT_EVALUATED)
      bk_photo_report_take_check (report, i, BK_PHOTO_VERDICT_NOT_EVALUATED, NAN, NULL,
                                  g_strdup (_ ("Not checked, because the file could not be read "
                                               "as a photo.")));
}

static void
check_size (BkPhotoReport *report, gsize length, BkPhotoFileKind kind)
{
  g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, length);

  if (length == 0)
    /* Not a quality problem: nothing was read (a cloud file not downloaded,
     * a copy cut off). */
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_SIZE, BK_PHOTO_VERDICT_FAIL, 0.0, NULL,
                                g_strdup (_ ("The file is empty (0 bytes): it holds no photo. "
                                             "Choose the photo file again; if it is on a phone "
                                             "or in the cloud, copy it to this computer "
                                             "first.")));
  else if (length < BK_PHOTO_MIN_FILE_SIZE && kind != BK_PHOTO_FILE_JPEG)
    /* Advice about JPEG quality would not help a file that is no JPEG;
     * the format check says what to do. */
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_SIZE, BK_PHOTO_VERDICT_FAIL, (double) length, NULL,
      g_strdup_printf (
        /* TRANSLATORS: %s is a number of bytes */
        _ ("The file is %s bytes; a photo must be at least 30 KB (30,720 bytes). It is not a JPEG "
           "photo either: see the format check."),
        bytes));
  else if (length >= BK_PHOTO_MIN_FILE_SIZE)
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_SIZE, BK_PHOTO_VERDICT_PASS, (double) length, NULL,
      /* TRANSLATORS: %s is a number of bytes */
      g_strdup_printf (
        _ ("The file is %s bytes: at least 30 KB, counted as 30 KiB = 30,720 bytes."), bytes));
  else
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_SIZE, BK_PHOTO_VERDICT_FAIL, (double) length, NULL,
      g_strdup_printf (
        /* TRANSLATORS: %s is a number of bytes */
        _ ("The file is %s bytes, but it must be at least 30 KB, counted as 30 KiB = 30,720 bytes. "
           "Save the photo again with a higher JPEG quality (less compression), or use the "
           "original photo rather than a copy from a messaging app."),
        bytes));
}

static void
check_not_jpeg (BkPhotoReport *report, BkPhotoFileKind kind)
{
  char *message;

  if (kind == BK_PHOTO_FILE_EMPTY)
    message = g_strdup (_ ("The file is empty. Choose the photo file again."));
  else if (kind == BK_PHOTO_FILE_UNKNOWN || kind == BK_PHOTO_FILE_TEXT)
    /* TRANSLATORS: %s is e.g. “a text file” */
    message = g_strdup_printf (_ ("This file is %s, not a JPEG photo. Choose the photo file "
                                  "itself, saved as JPEG (.jpg)."),
                               bk_photo_file_kind_describe (kind));
  else
    /* TRANSLATORS: %s is e.g. “a PNG image”; renaming a file does not change its format */
    message = g_strdup_printf (_ ("This file is %s, not a JPEG photo, whatever its name says. "
                                  "Open it in an image editor or your phone’s gallery and "
                                  "export or save it as JPEG (.jpg)."),
                               bk_photo_file_kind_describe (kind));
  bk_photo_report_take_check (report, BK_PHOTO_CHECK_FORMAT, BK_PHOTO_VERDICT_FAIL, NAN,
                              g_strdup (bk_photo_file_kind_to_string (kind)), message);
}

static void
check_dimensions (BkPhotoReport *report, int width, int height)
{
  char *text = g_strdup_printf ("%dx%d", width, height);

  if ((width < BK_PHOTO_MIN_WIDTH || height < BK_PHOTO_MIN_HEIGHT) && width >= height)
    /* Small and lying down: a reduced copy is not the first fault. */
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_FAIL, NAN, text,
      g_strdup_printf (
        /* TRANSLATORS: width × height in pixels */
        _ ("The photo is %d × %d pixels: not upright, and too small. An ID photo is upright "
           "(portrait), at least 295 pixels wide and 413 pixels high; use an upright photo at "
           "its original size."),
        width, height));
  else if (width < BK_PHOTO_MIN_WIDTH || height < BK_PHOTO_MIN_HEIGHT)
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_FAIL, NAN, text,
      g_strdup_printf (
        /* TRANSLATORS: width × height in pixels */
        _ ("The photo is %d × %d pixels; it must be at least 295 pixels wide and 413 pixels high. "
           "Use the original photo rather than a reduced copy (messaging apps shrink photos)."),
        width, height));
  else if (width == height)
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_FAIL, NAN, text,
      g_strdup_printf (
        /* TRANSLATORS: width × height in pixels */
        _ ("The photo is %d × %d pixels, square. An ID photo is upright (portrait), higher "
           "than it is wide: crop it to the shape of an ID photo (for example 295 × 413)."),
        width, height));
  else if (width > height)
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_FAIL, NAN, text,
      g_strdup_printf (
        /* TRANSLATORS: width × height in pixels */
        _ ("The photo is %d × %d pixels, wider than it is high. An ID photo is upright "
           "(portrait): rotate or crop it."),
        width, height));
  else
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_PASS, NAN, text,
                                /* TRANSLATORS: width × height in pixels */
                                g_strdup_printf (_ ("The photo is %d × %d pixels, upright and "
                                                    "large enough."),
                                                 width, height));
}

static void
check_decode_failure (BkPhotoReport *report, const BkPhotoHeader *header, const GError *error)
{
  gboolean swap = header->orientation >= 5;
  int width = swap ? header->height : header->width;
  int height = swap ? header->width : header->height;

  if (width > 0 && height > 0)
    bk_photo_report_set_geometry (report, width, height, header->orientation);

  if (g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE) &&
      (guint64) width * height > BK_PHOTO_MAX_PIXELS)
    {
      /* The real value, never rounded down to the limit: 40.3, 40.01. */
      g_autofree char *megapixels = bk_photo_format_measure ((double) width * height / 1e6,
                                                             BK_PHOTO_MAX_PIXELS / 1e6, 1);

      /* Refused from the header alone: nothing was decoded. */
      bk_photo_report_take_check (
        report, BK_PHOTO_CHECK_DIMENSIONS, BK_PHOTO_VERDICT_FAIL, NAN,
        g_strdup_printf ("%dx%d", width, height),
        g_strdup_printf (
          /* TRANSLATORS: width × height in pixels, then megapixels, e.g. 40.3 */
          _ ("The photo is %d × %d pixels (%s megapixels); photos above 40 megapixels are not "
             "opened, to keep your computer safe. Reduce it to at most 40 megapixels, or use "
             "your phone’s normal photo size."),
          width, height, megapixels));
      return;
    }

  if (width > 0 && height > 0)
    check_dimensions (report, width, height);

  if (g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TRUNCATED))
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_FORMAT, BK_PHOTO_VERDICT_FAIL, NAN,
                                g_strdup ("truncated-jpeg"),
                                g_strdup (_ ("This JPEG file is incomplete: it ends before the "
                                             "picture does, so part of the photo is missing. It "
                                             "was probably cut off while copying or "
                                             "downloading; copy it again from the original.")));
  else if (g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE))
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_FORMAT, BK_PHOTO_VERDICT_FAIL, NAN, g_strdup ("unsafe-jpeg"),
      /* TRANSLATORS: %s is a technical detail in English */
      g_strdup_printf (_ ("This JPEG file is too complex to open safely (%s). Open it in an image "
                          "editor and save it again as a standard JPEG."),
                       error->message));
  else
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_FORMAT, BK_PHOTO_VERDICT_FAIL, NAN, g_strdup ("corrupt-jpeg"),
      /* TRANSLATORS: %s is a technical detail in English */
      g_strdup_printf (_ ("This JPEG file is damaged (%s), so the photo cannot be shown as it "
                          "was taken. Copy it again from the original, or save the original "
                          "again as JPEG."),
                       error->message));
}

static void
check_colour (BkPhotoReport *report, const BkPhotoHeader *header, const BkPhotoImage *working)
{
  double share = bk_photo_coloured_share (working) * 100.0;

  if (header->colours == BK_PHOTO_COLOURS_GREY)
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_COLOUR, BK_PHOTO_VERDICT_FAIL, share, NULL,
                                g_strdup (_ ("The photo is black and white (greyscale). Use a "
                                             "colour photo.")));
  else if (header->colours == BK_PHOTO_COLOURS_CMYK || header->colours == BK_PHOTO_COLOURS_YCCK)
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_COLOUR, BK_PHOTO_VERDICT_FAIL, share, NULL,
                                g_strdup (_ ("The photo is saved in CMYK, the colours of "
                                             "printing, which screens and the exam system do not "
                                             "use. Open it in an image editor and save it again "
                                             "in RGB colour as JPEG.")));
  else if (share < COLOURED_MIN_SHARE * 100.0)
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_COLOUR, BK_PHOTO_VERDICT_FAIL, share, NULL,
                                g_strdup (_ ("The photo has no colour: every pixel is grey. Use "
                                             "a colour photo, not a black-and-white one.")));
  else
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_COLOUR, BK_PHOTO_VERDICT_PASS, share, NULL,
                                g_strdup (_ ("The photo is in colour.")));
}

static void
check_background (BkPhotoReport *report, const BkPhotoImage *working, double to_full)
{
  BkPhotoBackgroundStats stats;
  BkPhotoRect band[BK_PHOTO_BAND_PARTS];
  g_autoptr (GArray) failed = g_array_new (FALSE, FALSE, sizeof (BkPhotoRect));
  double white = 0.0;
  BkPhotoRect face;

  bk_photo_measure_background (working, &stats, failed);
  bk_photo_background_band (working->width, working->height, band);
  bk_photo_face_region (working->width, working->height, &face);
  white = stats.white_share * 100.0;

  if (stats.white_share < BACKGROUND_MIN_WHITE)
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_BACKGROUND, BK_PHOTO_VERDICT_FAIL, white, NULL,
      /* TRANSLATORS: %.0f%% is a percentage; keep %% */
      g_strdup_printf (_ ("Only %.0f%% of the background above and beside the head is white; at "
                          "least 95%% must be. Take the photo again in front of a plain white "
                          "wall or sheet, in even light, without shadows."),
                       floor (white)));
  else if (stats.l_stddev > BACKGROUND_MAX_SD)
    {
      /* 4.04 reads "4.04", not "4.0" against "at most 4". */
      g_autofree char *spread = bk_photo_format_measure (stats.l_stddev, BACKGROUND_MAX_SD, 1);

      bk_photo_report_take_check (
        report, BK_PHOTO_CHECK_BACKGROUND, BK_PHOTO_VERDICT_FAIL, white, NULL,
        /* TRANSLATORS: %s is the standard deviation of lightness, e.g. 4.3 */
        g_strdup_printf (_ ("The background is white but uneven (its lightness varies by %s; at "
                            "most 4 is allowed): a shadow or a gradient. Light the wall evenly "
                            "and stand a step away from it."),
                         spread));
    }
  else
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_BACKGROUND, BK_PHOTO_VERDICT_PASS, white, NULL,
      /* TRANSLATORS: %.0f%% is a percentage; keep %% */
      g_strdup_printf (_ ("The background is white and even (%.0f%% white)."), floor (white)));

  /* The UI draws on the full-size oriented photo. */
  for (int i = 0; i < BK_PHOTO_BAND_PARTS; i++)
    band[i] = (BkPhotoRect){ (int) lround (band[i].x * to_full), (int) lround (band[i].y * to_full),
                             (int) lround (band[i].width * to_full),
                             (int) lround (band[i].height * to_full) };
  for (guint i = 0; i < failed->len; i++)
    {
      BkPhotoRect *r = &g_array_index (failed, BkPhotoRect, i);
      *r = (BkPhotoRect){ (int) lround (r->x * to_full), (int) lround (r->y * to_full),
                          (int) lround (r->width * to_full), (int) lround (r->height * to_full) };
    }
  face = (BkPhotoRect){ (int) lround (face.x * to_full), (int) lround (face.y * to_full),
                        (int) lround (face.width * to_full), (int) lround (face.height * to_full) };
  bk_photo_report_set_regions (report, band, BK_PHOTO_BAND_PARTS, (BkPhotoRect *) failed->data,
                               failed->len, &face);
}

/* @luma covers @subject of a @width × @height image; the face is inside it. */
static void
check_sharpness (
  BkPhotoReport *report, const float *luma, const BkPhotoRect *subject, int width, int height)
{
  BkPhotoRect face;
  double variance;

  bk_photo_face_region (width, height, &face);
  face.x = MAX (0, face.x - subject->x);
  face.y = MAX (0, face.y - subject->y);
  face.width = MIN (face.width, subject->width - face.x);
  face.height = MIN (face.height, subject->height - face.y);
  if (face.width <= 0 || face.height <= 0)
    return;
  variance = bk_photo_laplacian_variance (luma, subject->width, &face);
  if (isnan (variance))
    return;
  if (variance < SHARPNESS_MIN)
    {
      /* 99.6 reads "99.6", not "100" against "at least 100". */
      g_autofree char *sharpness = bk_photo_format_measure (variance, SHARPNESS_MIN, 0);

      bk_photo_report_take_check (
        report, BK_PHOTO_CHECK_SHARPNESS, BK_PHOTO_VERDICT_FAIL, variance, NULL,
        /* TRANSLATORS: %s is the measured sharpness, e.g. 62 */
        g_strdup_printf (_ ("The face is blurred (sharpness %s; at least 100 is needed). Hold "
                            "the camera still, let it focus on the face, and take the photo in "
                            "good light."),
                         sharpness));
    }
  else
    bk_photo_report_take_check (
      report, BK_PHOTO_CHECK_SHARPNESS, BK_PHOTO_VERDICT_PASS, variance, NULL,
      /* TRANSLATORS: %.0f is the measured sharpness */
      g_strdup_printf (_ ("The face is sharp (sharpness %.0f)."), variance));
}

/* @stored is the working image as stored in the file: rotating and
 * mirroring do not change the power along rows and columns taken together,
 * so only the subject's rectangle is mapped, never the pixels. */
/* @stored is the working image as stored in the file: rotating and
 * mirroring do not change the power along rows and columns taken together,
 * so only the subject's rectangle is mapped, never the pixels. @luma is
 * the working image's luma when the caller already has it. */
/* @stored is the working image as stored in the file: rotating and
 * mirroring do not change the power along rows and columns taken together,
 * so only the subject's rectangle is mapped, never the pixels. @subject_luma
 * is that rectangle's luma when the caller already has it. */
static void
check_upscaled (BkPhotoReport *report,
                const BkPhotoImage *stored,
                int orientation,
                const float *subject_luma)
{
  g_autofree float *luma = NULL;
  gboolean swap = orientation >= 5;
  BkPhotoRect subject, in_stored;
  double ratio;

  bk_photo_subject_region (swap ? stored->height : stored->width,
                           swap ? stored->width : stored->height, &subject);
  bk_photo_image_stored_rect (orientation, stored->width, stored->height, &subject, &in_stored);
  if (subject_luma == NULL && (luma = bk_photo_image_luma_rect (stored, &in_stored)) == NULL)
    return;
  ratio = bk_photo_high_frequency_ratio (subject_luma != NULL ? subject_luma : luma,
                                         in_stored.width,
                                         &(BkPhotoRect){ 0, 0, in_stored.width, in_stored.height });
  if (isnan (ratio))
    return;
  if (ratio < UPSCALED_FAIL_BELOW)
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_UPSCALED, BK_PHOTO_VERDICT_FAIL, ratio, NULL,
                                g_strdup (_ ("The photo seems to have been enlarged from a "
                                             "smaller picture: it lacks the fine detail of a "
                                             "photo of this size. Use the original photo file "
                                             "at its own size, not an enlarged copy.")));
  else if (ratio < UPSCALED_WARN_BELOW)
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_UPSCALED, BK_PHOTO_VERDICT_WARNING, ratio,
                                NULL,
                                g_strdup (_ ("The photo has less fine detail than an original "
                                             "photo usually has; it may have been enlarged or "
                                             "smoothed. If you have the original file, use it "
                                             "instead.")));
  else
    bk_photo_report_take_check (report, BK_PHOTO_CHECK_UPSCALED, BK_PHOTO_VERDICT_PASS, ratio, NULL,
                                g_strdup (_ ("The photo has the fine detail of an original, not "
                                             "an enlargement.")));
}

/**
 * bk_photo_check_data:
 * @data: (array length=length): the file's bytes
 *
 * Runs every rule on a candidate's photo. Never fails: a file that is not
 * a usable JPEG gets a report that says so.
 *
 * Returns: (transfer full): the report
 */
BkPhotoReport *
bk_photo_check_data (const guint8 *data, gsize length)
{
  g_autoptr (BkPhotoReport) report = bk_photo_report_new ();
  g_autoptr (BkPhotoImage) working = NULL;
  g_autoptr (BkPhotoImage) reduced = NULL;
  g_autoptr (BkPhotoImage) small = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree float *small_luma = NULL;
  BkPhotoDecodeOptions options = { .max_width = WORKING_MAX_WIDTH,
                                   .max_height = WORKING_MAX_HEIGHT,
                                   .keep_stored_orientation = TRUE };
  BkPhotoHeader header;
  BkPhotoFileKind kind;
  int width, height;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  kind = bk_photo_sniff (data, length);
  check_size (report, length, kind);
  if (kind != BK_PHOTO_FILE_JPEG)
    {
      check_not_jpeg (report, kind);
      explain_skipped (report);
      return g_steal_pointer (&report);
    }

  if (!bk_photo_decode (data, length, &options, &header, &working, &error))
    {
      check_decode_failure (report, &header, error);
      explain_skipped (report);
      return g_steal_pointer (&report);
    }

  bk_photo_report_take_check (report, BK_PHOTO_CHECK_FORMAT, BK_PHOTO_VERDICT_PASS, NAN,
                              g_strdup (header.progressive ? "jpeg-progressive" : "jpeg-baseline"),
                              g_strdup (_ ("The file is a JPEG photo.")));

  width = header.orientation >= 5 ? header.height : header.width;
  height = header.orientation >= 5 ? header.width : header.height;
  bk_photo_report_set_geometry (report, width, height, header.orientation);
  check_dimensions (report, width, height);

  /* Colour, background and sharpness are judged at a fixed width, so a
   * 12-megapixel photo and a 295-pixel one are measured alike. Reduce
   * first, then orient the small copy: rotating the large one would cost
   * more than all the checks. */
  {
    gboolean swap = header.orientation >= 5;
    int along = swap ? working->height : working->width; /* the oriented width */
    int across = swap ? working->width : working->height;
    int small_across = MAX (1, (int) lround ((double) across * SHARPNESS_WIDTH / along));
    const BkPhotoImage *source = working;

    /* Never enlarge: a photo narrower than 295 px has failed already, and
     * enlarging a 1-pixel-wide one would need gigabytes. */
    if (along > SHARPNESS_WIDTH)
      {
        reduced = bk_photo_image_resample (working, swap ? small_across : SHARPNESS_WIDTH,
                                           swap ? SHARPNESS_WIDTH : small_across,
                                           BK_PHOTO_FILTER_BOX);
        source = reduced;
      }
    if (source == NULL)
      return g_steal_pointer (&report);
    if (header.orientation != 1)
      small = bk_photo_image_orient (source, header.orientation);
    if (small == NULL && header.orientation != 1)
      return g_steal_pointer (&report);
  }
  {
    const BkPhotoImage *shown = small != NULL ? small : reduced != NULL ? reduced : working;

    BkPhotoRect subject;

    /* Luma only where sharpness and enlargement are measured. */
    bk_photo_subject_region (shown->width, shown->height, &subject);
    if ((small_luma = bk_photo_image_luma_rect (shown, &subject)) == NULL)
      return g_steal_pointer (&report);
    check_colour (report, &header, shown);
    check_background (report, shown, (double) width / shown->width);
    check_sharpness (report, small_luma, &subject, shown->width, shown->height);
    check_upscaled (report, working, header.orientation, shown == working ? small_luma : NULL);
  }
  explain_skipped (report);

  return g_steal_pointer (&report);
}

/**
 * bk_photo_check_file:
 *
 * Reads @path and runs every rule on it (see bk_photo_check_data()).
 *
 * Returns: (transfer full): the report, or %NULL when the file cannot be read
 */
BkPhotoReport *
bk_photo_check_file (const char *path, GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Plain stat and read rather than GFile: a command-line check must not
   * pay for loading GIO's modules. */
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _ ("Cannot open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO, _ ("“%s” is not a file."), path);
      return NULL;
    }
  /* Read no more than a photo can sensibly be; a bigger file is refused. */
  if (st.st_size > BK_PHOTO_MAX_FILE_SIZE)
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE,
                   _ ("“%s” is larger than 64 MiB, far larger than a photo; choose the photo "
                      "file itself."),
                   path);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return bk_photo_check_data ((const guint8 *) contents, length);
}

static void
check_file_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  BkPhotoReport *report = bk_photo_check_file (task_data, cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/* Decoding a 12-megapixel photo takes tens of milliseconds: off the main thread. */
void
bk_photo_check_file_async (const char *path,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_photo_check_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, check_file_thread);
}

/**
 * bk_photo_check_file_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
BkPhotoReport *
bk_photo_check_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
