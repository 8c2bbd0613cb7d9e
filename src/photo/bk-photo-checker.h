/* bk-photo-checker.h — run every photo rule on a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The rules, as this layer reads them (issue 4):
 *
 * format      by content: JPEG magic and markers; libjpeg errors and warnings
 *             (premature end, extraneous bytes) both refuse. Other formats
 *             are named (PNG, HEIC, AVIF, GIF, WebP, BMP, TIFF, PDF, text).
 *             value: "jpeg-baseline", "jpeg-progressive", "png", …,
 *             "truncated-jpeg", "corrupt-jpeg", "unsafe-jpeg", "empty", "unknown".
 * colour      three components; greyscale, CMYK/YCCK refuse, and so does an
 *             RGB photo with fewer than 1% of pixels whose channels differ by
 *             12 or more (of 255), sampling every other pixel of every other
 *             row of the 295 px copy. value: that share, in percent.
 * size        at least 30,720 bytes ("larger than 30 KB" read as KiB).
 *             value: bytes. It is a rule for the source the candidate brings.
 * dimensions  after the EXIF orientation, ≥ 295 × 413 and taller than wide.
 *             value: "WxH". Above 40 MP the file is refused from its header.
 * background  CIELAB over a band: the top 6% of the height, and 10% of the
 *             width at each side down to 45% of the height; white when
 *             L* ≥ 90 and chroma ≤ 10; pass when ≥ 95% is white and the
 *             standard deviation of L* ≤ 4. value: white share, percent.
 * sharpness   variance of the 4-neighbour Laplacian over the face region (the
 *             middle half of the width, 15–65% of the height) at 295 px wide
 *             (never enlarged); < 100 refuses. value: the variance.
 * upscaled    power at 0.80–0.95 of Nyquist over power at 0.20–0.45, from
 *             64-point Hann-windowed spectra (hop 32) along 64 evenly spaced
 *             rows and 64 columns of the subject (15–85% of the width, 10–95% of the height) at the
 *             working size: the largest of the 1/8, 1/4, 1/2, 1 DCT scales
 *             that fits 1180 × 1652. < 0.03 refuses, < 0.05 warns.
 *
 * Bounds: files above 64 MiB are not read; pixels above 40 MP are refused
 * from the header; more than 100 progressive scans refuse; libjpeg may use
 * at most 256 MiB; the decoded image is at most 1180 × 1652 unless the
 * 1/8 scale is still larger (at most 40 MP / 64).
 */

#pragma once

#include <gio/gio.h>

#include "bk-photo-report.h"

G_BEGIN_DECLS

#define BK_PHOTO_MIN_FILE_SIZE 30720 /* 30 KiB: "larger than 30 KB" read as binary kilobytes */
#define BK_PHOTO_MIN_WIDTH     295
#define BK_PHOTO_MIN_HEIGHT    413
#define BK_PHOTO_MAX_FILE_SIZE (64 * 1024 * 1024)

BkPhotoReport *bk_photo_check_data (const guint8 *data, gsize length);
BkPhotoReport *bk_photo_check_file (const char *path, GCancellable *cancellable, GError **error);
void bk_photo_check_file_async (const char *path,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
BkPhotoReport *bk_photo_check_file_finish (GAsyncResult *result, GError **error);

G_END_DECLS
