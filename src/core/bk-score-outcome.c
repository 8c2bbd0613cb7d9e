/* bk-score-outcome.c
 *
 * Subjects must all be passed within a rolling window of consecutive exam
 * years (domain.md, "Scores and certificate"): a pass in year p still
 * counts for a set completed by year p + window - 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-core-error.h"
#include "bk-score-outcome.h"

G_DEFINE_BOXED_TYPE (BkScoreOutcome, bk_score_outcome, bk_score_outcome_copy, bk_score_outcome_free)

static BkScoreOutcome *
outcome_new (void)
{
  BkScoreOutcome *self = g_new0 (BkScoreOutcome, 1);

  self->passed = g_array_new (FALSE, FALSE, sizeof (BkExamResult));
  self->remaining = g_array_new (FALSE, FALSE, sizeof (guint));
  self->kept = g_array_new (FALSE, FALSE, sizeof (BkExamResult));
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  return self;
}

BkScoreOutcome *
bk_score_outcome_copy (const BkScoreOutcome *self)
{
  BkScoreOutcome *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->passed = g_array_copy (self->passed);
  copy->remaining = g_array_copy (self->remaining);
  copy->kept = g_array_copy (self->kept);
  copy->reasons = g_ptr_array_copy (self->reasons, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (copy->reasons, g_free);
  return copy;
}

void
bk_score_outcome_free (BkScoreOutcome *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->passed, g_array_unref);
  g_clear_pointer (&self->remaining, g_array_unref);
  g_clear_pointer (&self->kept, g_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_free (self);
}

gboolean
bk_score_outcome_is_pass (BkExamSession *session, guint level, guint subject, double score)
{
  const BkExamSubject *s;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);

  s = bk_exam_session_get_subject (session, level, subject);
  g_return_val_if_fail (s != NULL, FALSE);
  /* A small tolerance, so that 60% of 100 entered as 59.99999 is not lost
   * to floating point, while 59.5 still fails. */
  return score + 1e-9 >= s->full_score * bk_exam_session_get_pass_mark_percent (session) / 100.0;
}

static int
compare_results (gconstpointer a, gconstpointer b)
{
  const BkExamResult *x = a, *y = b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  return (x->subject > y->subject) - (x->subject < y->subject);
}

static gboolean
is_required (GArray *required, guint subject)
{
  for (guint i = 0; i < required->len; i++)
    {
      if (g_array_index (required, guint, i) == subject)
        return TRUE;
    }
  return FALSE;
}

/* The first pass of @subject in [from, to], or 0. */
static guint
pass_year_in (GArray *passed, guint subject, guint from, guint to)
{
  for (guint i = 0; i < passed->len; i++)
    {
      const BkExamResult *r = &g_array_index (passed, BkExamResult, i);

      if (r->subject == subject && r->year >= from && r->year <= to)
        return r->year;
    }
  return 0;
}

static char *
subject_list (GArray *subjects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < subjects->len; i++)
    g_string_append_printf (text, i == 0 ? "%u" : ", %u", g_array_index (subjects, guint, i));
  return g_string_free (text, FALSE);
}

BkScoreOutcome *
bk_score_outcome_evaluate (BkExamSession *session,
                           guint level,
                           BkExamMode mode,
                           const BkExamResult *results,
                           guint n_results,
                           GError **error)
{
  g_autoptr (BkScoreOutcome) self = NULL;
  g_autoptr (GArray) required = NULL;
  guint latest_year = 0;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (results != NULL || n_results == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bk_exam_session_has_level (session, level))
    {
      /* TRANSLATORS: %u is a level */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   _ ("Field “level”: there is no level %u."), level);
      return NULL;
    }

  self = outcome_new ();
  self->level = level;
  self->mode = mode;
  self->window_years = bk_exam_session_get_score_window_years (session, level, mode);
  required = bk_exam_session_get_subjects_to_sit (session, level, mode);

  for (guint i = 0; i < n_results; i++)
    {
      const BkExamResult *r = &results[i];

      if (bk_exam_session_get_subject (session, level, r->subject) == NULL || r->score < 0 ||
          r->year < 1900)
        {
          /* TRANSLATORS: %u is an index into the list of results */
          g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                       _ ("Field “results[%u]”: no such subject, or an impossible score or "
                          "year."),
                       i);
          return NULL;
        }
      latest_year = MAX (latest_year, r->year);
      /* An exempted subject's scores do not count in the exempt mode. */
      if (is_required (required, r->subject) &&
          bk_score_outcome_is_pass (session, level, r->subject, r->score))
        g_array_append_val (self->passed, *r);
    }
  g_array_sort (self->passed, compare_results);

  /* The earliest-completed set of passes that fits in one window. */
  for (guint i = 0; i < self->passed->len && !self->certificate_earned; i++)
    {
      guint from = g_array_index (self->passed, BkExamResult, i).year;
      guint to = from + self->window_years - 1;
      guint completed = 0;
      gboolean all = TRUE;

      for (guint j = 0; j < required->len && all; j++)
        {
          guint year = pass_year_in (self->passed, g_array_index (required, guint, j), from, to);

          all = year != 0;
          completed = MAX (completed, year);
        }
      if (all)
        {
          self->certificate_earned = TRUE;
          self->certificate_year = completed;
        }
    }

  if (self->certificate_earned)
    {
      /* TRANSLATORS: %u is an exam year */
      g_ptr_array_add (self->reasons,
                       g_strdup_printf (_ ("All subjects passed within the window; the "
                                           "certificate is earned with the exam of %u."),
                                        self->certificate_year));
      return g_steal_pointer (&self);
    }

  /* Passes still valid in the next exam year are kept; the oldest of them
   * sets the deadline for the rest. */
  for (guint j = 0; j < required->len; j++)
    {
      guint subject = g_array_index (required, guint, j);
      guint year = 0;

      for (guint i = 0; i < self->passed->len; i++)
        {
          const BkExamResult *r = &g_array_index (self->passed, BkExamResult, i);

          if (r->subject == subject && r->year + self->window_years - 1 >= latest_year + 1)
            {
              year = r->year;
              if (self->kept->len == 0 ||
                  g_array_index (self->kept, BkExamResult, self->kept->len - 1).subject != subject)
                g_array_append_val (self->kept, *r);
              else
                g_array_index (self->kept, BkExamResult, self->kept->len - 1) = *r;
            }
        }
      if (year == 0)
        g_array_append_val (self->remaining, subject);
    }
  for (guint i = 0; i < self->kept->len; i++)
    {
      guint deadline = g_array_index (self->kept, BkExamResult, i).year + self->window_years - 1;

      self->last_year = self->last_year == 0 ? deadline : MIN (self->last_year, deadline);
    }

  {
    g_autofree char *list = subject_list (self->remaining);

    if (self->last_year != 0)
      /* TRANSLATORS: %s lists subject numbers, %u is an exam year */
      g_ptr_array_add (self->reasons,
                       g_strdup_printf (_ ("Still to pass: subjects %s, by the exam of %u at the "
                                           "latest, or the earliest pass kept expires."),
                                        list, self->last_year));
    else
      /* TRANSLATORS: %s lists subject numbers, %u a number of years */
      g_ptr_array_add (self->reasons,
                       g_strdup_printf (_ ("Still to pass: subjects %s, all within %u "
                                           "consecutive exam years."),
                                        list, self->window_years));
  }
  return g_steal_pointer (&self);
}
