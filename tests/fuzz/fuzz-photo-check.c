/* fuzz-photo-check.c — libFuzzer entry point: every photo check on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "bk-photo-checker.h"
#include "bk-photo-decoder.h"
#include "bk-photo-standardise.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (BkPhotoReport) report = bk_photo_check_data (data, size);
  g_autoptr (BkPhotoImage) image = NULL;
  /* The decode that standardising does: the smallest scale that covers,
   * with the orientation applied to the pixels. */
  BkPhotoDecodeOptions options = { .min_width = 590, .min_height = 826 };
  BkPhotoHeader header;

  /* Every check tells the candidate something, run or not. */
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    if (bk_photo_report_get_check (report, i)->message == NULL)
      __builtin_trap ();

  if (bk_photo_decode (data, size, &options, &header, &image, NULL) &&
      (image->width <= 0 || image->height <= 0))
    __builtin_trap ();

  if (bk_photo_report_get_accepted (report))
    {
      g_autoptr (BkPhotoReport) output = NULL;
      g_autoptr (GBytes) bytes = bk_photo_standardise_data (data, size, &output, NULL);
      (void) bytes;
    }
  return 0;
}
