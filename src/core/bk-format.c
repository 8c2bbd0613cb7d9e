/* bk-format.c
 *
 * The formats are translatable strings, so each language writes dates and
 * money its own way without code per locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-dates.h"
#include "bk-format.h"

char *
bk_format_date (const GDate *date)
{
  g_autoptr (GDateTime) date_time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  date_time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                   g_date_get_day (date), 0, 0, 0);
  /* TRANSLATORS: a date, in g_date_time_format() notation; Chinese: %Y年%-m月%-d日 */
  return g_date_time_format (date_time, _ ("%Y-%m-%d"));
}

char *
bk_format_date_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  /* TRANSLATORS: a date and time, in g_date_time_format() notation; Chinese: %Y年%-m月%-d日 %H:%M
   */
  return g_date_time_format (date_time, _ ("%Y-%m-%d %H:%M"));
}

char *
bk_format_deadline (GDateTime *end)
{
  g_autoptr (GDateTime) day_before = NULL;

  g_return_val_if_fail (end != NULL, NULL);

  if (g_date_time_get_hour (end) != 0 || g_date_time_get_minute (end) != 0 ||
      g_date_time_get_seconds (end) != 0.0)
    return bk_format_date_time (end);
  day_before = g_date_time_add_days (end, -1);
  /* TRANSLATORS: the end of a window at midnight, as the day before at 24:00, in
   * g_date_time_format() notation; Chinese: %Y年%-m月%-d日 24:00 */
  return g_date_time_format (day_before, _ ("%Y-%m-%d 24:00"));
}

char *
bk_format_yuan (guint64 fen)
{
  char number[32];

  if (fen == 0)
    return g_strdup (_ ("free"));

  g_snprintf (number, sizeof number, "%" G_GUINT64_FORMAT ".%02u", fen / 100, (guint) (fen % 100));
  /* TRANSLATORS: an amount of money in yuan; %s is the number, e.g. 213.00.
   * Chinese: %s元 */
  return g_strdup_printf (_ ("CNY %s"), number);
}

char *
bk_format_span (const GDate *end, guint days)
{
  guint years, months, rest;
  g_autofree char *y = NULL;
  g_autofree char *m = NULL;
  g_autofree char *d = NULL;

  g_return_val_if_fail (end != NULL && g_date_valid (end), NULL);

  bk_dates_split_days (end, days, &years, &months, &rest);
  y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", years), years);
  m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months), months);
  d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", rest), rest);
  /* TRANSLATORS: years, months and days, e.g. "6 years 0 months 3 days"; Chinese: %s%s%s */
  return g_strdup_printf (_ ("%s %s %s"), y, m, d);
}
