/* bk-photo-sniff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-photo-sniff.h"

static gboolean
has_prefix (const guint8 *data, gsize length, const char *magic, gsize magic_len)
{
  return length >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* ISO base media files (HEIC, AVIF) name their brand after "ftyp". */
static BkPhotoFileKind
sniff_ftyp (const guint8 *data, gsize length)
{
  static const char *const heif_brands[] = { "heic", "heix", "hevc", "hevx",
                                             "heim", "heis", "mif1", "msf1" };

  if (length < 12 || memcmp (data + 4, "ftyp", 4) != 0)
    return BK_PHOTO_FILE_UNKNOWN;
  if (memcmp (data + 8, "avif", 4) == 0 || memcmp (data + 8, "avis", 4) == 0)
    return BK_PHOTO_FILE_AVIF;
  for (gsize i = 0; i < G_N_ELEMENTS (heif_brands); i++)
    if (memcmp (data + 8, heif_brands[i], 4) == 0)
      return BK_PHOTO_FILE_HEIC;
  return BK_PHOTO_FILE_UNKNOWN;
}

static gboolean
looks_like_text (const guint8 *data, gsize length)
{
  gsize n = MIN (length, 512);

  const char *end = NULL;

  for (gsize i = 0; i < n; i++)
    if (data[i] < 0x09 || (data[i] > 0x0d && data[i] < 0x20) || data[i] == 0x7f)
      return FALSE;
  /* UTF-8, allowing a character cut where the sample ends. */
  if (g_utf8_validate_len ((const char *) data, n, &end))
    return TRUE;
  return length > n && (gsize) (end - (const char *) data) + 4 > n;
}

BkPhotoFileKind
bk_photo_sniff (const guint8 *data, gsize length)
{
  BkPhotoFileKind kind;

  g_return_val_if_fail (data != NULL || length == 0, BK_PHOTO_FILE_UNKNOWN);

  if (length == 0)
    return BK_PHOTO_FILE_EMPTY;
  if (has_prefix (data, length, "\xff\xd8\xff", 3))
    return BK_PHOTO_FILE_JPEG;
  if (has_prefix (data, length, "\x89PNG\r\n\x1a\n", 8))
    return BK_PHOTO_FILE_PNG;
  if (has_prefix (data, length, "GIF87a", 6) || has_prefix (data, length, "GIF89a", 6))
    return BK_PHOTO_FILE_GIF;
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return BK_PHOTO_FILE_WEBP;
  if ((kind = sniff_ftyp (data, length)) != BK_PHOTO_FILE_UNKNOWN)
    return kind;
  if (has_prefix (data, length, "%PDF-", 5))
    return BK_PHOTO_FILE_PDF;
  if (has_prefix (data, length, "BM", 2) && length >= 14)
    return BK_PHOTO_FILE_BMP;
  if (has_prefix (data, length, "II*\0", 4) || has_prefix (data, length, "MM\0*", 4))
    return BK_PHOTO_FILE_TIFF;
  if (looks_like_text (data, length))
    return BK_PHOTO_FILE_TEXT;
  return BK_PHOTO_FILE_UNKNOWN;
}

/* Stable names for the JSON output. */
const char *
bk_photo_file_kind_to_string (BkPhotoFileKind kind)
{
  switch (kind)
    {
      case BK_PHOTO_FILE_JPEG:
        return "jpeg";
      case BK_PHOTO_FILE_PNG:
        return "png";
      case BK_PHOTO_FILE_GIF:
        return "gif";
      case BK_PHOTO_FILE_WEBP:
        return "webp";
      case BK_PHOTO_FILE_HEIC:
        return "heic";
      case BK_PHOTO_FILE_AVIF:
        return "avif";
      case BK_PHOTO_FILE_BMP:
        return "bmp";
      case BK_PHOTO_FILE_TIFF:
        return "tiff";
      case BK_PHOTO_FILE_PDF:
        return "pdf";
      case BK_PHOTO_FILE_TEXT:
        return "text";
      case BK_PHOTO_FILE_EMPTY:
        return "empty";
      case BK_PHOTO_FILE_UNKNOWN:
      default:
        return "unknown";
    }
}

/* A phrase that completes “This file is …”. */
const char *
bk_photo_file_kind_describe (BkPhotoFileKind kind)
{
  switch (kind)
    {
      case BK_PHOTO_FILE_JPEG:
        return _ ("a JPEG image");
      case BK_PHOTO_FILE_PNG:
        return _ ("a PNG image");
      case BK_PHOTO_FILE_GIF:
        return _ ("a GIF image");
      case BK_PHOTO_FILE_WEBP:
        return _ ("a WebP image");
      case BK_PHOTO_FILE_HEIC:
        return _ ("a HEIC image (the format of iPhone photos)");
      case BK_PHOTO_FILE_AVIF:
        return _ ("an AVIF image");
      case BK_PHOTO_FILE_BMP:
        return _ ("a BMP image");
      case BK_PHOTO_FILE_TIFF:
        return _ ("a TIFF image");
      case BK_PHOTO_FILE_PDF:
        return _ ("a PDF document");
      case BK_PHOTO_FILE_TEXT:
        return _ ("a text file");
      case BK_PHOTO_FILE_EMPTY:
        return _ ("empty");
      case BK_PHOTO_FILE_UNKNOWN:
      default:
        return _ ("not an image: its content is not in any image format");
    }
}
