/* test-photo.c — the photo layer against its generated corpus, and its parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <jpeglib.h>

#include "bk-photo-analysis.h"
#include "bk-photo-report-private.h"
#include "bk-photo-decoder.h"
#include "bk-photo-exif.h"
#include "bk-photo-sniff.h"
#include "bk-photo.h"

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory, so a test that limits the address space (RLIMIT_AS) cannot run
 * under it; scripts/test runs those in the plain build. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static char *
corpus_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "photo", "corpus", name, NULL);
}

static BkPhotoReport *
check_corpus_file (const char *name)
{
  g_autofree char *path = corpus_path (name);
  g_autoptr (GError) error = NULL;
  BkPhotoReport *report = bk_photo_check_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const char *
verdict_name (const BkPhotoCheck *check)
{
  switch (check->verdict)
    {
      case BK_PHOTO_VERDICT_PASS:
        return "pass";
      case BK_PHOTO_VERDICT_WARNING:
        return "warn";
      case BK_PHOTO_VERDICT_FAIL:
        return "fail";
      case BK_PHOTO_VERDICT_NOT_EVALUATED:
      default:
        return "null";
    }
}

/* ---- the corpus, as manifest.json describes it --------------------------- */

static void
test_corpus_file (gconstpointer data)
{
  JsonObject *entry = (JsonObject *) data;
  const char *name = json_object_get_string_member (entry, "name");
  g_autoptr (BkPhotoReport) report = check_corpus_file (name);
  JsonObject *checks = json_object_get_object_member (entry, "checks");
  g_autoptr (GList) kinds = json_object_get_members (checks);

  g_test_message ("%s", name);
  /* A misspelt check in the manifest would otherwise never be compared. */
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
        known |= g_str_equal (l->data, bk_photo_check_kind_to_string (i));
      if (!known)
        g_error ("%s: manifest.json names no check “%s”", name, (const char *) l->data);
    }
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      const BkPhotoCheck *check = bk_photo_report_get_check (report, i);
      const char *kind = bk_photo_check_kind_to_string (i);

      /* Every check tells the candidate something, run or not. */
      g_assert_nonnull (check->message);
      g_assert_cmpstr (check->message, !=, "");
      if (json_object_has_member (checks, kind))
        {
          const char *expected = json_object_get_string_member (checks, kind);
          const char *got = verdict_name (check);

          /* "pass" in the manifest also accepts a warning, which does not refuse. */
          if (g_str_equal (expected, "pass") && g_str_equal (got, "warn"))
            got = "pass";
          if (!g_str_equal (expected, got))
            g_test_message ("%s: %s is %s (%g, %s)", name, kind, got, check->value, check->message);
          g_assert_cmpstr (got, ==, expected);
        }
    }

  if (json_object_has_member (entry, "accepted"))
    g_assert_cmpint (bk_photo_report_get_accepted (report), ==,
                     json_object_get_boolean_member (entry, "accepted"));

  if (json_object_has_member (entry, "values"))
    {
      JsonObject *values = json_object_get_object_member (entry, "values");
      for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
        {
          const char *kind = bk_photo_check_kind_to_string (i);
          if (json_object_has_member (values, kind))
            g_assert_cmpstr (bk_photo_report_get_check (report, i)->value_text, ==,
                             json_object_get_string_member (values, kind));
        }
    }
}

/* ---- decoding -------------------------------------------------------------- */

static void
assert_colour (const BkPhotoImage *image, int x, int y, int r, int g, int b)
{
  const guint8 *p = image->pixels + ((gsize) y * image->width + x) * 3;

  g_assert_cmpint (ABS (p[0] - r), <, 40);
  g_assert_cmpint (ABS (p[1] - g), <, 40);
  g_assert_cmpint (ABS (p[2] - b), <, 40);
}

/* Each marker file is stored so that its orientation shows red top left,
 * green top right and blue bottom left on a 64 × 96 picture. */
static void
test_orientation (gconstpointer data)
{
  int orientation = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("marker-orient-%d.jpg", orientation);
  g_autofree char *path = corpus_path (name);
  g_autofree char *contents = NULL;
  g_autoptr (BkPhotoImage) image = NULL;
  g_autoptr (GError) error = NULL;
  BkPhotoDecodeOptions options = { .max_width = 1000, .max_height = 1000 };
  BkPhotoHeader header;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (bk_photo_decode ((guint8 *) contents, length, &options, &header, &image, &error));
  g_assert_no_error (error);
  g_assert_cmpint (header.orientation, ==, orientation);
  g_assert_cmpint (image->width, ==, 64);
  g_assert_cmpint (image->height, ==, 96);
  assert_colour (image, 4, 4, 255, 0, 0);
  assert_colour (image, 59, 4, 0, 255, 0);
  assert_colour (image, 4, 91, 0, 0, 255);
  assert_colour (image, 59, 91, 128, 128, 128);
}

/* A JPEG whose header claims width × height, with a few bytes of data. */
static GBytes *
fake_header (guint width, guint height)
{
  g_autofree char *path = corpus_path ("bomb-30000x30000.jpg");
  g_autofree char *contents = NULL;
  gsize length;
  guint8 *sof;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  sof = memmem (contents, length, "\xff\xc0", 2);
  g_assert_nonnull (sof);
  sof[5] = height >> 8;
  sof[6] = height & 0xff;
  sof[7] = width >> 8;
  sof[8] = width & 0xff;
  return g_bytes_new (contents, length);
}

/* The bomb is refused from its header: with a 256 MiB address-space limit a
 * 30000 × 30000 decode (2.7 GB of pixels) could not even start. */
static void
test_bomb (void)
{
#ifdef UNDER_ASAN
  g_test_skip ("RLIMIT_AS cannot be set under AddressSanitizer; the plain build runs this test");
  return;
#endif
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 256 * 1024 * 1024, 256 * 1024 * 1024 };
      g_autoptr (BkPhotoReport) report = NULL;
      const BkPhotoCheck *dimensions;

      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
      report = check_corpus_file ("bomb-30000x30000.jpg");
      dimensions = bk_photo_report_get_check (report, BK_PHOTO_CHECK_DIMENSIONS);
      g_assert_cmpint (dimensions->verdict, ==, BK_PHOTO_VERDICT_FAIL);
      g_assert_cmpstr (dimensions->value_text, ==, "30000x30000");
      g_assert_nonnull (strstr (dimensions->message, "40"));
      g_assert_false (bk_photo_report_get_accepted (report));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_pixel_limit (void)
{
  BkPhotoDecodeOptions options = { .header_only = TRUE };
  BkPhotoHeader header;
  g_autoptr (BkPhotoImage) image = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) over = fake_header (6325, 6325);  /* 40,005,625 pixels */
  g_autoptr (GBytes) under = fake_header (6324, 6324); /* 39,992,976 pixels */

  g_assert_false (bk_photo_decode (g_bytes_get_data (over, NULL), g_bytes_get_size (over), &options,
                                   &header, &image, &error));
  g_assert_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE);
  g_assert_null (image);
  g_assert_cmpint (header.width, ==, 6325);
  g_clear_error (&error);

  g_assert_true (bk_photo_decode (g_bytes_get_data (under, NULL), g_bytes_get_size (under),
                                  &options, &header, NULL, &error));
  g_assert_no_error (error);

  /* Under the limit, the missing data is found and reported as truncation. */
  options.header_only = FALSE;
  options.max_width = options.max_height = 1180;
  g_assert_false (bk_photo_decode (g_bytes_get_data (under, NULL), g_bytes_get_size (under),
                                   &options, &header, &image, &error));
  g_assert_true (g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TRUNCATED) ||
                 g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_FORMAT));
  g_assert_null (image);
}

/* A progressive JPEG of @n_scans scans: the DC scan, then single-coefficient
 * AC bands of the first component, then the other two split into bands. */
static GBytes *
encode_with_scans (int n_scans)
{
  g_autofree char *path = corpus_path ("good-295x413.jpg");
  g_autofree char *contents = NULL;
  g_autoptr (BkPhotoImage) image = NULL;
  BkPhotoDecodeOptions options = { .max_width = 1000, .max_height = 1000 };
  BkPhotoHeader header;
  struct jpeg_compress_struct cinfo;
  struct jpeg_error_mgr jerr;
  g_autofree jpeg_scan_info *scans = g_new0 (jpeg_scan_info, n_scans);
  unsigned char *buffer = NULL;
  unsigned long size = 0;
  int bands[3], n = 0;
  GBytes *bytes;
  gsize length;

  /* 1 + 63 + b1 + b2 scans; b1, b2 ≤ 63 bands of coefficients 1–63. */
  g_assert_cmpint (n_scans, >=, 66);
  g_assert_cmpint (n_scans, <=, 190);
  bands[0] = 63;
  bands[1] = (n_scans - 64 + 1) / 2;
  bands[2] = n_scans - 64 - bands[1];

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (bk_photo_decode ((guint8 *) contents, length, &options, &header, &image, NULL));

  scans[n++] = (jpeg_scan_info){ 3, { 0, 1, 2 }, 0, 0, 0, 0 };
  for (int c = 0; c < 3; c++)
    for (int b = 0; b < bands[c]; b++)
      {
        int first = 1 + b * 63 / bands[c];
        int last = (b + 1) * 63 / bands[c];
        scans[n++] = (jpeg_scan_info){ 1, { c }, first, last, 0, 0 };
      }
  g_assert_cmpint (n, ==, n_scans);

  cinfo.err = jpeg_std_error (&jerr);
  jpeg_create_compress (&cinfo);
  jpeg_mem_dest (&cinfo, &buffer, &size);
  cinfo.image_width = image->width;
  cinfo.image_height = image->height;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults (&cinfo);
  jpeg_set_quality (&cinfo, 95, TRUE);
  cinfo.scan_info = scans;
  cinfo.num_scans = n_scans;
  jpeg_start_compress (&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height)
    {
      JSAMPROW row = image->pixels + (gsize) cinfo.next_scanline * image->width * 3;
      jpeg_write_scanlines (&cinfo, &row, 1);
    }
  jpeg_finish_compress (&cinfo);
  jpeg_destroy_compress (&cinfo);
  bytes = g_bytes_new (buffer, size);
  free (buffer);
  return bytes;
}

/* Progressive scans are capped: 100 decode, 101 are refused before the
 * decoder spends time on them. */
static void
test_scan_cap (void)
{
  g_autoptr (GBytes) at_cap = encode_with_scans (BK_PHOTO_MAX_SCANS);
  g_autoptr (GBytes) over_cap = encode_with_scans (BK_PHOTO_MAX_SCANS + 1);
  g_autoptr (GBytes) many = encode_with_scans (190);
  g_autoptr (BkPhotoReport) ok = NULL;
  g_autoptr (BkPhotoReport) over = NULL;
  g_autoptr (BkPhotoReport) worse = NULL;
  const BkPhotoCheck *format;

  ok = bk_photo_check_data (g_bytes_get_data (at_cap, NULL), g_bytes_get_size (at_cap));
  format = bk_photo_report_get_check (ok, BK_PHOTO_CHECK_FORMAT);
  g_assert_cmpint (format->verdict, ==, BK_PHOTO_VERDICT_PASS);
  g_assert_cmpstr (format->value_text, ==, "jpeg-progressive");

  over = bk_photo_check_data (g_bytes_get_data (over_cap, NULL), g_bytes_get_size (over_cap));
  worse = bk_photo_check_data (g_bytes_get_data (many, NULL), g_bytes_get_size (many));
  format = bk_photo_report_get_check (over, BK_PHOTO_CHECK_FORMAT);
  g_assert_cmpint (format->verdict, ==, BK_PHOTO_VERDICT_FAIL);
  g_assert_cmpstr (format->value_text, ==, "unsafe-jpeg");
  g_assert_false (bk_photo_report_get_accepted (over));
  g_assert_cmpstr (bk_photo_report_get_check (worse, BK_PHOTO_CHECK_FORMAT)->value_text, ==,
                   "unsafe-jpeg");
}

/* A 12-megapixel photo is decoded with DCT scaling, never at full size. */
static void
test_dct_scaling (void)
{
  g_autofree char *path = corpus_path ("phone-12mp.jpg");
  g_autofree char *contents = NULL;
  g_autoptr (BkPhotoImage) image = NULL;
  g_autoptr (GError) error = NULL;
  BkPhotoDecodeOptions options = { .max_width = 1180, .max_height = 1652 };
  BkPhotoHeader header;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (bk_photo_decode ((guint8 *) contents, length, &options, &header, &image, &error));
  g_assert_no_error (error);
  g_assert_cmpint (header.orientation, ==, 6);
  g_assert_cmpint (header.scale_num, ==, 2);
  g_assert_cmpint (image->width, ==, 750);
  g_assert_cmpint (image->height, ==, 1000);
}

/* ---- small parts --------------------------------------------------------------- */

static void
test_exif (void)
{
  static const guint8 big[] = { 'E',  'x',  'i', 'f', 0, 0, 'M', 'M', 0, '*', 0, 0, 0, 8, 0, 1,
                                0x01, 0x12, 0,   3,   0, 0, 0,   1,   0, 6,   0, 0, 0, 0, 0, 0 };
  static const guint8 little[] = { 'E', 'x',  'i',  'f', 0, 0, 'I', 'I', '*', 0, 8, 0, 0, 0, 1,
                                   0,   0x12, 0x01, 3,   0, 1, 0,   0,   0,   8, 0, 0, 0, 0, 0 };
  guint8 bad[sizeof big];

  g_assert_cmpint (bk_photo_exif_orientation (big, sizeof big), ==, 6);
  g_assert_cmpint (bk_photo_exif_orientation (little, sizeof little), ==, 8);
  /* Truncated entry, IFD offset past the end, value out of range: as stored. */
  g_assert_cmpint (bk_photo_exif_orientation (big, 20), ==, 1);
  memcpy (bad, big, sizeof big);
  bad[13] = 0xf0;
  g_assert_cmpint (bk_photo_exif_orientation (bad, sizeof bad), ==, 1);
  memcpy (bad, big, sizeof big);
  bad[25] = 9;
  g_assert_cmpint (bk_photo_exif_orientation (bad, sizeof bad), ==, 1);
  g_assert_cmpint (bk_photo_exif_orientation (NULL, 0), ==, 1);
}

static void
test_sniff (void)
{
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "\xff\xd8\xff\xe0", 4), ==, BK_PHOTO_FILE_JPEG);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "\x89PNG\r\n\x1a\n", 8), ==, BK_PHOTO_FILE_PNG);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "\0\0\0\x18"
                                                    "ftypheic",
                                   12),
                   ==, BK_PHOTO_FILE_HEIC);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "\0\0\0\x18"
                                                    "ftypavif",
                                   12),
                   ==, BK_PHOTO_FILE_AVIF);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "GIF89a", 6), ==, BK_PHOTO_FILE_GIF);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "%PDF-1.7", 8), ==, BK_PHOTO_FILE_PDF);
  g_assert_cmpint (bk_photo_sniff ((const guint8 *) "\xff\xd8", 2), ==, BK_PHOTO_FILE_UNKNOWN);
  g_assert_cmpint (bk_photo_sniff (NULL, 0), ==, BK_PHOTO_FILE_EMPTY);
}

static void
test_lab (void)
{
  float l, a, b;

  bk_photo_srgb_to_lab (255, 255, 255, &l, &a, &b);
  g_assert_cmpfloat_with_epsilon (l, 100.0, 0.05);
  g_assert_cmpfloat_with_epsilon (a, 0.0, 0.05);
  g_assert_cmpfloat_with_epsilon (b, 0.0, 0.05);
  bk_photo_srgb_to_lab (119, 119, 119, &l, &a, &b); /* L* 50 */
  g_assert_cmpfloat_with_epsilon (l, 50.0, 0.5);
  bk_photo_srgb_to_lab (0, 0, 255, &l, &a, &b); /* sRGB blue: L* 32.3, b* −107.9 */
  g_assert_cmpfloat_with_epsilon (l, 32.3, 0.5);
  g_assert_cmpfloat_with_epsilon (b, -107.9, 0.5);
}

static void
test_laplacian (void)
{
  float luma[16 * 16];
  BkPhotoRect all = { 0, 0, 16, 16 };

  for (int i = 0; i < 16 * 16; i++)
    luma[i] = 80.0f;
  g_assert_cmpfloat_with_epsilon (bk_photo_laplacian_variance (luma, 16, &all), 0.0, 1e-9);
  /* A checkerboard of 0 and 5: the Laplacian is ±20 everywhere, variance 400;
   * of 0 and 2.5 it is ±10, variance 100, the sharpness limit. */
  for (int y = 0; y < 16; y++)
    for (int x = 0; x < 16; x++)
      luma[y * 16 + x] = ((x + y) & 1) ? 5.0f : 0.0f;
  g_assert_cmpfloat_with_epsilon (bk_photo_laplacian_variance (luma, 16, &all), 400.0, 1e-6);
  for (int i = 0; i < 16 * 16; i++)
    luma[i] /= 2.0f;
  g_assert_cmpfloat_with_epsilon (bk_photo_laplacian_variance (luma, 16, &all), 100.0, 1e-6);
}

static double
ratio_of_wave (double fraction_of_nyquist)
{
  g_autofree float *luma = g_new (float, 256 * 256);
  BkPhotoRect all = { 0, 0, 256, 256 };

  for (int y = 0; y < 256; y++)
    for (int x = 0; x < 256; x++)
      luma[y * 256 + x] = (float) (128.0 + 50.0 * sin (G_PI * fraction_of_nyquist * (x + y)));
  return bk_photo_high_frequency_ratio (luma, 256, &all);
}

static void
test_high_frequency_ratio (void)
{
  g_autofree float *tiny = g_new0 (float, 32 * 32);
  BkPhotoRect small = { 0, 0, 32, 32 };

  /* Detail only at 0.3 of Nyquist: nothing high, as in an enlargement. */
  g_assert_cmpfloat (ratio_of_wave (0.3), <, 0.01);
  /* Detail at 0.3 and at 0.9 of Nyquist in equal measure: about one. */
  g_assert_cmpfloat (ratio_of_wave (0.9), >, 10.0);
  g_assert_true (isnan (bk_photo_high_frequency_ratio (tiny, 32, &small)));
}

/* ---- the report's geometry ------------------------------------------------------ */

static gboolean
rect_inside (const BkPhotoRect *r, int width, int height)
{
  return r->x >= 0 && r->y >= 0 && r->width > 0 && r->height > 0 && r->x + r->width <= width &&
         r->y + r->height <= height;
}

static void
test_geometry (void)
{
  g_autoptr (BkPhotoReport) good = check_corpus_file ("good-295x413.jpg");
  g_autoptr (BkPhotoReport) shadow = check_corpus_file ("bg-shadow.jpg");
  g_autoptr (BkPhotoReport) phone = check_corpus_file ("phone-12mp.jpg");
  const BkPhotoRect *band, *failures;
  guint n_band, n_failures;
  BkPhotoRect face;
  gboolean right_side = FALSE, left_side = FALSE;

  band = bk_photo_report_get_background_band (good, &n_band);
  g_assert_cmpuint (n_band, ==, 3);
  g_assert_cmpint (band[0].x, ==, 0);
  g_assert_cmpint (band[0].y, ==, 0);
  g_assert_cmpint (band[0].width, ==, 295);
  for (guint i = 0; i < n_band; i++)
    g_assert_true (rect_inside (&band[i], 295, 413));
  bk_photo_report_get_background_failures (good, &n_failures);
  g_assert_cmpuint (n_failures, ==, 0);
  g_assert_true (bk_photo_report_get_face_region (good, &face));
  g_assert_true (rect_inside (&face, 295, 413));

  /* The shadow falls on the upper right: that is where the UI must point,
   * and only there: the white left side is not marked. */
  failures = bk_photo_report_get_background_failures (shadow, &n_failures);
  g_assert_cmpuint (n_failures, >, 0);
  for (guint i = 0; i < n_failures; i++)
    {
      g_assert_true (rect_inside (&failures[i], 300, 420));
      if (failures[i].x >= 150)
        right_side = TRUE;
      if (failures[i].x + failures[i].width <= 100)
        left_side = TRUE;
    }
  g_assert_true (right_side);
  g_assert_false (left_side);

  /* Full-resolution, oriented coordinates, even though the checks ran on a
   * reduced copy of the rotated picture. */
  g_assert_cmpint (bk_photo_report_get_width (phone), ==, 3000);
  g_assert_cmpint (bk_photo_report_get_height (phone), ==, 4000);
  g_assert_cmpint (bk_photo_report_get_orientation (phone), ==, 6);
  band = bk_photo_report_get_background_band (phone, &n_band);
  g_assert_cmpint (ABS (band[0].width - 3000), <=, 12);
  g_assert_cmpint (ABS (band[2].x + band[2].width - 3000), <=, 12);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPhotoReport) report = bk_photo_check_file ("/nonexistent/photo.jpg", NULL, &error);

  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkPhotoReport **report = user_data;
  g_autoptr (GError) error = NULL;

  *report = bk_photo_check_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = corpus_path ("good-295x413.jpg");
  g_autoptr (BkPhotoReport) report = NULL;

  bk_photo_check_file_async (path, NULL, async_done_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (bk_photo_report_get_accepted (report));
}

/* ---- standardise ------------------------------------------------------------------ */

static void
assert_standard_output (GBytes *bytes, int width, int height)
{
  BkPhotoDecodeOptions options = { .header_only = TRUE };
  BkPhotoHeader header;
  g_autoptr (GError) error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_true (bk_photo_decode (data, length, &options, &header, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (header.width, ==, width);
  g_assert_cmpint (header.height, ==, height);
  g_assert_cmpint (header.orientation, ==, 1);
  g_assert_false (header.progressive);
  g_assert_cmpint (header.colours, ==, BK_PHOTO_COLOURS_YCBCR);
  g_assert_cmpuint (length, >=, BK_PHOTO_MIN_FILE_SIZE);
  /* No metadata: neither EXIF nor anything else but JFIF. */
  g_assert_null (memmem (data, length, "Exif", 4));
  g_assert_null (memmem (data, length, "\xff\xe1", 2));
  g_assert_null (memmem (data, length, "\xff\xe2", 2));
}

static GBytes *
standardise_corpus_file (const char *name, BkPhotoReport **report, GError **error)
{
  g_autofree char *path = corpus_path (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return bk_photo_standardise_data ((guint8 *) contents, length, report, error);
}

static void
test_standardise_phone (void)
{
  g_autoptr (BkPhotoReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = standardise_corpus_file ("phone-12mp.jpg", &report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  assert_standard_output (bytes, 295, 413);
  g_assert_true (bk_photo_report_get_accepted (report));
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    g_assert_true (bk_photo_check_passed (bk_photo_report_get_check (report, i)));
}

static void
test_standardise_sizes (void)
{
  static const struct
  {
    const char *name;
    int width, height;
  } cases[] = {
    { "good-295x413.jpg", 295, 413 },
    { "good-413x579.jpg", 413, 579 }, /* a 2-inch photo stays 2-inch */
    { "orient-6.jpg", 295, 413 },
    { "progressive.jpg", 295, 413 },
    { "bg-offwhite-l93.jpg", 295, 413 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkPhotoReport) report = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = standardise_corpus_file (cases[i].name, &report, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_no_error (error);
      assert_standard_output (bytes, cases[i].width, cases[i].height);
      g_assert_true (bk_photo_report_get_accepted (report));
    }
}

static void
test_standardise_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-photo-XXXXXX", NULL);
  g_autofree char *input = corpus_path ("bg-blue.jpg");
  g_autofree char *output = g_build_filename (dir, "out.jpg", NULL);
  g_autoptr (BkPhotoReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (bk_photo_standardise (input, output, &report, &error));
  g_assert_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_REFUSED);
  g_assert_nonnull (report);
  g_assert_cmpint (bk_photo_report_get_check (report, BK_PHOTO_CHECK_BACKGROUND)->verdict, ==,
                   BK_PHOTO_VERDICT_FAIL);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* A measure next to its limit is never shown rounded onto it. */
static void
test_format_measure (void)
{
  static const struct
  {
    double value, limit;
    int decimals;
    const char *expected;
  } cases[] = {
    { 99.6, 100, 0, "99.6" },   { 62.4, 100, 0, "62" },        { 100.4, 100, 0, "100.4" },
    { 40.3225, 40, 1, "40.3" }, { 40.005625, 40, 1, "40.01" }, { 4.04, 4, 1, "4.04" },
    { 4.3, 4, 1, "4.3" },       { 39.99, 40, 1, "39.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bk_photo_format_measure (cases[i].value, cases[i].limit,
                                                       cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* The advice fits the fault: the shape as it is, the real size, and an
 * empty file is not a quality problem. */
static void
test_messages (void)
{
  g_autoptr (BkPhotoReport) square = check_corpus_file ("square-500x500.jpg");
  g_autoptr (BkPhotoReport) landscape = check_corpus_file ("landscape-600x450.jpg");
  g_autoptr (BkPhotoReport) empty = bk_photo_check_data (NULL, 0);
  g_autoptr (BkPhotoReport) gif = check_corpus_file ("renamed-gif.jpg");
  g_autoptr (GBytes) large = fake_header (6350, 6350);  /* 40,322,500 pixels */
  g_autoptr (GBytes) barely = fake_header (6325, 6325); /* 40,005,625 pixels */
  g_autoptr (BkPhotoReport) large_report = NULL;
  g_autoptr (BkPhotoReport) barely_report = NULL;
  const char *message;

  message = bk_photo_report_get_check (square, BK_PHOTO_CHECK_DIMENSIONS)->message;
  g_test_message ("%s", message);
  g_assert_null (strstr (message, "wider"));
  g_assert_nonnull (strstr (message, "square"));
  message = bk_photo_report_get_check (landscape, BK_PHOTO_CHECK_DIMENSIONS)->message;
  g_assert_nonnull (strstr (message, "wider than it is high"));
  /* Small and lying down: not only "use the original rather than a reduced copy". */
  {
    g_autoptr (BkPhotoReport) small = check_corpus_file ("small-landscape-400x300.jpg");

    message = bk_photo_report_get_check (small, BK_PHOTO_CHECK_DIMENSIONS)->message;
    g_test_message ("%s", message);
    g_assert_nonnull (strstr (message, "not upright"));
  }

  large_report = bk_photo_check_data (g_bytes_get_data (large, NULL), g_bytes_get_size (large));
  message = bk_photo_report_get_check (large_report, BK_PHOTO_CHECK_DIMENSIONS)->message;
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "(40.3 megapixels)"));
  /* Never shown as the limit itself. */
  barely_report = bk_photo_check_data (g_bytes_get_data (barely, NULL), g_bytes_get_size (barely));
  message = bk_photo_report_get_check (barely_report, BK_PHOTO_CHECK_DIMENSIONS)->message;
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "(40.01 megapixels)"));

  /* Empty: choose the file again; nothing about JPEG quality. */
  message = bk_photo_report_get_check (empty, BK_PHOTO_CHECK_SIZE)->message;
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "empty"));
  g_assert_nonnull (strstr (message, "Choose the photo file again"));
  g_assert_null (strstr (message, "quality"));
  /* Not a JPEG: its size says nothing about JPEG quality either. */
  message = bk_photo_report_get_check (gif, BK_PHOTO_CHECK_SIZE)->message;
  g_test_message ("%s", message);
  g_assert_null (strstr (message, "JPEG quality"));
}

int
main (int argc, char **argv)
{
  g_autofree char *manifest_path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *manifest;
  g_autoptr (GList) names = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  manifest_path = corpus_path ("manifest.json");
  if (!json_parser_load_from_file (parser, manifest_path, &error))
    g_error ("The corpus is missing (%s): build the photo-corpus target", error->message);
  manifest = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (manifest);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *entry = json_object_get_object_member (manifest, l->data);
      g_autofree char *test_path = g_strdup_printf ("/photo/corpus/%s", (char *) l->data);

      json_object_set_string_member (entry, "name", l->data);
      g_test_add_data_func (test_path, entry, test_corpus_file);
    }
  for (int o = 1; o <= 8; o++)
    {
      g_autofree char *test_path = g_strdup_printf ("/photo/decode/orientation-%d", o);
      g_test_add_data_func (test_path, GINT_TO_POINTER (o), test_orientation);
    }
  g_test_add_func ("/photo/decode/bomb", test_bomb);
  g_test_add_func ("/photo/decode/pixel-limit", test_pixel_limit);
  g_test_add_func ("/photo/decode/dct-scaling", test_dct_scaling);
  g_test_add_func ("/photo/decode/scan-cap", test_scan_cap);
  g_test_add_func ("/photo/exif", test_exif);
  g_test_add_func ("/photo/sniff", test_sniff);
  g_test_add_func ("/photo/analysis/lab", test_lab);
  g_test_add_func ("/photo/analysis/laplacian", test_laplacian);
  g_test_add_func ("/photo/analysis/high-frequency-ratio", test_high_frequency_ratio);
  g_test_add_func ("/photo/report/geometry", test_geometry);
  g_test_add_func ("/photo/check/missing-file", test_missing_file);
  g_test_add_func ("/photo/check/messages", test_messages);
  g_test_add_func ("/photo/check/format-measure", test_format_measure);
  g_test_add_func ("/photo/check/async", test_async);
  g_test_add_func ("/photo/standardise/phone", test_standardise_phone);
  g_test_add_func ("/photo/standardise/sizes", test_standardise_sizes);
  g_test_add_func ("/photo/standardise/refused", test_standardise_refused);

  return g_test_run ();
}
