/* bk-dates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bk-dates.h"

static gboolean
parse_digits (const char *text, guint count, guint *value)
{
  guint v = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

gboolean
bk_dates_parse (const char *text, GDate *date)
{
  guint y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
bk_dates_format (const GDate *date, char *buf)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return buf;
}

guint
bk_dates_days_for_years (const GDate *end, guint years)
{
  GDate after, start;

  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);

  after = *end;
  g_date_add_days (&after, 1);
  start = after;
  g_date_subtract_years (&start, years);
  return g_date_get_julian (&after) - g_date_get_julian (&start);
}

void
bk_dates_split_days (const GDate *end, guint days, guint *years, guint *months, guint *rest)
{
  GDate after, mark, next;
  guint32 first;
  guint y, m = 0;

  g_return_if_fail (end != NULL && g_date_valid (end));

  after = *end;
  g_date_add_days (&after, 1);
  /* The counted days are laid out so that they end on @end. */
  first = g_date_get_julian (&after) - days;
  /* No year has more than 366 days: start the search there. */
  y = MIN (days / 366, g_date_get_year (&after) - 1u);

  for (;;)
    {
      if (y + 1 >= g_date_get_year (&after))
        break;
      next = after;
      g_date_subtract_years (&next, y + 1);
      if (g_date_get_julian (&next) < first)
        break;
      y++;
    }
  mark = after;
  g_date_subtract_years (&mark, y);
  for (;;)
    {
      next = mark;
      g_date_subtract_months (&next, m + 1);
      if (g_date_get_julian (&next) < first)
        break;
      m++;
    }
  next = mark;
  g_date_subtract_months (&next, m);

  *years = y;
  *months = m;
  *rest = g_date_get_julian (&next) - first;
}
