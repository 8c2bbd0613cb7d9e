/* bk-submission.h — everything that must hold before an application is
 * submitted, in one place the client and the server both call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-exam-application.h"
#include "bk-exam-session.h"
#include "bk-profile.h"

G_BEGIN_DECLS

/* The only way to "submitted". Checks, in order: the application is a
 * draft of @session; @now is inside the session's registration window
 * (refused when the session has none or it has no end); the application's
 * own checks (profile 100%, point, commitment choice, proofs when it was
 * declined); the point is one of @session's; the eligibility verdict and its verification route
 * (proofs uploaded when it asks for them). Then moves it to "submitted" with submitted-at = @now.
 * On failure the error message says what to do and the application is unchanged. */
gboolean bk_submission_submit (BkExamApplication *application,
                               BkProfile *profile,
                               BkExamSession *session,
                               GDateTime *now,
                               GError **error);

/* The candidate's choice about the commitment (YES signs, NO declines,
 * UNSET withdraws), only for a draft of @session inside its registration
 * window at @now: the same window bk_submission_submit() checks, so a
 * commitment is never signed for an application that cannot be submitted.
 * Then bk_exam_application_sign_commitment(). */
gboolean bk_submission_sign_commitment (BkExamApplication *application,
                                        BkExamSession *session,
                                        GDateTime *now,
                                        BkCommitment commitment,
                                        GError **error);

G_END_DECLS
