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

gboolean
bk_dates_in_domain (const GDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return g_date_valid (date) && g_date_get_year (date) >= BK_DATES_MIN_YEAR &&
         g_date_get_year (date) <= BK_DATES_MAX_YEAR;
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

/* H. Hinnant's algorithms, shifted to GDate's epoch. */
#define EPOCH_SHIFT 719163 /* GDate Julian day of 1970-01-01 */

gint64
bk_dates_julian_from_civil (gint64 year, guint month, guint day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468 + EPOCH_SHIFT;
}

void
bk_dates_civil_from_julian (gint64 julian, gint64 *year, guint *month, guint *day)
{
  gint64 z = julian - EPOCH_SHIFT + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (guint) (doy - (153 * mp + 2) / 5 + 1);
  *month = (guint) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

static guint
days_in_month (gint64 year, guint month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && g_date_is_leap_year ((GDateYear) year))
    return 29;
  return days[month - 1];
}

/* The Julian day @years years and @months months before (@y, @m, @d), the
 * day clamped to the target month as g_date_subtract_years() and
 * g_date_subtract_months() do, one after the other. */
static gint64
back (gint64 y, guint m, guint d, guint years, guint months, guint *day_after_years)
{
  gint64 total;

  y -= years;
  d = MIN (d, days_in_month (y, m));
  if (day_after_years != NULL)
    *day_after_years = d;
  total = y * 12 + (m - 1) - months;
  y = total / 12;
  m = (guint) (total % 12) + 1;
  d = MIN (d, days_in_month (y, m));
  return bk_dates_julian_from_civil (y, m, d);
}

void
bk_dates_split_days (const GDate *end, guint days, guint *years, guint *months, guint *rest)
{
  gint64 after, first, y0, start;
  guint m0, d0, d1, y, m = 0;

  g_return_if_fail (end != NULL && g_date_valid (end));

  after = (gint64) g_date_get_julian (end) + 1;
  /* The counted days are laid out so that they end on @end. */
  first = after - days;
  bk_dates_civil_from_julian (after, &y0, &m0, &d0);

  /* No year has more than 366 days: start the search there. */
  y = days / 366;
  while (back (y0, m0, d0, y + 1, 0, NULL) >= first)
    y++;
  back (y0, m0, d0, y, 0, &d1);
  while (m < 12 && back (y0 - y, m0, d1, 0, m + 1, NULL) >= first)
    m++;
  start = back (y0 - y, m0, d1, 0, m, NULL);

  *years = y;
  *months = m;
  *rest = (guint) (start - first);
}
