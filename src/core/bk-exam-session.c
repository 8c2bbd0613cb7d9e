/* bk-exam-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-exam-session-private.h"
#include "bk-localized.h"

G_DEFINE_FINAL_TYPE (BkExamSession, bk_exam_session, G_TYPE_OBJECT)

void
bk_exam_session_level_free (BkExamSessionLevel *level)
{
  g_free (level->name_zh);
  g_free (level->name_en);
  g_clear_pointer (&level->subjects, g_ptr_array_unref);
  g_free (level);
}

static void
bk_exam_session_finalize (GObject *object)
{
  BkExamSession *self = (BkExamSession *) object;

  g_free (self->id);
  g_free (self->name_zh);
  g_free (self->name_en);
  g_free (self->province_zh);
  g_free (self->province_en);
  g_free (self->authority_zh);
  g_free (self->authority_en);
  g_free (self->source);
  g_free (self->timetable_note_zh);
  g_free (self->timetable_note_en);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->venues, g_ptr_array_unref);
  g_free (self->province_code);
  g_strfreev (self->rules_zh);
  g_strfreev (self->rules_en);
  g_free (self->stationery_zh);
  g_free (self->stationery_en);
  g_clear_pointer (&self->contacts_zh, g_ptr_array_unref);
  g_clear_pointer (&self->contacts_en, g_ptr_array_unref);
  g_clear_pointer (&self->contact_phones, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_exam_session_parent_class)->finalize (object);
}

static void
bk_exam_session_class_init (BkExamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_exam_session_finalize;
}

static void
bk_exam_session_init (BkExamSession *self)
{
  g_date_clear (&self->cutoff, 1);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_session_level_free);
  self->windows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_window_free);
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_point_free);
  self->venues = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_venue_free);
  self->contacts_zh = g_ptr_array_new_with_free_func (g_free);
  self->contacts_en = g_ptr_array_new_with_free_func (g_free);
  self->contact_phones = g_ptr_array_new_with_free_func (g_free);
}

const char *
bk_exam_session_get_id (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->id;
}

const char *
bk_exam_session_get_name (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->name_zh, self->name_en);
}

const char *
bk_exam_session_get_province (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->province_zh, self->province_en);
}

const char *
bk_exam_session_get_authority (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->authority_zh, self->authority_en);
}

const char *
bk_exam_session_get_source (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->source;
}

const char *
bk_exam_session_get_timetable_note (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->timetable_note_zh, self->timetable_note_en);
}

guint
bk_exam_session_get_exam_year (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->exam_year;
}

const GDate *
bk_exam_session_get_cutoff (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return &self->cutoff;
}

double
bk_exam_session_get_pass_mark_percent (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->pass_mark_percent;
}

gboolean
bk_exam_session_is_free (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), FALSE);

  return self->free;
}

static BkExamSessionLevel *
find_level (BkExamSession *self, guint level)
{
  for (guint i = 0; i < self->levels->len; i++)
    {
      BkExamSessionLevel *l = self->levels->pdata[i];

      if (l->level == level)
        return l;
    }
  return NULL;
}

gboolean
bk_exam_session_has_level (BkExamSession *self, guint level)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), FALSE);

  return find_level (self, level) != NULL;
}

const char *
bk_exam_session_get_level_name (BkExamSession *self, guint level)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  return l != NULL ? bk_localized_pick (l->name_zh, l->name_en) : NULL;
}

GPtrArray *
bk_exam_session_get_subjects (BkExamSession *self, guint level)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  return l != NULL ? l->subjects : NULL;
}

const BkExamSubject *
bk_exam_session_get_subject (BkExamSession *self, guint level, guint number)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  if (l == NULL || number < 1 || number > l->subjects->len)
    return NULL;
  return l->subjects->pdata[number - 1];
}

guint
bk_exam_session_get_exempt_subject (BkExamSession *self, guint level)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  l = find_level (self, level);
  return l != NULL ? l->exempt_subject : 0;
}

GArray *
bk_exam_session_get_subjects_to_sit (BkExamSession *self, guint level, BkExamMode mode)
{
  GArray *numbers;
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  l = find_level (self, level);
  for (guint n = 1; l != NULL && n <= l->subjects->len; n++)
    {
      if (mode == BK_EXAM_MODE_EXEMPT && n == l->exempt_subject)
        continue;
      g_array_append_val (numbers, n);
    }
  return numbers;
}

guint64
bk_exam_session_get_fee_fen (BkExamSession *self, guint level, BkExamMode mode)
{
  g_autoptr (GArray) numbers = NULL;
  guint64 fee = 0;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  numbers = bk_exam_session_get_subjects_to_sit (self, level, mode);
  for (guint i = 0; i < numbers->len; i++)
    {
      const BkExamSubject *subject =
        bk_exam_session_get_subject (self, level, g_array_index (numbers, guint, i));

      fee += subject->fee_fen;
    }
  return fee;
}

guint
bk_exam_session_get_score_window_years (BkExamSession *self, guint level, BkExamMode mode)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  l = find_level (self, level);
  if (l == NULL)
    return 0;
  return mode == BK_EXAM_MODE_EXEMPT ? l->window_exempt : l->window_all;
}

GPtrArray *
bk_exam_session_get_windows (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->windows;
}

const BkExamWindow *
bk_exam_session_get_window (BkExamSession *self, const char *step)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  for (guint i = 0; i < self->windows->len; i++)
    {
      BkExamWindow *window = self->windows->pdata[i];

      if (g_str_equal (window->step, step))
        return window;
    }
  return NULL;
}

GPtrArray *
bk_exam_session_get_points (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->points;
}

guint
bk_exam_session_get_n_venues (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->venues->len;
}

const char *
bk_exam_session_get_venue (BkExamSession *self, guint index)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (index < self->venues->len, NULL);

  return bk_exam_venue_get_name (self->venues->pdata[index]);
}

GPtrArray *
bk_exam_session_get_venues (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->venues;
}

const BkExamVenue *
bk_exam_session_get_venue_by_number (BkExamSession *self, guint number)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  /* The loader keeps venues numbered 1, 2, … in order. */
  if (number == 0 || number > self->venues->len)
    return NULL;
  return self->venues->pdata[number - 1];
}

guint
bk_exam_session_get_n_contacts (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->contact_phones->len;
}

const char *
bk_exam_session_get_contact (BkExamSession *self, guint index, const char **phone)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (index < self->contact_phones->len, NULL);

  if (phone != NULL)
    *phone = self->contact_phones->pdata[index];
  return bk_localized_pick (self->contacts_zh->pdata[index], self->contacts_en->pdata[index]);
}

const char *
bk_exam_session_get_name_zh (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->name_zh;
}

const char *
bk_exam_session_get_level_name_zh (BkExamSession *self, guint level)
{
  BkExamSessionLevel *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  return l != NULL ? l->name_zh : NULL;
}

const char *const *
bk_exam_session_get_candidate_rules (BkExamSession *self, gboolean chinese)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return (const char *const *) (chinese ? self->rules_zh : self->rules_en);
}

const char *
bk_exam_session_get_stationery (BkExamSession *self, gboolean chinese)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return chinese ? self->stationery_zh : self->stationery_en;
}

const char *
bk_exam_session_get_province_code (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->province_code;
}

const guint8 *
bk_exam_session_get_ticket_public_key (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->ticket_public_key;
}
