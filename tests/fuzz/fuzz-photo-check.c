/* fuzz-photo-check.c — libFuzzer entry point: every photo check on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stddef.h>
#include <stdint.h>

#include "bk-photo-checker.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (BkPhotoReport) report = bk_photo_check_data (data, size);
  const BkPhotoCheck *format = bk_photo_report_get_check (report, BK_PHOTO_CHECK_FORMAT);

  /* Every report is complete enough for the UI to show. */
  if (format->message == NULL)
    __builtin_trap ();
  return 0;
}
