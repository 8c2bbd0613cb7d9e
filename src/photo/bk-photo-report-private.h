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

/* @value as the candidate reads it in a message next to @limit: with
 * @decimals decimals, or more (up to 6) where fewer would round it onto
 * the limit or past it. 99.6 against 100 is "99.6", not "100"; 40.0056
 * against 40 is "40.01", not "40.0". Written in the locale's digits. */
char *bk_photo_format_measure (double value, double limit, int decimals);

G_END_DECLS
