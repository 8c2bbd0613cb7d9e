/* bk-photo-exif.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bk-photo-exif.h"

#define TAG_ORIENTATION 0x0112
#define TYPE_SHORT      3

static guint
read16 (const guint8 *p, gboolean big_endian)
{
  return big_endian ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static guint32
read32 (const guint8 *p, gboolean big_endian)
{
  return big_endian ? (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3]
                    : (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

/* Reads the Orientation tag from IFD0 of an APP1 "Exif" payload; 1 (as
 * stored) when it is absent or the block is malformed. Only this tag is
 * needed, so a bounds-checked walk of one IFD is enough, and is fuzzed with
 * the rest of the decoder. */
int
bk_photo_exif_orientation (const guint8 *app1, gsize length)
{
  const guint8 *tiff;
  gsize tiff_len;
  gboolean big_endian;
  guint32 ifd;
  guint n_entries;

  if (app1 == NULL || length < 6 + 8 || memcmp (app1, "Exif\0\0", 6) != 0)
    return 1;

  tiff = app1 + 6;
  tiff_len = length - 6;
  if (memcmp (tiff, "MM\0*", 4) == 0)
    big_endian = TRUE;
  else if (memcmp (tiff, "II*\0", 4) == 0)
    big_endian = FALSE;
  else
    return 1;

  ifd = read32 (tiff + 4, big_endian);
  if (ifd < 8 || ifd > tiff_len - 2)
    return 1;
  n_entries = read16 (tiff + ifd, big_endian);

  for (guint i = 0; i < n_entries; i++)
    {
      gsize entry = (gsize) ifd + 2 + (gsize) i * 12;
      guint value;

      if (entry + 12 > tiff_len)
        break;
      if (read16 (tiff + entry, big_endian) != TAG_ORIENTATION)
        continue;
      if (read16 (tiff + entry + 2, big_endian) != TYPE_SHORT)
        return 1;
      value = read16 (tiff + entry + 8, big_endian);
      return value >= 1 && value <= 8 ? (int) value : 1;
    }
  return 1;
}
