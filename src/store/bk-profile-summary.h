/* bk-profile-summary.h — one line of the welcome list: who, never the full ID number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_PROFILE_SUMMARY (bk_profile_summary_get_type ())

G_DECLARE_FINAL_TYPE (BkProfileSummary, bk_profile_summary, BK, PROFILE_SUMMARY, GObject)

/* Read-only, construct-only properties: "id", "real-name",
 * "masked-id-number" (e.g. "110***********1234"), "user-name",
 * "updated-at" (GDateTime), "completeness" (int 0–100). */

BkProfileSummary *bk_profile_summary_new (const char *id,
                                          const char *real_name,
                                          const char *masked_id_number,
                                          const char *user_name,
                                          GDateTime *updated_at,
                                          int completeness);

const char *bk_profile_summary_get_id (BkProfileSummary *self);
const char *bk_profile_summary_get_real_name (BkProfileSummary *self);
const char *bk_profile_summary_get_masked_id_number (BkProfileSummary *self);
const char *bk_profile_summary_get_user_name (BkProfileSummary *self);
GDateTime *bk_profile_summary_get_updated_at (BkProfileSummary *self);
int bk_profile_summary_get_completeness (BkProfileSummary *self);

G_END_DECLS
