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

/* Checks the registration window at @now, the eligibility verdict and its
 * verification route (proofs uploaded when it asks for them), then the
 * application's own checks, and moves it to "submitted". On failure the
 * error message says what to do and the application is unchanged. */
gboolean bk_submission_submit (BkExamApplication *application,
                               BkProfile *profile,
                               BkExamSession *session,
                               GDateTime *now,
                               GError **error);

G_END_DECLS
