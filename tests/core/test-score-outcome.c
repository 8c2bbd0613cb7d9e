/* test-score-outcome.c — pass mark, certificate and rolling windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"
#include "bk-score-outcome.h"

static BkExamSession *session;

static BkScoreOutcome *
evaluate (guint level, BkExamMode mode, const BkExamResult *results, guint n)
{
  g_autoptr (GError) error = NULL;
  BkScoreOutcome *o = bk_score_outcome_evaluate (session, level, mode, results, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (o);
  g_assert_cmpuint (o->reasons->len, >, 0);
  return o;
}

static void
assert_remaining (const BkScoreOutcome *o, const guint *expected, guint n)
{
  g_assert_cmpuint (o->remaining->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (o->remaining, guint, i), ==, expected[i]);
}

static void
test_pass_mark (void)
{
  /* 60% of a full score of 100. */
  g_assert_true (bk_score_outcome_is_pass (session, 1, 1, 60));
  g_assert_true (bk_score_outcome_is_pass (session, 1, 3, 100));
  g_assert_false (bk_score_outcome_is_pass (session, 1, 1, 59.5));
  g_assert_false (bk_score_outcome_is_pass (session, 2, 2, 59.99));
  g_assert_true (bk_score_outcome_is_pass (session, 2, 2, 60.0));
}

/* For each level and mode: the subjects and the window of domain.md. */
static const struct
{
  guint level;
  BkExamMode mode;
  guint subjects[3];
  guint n_subjects;
  guint window;
} table[] = {
  { 1, BK_EXAM_MODE_ALL, { 1, 2, 3 }, 3, 3 },
  { 1, BK_EXAM_MODE_EXEMPT, { 2, 3 }, 2, 2 },
  { 2, BK_EXAM_MODE_ALL, { 1, 2 }, 2, 2 },
  { 2, BK_EXAM_MODE_EXEMPT, { 1 }, 1, 1 },
};

static void
test_windows (void)
{
  for (guint row = 0; row < G_N_ELEMENTS (table); row++)
    {
      guint n = table[row].n_subjects, w = table[row].window;
      BkExamResult results[3];

      g_test_message ("level %u mode %d", table[row].level, table[row].mode);
      g_assert_cmpuint (
        bk_exam_session_get_score_window_years (session, table[row].level, table[row].mode), ==, w);

      /* One subject a year, starting 2018: the last one falls on the last
       * year of the window, or (when n > w) outside it. Spread the passes
       * over exactly w years: the first in 2018, the rest in 2018 + w - 1. */
      for (guint i = 0; i < n; i++)
        results[i] = (BkExamResult){ i == 0 ? 2018 : 2018 + w - 1, table[row].subjects[i], 75 };
      {
        g_autoptr (BkScoreOutcome) o = evaluate (table[row].level, table[row].mode, results, n);

        g_assert_true (o->certificate_earned);
        g_assert_cmpuint (o->certificate_year, ==, n == 1 ? 2018 : 2018 + w - 1);
        g_assert_cmpuint (o->passed->len, ==, n);
      }

      /* A year later is too late for the first pass (except with one subject). */
      if (n > 1)
        {
          for (guint i = 1; i < n; i++)
            results[i].year = 2018 + w;
          {
            g_autoptr (BkScoreOutcome) o = evaluate (table[row].level, table[row].mode, results, n);
            const guint first[] = { table[row].subjects[0] };

            g_assert_false (o->certificate_earned);
            /* The 2018 pass has expired; the later ones are kept until
             * their own window closes. */
            assert_remaining (o, first, 1);
            g_assert_cmpuint (o->last_year, ==, 2018 + w + w - 1);
          }
        }

      /* A failed subject remains, with the deadline set by the first pass. */
      if (n > 1)
        {
          BkExamResult some[3];

          for (guint i = 0; i < n; i++)
            some[i] = (BkExamResult){ 2020, table[row].subjects[i], i == n - 1 ? 42 : 80 };
          {
            g_autoptr (BkScoreOutcome) o = evaluate (table[row].level, table[row].mode, some, n);
            const guint last[] = { table[row].subjects[n - 1] };

            g_assert_false (o->certificate_earned);
            assert_remaining (o, last, 1);
            g_assert_cmpuint (o->last_year, ==, 2020 + w - 1);
            g_assert_cmpuint (o->kept->len, ==, n - 1);
          }
        }
      else
        {
          /* One subject in one year: a fail leaves it all to do again. */
          BkExamResult fail = { 2020, table[row].subjects[0], 59 };
          g_autoptr (BkScoreOutcome) o = evaluate (table[row].level, table[row].mode, &fail, 1);

          g_assert_false (o->certificate_earned);
          assert_remaining (o, table[row].subjects, 1);
          g_assert_cmpuint (o->last_year, ==, 0);
        }

      /* Nothing sat yet: everything remains, no deadline. */
      {
        g_autoptr (BkScoreOutcome) o = evaluate (table[row].level, table[row].mode, NULL, 0);

        g_assert_false (o->certificate_earned);
        assert_remaining (o, table[row].subjects, n);
        g_assert_cmpuint (o->last_year, ==, 0);
      }
    }
}

/* Level 1, all subjects: 2018 subject 1, 2019 subject 2, 2021 subject 3. */
static void
test_level1_rolling_in_time (void)
{
  const BkExamResult results[] = { { 2018, 1, 70 }, { 2019, 2, 66 }, { 2020, 3, 61 } };
  g_autoptr (BkScoreOutcome) o = evaluate (1, BK_EXAM_MODE_ALL, results, G_N_ELEMENTS (results));

  g_assert_true (o->certificate_earned);
  g_assert_cmpuint (o->certificate_year, ==, 2020);
}

static void
test_level1_rolling (void)
{
  const BkExamResult results[] = {
    { 2018, 1, 70 }, { 2018, 2, 40 }, { 2018, 3, 30 }, { 2019, 2, 66 },
    { 2019, 3, 55 }, { 2021, 3, 61 }, { 2021, 1, 50 },
  };
  g_autoptr (BkScoreOutcome) o = evaluate (1, BK_EXAM_MODE_ALL, results, G_N_ELEMENTS (results));
  const guint remaining[] = { 1, 2 };

  /* 2018's pass lasted to 2020 and 2019's to 2021: both are gone by the next
   * exam (2022); 2021's subject 3 lasts to 2023. */
  g_assert_false (o->certificate_earned);
  assert_remaining (o, remaining, 2);
  g_assert_cmpuint (o->last_year, ==, 2023);
  g_assert_cmpuint (o->kept->len, ==, 1);
  g_assert_cmpuint (o->passed->len, ==, 3);
}

/* An exempted subject's score is irrelevant in the exempt mode. */
static void
test_exempt_subject_ignored (void)
{
  const BkExamResult results[] = { { 2020, 2, 80 } };
  g_autoptr (BkScoreOutcome) o = evaluate (2, BK_EXAM_MODE_EXEMPT, results, 1);
  const guint remaining[] = { 1 };

  g_assert_false (o->certificate_earned);
  assert_remaining (o, remaining, 1);
  g_assert_cmpuint (o->passed->len, ==, 0);
}

static void
test_bad_input (void)
{
  const BkExamResult bad[] = { { 2020, 3, 80 } };
  g_autoptr (GError) error = NULL;
  g_autoptr (BkScoreOutcome)
    o = bk_score_outcome_evaluate (session, 2, BK_EXAM_MODE_ALL, bad, 1, &error);

  g_assert_null (o);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  session = bk_exam_session_load ("liaoning-2020", &error);
  g_assert_no_error (error);

  g_test_add_func ("/scores/pass-mark", test_pass_mark);
  g_test_add_func ("/scores/windows", test_windows);
  g_test_add_func ("/scores/level1-rolling", test_level1_rolling);
  g_test_add_func ("/scores/level1-rolling-in-time", test_level1_rolling_in_time);
  g_test_add_func ("/scores/exempt-subject-ignored", test_exempt_subject_ignored);
  g_test_add_func ("/scores/bad-input", test_bad_input);

  status = g_test_run ();
  g_clear_object (&session);
  return status;
}
