/* bk-education-entry.h — an education record of a profile, as an editable object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-education-record.h"
#include "bk-record.h"

G_BEGIN_DECLS

#define BK_TYPE_EDUCATION_ENTRY (bk_education_entry_get_type ())

G_DECLARE_FINAL_TYPE (BkEducationEntry, bk_education_entry, BK, EDUCATION_ENTRY, BkRecord)

/* Properties (all read-write, notify only on change):
 *   "id", "version", "created-at", "updated-at"  from BkRecord
 *   "level"              BkEducationLevel (enum)
 *   "discipline"         BkDiscipline (enum)
 *   "graduated"          GDate (G_TYPE_DATE); NULL / invalid = not entered
 *   "full-time"          gboolean
 *   "foreign"            gboolean
 *   "school"             string
 *   "major"              string, exactly as on the certificate
 *   "certificate-number" string, 17 or 18 digits
 */

BkEducationEntry *bk_education_entry_new (void);
BkEducationEntry *bk_education_entry_new_from_record (const BkEducationRecord *record);
/* A new object with the same id, version and fields (for a save snapshot). */
BkEducationEntry *bk_education_entry_dup (BkEducationEntry *self);

const char *bk_education_entry_get_id (BkEducationEntry *self);
gint64 bk_education_entry_get_version (BkEducationEntry *self);
void bk_education_entry_set_version (BkEducationEntry *self, gint64 version);
BkEducationLevel bk_education_entry_get_level (BkEducationEntry *self);
void bk_education_entry_set_level (BkEducationEntry *self, BkEducationLevel level);
BkDiscipline bk_education_entry_get_discipline (BkEducationEntry *self);
void bk_education_entry_set_discipline (BkEducationEntry *self, BkDiscipline discipline);
/* Never NULL; an invalid GDate when not entered. */
const GDate *bk_education_entry_get_graduated (BkEducationEntry *self);
void bk_education_entry_set_graduated (BkEducationEntry *self, const GDate *graduated);
gboolean bk_education_entry_get_full_time (BkEducationEntry *self);
void bk_education_entry_set_full_time (BkEducationEntry *self, gboolean full_time);
gboolean bk_education_entry_get_foreign (BkEducationEntry *self);
void bk_education_entry_set_foreign (BkEducationEntry *self, gboolean foreign);
const char *bk_education_entry_get_school (BkEducationEntry *self);
void bk_education_entry_set_school (BkEducationEntry *self, const char *school);
const char *bk_education_entry_get_major (BkEducationEntry *self);
void bk_education_entry_set_major (BkEducationEntry *self, const char *major);
const char *bk_education_entry_get_certificate_number (BkEducationEntry *self);
void bk_education_entry_set_certificate_number (BkEducationEntry *self, const char *number);

BkEducationRecord *bk_education_entry_to_record (BkEducationEntry *self);

/* FALSE with a translated BK_CORE_ERROR_INVALID_DATA saying what to do,
 * and *@field (nullable) set to the property name at fault ("school",
 * "major", "graduated", "certificate-number"). Checks in that order. */
gboolean bk_education_entry_validate (BkEducationEntry *self, const char **field, GError **error);
/* Every problem at once, in that order (empty when the record is valid):
 * a GPtrArray of BkFieldError, for a form to show under each field. */
GPtrArray *bk_education_entry_validate_all (BkEducationEntry *self);

/* Field checks for validation as typed; same messages as validate(). The
 * certificate number is checked (and set) after bk_text_normalize_number(). */
gboolean bk_education_entry_validate_school (const char *school, GError **error);
gboolean bk_education_entry_validate_major (const char *major, GError **error);
gboolean bk_education_entry_validate_certificate_number (const char *number, GError **error);
gboolean bk_education_entry_validate_graduated (const GDate *graduated, GError **error);

/* The payload JSON of the outbox (stable field order; dates "YYYY-MM-DD"). */
char *bk_education_entry_to_json (BkEducationEntry *self);

G_END_DECLS
