/* bk-photo-report.h — every check's verdict on one photo, and where to show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bk-photo-check.h"
#include "bk-photo-rect.h"

G_BEGIN_DECLS

#define BK_TYPE_PHOTO_REPORT (bk_photo_report_get_type ())

G_DECLARE_FINAL_TYPE (BkPhotoReport, bk_photo_report, BK, PHOTO_REPORT, GObject)

const BkPhotoCheck *bk_photo_report_get_check (BkPhotoReport *self, BkPhotoCheckKind kind);
gboolean bk_photo_report_get_accepted (BkPhotoReport *self);
int bk_photo_report_get_width (BkPhotoReport *self);
int bk_photo_report_get_height (BkPhotoReport *self);
int bk_photo_report_get_orientation (BkPhotoReport *self);
const BkPhotoRect *bk_photo_report_get_background_band (BkPhotoReport *self, guint *n_rects);
const BkPhotoRect *bk_photo_report_get_background_failures (BkPhotoReport *self, guint *n_rects);
gboolean bk_photo_report_get_face_region (BkPhotoReport *self, BkPhotoRect *region);
/* The form of `baokao-tool photo check --json` (file, accepted, width,
 * height, orientation, and each check's pass, value and message), which the
 * profile also keeps with its photo. */
JsonNode *bk_photo_report_to_json (BkPhotoReport *self, const char *file_name);

G_END_DECLS
