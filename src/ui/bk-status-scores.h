/* bk-status-scores.h — the Status step's scores: each subject's score and
 * pass, and the rolling certificate window worked out by core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-application-progress.h"

G_BEGIN_DECLS

#define BK_TYPE_STATUS_SCORES (bk_status_scores_get_type ())

G_DECLARE_FINAL_TYPE (BkStatusScores, bk_status_scores, BK, STATUS_SCORES, AdwPreferencesGroup)

/* Shows @progress's published scores of an application of @session at
 * @level and @mode; hidden without scores (@progress NULL too). */
void bk_status_scores_set (BkStatusScores *self,
                           const BkApplicationProgress *progress,
                           BkExamSession *session,
                           guint level,
                           BkExamMode mode);

G_END_DECLS
