/* bk-exam-session.h — one province's session of the exam, loaded from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-eligibility-case.h"
#include "bk-exam-point.h"
#include "bk-exam-subject.h"
#include "bk-exam-venue.h"
#include "bk-exam-window.h"

G_BEGIN_DECLS

#define BK_TYPE_EXAM_SESSION (bk_exam_session_get_type ())

G_DECLARE_FINAL_TYPE (BkExamSession, bk_exam_session, BK, EXAM_SESSION, GObject)

/* Loading; errors are BK_CORE_ERROR_INVALID_DATA naming the file and field,
 * or BK_CORE_ERROR_NOT_FOUND. */
BkExamSession *bk_exam_session_new_from_file (const char *path, GError **error);
BkExamSession *bk_exam_session_new_from_data (const char *data,
                                              gssize length,
                                              const char *file_name,
                                              GError **error);
/* From the sessions directory (see bk_data_dirs_get_sessions_dir()). */
BkExamSession *bk_exam_session_load (const char *id, GError **error);
GPtrArray *bk_exam_session_load_all (GError **error);

const char *bk_exam_session_get_id (BkExamSession *self);
const char *bk_exam_session_get_name (BkExamSession *self);
const char *bk_exam_session_get_province (BkExamSession *self);
const char *bk_exam_session_get_authority (BkExamSession *self);
const char *bk_exam_session_get_source (BkExamSession *self);
const char *bk_exam_session_get_timetable_note (BkExamSession *self);
guint bk_exam_session_get_exam_year (BkExamSession *self);
const GDate *bk_exam_session_get_cutoff (BkExamSession *self);
double bk_exam_session_get_pass_mark_percent (BkExamSession *self);
gboolean bk_exam_session_is_free (BkExamSession *self);

gboolean bk_exam_session_has_level (BkExamSession *self, guint level);
const char *bk_exam_session_get_level_name (BkExamSession *self, guint level);
/* Of BkExamSubject, in subject order; NULL if the level is not offered. */
GPtrArray *bk_exam_session_get_subjects (BkExamSession *self, guint level);
const BkExamSubject *bk_exam_session_get_subject (BkExamSession *self, guint level, guint number);
/* The subject exempted in the "exempt" mode of @level, or 0. */
guint bk_exam_session_get_exempt_subject (BkExamSession *self, guint level);
/* Subject numbers sat in @mode, in order. */
GArray *bk_exam_session_get_subjects_to_sit (BkExamSession *self, guint level, BkExamMode mode);
guint64 bk_exam_session_get_fee_fen (BkExamSession *self, guint level, BkExamMode mode);
/* Consecutive exam years within which all subjects must be passed. */
guint bk_exam_session_get_score_window_years (BkExamSession *self, guint level, BkExamMode mode);

GPtrArray *bk_exam_session_get_windows (BkExamSession *self); /* of BkExamWindow */
const BkExamWindow *bk_exam_session_get_window (BkExamSession *self, const char *step);
GPtrArray *bk_exam_session_get_points (BkExamSession *self); /* of BkExamPoint */
guint bk_exam_session_get_n_venues (BkExamSession *self);
const char *bk_exam_session_get_venue (BkExamSession *self, guint index);
GPtrArray *bk_exam_session_get_venues (BkExamSession *self); /* of BkExamVenue */
/* NULL when the session has no venue numbered @number. */
const BkExamVenue *bk_exam_session_get_venue_by_number (BkExamSession *self, guint number);
guint bk_exam_session_get_n_contacts (BkExamSession *self);
const char *bk_exam_session_get_contact (BkExamSession *self, guint index, const char **phone);

/* What the admission ticket prints, always in Chinese (an official
 * document); @chinese FALSE gives the English texts for the interface. */
const char *bk_exam_session_get_name_zh (BkExamSession *self);
const char *bk_exam_session_get_level_name_zh (BkExamSession *self, guint level);
/* The rules for candidates (应试人员须知), NULL-terminated, in order. */
const char *const *bk_exam_session_get_candidate_rules (BkExamSession *self, gboolean chinese);
const char *bk_exam_session_get_stationery (BkExamSession *self, gboolean chinese);
/* GB/T 2260 two-digit province code, the first two digits of ticket numbers. */
const char *bk_exam_session_get_province_code (BkExamSession *self);
/* The authority's Ed25519 public key (32 bytes) that signs the tickets. */
const guint8 *bk_exam_session_get_ticket_public_key (BkExamSession *self);

G_END_DECLS
