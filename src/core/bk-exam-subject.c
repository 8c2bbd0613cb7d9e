/* bk-exam-subject.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-exam-subject.h"
#include "bk-localized.h"

G_DEFINE_BOXED_TYPE (BkExamSubject, bk_exam_subject, bk_exam_subject_copy, bk_exam_subject_free)

BkExamSubject *
bk_exam_subject_copy (const BkExamSubject *self)
{
  BkExamSubject *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->name_zh = g_strdup (self->name_zh);
  copy->name_en = g_strdup (self->name_en);
  copy->start = self->start ? g_date_time_ref (self->start) : NULL;
  copy->end = self->end ? g_date_time_ref (self->end) : NULL;
  return copy;
}

void
bk_exam_subject_free (BkExamSubject *self)
{
  if (self == NULL)
    return;

  g_free (self->name_zh);
  g_free (self->name_en);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_free (self);
}

const char *
bk_exam_subject_get_name (const BkExamSubject *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return bk_localized_pick (self->name_zh, self->name_en);
}
