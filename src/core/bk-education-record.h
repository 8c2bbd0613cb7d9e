/* bk-education-record.h — one education or degree record of a candidate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-core-enums.h"

G_BEGIN_DECLS

/* Ordered from lowest to highest; the nicks ("below-secondary", …) are the
 * values used in JSON and in the store. */
typedef enum
{
  BK_EDUCATION_LEVEL_BELOW_SECONDARY,      /* below 中专 */
  BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL, /* 中专 */
  BK_EDUCATION_LEVEL_ASSOCIATE,            /* 大专 */
  BK_EDUCATION_LEVEL_BACHELOR,             /* 本科 */
  BK_EDUCATION_LEVEL_SECOND_BACHELOR,      /* 双学士 */
  BK_EDUCATION_LEVEL_POSTGRADUATE_CLASS,   /* 研究生班 */
  BK_EDUCATION_LEVEL_MASTER,               /* 硕士 */
  BK_EDUCATION_LEVEL_DOCTOR,               /* 博士 */
} BkEducationLevel;

typedef enum
{
  BK_DISCIPLINE_SCIENCE,     /* 理学 */
  BK_DISCIPLINE_ENGINEERING, /* 工学 */
  BK_DISCIPLINE_OTHER,
} BkDiscipline;

#define BK_TYPE_EDUCATION_RECORD (bk_education_record_get_type ())

/* A plain record: fill the fields directly. Strings are owned (g_free);
 * @graduated is a valid GDate once set. */
typedef struct
{
  BkEducationLevel level;
  BkDiscipline discipline;
  GDate graduated;
  gboolean full_time;       /* 全日制: experience before graduating does not count */
  gboolean foreign;         /* foreign or HK/Macau/Taiwan: cannot be verified online */
  char *school;             /* nullable */
  char *major;              /* nullable; exactly as on the certificate */
  char *certificate_number; /* nullable; 17 or 18 digits */
} BkEducationRecord;

GType bk_education_record_get_type (void) G_GNUC_CONST;
BkEducationRecord *bk_education_record_new (BkEducationLevel level,
                                            BkDiscipline discipline,
                                            const GDate *graduated,
                                            gboolean full_time,
                                            gboolean foreign);
BkEducationRecord *bk_education_record_copy (const BkEducationRecord *self);
void bk_education_record_free (BkEducationRecord *self);

const char *bk_education_level_to_nick (BkEducationLevel level);
gboolean bk_education_level_from_nick (const char *nick, BkEducationLevel *level);
const char *bk_education_level_get_display_name (BkEducationLevel level);
const char *bk_discipline_to_nick (BkDiscipline discipline);
gboolean bk_discipline_from_nick (const char *nick, BkDiscipline *discipline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkEducationRecord, bk_education_record_free)

G_END_DECLS
