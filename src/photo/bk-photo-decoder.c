/* bk-photo-decoder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <setjmp.h>
#include <stdio.h>

#include <jerror.h>
#include <jpeglib.h>

#include "bk-photo-decoder.h"
#include "bk-photo-error.h"
#include "bk-photo-exif.h"

typedef enum
{
  FAILURE_CORRUPT,
  FAILURE_TRUNCATED,
  FAILURE_TOO_MANY_SCANS,
  FAILURE_MEMORY,
} Failure;

typedef struct
{
  struct jpeg_error_mgr pub;
  struct jpeg_progress_mgr progress;
  jmp_buf jump;
  Failure failure;
  char message[JMSG_LENGTH_MAX];
  /* Here rather than in locals, which longjmp may leave stale. */
  BkPhotoImage *stored;
  guint8 *cmyk_row;
} DecodeState;

static void
fail_with (j_common_ptr cinfo, Failure failure)
{
  DecodeState *state = cinfo->client_data;

  state->failure = failure;
  (*cinfo->err->format_message) (cinfo, state->message);
  longjmp (state->jump, 1);
}

static void
error_exit_cb (j_common_ptr cinfo)
{
  int code = cinfo->err->msg_code;

  if (code == JERR_OUT_OF_MEMORY || code == JERR_NO_BACKING_STORE)
    fail_with (cinfo, FAILURE_MEMORY);
  fail_with (cinfo, code == JERR_INPUT_EOF ? FAILURE_TRUNCATED : FAILURE_CORRUPT);
}

/* libjpeg only warns about damaged data and then paints grey; a photo with
 * a grey stripe must not pass, so every warning is an error. */
static void
emit_message_cb (j_common_ptr cinfo, int level)
{
  if (level >= 0)
    return;
  fail_with (cinfo, cinfo->err->msg_code == JWRN_JPEG_EOF ? FAILURE_TRUNCATED : FAILURE_CORRUPT);
}

/* A progressive file can hold thousands of tiny scans, each a full pass
 * over the coefficients: stop long before that costs minutes. */
static void
progress_cb (j_common_ptr cinfo)
{
  j_decompress_ptr dinfo = (j_decompress_ptr) cinfo;
  DecodeState *state = cinfo->client_data;

  if (dinfo->input_scan_number > BK_PHOTO_MAX_SCANS)
    {
      state->failure = FAILURE_TOO_MANY_SCANS;
      g_snprintf (state->message, sizeof state->message, "more than %d scans", BK_PHOTO_MAX_SCANS);
      longjmp (state->jump, 1);
    }
}

static int
scaled (int size, int num)
{
  return (int) (((gint64) size * num + 7) / 8);
}

/* Only 1/8, 2/8, 4/8 and 8/8: libjpeg-turbo has SIMD code for those
 * reduced IDCTs, and plain C for the others (3/8 is slower than 4/8). */
static int
choose_scale (int width, int height, const BkPhotoDecodeOptions *options)
{
  static const int nums[] = { 1, 2, 4, 8 };

  if (options->min_width > 0 || options->min_height > 0)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (nums); i++)
        if (scaled (width, nums[i]) >= options->min_width &&
            scaled (height, nums[i]) >= options->min_height)
          return nums[i];
      return 8;
    }
  for (gsize i = G_N_ELEMENTS (nums); i > 0; i--)
    if (scaled (width, nums[i - 1]) <= options->max_width &&
        scaled (height, nums[i - 1]) <= options->max_height)
      return nums[i - 1];
  return 1;
}

static BkPhotoColours
colours_of (J_COLOR_SPACE space)
{
  switch (space)
    {
      case JCS_YCbCr:
        return BK_PHOTO_COLOURS_YCBCR;
      case JCS_RGB:
        return BK_PHOTO_COLOURS_RGB;
      case JCS_GRAYSCALE:
        return BK_PHOTO_COLOURS_GREY;
      case JCS_CMYK:
        return BK_PHOTO_COLOURS_CMYK;
      case JCS_YCCK:
        return BK_PHOTO_COLOURS_YCCK;
      default:
        return BK_PHOTO_COLOURS_OTHER;
    }
}

static int
read_orientation (j_decompress_ptr cinfo)
{
  for (jpeg_saved_marker_ptr m = cinfo->marker_list; m != NULL; m = m->next)
    if (m->marker == JPEG_APP0 + 1)
      {
        int orientation = bk_photo_exif_orientation (m->data, m->data_length);
        if (orientation != 1)
          return orientation;
      }
  return 1;
}

static void
cmyk_to_rgb (const guint8 *cmyk, guint8 *rgb, int width, gboolean inverted)
{
  for (int x = 0; x < width; x++)
    {
      int c = cmyk[x * 4], m = cmyk[x * 4 + 1], y = cmyk[x * 4 + 2], k = cmyk[x * 4 + 3];

      /* Adobe's (Photoshop's) CMYK JPEGs store the inks inverted. */
      if (!inverted)
        {
          c = 255 - c;
          m = 255 - m;
          y = 255 - y;
          k = 255 - k;
        }
      rgb[x * 3] = (guint8) (c * k / 255);
      rgb[x * 3 + 1] = (guint8) (m * k / 255);
      rgb[x * 3 + 2] = (guint8) (y * k / 255);
    }
}

static void
set_error (GError **error, const DecodeState *state)
{
  switch (state->failure)
    {
      case FAILURE_TRUNCATED:
        g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TRUNCATED, "%s", state->message);
        break;
      case FAILURE_TOO_MANY_SCANS:
      case FAILURE_MEMORY:
        g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE, "%s", state->message);
        break;
      case FAILURE_CORRUPT:
      default:
        g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_FORMAT, "%s", state->message);
        break;
    }
}

/* Decodes @data into an oriented RGB image at a DCT scale chosen by
 * @options. @header is filled as far as the data allowed, even on failure.
 * Nothing is allocated for the pixels before the header's pixel count has
 * been checked against BK_PHOTO_MAX_PIXELS. */
gboolean
bk_photo_decode (const guint8 *data,
                 gsize length,
                 const BkPhotoDecodeOptions *options,
                 BkPhotoHeader *header,
                 BkPhotoImage **image,
                 GError **error)
{
  struct jpeg_decompress_struct cinfo;
  DecodeState state = { 0 };
  volatile gboolean ok = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *header = (BkPhotoHeader){ .orientation = 1, .scale_num = 8 };
  if (image != NULL)
    *image = NULL;

  if (length > G_MAXULONG)
    {
      g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE, "file too large");
      return FALSE;
    }

  cinfo.err = jpeg_std_error (&state.pub);
  state.pub.error_exit = error_exit_cb;
  state.pub.emit_message = emit_message_cb;
  cinfo.client_data = &state;

  if (setjmp (state.jump))
    {
      set_error (error, &state);
      goto out;
    }

  jpeg_create_decompress (&cinfo);
  cinfo.client_data = &state;
  cinfo.mem->max_memory_to_use = BK_PHOTO_MAX_MEMORY;
  state.progress.progress_monitor = progress_cb;
  cinfo.progress = &state.progress;
  jpeg_save_markers (&cinfo, JPEG_APP0 + 1, 0xffff);
  jpeg_mem_src (&cinfo, data, (unsigned long) length);

  if (jpeg_read_header (&cinfo, TRUE) != JPEG_HEADER_OK)
    {
      g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_FORMAT, "no image in the file");
      goto out;
    }

  header->width = (int) cinfo.image_width;
  header->height = (int) cinfo.image_height;
  header->components = cinfo.num_components;
  header->colours = colours_of (cinfo.jpeg_color_space);
  header->progressive = cinfo.progressive_mode;
  header->orientation = read_orientation (&cinfo);

  if ((guint64) cinfo.image_width * cinfo.image_height > BK_PHOTO_MAX_PIXELS)
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE,
                   "%u × %u pixels is more than %d", cinfo.image_width, cinfo.image_height,
                   BK_PHOTO_MAX_PIXELS);
      goto out;
    }
  if (header->colours == BK_PHOTO_COLOURS_OTHER)
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_FORMAT,
                   "unsupported colour layout (%d components)", cinfo.num_components);
      goto out;
    }
  if (options->header_only || image == NULL)
    {
      ok = TRUE;
      goto out;
    }

  {
    gboolean swap = header->orientation >= 5;
    int ow = swap ? header->height : header->width;
    int oh = swap ? header->width : header->height;
    gboolean is_cmyk = header->colours == BK_PHOTO_COLOURS_CMYK ||
                       header->colours == BK_PHOTO_COLOURS_YCCK;

    header->scale_num = choose_scale (ow, oh, options);
    cinfo.scale_num = (unsigned int) header->scale_num;
    cinfo.scale_denom = 8;
    cinfo.out_color_space = is_cmyk ? JCS_CMYK : JCS_RGB;
    cinfo.dct_method = JDCT_ISLOW;

    jpeg_start_decompress (&cinfo);

    state.stored = bk_photo_image_new ((int) cinfo.output_width, (int) cinfo.output_height);
    if (is_cmyk)
      state.cmyk_row = g_try_malloc ((gsize) cinfo.output_width * 4);
    if (state.stored == NULL || (is_cmyk && state.cmyk_row == NULL))
      {
        g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE, "out of memory");
        goto out;
      }

    while (cinfo.output_scanline < cinfo.output_height)
      {
        guint8 *row = state.stored->pixels +
                      (gsize) cinfo.output_scanline * state.stored->width * 3;
        JSAMPROW rows[1] = { is_cmyk ? state.cmyk_row : row };

        if (jpeg_read_scanlines (&cinfo, rows, 1) != 1)
          break;
        if (is_cmyk)
          cmyk_to_rgb (state.cmyk_row, row, state.stored->width, cinfo.saw_Adobe_marker);
      }
    jpeg_finish_decompress (&cinfo);

    if (header->orientation == 1 || options->keep_stored_orientation)
      *image = g_steal_pointer (&state.stored);
    else if ((*image = bk_photo_image_orient (state.stored, header->orientation)) == NULL)
      {
        g_set_error_literal (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE, "out of memory");
        goto out;
      }
    ok = TRUE;
  }

out:
  jpeg_destroy_decompress (&cinfo);
  bk_photo_image_free (state.stored);
  g_free (state.cmyk_row);
  return ok;
}
