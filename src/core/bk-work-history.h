/* bk-work-history.h — a case's work periods as day spans, for counting time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are Julian day numbers. */
#define BK_WORK_HISTORY_NEVER    0u          /* no such day */
#define BK_WORK_HISTORY_OPEN_END G_MAXUINT32 /* the end of a period still going on */

typedef struct
{
  guint32 from, to; /* inclusive; to == BK_WORK_HISTORY_OPEN_END while still working */
  gboolean metrology;
} BkWorkSpan;

#define BK_WORK_HISTORY_SPANS_ON_STACK 32

/* Lives on the stack; bk_work_history_clear() frees what a long history
 * needed beyond its own storage. */
typedef struct
{
  BkWorkSpan *spans; /* sorted by start */
  guint n;
  guint32 last_end_all;   /* latest end of any span; OPEN_END if one is ongoing */
  guint32 last_end_metro; /* the same for metrology spans; 0 if none */
  BkWorkSpan storage[BK_WORK_HISTORY_SPANS_ON_STACK];
  BkWorkSpan *heap;
} BkWorkHistory;

/* @work: of BkWorkPeriod */
void bk_work_history_init (BkWorkHistory *self, const GPtrArray *work);
void bk_work_history_clear (BkWorkHistory *self);

/* Days covered by the (merged) spans within [@lo, @hi]; overlaps count
 * once. @raw, if not %NULL, gets the days before merging. */
guint bk_work_history_count_days (
  const BkWorkHistory *self, gboolean metrology_only, guint32 lo, guint32 hi, guint *raw);
/* The first day from @start on which the time counted from @lo meets
 * @work_years and @metrology_years (0: no requirement), if the history goes
 * on as recorded; %BK_WORK_HISTORY_NEVER if it never does. */
guint32 bk_work_history_first_day_meeting (
  const BkWorkHistory *self, guint32 lo, guint work_years, guint metrology_years, guint32 start);

/* The days that make @years up to @end: from the same calendar date @years
 * before the day after @end (29 February becomes 28). */
guint bk_work_history_days_for_years (guint32 end, guint years);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkWorkHistory, bk_work_history_clear)

G_END_DECLS
