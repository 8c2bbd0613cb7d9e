/* bk-ticket-number.h — the admission ticket number (准考证号)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Twelve digits, PP YY L VV RRR SS (docs/domain.md, "Admission ticket"):
 *   PP   the province's GB/T 2260 code ("21" Liaoning, "31" Shanghai)
 *   YY   the exam year's last two digits
 *   L    the level, 1 or 2
 *   VV   the venue's number in the session, 01–99
 *   RRR  the room, 001–999
 *   SS   the seat in the room, 01–99
 * So a number is unique within a session as long as each seat is given once,
 * and the invigilator reads the room and seat from it. */
#define BK_TICKET_NUMBER_LENGTH 12

typedef struct
{
  char province_code[3];
  guint year_2digits;
  guint level;
  guint venue;
  guint room;
  guint seat;
} BkTicketNumberParts;

/* NULL (with a critical warning) when a part is out of its range. */
char *bk_ticket_number_make (
  const char *province_code, guint exam_year, guint level, guint venue, guint room, guint seat);
/* FALSE when @number is not twelve digits or a part is zero. */
gboolean bk_ticket_number_parse (const char *number, BkTicketNumberParts *parts);

G_END_DECLS
