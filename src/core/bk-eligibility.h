/* bk-eligibility.h — the eligibility rules of the exam (报名条件)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-eligibility-case.h"
#include "bk-eligibility-verdict.h"
#include "bk-exam-session.h"

G_BEGIN_DECLS

/* Education before this year (inclusive) cannot be verified online: proofs. */
#define BK_ELIGIBILITY_LAST_UNVERIFIABLE_EDUCATION_YEAR 2002

/* Decides @eligibility_case against @session. Fails (BK_CORE_ERROR_INVALID_DATA)
 * only if the case asks for a level the session does not offer. */
BkEligibilityVerdict *bk_eligibility_evaluate (BkExamSession *session,
                                               const BkEligibilityCase *eligibility_case,
                                               GError **error);

/* Whether @level and @mode are open to the candidate, without explanations;
 * for listing alternatives and for batch work. */
gboolean bk_eligibility_is_open (BkExamSession *session,
                                 const BkEligibilityCase *eligibility_case,
                                 guint level,
                                 BkExamMode mode);

G_END_DECLS
