/* bk-clock.c
 *
 * One place answers "what time is it", so the deadline texts and the
 * "not in the future" checks can be tested on a chosen day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-format.h"

static GMutex override_mutex;
static GDateTime *override_now;

GDateTime *
bk_clock_get_now (void)
{
  const char *env;

  g_mutex_lock (&override_mutex);
  if (override_now != NULL)
    {
      GDateTime *now = g_date_time_ref (override_now);

      g_mutex_unlock (&override_mutex);
      return now;
    }
  g_mutex_unlock (&override_mutex);

  env = g_getenv ("BAOKAO_NOW");
  if (env != NULL && *env != '\0')
    {
      /* Keep the zone written in the variable: the test decides which
       * day "today" is, whatever the machine's zone. */
      GDateTime *now = g_date_time_new_from_iso8601 (env, NULL);

      static gsize warned = 0;

      if (now != NULL)
        return now;
      /* Once: the clock is read on every redraw of a deadline. */
      if (g_once_init_enter (&warned))
        {
          g_warning ("BAOKAO_NOW=%s is not an ISO 8601 time; using the system clock", env);
          g_once_init_leave (&warned, 1);
        }
    }

  return g_date_time_new_now_local ();
}

void
bk_clock_get_today (GDate *today)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

void
bk_clock_set_now (GDateTime *now)
{
  g_mutex_lock (&override_mutex);
  g_clear_pointer (&override_now, g_date_time_unref);
  if (now != NULL)
    override_now = g_date_time_ref (now);
  g_mutex_unlock (&override_mutex);
}

static int
days_between (GDateTime *now, GDateTime *when)
{
  g_autoptr (GDateTime) local_when = g_date_time_to_timezone (when, g_date_time_get_timezone (now));
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (local_when), g_date_time_get_month (local_when),
                  g_date_time_get_year (local_when));
  return g_date_days_between (&a, &b);
}

static char *
describe (GDateTime *when, GDateTime *day, const char *at)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  int days = days_between (now, day);

  if (days == 0)
    {
      if (g_date_time_compare (when, now) < 0)
        /* TRANSLATORS: %s is a date and time earlier today */
        return g_strdup_printf (_ ("earlier today (%s)"), at);
      /* TRANSLATORS: %s is a date and time later today */
      return g_strdup_printf (_ ("today (%s)"), at);
    }
  if (days == 1)
    /* TRANSLATORS: %s is a date and time */
    return g_strdup_printf (_ ("tomorrow (%s)"), at);
  if (days == -1)
    /* TRANSLATORS: %s is a date and time */
    return g_strdup_printf (_ ("yesterday (%s)"), at);
  if (days > 1)
    /* TRANSLATORS: %d is a number of days, %s a date and time */
    return g_strdup_printf (ngettext ("in %d day (%s)", "in %d days (%s)", days), days, at);

  /* TRANSLATORS: %d is a number of days, %s a date and time */
  return g_strdup_printf (ngettext ("%d day ago (%s)", "%d days ago (%s)", -days), -days, at);
}

char *
bk_clock_describe_relative (GDateTime *when)
{
  g_autofree char *at = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  at = bk_format_date_time (when);
  return describe (when, when, at);
}

char *
bk_clock_describe_deadline (GDateTime *end)
{
  g_autoptr (GDateTime) last_moment = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (end != NULL, NULL);

  /* An end at midnight is the day before at 24:00: count days to that day. */
  last_moment = g_date_time_add_seconds (end, -1);
  at = bk_format_deadline (end);
  return describe (end, last_moment, at);
}
