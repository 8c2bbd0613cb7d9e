/* bk-score-outcome.h — passed subjects, certificate, and what remains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-eligibility-case.h"
#include "bk-exam-session.h"

G_BEGIN_DECLS

/* One published score: subject @subject sat in exam year @year. */
typedef struct
{
  guint year;
  guint subject;
  double score;
} BkExamResult;

#define BK_TYPE_SCORE_OUTCOME (bk_score_outcome_get_type ())

/* Read-only fields. */
typedef struct
{
  guint level;
  BkExamMode mode;
  guint window_years;

  GArray *passed; /* of BkExamResult: every passing result, by year then subject */
  gboolean certificate_earned;
  guint certificate_year; /* the exam year that completed the set; 0 if not earned */

  /* When not earned: subjects still to pass, and the last exam year in which
   * they must be passed so the passes kept stay within the window; 0 when no
   * pass is kept (the window starts again with the next pass). */
  GArray *remaining; /* of guint */
  GArray *kept;      /* of BkExamResult: passes still valid for the next exam year */
  guint last_year;

  GPtrArray *reasons; /* of char *: translated sentences */
} BkScoreOutcome;

GType bk_score_outcome_get_type (void) G_GNUC_CONST;

/* Pass mark, full scores and window come from @session (the rules are
 * national; any session of the level will do). */
BkScoreOutcome *bk_score_outcome_evaluate (BkExamSession *session,
                                           guint level,
                                           BkExamMode mode,
                                           const BkExamResult *results,
                                           guint n_results,
                                           GError **error);
gboolean
bk_score_outcome_is_pass (BkExamSession *session, guint level, guint subject, double score);
BkScoreOutcome *bk_score_outcome_copy (const BkScoreOutcome *self);
void bk_score_outcome_free (BkScoreOutcome *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkScoreOutcome, bk_score_outcome_free)

G_END_DECLS
