/* test-eligibility.c — the eligibility rules of domain.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-eligibility.h"

static BkExamSession *liaoning; /* cutoff 2020-12-31, fees per subject */
static BkExamSession *shanghai; /* cutoff 2026-12-31, free */

/* Helpers: dates as text, counted back from the day after a cutoff. */

static GDate
day (const char *text)
{
  GDate d;

  g_assert_true (bk_dates_parse (text, &d));
  return d;
}

/* The day @years before @after, moved by @shift days. */
static GDate
years_before (const char *after, guint years, int shift)
{
  GDate d = day (after);

  g_date_subtract_years (&d, years);
  if (shift > 0)
    g_date_add_days (&d, (guint) shift);
  else if (shift < 0)
    g_date_subtract_days (&d, (guint) -shift);
  return d;
}

static BkEligibilityCase *
case_new (const char *session, guint level, BkExamMode mode)
{
  BkEligibilityCase *c = bk_eligibility_case_new ();

  c->session_id = g_strdup (session);
  c->level = level;
  c->mode = mode;
  return c;
}

static BkEducationRecord *
add_education (BkEligibilityCase *c,
               BkEducationLevel level,
               BkDiscipline discipline,
               const char *graduated,
               gboolean full_time)
{
  GDate g = day (graduated);
  BkEducationRecord *r = bk_education_record_new (level, discipline, &g, full_time, FALSE);

  bk_eligibility_case_add_education (c, r);
  return r;
}

static void
add_work_dates (BkEligibilityCase *c, GDate from, const GDate *to, gboolean metrology)
{
  bk_eligibility_case_add_work (c, bk_work_period_new (&from, to, metrology));
}

static void
add_work (BkEligibilityCase *c, const char *from, const char *to, gboolean metrology)
{
  GDate t;

  if (to != NULL)
    t = day (to);
  add_work_dates (c, day (from), to != NULL ? &t : NULL, metrology);
}

static BkEligibilityVerdict *
evaluate (BkExamSession *session, BkEligibilityCase *c)
{
  g_autoptr (GError) error = NULL;
  BkEligibilityVerdict *v = bk_eligibility_evaluate (session, c, &error);

  g_assert_no_error (error);
  g_assert_nonnull (v);
  g_assert_cmpuint (v->reasons->len, >, 0);
  return v;
}

static guint
days_between (const char *from, const char *to)
{
  GDate a = day (from), b = day (to);

  return (guint) g_date_days_between (&a, &b) + 1;
}

static guint
span_days (GDate from, const char *to)
{
  GDate t = day (to);

  return (guint) g_date_days_between (&from, &t) + 1;
}

static void
assert_subjects (const BkEligibilityVerdict *v, const guint *expected, guint n)
{
  g_assert_cmpuint (v->subjects->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (v->subjects, guint, i), ==, expected[i]);
}

static gboolean
reasons_mention (const BkEligibilityVerdict *v, const char *needle)
{
  for (guint i = 0; i < v->reasons->len; i++)
    {
      if (strstr (v->reasons->pdata[i], needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The level 1 table, written out independently of the code: science or
 * engineering minimums; other disciplines add one year to each (the
 * doctor has no work minimum). */
static const struct
{
  BkEducationLevel level;
  guint work, metrology;
  const char *rule;
} level1_table[] = {
  { BK_EDUCATION_LEVEL_ASSOCIATE, 6, 4, "level1-associate" },
  { BK_EDUCATION_LEVEL_BACHELOR, 4, 3, "level1-bachelor" },
  { BK_EDUCATION_LEVEL_SECOND_BACHELOR, 3, 2, "level1-second-bachelor" },
  { BK_EDUCATION_LEVEL_POSTGRADUATE_CLASS, 3, 2, "level1-postgraduate-class" },
  { BK_EDUCATION_LEVEL_MASTER, 2, 1, "level1-master" },
  { BK_EDUCATION_LEVEL_DOCTOR, 0, 1, "level1-doctor" },
};

/* A history with exactly @work years of work, of which the last
 * @metrology years are metrology work, up to the cutoff, each start moved
 * by the shifts (+1: one day short). */
static BkEligibilityCase *
table_case (BkEducationLevel level,
            BkDiscipline discipline,
            guint work,
            guint metrology,
            int work_shift,
            int metrology_shift)
{
  BkEligibilityCase *c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
  GDate metro_from = years_before ("2021-01-01", metrology, metrology_shift);

  add_education (c, level, discipline, "2005-07-01", TRUE);
  if (work > 0)
    {
      GDate before = metro_from;

      g_date_subtract_days (&before, 1);
      add_work_dates (c, years_before ("2021-01-01", work, work_shift), &before, FALSE);
    }
  add_work_dates (c, metro_from, NULL, TRUE);
  return c;
}

static void
test_level1_table (void)
{
  static const BkDiscipline disciplines[] = { BK_DISCIPLINE_SCIENCE, BK_DISCIPLINE_ENGINEERING,
                                              BK_DISCIPLINE_OTHER };

  for (guint row = 0; row < G_N_ELEMENTS (level1_table); row++)
    {
      for (guint d = 0; d < G_N_ELEMENTS (disciplines); d++)
        {
          gboolean other = disciplines[d] == BK_DISCIPLINE_OTHER;
          guint work = level1_table[row].work + (other && level1_table[row].work > 0 ? 1 : 0);
          guint metro = level1_table[row].metrology + (other ? 1 : 0);
          g_autofree char *rule = g_strdup_printf ("%s%s-all", level1_table[row].rule,
                                                   other ? "-other" : "");
          g_autoptr (BkEligibilityCase) exact = NULL;
          g_autoptr (BkEligibilityVerdict) v = NULL;
          const guint all[] = { 1, 2, 3 };

          g_test_message ("row %u discipline %u: %u/%u years", row, d, work, metro);

          /* Exactly enough. */
          exact = table_case (level1_table[row].level, disciplines[d], work, metro, 0, 0);
          v = evaluate (liaoning, exact);
          g_assert_true (v->eligible);
          g_assert_cmpstr (v->rule_id, ==, rule);
          g_assert_cmpuint (v->required_work_years, ==, work);
          g_assert_cmpuint (v->required_metrology_years, ==, metro);
          g_assert_cmpuint (v->missing_work_days, ==, 0);
          g_assert_cmpuint (v->missing_metrology_days, ==, 0);
          /* "N years" up to 2020-12-31: from the same date N years before 2021-01-01. */
          g_assert_cmpuint (v->counted_metrology_days, ==,
                            span_days (years_before ("2021-01-01", metro, 0), "2020-12-31"));
          if (work > 0)
            g_assert_cmpuint (v->counted_work_days, ==,
                              span_days (years_before ("2021-01-01", work, 0), "2020-12-31"));
          assert_subjects (v, all, 3);
          g_assert_cmpuint (v->fee_fen, ==, 21500);
          g_clear_pointer (&v, bk_eligibility_verdict_free);

          /* One day short of the work. */
          if (work > 0)
            {
              g_autoptr (BkEligibilityCase)
                c = table_case (level1_table[row].level, disciplines[d], work, metro, 1, 0);

              v = evaluate (liaoning, c);
              g_assert_false (v->eligible);
              g_assert_cmpuint (v->missing_work_days, ==, 1);
              g_assert_cmpuint (v->missing_metrology_days, ==, 0);
              g_assert_cmpuint (v->subjects->len, ==, 0);
              g_assert_cmpuint (v->fee_fen, ==, 0);
              g_clear_pointer (&v, bk_eligibility_verdict_free);
            }

          /* One day short of the metrology work, with the work still exact. */
          {
            g_autoptr (BkEligibilityCase)
              c = table_case (level1_table[row].level, disciplines[d], work, metro, 0, 1);

            v = evaluate (liaoning, c);
            g_assert_false (v->eligible);
            g_assert_cmpuint (v->missing_metrology_days, ==, 1);
            g_assert_cmpuint (v->missing_work_days, ==, 0);
            g_clear_pointer (&v, bk_eligibility_verdict_free);
          }
        }
    }
}

static void
test_level1_below_associate (void)
{
  static const BkEducationLevel levels[] = { BK_EDUCATION_LEVEL_BELOW_SECONDARY,
                                             BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
      g_autoptr (BkEligibilityVerdict) v = NULL;

      /* Twenty years of metrology work do not make up for the education. */
      add_education (c, levels[i], BK_DISCIPLINE_ENGINEERING, "1998-07-01", FALSE);
      add_work (c, "2000-01-01", NULL, TRUE);
      v = evaluate (liaoning, c);
      g_assert_false (v->eligible);
      g_assert_cmpstr (v->rule_id, ==, "level1-below-associate-all");
      g_assert_false (g_date_valid (&v->eligible_from));
      g_assert_cmpuint (v->subjects->len, ==, 0);
      /* Level 2 is open to secondary vocational education only. */
      if (levels[i] == BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL)
        {
          g_assert_cmpuint (v->other_open->len, ==, 1);
          g_assert_cmpuint (g_array_index (v->other_open, BkExamOption, 0).level, ==, 2);
          g_assert_cmpint (g_array_index (v->other_open, BkExamOption, 0).mode, ==,
                           BK_EXAM_MODE_ALL);
        }
      else
        g_assert_cmpuint (v->other_open->len, ==, 0);
    }
}

static void
test_level2_table (void)
{
  for (BkEducationLevel level = BK_EDUCATION_LEVEL_BELOW_SECONDARY;
       level <= BK_EDUCATION_LEVEL_DOCTOR; level++)
    {
      for (int shift = 0; shift <= 1; shift++)
        {
          g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
          g_autoptr (BkEligibilityVerdict) v = NULL;
          gboolean expected = level >= BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL && shift == 0;
          const guint both[] = { 1, 2 };

          /* Any discipline will do at level 2. */
          add_education (c, level, BK_DISCIPLINE_OTHER, "2010-07-01", TRUE);
          add_work_dates (c, years_before ("2021-01-01", 1, shift), NULL, TRUE);
          v = evaluate (liaoning, c);
          g_test_message ("education %d shift %d", level, shift);
          g_assert_cmpint (v->eligible, ==, expected);
          g_assert_cmpuint (v->required_metrology_years, ==,
                            level >= BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL ? 1 : 0);
          g_assert_cmpuint (v->required_work_years, ==, 0);
          if (expected)
            {
              assert_subjects (v, both, 2);
              g_assert_cmpuint (v->fee_fen, ==, 13600);
              g_assert_cmpuint (v->counted_metrology_days, ==, 366);
            }
          else if (level >= BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL)
            g_assert_cmpuint (v->missing_metrology_days, ==, 1);
        }
    }
}

/* Non-metrology work never counts towards level 2. */
static void
test_level2_needs_metrology (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, "2005-07-01", TRUE);
  add_work (c, "2006-01-01", "2020-06-30", FALSE);
  add_work (c, "2020-07-01", NULL, TRUE);
  v = evaluate (liaoning, c);
  g_assert_false (v->eligible);
  g_assert_cmpuint (v->counted_metrology_days, ==, days_between ("2020-07-01", "2020-12-31"));
  /* Continuing, the year is complete on 2021-06-30. */
  g_assert_true (g_date_valid (&v->eligible_from));
  {
    GDate expected = day ("2021-06-30");

    g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
  }
}

static void
test_level1_exempt (void)
{
  static const struct
  {
    BkSeniorTitle title;
    gboolean exempt;
  } titles[] = {
    { BK_SENIOR_TITLE_ENGINEERING, TRUE },
    { BK_SENIOR_TITLE_NATURAL_SCIENCE_RESEARCH, TRUE },
    { BK_SENIOR_TITLE_OTHER, FALSE },
    { BK_SENIOR_TITLE_NONE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      for (int short_of_time = 0; short_of_time <= 1; short_of_time++)
        {
          g_autoptr (BkEligibilityCase) c = table_case (
            BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_ENGINEERING, 4, 3, short_of_time, 0);
          g_autoptr (BkEligibilityVerdict) v = NULL;
          const guint two_and_three[] = { 2, 3 };

          c->mode = BK_EXAM_MODE_EXEMPT;
          c->senior_title = titles[i].title;
          v = evaluate (liaoning, c);
          g_assert_cmpint (v->eligible, ==, titles[i].exempt && !short_of_time);
          if (v->eligible)
            {
              assert_subjects (v, two_and_three, 2);
              g_assert_cmpuint (v->fee_fen, ==, 7000 + 7500);
              /* The title certificate has to be checked by hand. */
              g_assert_cmpint (v->verification, ==, BK_VERIFICATION_ROUTE_PROOFS);
              /* All subjects are open as well. */
              g_assert_cmpuint (v->other_open->len, >=, 1);
            }
          if (!titles[i].exempt)
            g_assert_false (g_date_valid (&v->eligible_from));
        }
    }
}

static void
test_level2_exempt (void)
{
  for (int certificate = 0; certificate <= 1; certificate++)
    {
      for (int shift = 0; shift <= 1; shift++)
        {
          g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_EXEMPT);
          g_autoptr (BkEligibilityVerdict) v = NULL;
          const guint one[] = { 1 };

          add_education (c, BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL, BK_DISCIPLINE_OTHER,
                         "2010-07-01", FALSE);
          add_work_dates (c, years_before ("2021-01-01", 1, shift), NULL, TRUE);
          c->verification_officer_certificate = certificate;
          v = evaluate (liaoning, c);
          g_assert_cmpint (v->eligible, ==, certificate && shift == 0);
          if (v->eligible)
            {
              assert_subjects (v, one, 1);
              g_assert_cmpuint (v->fee_fen, ==, 6800);
              g_assert_cmpint (v->verification, ==, BK_VERIFICATION_ROUTE_PROOFS);
            }
        }
    }
}

/* The project convention, with the two examples of domain.md. */
static void
test_n_years_convention (void)
{
  const struct
  {
    const char *from;
    gboolean eligible;
  } cases[] = {
    { "2015-01-01", TRUE },
    { "2015-01-02", FALSE },
    { "2014-12-31", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
      g_autoptr (BkEligibilityVerdict) v = NULL;

      add_education (c, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_ENGINEERING, "2014-07-01",
                     TRUE);
      add_work (c, cases[i].from, "2020-12-31", TRUE);
      v = evaluate (liaoning, c);
      g_assert_cmpint (v->eligible, ==, cases[i].eligible);
      g_assert_cmpuint (v->counted_work_days, ==, days_between (cases[i].from, "2020-12-31"));
      g_assert_cmpuint (v->missing_work_days, ==, cases[i].eligible ? 0 : 1);
    }
  g_assert_cmpuint (days_between ("2015-01-01", "2020-12-31"), ==, 2192);
}

static void
test_overlaps_count_once (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, "2010-07-01", TRUE);
  /* Two jobs at once, 2017–2018, and a metrology job inside another. */
  add_work (c, "2017-01-01", "2018-12-31", FALSE);
  add_work (c, "2017-01-01", "2020-12-31", TRUE);
  add_work (c, "2019-06-01", "2019-06-30", TRUE);
  v = evaluate (liaoning, c);
  g_assert_cmpuint (v->counted_work_days, ==, days_between ("2017-01-01", "2020-12-31"));
  g_assert_cmpuint (v->counted_metrology_days, ==, days_between ("2017-01-01", "2020-12-31"));
  g_assert_true (v->eligible); /* exactly 4 years, of which (more than) 3 metrology */
  g_assert_true (reasons_mention (v, "Overlapping"));

  /* Adjacent periods join without a gap or a double day. */
  {
    g_autoptr (BkEligibilityCase) d = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) w = NULL;

    add_education (d, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_OTHER, "2010-07-01", TRUE);
    add_work (d, "2020-01-01", "2020-06-30", TRUE);
    add_work (d, "2020-07-01", "2020-12-31", TRUE);
    add_work (d, "2020-03-01", "2020-03-31", TRUE);
    w = evaluate (liaoning, d);
    g_assert_cmpuint (w->counted_metrology_days, ==, 366);
    g_assert_true (w->eligible);
  }
}

static void
test_cutoff (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_education (c, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_OTHER, "2010-07-01", TRUE);
  /* Work after 31 December of the exam year does not count. */
  add_work (c, "2020-01-02", "2022-12-31", TRUE);
  add_work (c, "2021-01-01", "2021-12-31", TRUE);
  v = evaluate (liaoning, c);
  g_assert_cmpuint (v->counted_metrology_days, ==, 365);
  g_assert_false (v->eligible);
  g_assert_cmpuint (v->missing_metrology_days, ==, 1);
  {
    GDate expected = day ("2021-01-01");

    g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
  }

  /* The same history is plenty for the 2026 session in Shanghai. */
  g_free (c->session_id);
  c->session_id = g_strdup ("shanghai-2026");
  {
    g_autoptr (BkEligibilityVerdict) s = evaluate (shanghai, c);

    g_assert_true (s->eligible);
    g_assert_cmpuint (s->counted_metrology_days, ==, days_between ("2020-01-02", "2022-12-31"));
    g_assert_cmpuint (s->fee_fen, ==, 0);
  }
}

static void
test_full_time_rule (void)
{
  for (int full_time = 0; full_time <= 1; full_time++)
    {
      g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
      g_autoptr (BkEligibilityVerdict) v = NULL;

      /* Worked in metrology from 2016, graduated (bachelor) in mid-2017. */
      add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_ENGINEERING, "2017-07-01",
                     full_time);
      add_work (c, "2016-01-01", NULL, TRUE);
      v = evaluate (liaoning, c);
      if (full_time)
        {
          /* Counted from the graduation day. */
          g_assert_cmpuint (v->counted_work_days, ==, days_between ("2017-07-01", "2020-12-31"));
          g_assert_false (v->eligible);
          g_assert_true (reasons_mention (v, "full-time"));
          {
            GDate expected = day ("2021-06-30");

            g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
          }
        }
      else
        {
          g_assert_cmpuint (v->counted_work_days, ==, days_between ("2016-01-01", "2020-12-31"));
          g_assert_true (v->eligible);
        }
    }
}

/* Graduating after the cutoff: the education does not count yet. */
static void
test_graduation_after_cutoff (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_education (c, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_SCIENCE, "2021-07-01", FALSE);
  add_work (c, "2015-01-01", NULL, TRUE);
  v = evaluate (liaoning, c);
  g_assert_false (v->eligible);
  {
    GDate expected = day ("2021-07-01");

    g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
  }
}

static void
test_most_favourable_record (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  /* A part-time associate (6/4 years) from 2008 and a full-time master (2/1)
   * from 2019: only the associate path counts 2009–2020. */
  add_education (c, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_SCIENCE, "2008-07-01", FALSE);
  add_education (c, BK_EDUCATION_LEVEL_MASTER, BK_DISCIPLINE_SCIENCE, "2019-07-01", TRUE);
  add_work (c, "2009-01-01", NULL, TRUE);
  v = evaluate (liaoning, c);
  g_assert_true (v->eligible);
  g_assert_cmpint (v->qualifying_education, ==, 0);
  g_assert_cmpstr (v->rule_id, ==, "level1-associate-all");
  g_clear_pointer (&v, bk_eligibility_verdict_free);

  /* In the other order, the same record still wins. */
  g_ptr_array_add (c->education, g_ptr_array_steal_index (c->education, 0));
  v = evaluate (liaoning, c);
  g_assert_true (v->eligible);
  g_assert_cmpint (v->qualifying_education, ==, 1);

  /* With a recent master only, the earliest date is reported. */
  {
    g_autoptr (BkEligibilityCase) m = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) w = NULL;
    GDate expected = day ("2021-06-30");

    add_education (m, BK_EDUCATION_LEVEL_MASTER, BK_DISCIPLINE_SCIENCE, "2019-07-01", TRUE);
    add_work (m, "2009-01-01", NULL, TRUE);
    w = evaluate (liaoning, m);
    g_assert_false (w->eligible);
    g_assert_cmpint (g_date_compare (&w->eligible_from, &expected), ==, 0);
  }
}

static void
test_earliest_date (void)
{
  /* Ongoing since 2015-01-02: the 6 years are complete on 2021-01-01. */
  {
    g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) v = NULL;
    GDate expected = day ("2021-01-01");

    add_education (c, BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_ENGINEERING, "2014-07-01", TRUE);
    add_work (c, "2015-01-02", NULL, TRUE);
    v = evaluate (liaoning, c);
    g_assert_false (v->eligible);
    g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
  }
  /* Work that has ended can never reach the minimum. */
  {
    g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) v = NULL;

    add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, "2010-07-01", TRUE);
    add_work (c, "2011-01-01", "2013-12-31", TRUE);
    v = evaluate (liaoning, c);
    g_assert_false (v->eligible);
    g_assert_false (g_date_valid (&v->eligible_from));
    g_assert_true (reasons_mention (v, "never"));
  }
  /* Eligible: the date the requirement was first met (4 years after start). */
  {
    g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) v = NULL;
    GDate expected = day ("2014-12-31");

    add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, "2010-07-01", TRUE);
    add_work (c, "2011-01-01", NULL, TRUE);
    v = evaluate (liaoning, c);
    g_assert_true (v->eligible);
    g_assert_cmpint (g_date_compare (&v->eligible_from, &expected), ==, 0);
  }
  /* Only non-metrology work is ongoing: metrology can never grow. */
  {
    g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
    g_autoptr (BkEligibilityVerdict) v = NULL;

    add_education (c, BK_EDUCATION_LEVEL_MASTER, BK_DISCIPLINE_SCIENCE, "2010-07-01", TRUE);
    add_work (c, "2011-01-01", "2011-06-30", TRUE);
    add_work (c, "2011-07-01", NULL, FALSE);
    v = evaluate (liaoning, c);
    g_assert_false (v->eligible);
    g_assert_false (g_date_valid (&v->eligible_from));
  }
}

static void
test_verification_route (void)
{
  static const struct
  {
    BkEducationLevel level;
    const char *graduated;
    gboolean foreign;
    BkIdType id;
    gboolean integrity;
    BkVerificationRoute route;
  } cases[] = {
    { BK_EDUCATION_LEVEL_ASSOCIATE, "2003-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_AUTOMATIC },
    { BK_EDUCATION_LEVEL_ASSOCIATE, "2002-12-31", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_PROOFS },
    { BK_EDUCATION_LEVEL_BACHELOR, "1995-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_PROOFS },
    { BK_EDUCATION_LEVEL_MASTER, "2008-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_PROOFS },
    { BK_EDUCATION_LEVEL_MASTER, "2008-09-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_AUTOMATIC },
    { BK_EDUCATION_LEVEL_BACHELOR, "2010-07-01", TRUE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_ON_SITE },
    { BK_EDUCATION_LEVEL_BACHELOR, "2010-07-01", FALSE, BK_ID_TYPE_PASSPORT, FALSE,
      BK_VERIFICATION_ROUTE_ON_SITE },
    { BK_EDUCATION_LEVEL_BACHELOR, "2010-07-01", FALSE, BK_ID_TYPE_HK_MACAU_TAIWAN, FALSE,
      BK_VERIFICATION_ROUTE_ON_SITE },
    { BK_EDUCATION_LEVEL_BACHELOR, "2010-07-01", FALSE, BK_ID_TYPE_MILITARY, FALSE,
      BK_VERIFICATION_ROUTE_ON_SITE },
    { BK_EDUCATION_LEVEL_BACHELOR, "2010-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, TRUE,
      BK_VERIFICATION_ROUTE_ON_SITE },
    { BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL, "1990-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_AUTOMATIC },
    { BK_EDUCATION_LEVEL_BELOW_SECONDARY, "2010-07-01", FALSE, BK_ID_TYPE_RESIDENT_ID, FALSE,
      BK_VERIFICATION_ROUTE_PROOFS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
      g_autoptr (BkEligibilityVerdict) v = NULL;
      BkEducationRecord *r;

      r = add_education (c, cases[i].level, BK_DISCIPLINE_SCIENCE, cases[i].graduated, FALSE);
      r->foreign = cases[i].foreign;
      c->id_type = cases[i].id;
      c->integrity_record = cases[i].integrity;
      add_work (c, "2011-01-01", NULL, TRUE);
      v = evaluate (liaoning, c);
      g_test_message ("route case %u", i);
      g_assert_cmpint (v->verification, ==, cases[i].route);
      g_assert_cmpint (v->commitment_allowed, ==, !cases[i].integrity);
      g_assert_cmpint (v->eligible, ==, cases[i].level != BK_EDUCATION_LEVEL_BELOW_SECONDARY);
    }
}

/* Between two qualifying records, the one verified automatically wins. */
static void
test_route_prefers_lighter_record (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 1, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_education (c, BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, "2000-07-01", TRUE);
  add_education (c, BK_EDUCATION_LEVEL_MASTER, BK_DISCIPLINE_SCIENCE, "2012-07-01", FALSE);
  add_work (c, "2000-08-01", NULL, TRUE);
  v = evaluate (liaoning, c);
  g_assert_true (v->eligible);
  g_assert_cmpint (v->qualifying_education, ==, 1);
  g_assert_cmpint (v->verification, ==, BK_VERIFICATION_ROUTE_AUTOMATIC);
}

static void
test_other_options (void)
{
  g_autoptr (BkEligibilityCase)
    c = table_case (BK_EDUCATION_LEVEL_BACHELOR, BK_DISCIPLINE_SCIENCE, 4, 3, 0, 0);
  g_autoptr (BkEligibilityVerdict) v = NULL;
  gboolean level2_all = FALSE, level1_exempt = FALSE, level2_exempt = FALSE;

  c->senior_title = BK_SENIOR_TITLE_ENGINEERING;
  c->verification_officer_certificate = TRUE;
  v = evaluate (liaoning, c);
  g_assert_true (v->eligible);
  g_assert_cmpuint (v->other_open->len, ==, 3);
  for (guint i = 0; i < v->other_open->len; i++)
    {
      BkExamOption o = g_array_index (v->other_open, BkExamOption, i);

      level2_all |= o.level == 2 && o.mode == BK_EXAM_MODE_ALL;
      level2_exempt |= o.level == 2 && o.mode == BK_EXAM_MODE_EXEMPT;
      level1_exempt |= o.level == 1 && o.mode == BK_EXAM_MODE_EXEMPT;
    }
  g_assert_true (level2_all && level2_exempt && level1_exempt);
  g_assert_true (bk_eligibility_is_open (liaoning, c, 2, BK_EXAM_MODE_EXEMPT));
}

static void
test_no_education (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 2, BK_EXAM_MODE_ALL);
  g_autoptr (BkEligibilityVerdict) v = NULL;

  add_work (c, "2000-01-01", NULL, TRUE);
  v = evaluate (liaoning, c);
  g_assert_false (v->eligible);
  g_assert_cmpint (v->qualifying_education, ==, -1);
  g_assert_false (g_date_valid (&v->eligible_from));
}

static void
test_reasons_explain (void)
{
  g_autoptr (BkEligibilityCase)
    c = table_case (BK_EDUCATION_LEVEL_ASSOCIATE, BK_DISCIPLINE_ENGINEERING, 6, 4, 1, 0);
  g_autoptr (BkEligibilityVerdict) v = evaluate (liaoning, c);
  g_autoptr (JsonNode) json = bk_eligibility_verdict_to_json (v);
  JsonObject *o = json_node_get_object (json);

  g_assert_true (reasons_mention (v, "Rule applied"));
  g_assert_true (reasons_mention (v, "5 years 11 months 30 days"));
  g_assert_true (reasons_mention (v, "Missing: 1 day of work"));
  g_assert_false (json_object_get_boolean_member (o, "eligible"));
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (o, "counted"), "work_days"), ==,
    2191);
  g_assert_cmpstr (json_object_get_string_member (o, "verification"), ==, "automatic");
  g_assert_cmpstr (json_object_get_string_member (o, "eligible_from"), ==, "2021-01-01");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (o, "subjects")), ==, 0);
}

static void
test_unknown_level (void)
{
  g_autoptr (BkEligibilityCase) c = case_new ("liaoning-2020", 3, BK_EXAM_MODE_ALL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEligibilityVerdict) v = bk_eligibility_evaluate (liaoning, c, &error);

  g_assert_null (v);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "level"));
}

/* The convention spelled out with GDate, one year and one month at a time. */
static void
split_reference (const GDate *end, guint days, guint *years, guint *months, guint *rest)
{
  GDate after = *end, mark, next;
  guint32 first;
  guint y = 0, m = 0;

  g_date_add_days (&after, 1);
  first = g_date_get_julian (&after) - days;
  for (;;)
    {
      next = after;
      g_date_subtract_years (&next, y + 1);
      if (g_date_get_julian (&next) < first)
        break;
      y++;
    }
  mark = after;
  g_date_subtract_years (&mark, y);
  for (;;)
    {
      next = mark;
      g_date_subtract_months (&next, m + 1);
      if (g_date_get_julian (&next) < first)
        break;
      m++;
    }
  next = mark;
  g_date_subtract_months (&next, m);
  *years = y;
  *months = m;
  *rest = g_date_get_julian (&next) - first;
}

static void
test_dates_against_gdate (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11643);

  for (guint i = 0; i < 20000; i++)
    {
      GDate end;
      guint32 julian = (guint32) g_rand_int_range (rand, 693596, 766645); /* 1900..2099 */
      guint days = (guint) g_rand_int_range (rand, 0, 40 * 366);
      guint y1, m1, d1, y2, m2, d2, month, day;
      gint64 year;

      g_date_clear (&end, 1);
      g_date_set_julian (&end, julian);
      bk_dates_civil_from_julian (julian, &year, &month, &day);
      g_assert_cmpint (year, ==, g_date_get_year (&end));
      g_assert_cmpuint (month, ==, g_date_get_month (&end));
      g_assert_cmpuint (day, ==, g_date_get_day (&end));
      g_assert_cmpint (bk_dates_julian_from_civil (year, month, day), ==, julian);

      bk_dates_split_days (&end, days, &y1, &m1, &d1);
      split_reference (&end, days, &y2, &m2, &d2);
      g_assert_cmpuint (y1, ==, y2);
      g_assert_cmpuint (m1, ==, m2);
      g_assert_cmpuint (d1, ==, d2);
    }
}

static void
test_years_split (void)
{
  GDate cutoff = day ("2020-12-31");
  guint y, m, d;

  bk_dates_split_days (&cutoff, 2192, &y, &m, &d);
  g_assert_cmpuint (y, ==, 6);
  g_assert_cmpuint (m, ==, 0);
  g_assert_cmpuint (d, ==, 0);
  bk_dates_split_days (&cutoff, 2191, &y, &m, &d);
  g_assert_cmpuint (y, ==, 5);
  g_assert_cmpuint (m, ==, 11);
  g_assert_cmpuint (d, ==, 30);
  bk_dates_split_days (&cutoff, 0, &y, &m, &d);
  g_assert_cmpuint (y + m + d, ==, 0);
  g_assert_cmpuint (bk_dates_days_for_years (&cutoff, 1), ==, 366);
  g_assert_cmpuint (bk_dates_days_for_years (&cutoff, 4), ==, 1461);
}

/* A reference implementation, day by day, of the counting rules and the
 * earliest date, checked against the rules on random histories. */

#define REF_FIRST 700000u /* Julian day in 1917 */
#define REF_DAYS  (160 * 366)

typedef struct
{
  guint32 *work;  /* prefix sums of days worked, from REF_FIRST */
  guint32 *metro; /* the same for metrology work */
} Reference;

static guint32
ref_count (const guint32 *prefix, guint32 lo, guint32 hi)
{
  if (lo < REF_FIRST)
    lo = REF_FIRST;
  g_assert_cmpuint (hi, <, REF_FIRST + REF_DAYS);
  if (hi < lo)
    return 0;
  return prefix[hi - REF_FIRST + 1] - prefix[lo - REF_FIRST];
}

static void
ref_build (Reference *ref, const BkEligibilityCase *c, guint32 horizon)
{
  g_autofree guint8 *work = g_new0 (guint8, REF_DAYS);
  g_autofree guint8 *metro = g_new0 (guint8, REF_DAYS);

  for (guint i = 0; i < c->work->len; i++)
    {
      const BkWorkPeriod *p = c->work->pdata[i];
      guint32 to = g_date_valid (&p->to) ? g_date_get_julian (&p->to) : horizon;

      for (guint32 d = g_date_get_julian (&p->from); d <= to && d < REF_FIRST + REF_DAYS; d++)
        {
          work[d - REF_FIRST] = 1;
          if (p->metrology)
            metro[d - REF_FIRST] = 1;
        }
    }
  ref->work = g_new0 (guint32, REF_DAYS + 1);
  ref->metro = g_new0 (guint32, REF_DAYS + 1);
  for (guint i = 0; i < REF_DAYS; i++)
    {
      ref->work[i + 1] = ref->work[i] + work[i];
      ref->metro[i + 1] = ref->metro[i] + metro[i];
    }
}

static gboolean
ref_met (const Reference *ref, guint32 lo, guint32 day, guint work_years, guint metro_years)
{
  GDate end;

  g_date_clear (&end, 1);
  g_date_set_julian (&end, day);
  return ref_count (ref->work, lo, day) >= bk_dates_days_for_years (&end, work_years) &&
         ref_count (ref->metro, lo, day) >= bk_dates_days_for_years (&end, metro_years);
}

static void
test_against_reference (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20201231);
  guint32 cut = g_date_get_julian (bk_exam_session_get_cutoff (liaoning));

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr (BkEligibilityCase)
        c = case_new ("liaoning-2020", g_rand_int_range (rand, 1, 3), BK_EXAM_MODE_ALL);
      g_autoptr (BkEligibilityVerdict) v = NULL;
      Reference ref;
      BkEducationRecord *record;
      GDate date;
      guint32 graduated, lo, start, expected = 0;
      guint work_years, metro_years;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, cut - (guint32) g_rand_int_range (rand, -400, 20 * 365));
      record = bk_education_record_new (
        (BkEducationLevel) g_rand_int_range (rand, BK_EDUCATION_LEVEL_ASSOCIATE,
                                             BK_EDUCATION_LEVEL_DOCTOR + 1),
        (BkDiscipline) g_rand_int_range (rand, 0, 3), &date, g_rand_boolean (rand), FALSE);
      bk_eligibility_case_add_education (c, record);
      for (int i = g_rand_int_range (rand, 0, 5); i > 0; i--)
        {
          GDate from, to;
          guint32 f = cut - (guint32) g_rand_int_range (rand, -300, 15 * 365);

          g_date_clear (&from, 1);
          g_date_clear (&to, 1);
          g_date_set_julian (&from, f);
          g_date_set_julian (&to, f + (guint32) g_rand_int_range (rand, 0, 6 * 365));
          bk_eligibility_case_add_work (
            c, bk_work_period_new (&from, g_rand_int_range (rand, 0, 4) == 0 ? NULL : &to,
                                   g_rand_int_range (rand, 0, 3) > 0));
        }
      v = evaluate (liaoning, c);

      work_years = v->required_work_years;
      metro_years = v->required_metrology_years;
      graduated = g_date_get_julian (&record->graduated);
      lo = record->full_time ? graduated : 0;
      ref_build (&ref, c, REF_FIRST + REF_DAYS - 1);

      g_test_message ("case %u: level %u, education %d", n, c->level, record->level);
      g_assert_cmpuint (v->counted_work_days, ==, ref_count (ref.work, lo, cut));
      g_assert_cmpuint (v->counted_metrology_days, ==, ref_count (ref.metro, lo, cut));
      g_assert_cmpint (v->eligible, ==,
                       graduated <= cut && ref_met (&ref, lo, cut, work_years, metro_years));

      /* The first day meeting the requirement: up to the cutoff if
       * eligible, after it (and after graduating) if not. */
      start = v->eligible ? MAX (graduated, REF_FIRST) : MAX (cut + 1, graduated);
      for (guint32 d = start; d < cut + 40 * 366; d++)
        {
          if (ref_met (&ref, lo, d, work_years, metro_years))
            {
              expected = d;
              break;
            }
        }
      if (expected == 0)
        g_assert_false (g_date_valid (&v->eligible_from));
      else
        {
          g_assert_true (g_date_valid (&v->eligible_from));
          g_assert_cmpuint (g_date_get_julian (&v->eligible_from), ==, expected);
        }
      g_free (ref.work);
      g_free (ref.metro);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  liaoning = bk_exam_session_load ("liaoning-2020", &error);
  g_assert_no_error (error);
  shanghai = bk_exam_session_load ("shanghai-2026", &error);
  g_assert_no_error (error);

  g_test_add_func ("/eligibility/level1/table", test_level1_table);
  g_test_add_func ("/eligibility/level1/below-associate", test_level1_below_associate);
  g_test_add_func ("/eligibility/level1/exempt", test_level1_exempt);
  g_test_add_func ("/eligibility/level2/table", test_level2_table);
  g_test_add_func ("/eligibility/level2/needs-metrology", test_level2_needs_metrology);
  g_test_add_func ("/eligibility/level2/exempt", test_level2_exempt);
  g_test_add_func ("/eligibility/counting/n-years", test_n_years_convention);
  g_test_add_func ("/eligibility/counting/overlaps", test_overlaps_count_once);
  g_test_add_func ("/eligibility/counting/cutoff", test_cutoff);
  g_test_add_func ("/eligibility/counting/full-time", test_full_time_rule);
  g_test_add_func ("/eligibility/counting/graduation-after-cutoff", test_graduation_after_cutoff);
  g_test_add_func ("/eligibility/counting/split", test_years_split);
  g_test_add_func ("/eligibility/counting/dates-against-gdate", test_dates_against_gdate);
  g_test_add_func ("/eligibility/most-favourable", test_most_favourable_record);
  g_test_add_func ("/eligibility/earliest-date", test_earliest_date);
  g_test_add_func ("/eligibility/route", test_verification_route);
  g_test_add_func ("/eligibility/route/lighter-record", test_route_prefers_lighter_record);
  g_test_add_func ("/eligibility/other-options", test_other_options);
  g_test_add_func ("/eligibility/no-education", test_no_education);
  g_test_add_func ("/eligibility/reasons", test_reasons_explain);
  g_test_add_func ("/eligibility/unknown-level", test_unknown_level);
  g_test_add_func ("/eligibility/against-reference", test_against_reference);

  status = g_test_run ();
  g_clear_object (&liaoning);
  g_clear_object (&shanghai);
  return status;
}
