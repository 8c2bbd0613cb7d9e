/* bk-photo-report-private.h — how the checker fills a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-photo-report.h"

G_BEGIN_DECLS

BkPhotoReport *bk_photo_report_new (void);
void bk_photo_report_take_check (BkPhotoReport *self,
                                 BkPhotoCheckKind kind,
                                 BkPhotoVerdict verdict,
                                 double value,
                                 char *value_text,
                                 char *message);
void bk_photo_report_set_geometry (BkPhotoReport *self, int width, int height, int orientation);
void bk_photo_report_set_regions (BkPhotoReport *self,
                                  const BkPhotoRect *band,
                                  guint n_band,
                                  const BkPhotoRect *failures,
                                  guint n_failures,
                                  const BkPhotoRect *face);

G_END_DECLS
