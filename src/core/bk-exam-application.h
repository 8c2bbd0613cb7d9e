/* bk-exam-application.h — a candidate's application for one exam session
 *
 * (BkApplication is the GTK application class, hence the name.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-application-state.h"
#include "bk-eligibility-case.h"
#include "bk-profile.h"
#include "bk-proof-entry.h"
#include "bk-record.h"

G_BEGIN_DECLS

#define BK_TYPE_EXAM_APPLICATION (bk_exam_application_get_type ())

G_DECLARE_FINAL_TYPE (BkExamApplication, bk_exam_application, BK, EXAM_APPLICATION, BkRecord)

/* Properties (notify only on change):
 *   "id", "version", "created-at", "updated-at"  from BkRecord
 *   "profile-id"           string, construct-only
 *   "session-id"           string, e.g. "shanghai-2026"
 *   "level"                uint, 1 or 2
 *   "mode"                 BkExamMode (enum)
 *   "point-code"           string, registration / verification point, e.g. "2916"
 *   "commitment"           BkCommitment (enum), read-only: use sign_commitment()
 *   "commitment-signed-at" GDateTime, read-only
 *   "state"                BkApplicationState (enum), read-only: use transition()/submit()
 *   "submitted-at"         GDateTime, read-only
 *   "proofs"               GListModel of BkProofEntry, read-only
 */

BkExamApplication *bk_exam_application_new (const char *profile_id,
                                            const char *session_id,
                                            guint level,
                                            BkExamMode mode);
BkExamApplication *bk_exam_application_dup (BkExamApplication *self);

const char *bk_exam_application_get_id (BkExamApplication *self);
gint64 bk_exam_application_get_version (BkExamApplication *self);
void bk_exam_application_set_version (BkExamApplication *self, gint64 version);
GDateTime *bk_exam_application_get_created_at (BkExamApplication *self);
void bk_exam_application_set_created_at (BkExamApplication *self, GDateTime *created_at);
GDateTime *bk_exam_application_get_updated_at (BkExamApplication *self);
void bk_exam_application_set_updated_at (BkExamApplication *self, GDateTime *updated_at);
const char *bk_exam_application_get_profile_id (BkExamApplication *self);
const char *bk_exam_application_get_session_id (BkExamApplication *self);
void bk_exam_application_set_session_id (BkExamApplication *self, const char *session_id);
guint bk_exam_application_get_level (BkExamApplication *self);
void bk_exam_application_set_level (BkExamApplication *self, guint level);
BkExamMode bk_exam_application_get_mode (BkExamApplication *self);
void bk_exam_application_set_mode (BkExamApplication *self, BkExamMode mode);
const char *bk_exam_application_get_point_code (BkExamApplication *self);
void bk_exam_application_set_point_code (BkExamApplication *self, const char *point_code);
BkCommitment bk_exam_application_get_commitment (BkExamApplication *self);
GDateTime *bk_exam_application_get_commitment_signed_at (BkExamApplication *self);
BkApplicationState bk_exam_application_get_state (BkExamApplication *self);
GDateTime *bk_exam_application_get_submitted_at (BkExamApplication *self);

/* The candidate's own act: YES signs the commitment (signed-at = now from
 * BkClock), NO declines it (proofs follow), UNSET withdraws the choice.
 * Only while the application is a draft. */
gboolean bk_exam_application_sign_commitment (BkExamApplication *self,
                                              BkCommitment commitment,
                                              GError **error);

/* Moves to @to if bk_application_state_can_transition() allows it;
 * otherwise a translated BK_CORE_ERROR_INVALID_DATA. */
gboolean
bk_exam_application_transition (BkExamApplication *self, BkApplicationState to, GError **error);

/* There is no public way to "submitted" but bk_submission_submit(), which
 * checks the window, the eligibility and the application itself;
 * bk_exam_application_transition() refuses to move a draft there. */

/* For the store loading a row: sets the read-only fields as stored. */
void bk_exam_application_restore (BkExamApplication *self,
                                  BkCommitment commitment,
                                  GDateTime *commitment_signed_at,
                                  BkApplicationState state,
                                  GDateTime *submitted_at);

GListModel *bk_exam_application_get_proofs (BkExamApplication *self);
void bk_exam_application_add_proof (BkExamApplication *self, BkProofEntry *proof);
void bk_exam_application_remove_proof (BkExamApplication *self, BkProofEntry *proof);

char *bk_exam_application_to_json (BkExamApplication *self);

G_END_DECLS
