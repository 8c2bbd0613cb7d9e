/* bk-exam-session-private.h — the fields of BkExamSession, for its loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-exam-session.h"

G_BEGIN_DECLS

typedef struct
{
  guint level;
  char *name_zh;
  char *name_en;
  GPtrArray *subjects; /* of BkExamSubject */
  guint exempt_subject;
  guint window_all;
  guint window_exempt;
} BkExamSessionLevel;

struct _BkExamSession
{
  GObject parent_instance;

  char *id;
  char *name_zh, *name_en;
  char *province_zh, *province_en;
  char *authority_zh, *authority_en;
  char *source;
  char *timetable_note_zh, *timetable_note_en;
  guint exam_year;
  GDate cutoff;
  double pass_mark_percent;
  gboolean free;
  GPtrArray *levels;  /* of BkExamSessionLevel */
  GPtrArray *windows; /* of BkExamWindow */
  GPtrArray *points;  /* of BkExamPoint */
  GPtrArray *venues;  /* of BkExamVenue */
  char *province_code;
  GStrv rules_zh, rules_en;
  char *stationery_zh, *stationery_en;
  guint8 ticket_public_key[32]; /* Ed25519 */
  GPtrArray *contacts_zh, *contacts_en, *contact_phones;
};

void bk_exam_session_level_free (BkExamSessionLevel *level);

G_END_DECLS
