/* bk-exam-venue.h — an examination venue (考点) of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_EXAM_VENUE (bk_exam_venue_get_type ())

/* Read-only fields, owned by the session that loaded them. A seat is
 * (venue number, room 1…rooms, seat 1…seats_per_room); the ticket number
 * carries all three (see bk-ticket-number.h). */
typedef struct
{
  guint number; /* 1, 2, …, in the file's order */
  char *name_zh;
  char *name_en;
  char *address_zh;
  char *address_en;
  guint rooms;
  guint seats_per_room;
  char *note; /* nullable: where the data comes from, e.g. that it is invented */
} BkExamVenue;

GType bk_exam_venue_get_type (void) G_GNUC_CONST;
BkExamVenue *bk_exam_venue_copy (const BkExamVenue *self);
void bk_exam_venue_free (BkExamVenue *self);
const char *bk_exam_venue_get_name (const BkExamVenue *self);
const char *bk_exam_venue_get_address (const BkExamVenue *self);
guint bk_exam_venue_get_capacity (const BkExamVenue *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkExamVenue, bk_exam_venue_free)

G_END_DECLS
