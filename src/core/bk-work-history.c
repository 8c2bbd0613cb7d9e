/* bk-work-history.c
 *
 * Counting the time of domain.md, "Eligibility": overlapping periods count
 * once, and "N years" is counted back from the day after the cutoff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bk-dates.h"
#include "bk-work-history.h"
#include "bk-work-period.h"

guint
bk_work_history_days_for_years (guint32 end, guint years)
{
  gint64 y;
  guint m, d;

  if (years == 0)
    return 0;
  bk_dates_civil_from_julian ((gint64) end + 1, &y, &m, &d);
  y -= years;
  if (m == 2 && d == 29 && !g_date_is_leap_year ((GDateYear) y))
    d = 28;
  return (guint) ((gint64) end + 1 - bk_dates_julian_from_civil (y, m, d));
}

guint
bk_work_history_count_days (
  const BkWorkHistory *self, gboolean metrology_only, guint32 lo, guint32 hi, guint *raw)
{
  guint total = 0, raw_total = 0;
  guint32 cur_from = 0, cur_to = 0;
  gboolean open = FALSE;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n; i++)
    {
      const BkWorkSpan *s = &self->spans[i];
      guint32 f, t;

      if (metrology_only && !s->metrology)
        continue;
      f = MAX (s->from, lo);
      t = MIN (s->to, hi);
      if (f > t)
        continue;
      raw_total += t - f + 1;
      if (open && f <= cur_to + 1)
        {
          cur_to = MAX (cur_to, t);
          continue;
        }
      if (open)
        total += cur_to - cur_from + 1;
      cur_from = f;
      cur_to = t;
      open = TRUE;
    }
  if (open)
    total += cur_to - cur_from + 1;
  if (raw != NULL)
    *raw = raw_total;
  return total;
}

static int
compare_spans (const void *a, const void *b)
{
  const BkWorkSpan *x = a, *y = b;

  return (x->from > y->from) - (x->from < y->from);
}

void
bk_work_history_init (BkWorkHistory *self, const GPtrArray *work)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (work != NULL);

  self->heap = work->len > BK_WORK_HISTORY_SPANS_ON_STACK ? g_new (BkWorkSpan, work->len) : NULL;
  self->spans = self->heap != NULL ? self->heap : self->storage;
  self->n = 0;
  self->last_end_all = 0;
  self->last_end_metro = 0;
  for (guint i = 0; i < work->len; i++)
    {
      const BkWorkPeriod *p = work->pdata[i];
      BkWorkSpan s;

      s.from = g_date_get_julian (&p->from);
      s.to = g_date_valid (&p->to) ? g_date_get_julian (&p->to) : BK_WORK_HISTORY_OPEN_END;
      s.metrology = p->metrology;
      if (s.to < s.from)
        continue;
      self->spans[self->n++] = s;
      self->last_end_all = MAX (self->last_end_all, s.to);
      if (s.metrology)
        self->last_end_metro = MAX (self->last_end_metro, s.to);
    }
  qsort (self->spans, self->n, sizeof (BkWorkSpan), compare_spans);
}

void
bk_work_history_clear (BkWorkHistory *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->heap, g_free);
  self->spans = NULL;
  self->n = 0;
}

/* Days still missing on @day for one requirement (negative: a surplus). */
static gint64
missing_on (
  const BkWorkHistory *self, gboolean metrology_only, guint32 lo, guint years, guint32 day)
{
  return (gint64) bk_work_history_days_for_years (day, years) -
         bk_work_history_count_days (self, metrology_only, lo, day, NULL);
}

static gint64
deficit_at (
  const BkWorkHistory *self, guint32 lo, guint work_years, guint metrology_years, guint32 day)
{
  gint64 d = G_MININT64;

  if (work_years > 0)
    d = missing_on (self, FALSE, lo, work_years, day);
  if (metrology_years > 0)
    d = MAX (d, missing_on (self, TRUE, lo, metrology_years, day));
  return d;
}

/* Counted time grows by at most one day per day, and the days that make
 * "N years" vary by at most one per leap day, so a deficit of d days
 * cannot close in fewer than about d days: jump ahead by that much. */
guint32
bk_work_history_first_day_meeting (
  const BkWorkHistory *self, guint32 lo, guint work_years, guint metrology_years, guint32 start)
{
  guint32 day = start;

  g_return_val_if_fail (self != NULL, BK_WORK_HISTORY_NEVER);

  for (guint iteration = 0; iteration < 4000; iteration++)
    {
      gint64 d = deficit_at (self, lo, work_years, metrology_years, day);
      gboolean work_grows = self->last_end_all > day;
      gboolean metro_grows = self->last_end_metro > day;
      gint64 step;

      if (d <= 0)
        return day;
      /* Nothing more will be counted: only a leap day leaving the window
       * could still close a one-day gap. */
      if (metrology_years > 0 && !metro_grows &&
          missing_on (self, TRUE, lo, metrology_years, day) > 1)
        return BK_WORK_HISTORY_NEVER;
      if (work_years > 0 && !work_grows && missing_on (self, FALSE, lo, work_years, day) > 1)
        return BK_WORK_HISTORY_NEVER;
      if (!work_grows && !metro_grows && iteration > 1500)
        return BK_WORK_HISTORY_NEVER;

      step = d - 2 - d / 365;
      day += (guint32) MAX (step, 1);
    }
  return BK_WORK_HISTORY_NEVER;
}
