/* test-work-history.c — counting work time: overlaps once, years back from the cutoff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-dates.h"
#include "bk-work-history.h"
#include "bk-work-period.h"

static guint32
day (const char *text)
{
  GDate date;

  g_assert_true (bk_dates_parse (text, &date));
  return g_date_get_julian (&date);
}

static void
add (GPtrArray *work, const char *from, const char *to, gboolean metrology)
{
  GDate f, t;

  g_assert_true (bk_dates_parse (from, &f));
  if (to != NULL)
    g_assert_true (bk_dates_parse (to, &t));
  g_ptr_array_add (work, bk_work_period_new (&f, to != NULL ? &t : NULL, metrology));
}

static GPtrArray *
work_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bk_work_period_free);
}

static void
test_overlaps_count_once (void)
{
  g_autoptr (GPtrArray) work = work_new ();
  g_auto (BkWorkHistory) h = { 0 };
  guint raw;

  /* Given out of order: 2010 all year, metrology; March–April 2010 again;
   * 2011 from January, not metrology, still going. */
  add (work, "2011-01-01", NULL, FALSE);
  add (work, "2010-03-01", "2010-04-30", TRUE);
  add (work, "2010-01-01", "2010-12-31", TRUE);
  bk_work_history_init (&h, work);

  g_assert_cmpuint (bk_work_history_count_days (&h, FALSE, 0, day ("2011-12-31"), &raw), ==,
                    365 + 365);
  g_assert_cmpuint (raw, ==, 365 + 365 + 61);
  g_assert_cmpuint (bk_work_history_count_days (&h, TRUE, 0, day ("2011-12-31"), NULL), ==, 365);
  /* Counted from a graduation day. */
  g_assert_cmpuint (
    bk_work_history_count_days (&h, FALSE, day ("2010-12-01"), day ("2011-01-31"), NULL), ==, 62);
}

static void
test_years_and_first_day (void)
{
  g_autoptr (GPtrArray) work = work_new ();
  g_auto (BkWorkHistory) h = { 0 };

  /* Four years up to 31 December 2020 begin on 1 January 2017. */
  g_assert_cmpuint (bk_work_history_days_for_years (day ("2020-12-31"), 4), ==,
                    day ("2020-12-31") - day ("2017-01-01") + 1);
  g_assert_cmpuint (bk_work_history_days_for_years (day ("2020-12-31"), 0), ==, 0);

  add (work, "2015-03-01", NULL, TRUE);
  bk_work_history_init (&h, work);
  /* Two years of work and one of metrology, from 1 March 2015: met on the
   * last day of February 2017. */
  g_assert_cmpuint (bk_work_history_first_day_meeting (&h, 0, 2, 1, day ("2015-03-01")), ==,
                    day ("2017-02-28"));

  bk_work_history_clear (&h);
  g_ptr_array_set_size (work, 0);
  add (work, "2015-03-01", "2015-12-31", TRUE);
  bk_work_history_init (&h, work);
  g_assert_cmpuint (bk_work_history_first_day_meeting (&h, 0, 2, 1, day ("2015-03-01")), ==,
                    BK_WORK_HISTORY_NEVER);
}

static void
test_long_history (void)
{
  g_autoptr (GPtrArray) work = work_new ();
  g_auto (BkWorkHistory) h = { 0 };

  /* More periods than fit on the stack: 40 Januaries. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *from = g_strdup_printf ("%u-01-01", 1980 + i);
      g_autofree char *to = g_strdup_printf ("%u-01-31", 1980 + i);

      add (work, from, to, i % 2 == 0);
    }
  bk_work_history_init (&h, work);
  g_assert_cmpuint (h.n, ==, 40);
  g_assert_cmpuint (bk_work_history_count_days (&h, FALSE, 0, day ("2100-01-01"), NULL), ==,
                    40 * 31);
  g_assert_cmpuint (bk_work_history_count_days (&h, TRUE, 0, day ("2100-01-01"), NULL), ==,
                    20 * 31);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/work-history/overlaps-count-once", test_overlaps_count_once);
  g_test_add_func ("/work-history/years-and-first-day", test_years_and_first_day);
  g_test_add_func ("/work-history/long-history", test_long_history);

  return g_test_run ();
}
