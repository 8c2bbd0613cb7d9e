/* bk-exam-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-exam-window.h"
#include "bk-localized.h"

G_DEFINE_BOXED_TYPE (BkExamWindow, bk_exam_window, bk_exam_window_copy, bk_exam_window_free)

static const struct
{
  const char *step;
  const char *name;
} steps[] = {
  { "register", N_ ("Registration and filling in") },
  { "verification", N_ ("Eligibility verification") },
  { "spot-check-review", N_ ("Spot-check review") },
  { "confirmation", N_ ("Confirmation") },
  { "payment", N_ ("Payment") },
  { "ticket-printing", N_ ("Admission ticket printing") },
  { "exam", N_ ("Examination") },
  { "scores", N_ ("Scores published") },
};

BkExamWindow *
bk_exam_window_copy (const BkExamWindow *self)
{
  BkExamWindow *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->step = g_strdup (self->step);
  copy->start = self->start ? g_date_time_ref (self->start) : NULL;
  copy->end = self->end ? g_date_time_ref (self->end) : NULL;
  copy->note_zh = g_strdup (self->note_zh);
  copy->note_en = g_strdup (self->note_en);
  return copy;
}

void
bk_exam_window_free (BkExamWindow *self)
{
  if (self == NULL)
    return;

  g_free (self->step);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_free (self->note_zh);
  g_free (self->note_en);
  g_free (self);
}

gboolean
bk_exam_window_contains (const BkExamWindow *self, GDateTime *when)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  if (g_date_time_compare (when, self->start) < 0)
    return FALSE;
  return self->end == NULL || g_date_time_compare (when, self->end) < 0;
}

gboolean
bk_exam_window_is_known_step (const char *step)
{
  for (guint i = 0; step != NULL && i < G_N_ELEMENTS (steps); i++)
    {
      if (g_str_equal (step, steps[i].step))
        return TRUE;
    }
  return FALSE;
}

const char *
bk_exam_window_get_step_name (const char *step)
{
  g_return_val_if_fail (step != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (g_str_equal (step, steps[i].step))
        return _ (steps[i].name);
    }
  return step;
}

const char *
bk_exam_window_get_note (const BkExamWindow *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return bk_localized_pick (self->note_zh, self->note_en);
}
