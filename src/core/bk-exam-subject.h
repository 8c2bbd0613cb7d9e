/* bk-exam-subject.h — one subject of one level in an exam session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_EXAM_SUBJECT (bk_exam_subject_get_type ())

/* Read-only fields, owned by the session that loaded them. */
typedef struct
{
  guint level;
  guint number; /* 1, 2, 3 */
  char *name_zh;
  char *name_en;
  gboolean subjective; /* subjective papers use a special answer card */
  GDateTime *start;
  GDateTime *end;
  double full_score;
  guint64 fee_fen; /* 0 when the session is free */
} BkExamSubject;

GType bk_exam_subject_get_type (void) G_GNUC_CONST;
BkExamSubject *bk_exam_subject_copy (const BkExamSubject *self);
void bk_exam_subject_free (BkExamSubject *self);
const char *bk_exam_subject_get_name (const BkExamSubject *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkExamSubject, bk_exam_subject_free)

G_END_DECLS
