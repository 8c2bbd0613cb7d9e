/* bk-exam-window.h — one time window of an exam session (register, pay, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_EXAM_WINDOW (bk_exam_window_get_type ())

/* Read-only fields. @start is inclusive, @end exclusive ("24 Aug 24:00" is
 * 25 Aug 00:00); @end is NULL when the source gives no end. */
typedef struct
{
  char *step; /* "register", "verification", "spot-check-review", "confirmation",
               * "payment", "ticket-printing", "exam", "scores" */
  GDateTime *start;
  GDateTime *end;
  gboolean approximate; /* the source gives only "two months after", "mid-August" */
  char *note_zh;        /* nullable */
  char *note_en;        /* nullable */
} BkExamWindow;

GType bk_exam_window_get_type (void) G_GNUC_CONST;
BkExamWindow *bk_exam_window_copy (const BkExamWindow *self);
void bk_exam_window_free (BkExamWindow *self);
const char *bk_exam_window_get_note (const BkExamWindow *self);
gboolean bk_exam_window_contains (const BkExamWindow *self, GDateTime *when);
const char *bk_exam_window_get_step_name (const char *step);
gboolean bk_exam_window_is_known_step (const char *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkExamWindow, bk_exam_window_free)

G_END_DECLS
