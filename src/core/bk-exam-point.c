/* bk-exam-point.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-exam-point.h"

G_DEFINE_BOXED_TYPE (BkExamPoint, bk_exam_point, bk_exam_point_copy, bk_exam_point_free)

BkExamPoint *
bk_exam_point_copy (const BkExamPoint *self)
{
  BkExamPoint *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (BkExamPoint, 1);
  copy->code = g_strdup (self->code);
  copy->city = g_strdup (self->city);
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  copy->phones = g_strdupv (self->phones);
  copy->email = g_strdup (self->email);
  copy->hours = g_strdup (self->hours);
  copy->open_during = g_strdupv (self->open_during);
  return copy;
}

void
bk_exam_point_free (BkExamPoint *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->city);
  g_free (self->name);
  g_free (self->address);
  g_strfreev (self->phones);
  g_free (self->email);
  g_free (self->hours);
  g_strfreev (self->open_during);
  g_free (self);
}
