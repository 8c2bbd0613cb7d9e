/* bk-ticket-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-ticket-number.h"

char *
bk_ticket_number_make (
  const char *province_code, guint exam_year, guint level, guint venue, guint room, guint seat)
{
  g_return_val_if_fail (province_code != NULL && strlen (province_code) == 2 &&
                          g_ascii_isdigit (province_code[0]) && g_ascii_isdigit (province_code[1]),
                        NULL);
  g_return_val_if_fail (exam_year >= 2000 && exam_year <= 2099, NULL);
  g_return_val_if_fail (level >= 1 && level <= 9, NULL);
  g_return_val_if_fail (venue >= 1 && venue <= 99, NULL);
  g_return_val_if_fail (room >= 1 && room <= 999, NULL);
  g_return_val_if_fail (seat >= 1 && seat <= 99, NULL);

  return g_strdup_printf ("%s%02u%u%02u%03u%02u", province_code, exam_year % 100, level, venue,
                          room, seat);
}

static guint
digits (const char *s, int n)
{
  guint value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (guint) (s[i] - '0');
  return value;
}

gboolean
bk_ticket_number_parse (const char *number, BkTicketNumberParts *parts)
{
  BkTicketNumberParts p = { 0 };

  g_return_val_if_fail (number != NULL, FALSE);

  if (strlen (number) != BK_TICKET_NUMBER_LENGTH)
    return FALSE;
  for (int i = 0; i < BK_TICKET_NUMBER_LENGTH; i++)
    {
      if (!g_ascii_isdigit (number[i]))
        return FALSE;
    }
  memcpy (p.province_code, number, 2);
  p.year_2digits = digits (number + 2, 2);
  p.level = digits (number + 4, 1);
  p.venue = digits (number + 5, 2);
  p.room = digits (number + 7, 3);
  p.seat = digits (number + 10, 2);
  if (p.level == 0 || p.venue == 0 || p.room == 0 || p.seat == 0)
    return FALSE;
  if (parts != NULL)
    *parts = p;
  return TRUE;
}
