/* bk-exam-application-private.h — for bk-submission.c only: the
 * application's own checks before submission, and the move to "submitted"
 * once every check has passed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-exam-application.h"

G_BEGIN_DECLS

/* The profile is 100% complete, a session and a point are chosen, the
 * commitment choice is made and, if it was declined, a proof is attached;
 * the error says what is missing. */
gboolean
bk_exam_application_check_submittable (BkExamApplication *self, BkProfile *profile, GError **error);

/* draft → submitted, submitted-at = @now. */
void bk_exam_application_mark_submitted (BkExamApplication *self, GDateTime *now);

G_END_DECLS
