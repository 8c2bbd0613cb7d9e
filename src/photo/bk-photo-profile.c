/* bk-photo-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-photo-checker.h"
#include "bk-photo-profile.h"
#include "bk-photo-standardise.h"

/**
 * bk_photo_prepare:
 * @original: the photo file's contents
 * @standardised: (out) (optional) (transfer full): the photo for the
 *   admission ticket, set only when the checks accept @original and it could
 *   be made; %NULL to check only
 * @error: set when the checks accept @original but the standardised photo
 *   could not be made
 *
 * Runs every rule on @original and, when it is accepted, makes its
 * standardised photo: what happens to a photo the candidate chooses.
 *
 * Returns: (transfer full): the report, always
 */
BkPhotoReport *
bk_photo_prepare (GBytes *original, GBytes **standardised, GError **error)
{
  BkPhotoReport *report;
  const guint8 *data;
  gsize length = 0;

  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (standardised == NULL || *standardised == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (original, &length);
  report = bk_photo_check_data (data, length);
  if (standardised != NULL && bk_photo_report_get_accepted (report))
    *standardised = bk_photo_standardise_data (data, length, NULL, error);
  return report;
}

/**
 * bk_photo_set_profile_photo:
 * @original: the photo file's contents, as chosen
 * @file_name: its name, as shown to the candidate (UTF-8)
 * @report: its report, from bk_photo_prepare()
 * @standardised: (nullable): its standardised photo, from bk_photo_prepare()
 *
 * Records a chosen photo in @profile: the original, its name and its report
 * (as JSON, so that the explanations can be shown again); the standardised
 * photo and the accepted flag only when the checks accepted it and the
 * standardised photo was made.
 */
void
bk_photo_set_profile_photo (BkProfile *profile,
                            GBytes *original,
                            const char *file_name,
                            BkPhotoReport *report,
                            GBytes *standardised)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *json = NULL;
  gboolean accepted;

  g_return_if_fail (BK_IS_PROFILE (profile));
  g_return_if_fail (original != NULL);
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (BK_IS_PHOTO_REPORT (report));

  accepted = bk_photo_report_get_accepted (report) && standardised != NULL;
  root = bk_photo_report_to_json (report, file_name);
  json = json_to_string (root, FALSE);
  bk_profile_set_photo (profile, original, file_name, accepted ? standardised : NULL, accepted,
                        json);
}
