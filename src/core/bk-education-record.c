/* bk-education-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-education-record.h"
#include "bk-enum-nick.h"

G_DEFINE_BOXED_TYPE (BkEducationRecord,
                     bk_education_record,
                     bk_education_record_copy,
                     bk_education_record_free)

static const char *const level_names[] = {
  N_ ("below secondary vocational"),
  N_ ("secondary vocational"),
  N_ ("associate"),
  N_ ("bachelor"),
  N_ ("second bachelor"),
  N_ ("postgraduate class"),
  N_ ("master"),
  N_ ("doctor"),
};

BkEducationRecord *
bk_education_record_new (BkEducationLevel level,
                         BkDiscipline discipline,
                         const GDate *graduated,
                         gboolean full_time,
                         gboolean foreign)
{
  BkEducationRecord *self;

  g_return_val_if_fail (level <= BK_EDUCATION_LEVEL_DOCTOR, NULL);
  g_return_val_if_fail (discipline <= BK_DISCIPLINE_OTHER, NULL);

  self = g_new0 (BkEducationRecord, 1);
  self->level = level;
  self->discipline = discipline;
  g_date_clear (&self->graduated, 1);
  if (graduated != NULL)
    self->graduated = *graduated;
  self->full_time = full_time;
  self->foreign = foreign;
  return self;
}

BkEducationRecord *
bk_education_record_copy (const BkEducationRecord *self)
{
  BkEducationRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->school = g_strdup (self->school);
  copy->major = g_strdup (self->major);
  copy->certificate_number = g_strdup (self->certificate_number);
  return copy;
}

void
bk_education_record_free (BkEducationRecord *self)
{
  if (self == NULL)
    return;

  g_free (self->school);
  g_free (self->major);
  g_free (self->certificate_number);
  g_free (self);
}

const char *
bk_education_level_to_nick (BkEducationLevel level)
{
  return bk_enum_to_nick (BK_TYPE_EDUCATION_LEVEL, level);
}

gboolean
bk_education_level_from_nick (const char *nick, BkEducationLevel *level)
{
  int value;

  g_return_val_if_fail (level != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_EDUCATION_LEVEL, nick, &value))
    return FALSE;
  if (level != NULL)
    *level = (BkEducationLevel) value;
  return TRUE;
}

const char *
bk_education_level_get_display_name (BkEducationLevel level)
{
  g_return_val_if_fail (level <= BK_EDUCATION_LEVEL_DOCTOR, NULL);

  return _ (level_names[level]);
}

const char *
bk_discipline_to_nick (BkDiscipline discipline)
{
  return bk_enum_to_nick (BK_TYPE_DISCIPLINE, discipline);
}

gboolean
bk_discipline_from_nick (const char *nick, BkDiscipline *discipline)
{
  int value;

  g_return_val_if_fail (discipline != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_DISCIPLINE, nick, &value))
    return FALSE;
  if (discipline != NULL)
    *discipline = (BkDiscipline) value;
  return TRUE;
}
