/* bk-exam-point.h — a registration or verification point of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_EXAM_POINT (bk_exam_point_get_type ())

/* Read-only fields; texts are as in the source documents (Chinese). */
typedef struct
{
  char *code;        /* nullable, e.g. "2916" */
  char *city;        /* nullable, e.g. "沈阳" or "省直" */
  char *name;        /* e.g. "沈阳市考试院" */
  char *address;     /* as written in the source */
  GStrv phones;      /* at least one */
  char *email;       /* nullable */
  char *hours;       /* nullable, e.g. "09:30-11:30, 13:30-16:00" */
  GStrv open_during; /* window steps when the point serves candidates; may be empty */
} BkExamPoint;

GType bk_exam_point_get_type (void) G_GNUC_CONST;
BkExamPoint *bk_exam_point_copy (const BkExamPoint *self);
void bk_exam_point_free (BkExamPoint *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkExamPoint, bk_exam_point_free)

G_END_DECLS
