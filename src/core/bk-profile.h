/* bk-profile.h — a candidate's account and profile, as an editable object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bk-education-entry.h"
#include "bk-eligibility-case.h"
#include "bk-id-document.h"
#include "bk-profile-fields.h"
#include "bk-record.h"
#include "bk-work-entry.h"

G_BEGIN_DECLS

#define BK_TYPE_PROFILE (bk_profile_get_type ())

G_DECLARE_FINAL_TYPE (BkProfile, bk_profile, BK, PROFILE, BkRecord)

/* Properties (read-write unless noted; notify only on change, so pages can
 * use g_object_bind_property). Strings are never NULL when read through
 * the getters ("" when empty).
 *
 *   "id", "version", "created-at", "updated-at"  from BkRecord
 *
 *   account:
 *   "real-name"                        string
 *   "id-type"                          BkIdType (enum)
 *   "id-number"                        string; for a resident ID that parses,
 *                                      setting it (or id-type) derives sex and birth-date
 *   "mobile"                           string
 *   "user-name"                        string
 *   "password-hash"                    string, from bk_password_hash()
 *
 *   basics:
 *   "sex"                              BkSex (enum); ignored when derived
 *   "birth-date"                       GDate (G_TYPE_DATE); ignored when derived
 *   "derived-from-id"                  gboolean, read-only: sex and birth-date come
 *                                      from the resident ID number (show them read-only)
 *   "ethnicity", "email", "address", "postcode", "work-unit"   strings
 *   "senior-title"                     BkSeniorTitle (enum)
 *   "verification-officer-certificate" gboolean (计量检定员证)
 *
 *   photo:
 *   "photo-original"                   GBytes, the JPEG as the candidate chose it
 *   "photo-file-name"                  string, the original's file name
 *   "photo-standardised"               GBytes, the standardised JPEG (报名照片.jpg)
 *   "photo-accepted"                   gboolean, the checks passed
 *   "photo-report"                     string, JSON of the checks (opaque here)
 *
 *   "education"                        GListModel of BkEducationEntry, read-only
 *   "work"                             GListModel of BkWorkEntry, read-only
 *   "completeness"                     int 0–100, read-only; notifies when it
 *                                      changes, also on edits inside the lists
 */

BkProfile *bk_profile_new (void);
/* A deep copy with the same ids and versions (the store saves a snapshot). */
BkProfile *bk_profile_dup (BkProfile *self);

const char *bk_profile_get_id (BkProfile *self);
gint64 bk_profile_get_version (BkProfile *self);
void bk_profile_set_version (BkProfile *self, gint64 version);
GDateTime *bk_profile_get_created_at (BkProfile *self);
void bk_profile_set_created_at (BkProfile *self, GDateTime *created_at);
GDateTime *bk_profile_get_updated_at (BkProfile *self);
void bk_profile_set_updated_at (BkProfile *self, GDateTime *updated_at);

const char *bk_profile_get_real_name (BkProfile *self);
void bk_profile_set_real_name (BkProfile *self, const char *real_name);
BkIdType bk_profile_get_id_type (BkProfile *self);
void bk_profile_set_id_type (BkProfile *self, BkIdType id_type);
const char *bk_profile_get_id_number (BkProfile *self);
void bk_profile_set_id_number (BkProfile *self, const char *id_number);
const char *bk_profile_get_mobile (BkProfile *self);
void bk_profile_set_mobile (BkProfile *self, const char *mobile);
const char *bk_profile_get_user_name (BkProfile *self);
void bk_profile_set_user_name (BkProfile *self, const char *user_name);
const char *bk_profile_get_password_hash (BkProfile *self);
void bk_profile_set_password_hash (BkProfile *self, const char *password_hash);
/* Verifies @password against the stored hash (slow; see bk_password_verify_async). */
gboolean bk_profile_check_password (BkProfile *self, const char *password);

BkSex bk_profile_get_sex (BkProfile *self);
void bk_profile_set_sex (BkProfile *self, BkSex sex);
/* Never NULL; invalid when unknown. */
const GDate *bk_profile_get_birth_date (BkProfile *self);
void bk_profile_set_birth_date (BkProfile *self, const GDate *birth_date);
gboolean bk_profile_get_derived_from_id (BkProfile *self);
const char *bk_profile_get_ethnicity (BkProfile *self);
void bk_profile_set_ethnicity (BkProfile *self, const char *ethnicity);
const char *bk_profile_get_email (BkProfile *self);
void bk_profile_set_email (BkProfile *self, const char *email);
const char *bk_profile_get_address (BkProfile *self);
void bk_profile_set_address (BkProfile *self, const char *address);
const char *bk_profile_get_postcode (BkProfile *self);
void bk_profile_set_postcode (BkProfile *self, const char *postcode);
const char *bk_profile_get_work_unit (BkProfile *self);
void bk_profile_set_work_unit (BkProfile *self, const char *work_unit);
BkSeniorTitle bk_profile_get_senior_title (BkProfile *self);
void bk_profile_set_senior_title (BkProfile *self, BkSeniorTitle senior_title);
gboolean bk_profile_get_verification_officer_certificate (BkProfile *self);
void bk_profile_set_verification_officer_certificate (BkProfile *self, gboolean has);

GBytes *bk_profile_get_photo_original (BkProfile *self);
const char *bk_profile_get_photo_file_name (BkProfile *self);
GBytes *bk_profile_get_photo_standardised (BkProfile *self);
gboolean bk_profile_get_photo_accepted (BkProfile *self);
const char *bk_profile_get_photo_report (BkProfile *self);
/* Sets the whole photo at once (any argument may be NULL; all NULL removes it). */
void bk_profile_set_photo (BkProfile *self,
                           GBytes *original,
                           const char *file_name,
                           GBytes *standardised,
                           gboolean accepted,
                           const char *report_json);

/* transfer none; the profile owns the lists. */
GListModel *bk_profile_get_education (BkProfile *self);
void bk_profile_add_education (BkProfile *self, BkEducationEntry *entry);
void bk_profile_remove_education (BkProfile *self, BkEducationEntry *entry);
GListModel *bk_profile_get_work (BkProfile *self);
void bk_profile_add_work (BkProfile *self, BkWorkEntry *entry);
void bk_profile_remove_work (BkProfile *self, BkWorkEntry *entry);

/* 0–100; 100 only when nothing is missing. With @missing (nullable), a new
 * array of translated names of what is missing, in the order of the pages
 * (e.g. "Mobile phone number", "A photo that passed the checks", "At least
 * one education record"). */
int bk_profile_get_completeness (BkProfile *self, GPtrArray **missing);

/* The ID number for lists on shared PCs, never in full (see
 * bk_profile_mask_id_number()). */
char *bk_profile_get_masked_id_number (BkProfile *self);

/* The account page: real name, ID number, mobile, user name, password set.
 * *@field (nullable) is the property at fault. */
gboolean bk_profile_validate_account (BkProfile *self, const char **field, GError **error);

/* The case for the eligibility rules, from the profile's records. */
BkEligibilityCase *bk_profile_to_eligibility_case (BkProfile *self,
                                                   const char *session_id,
                                                   guint level,
                                                   BkExamMode mode);

/* The outbox payload of the profile row (no password hash, no photo bytes). */
char *bk_profile_to_json (BkProfile *self);

/* The profile of a pushed profile payload (@profile) with those of the
 * @education and @work payloads (JsonObject, nullable arrays) whose
 * "profile_id" is its "id" (bk-profile-records.c). Values core does not
 * know are left at their defaults, so the eligibility rules judge only
 * what core reads; an unknown ID type counts as a passport (checked by
 * hand). */
BkProfile *bk_profile_new_from_records (JsonObject *profile, GPtrArray *education, GPtrArray *work);

G_END_DECLS
