/* bk-photo-analysis.h — the measurements behind the checks (private to the photo layer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-photo-image.h"
#include "bk-photo-rect.h"

G_BEGIN_DECLS

#define BK_PHOTO_BAND_PARTS 3 /* the top, then the upper left and right sides */

typedef struct
{
  double white_share; /* 0–1 of the band's pixels with L* ≥ 90 and chroma ≤ 10 */
  double l_mean;
  double l_stddev;
} BkPhotoBackgroundStats;

void bk_photo_srgb_to_lab (guint8 r, guint8 g, guint8 b, float *l, float *a, float *b_star);
void bk_photo_background_band (int width, int height, BkPhotoRect band[BK_PHOTO_BAND_PARTS]);
void bk_photo_face_region (int width, int height, BkPhotoRect *region);
void bk_photo_subject_region (int width, int height, BkPhotoRect *region);
void bk_photo_measure_background (const BkPhotoImage *image,
                                  BkPhotoBackgroundStats *stats,
                                  GArray *failed_cells);
double bk_photo_coloured_share (const BkPhotoImage *image);
double bk_photo_laplacian_variance (const float *luma, int stride, const BkPhotoRect *region);
double bk_photo_high_frequency_ratio (const float *luma, int stride, const BkPhotoRect *region);

G_END_DECLS
