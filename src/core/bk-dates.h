/* bk-dates.h — calendar helpers shared by the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a strict "YYYY-MM-DD" into @date; FALSE if malformed or not a real day. */
gboolean bk_dates_parse (const char *text, GDate *date);

/* The years a candidate's record can hold (birth, graduation, work, exam
 * windows): rules and outputs are made for four-digit years, and a date
 * outside is a typing mistake. */
#define BK_DATES_MIN_YEAR 1900
#define BK_DATES_MAX_YEAR 2100

/* TRUE when @date is valid and within BK_DATES_MIN_YEAR..BK_DATES_MAX_YEAR. */
gboolean bk_dates_in_domain (const GDate *date);

/* "YYYY-MM-DD" of a valid date, in @buf of at least 11 bytes. */
char *bk_dates_format (const GDate *date, char *buf);

/* The number of days that make "N years" up to and including @end: the days
 * from the same calendar date N years before the day after @end, up to @end. */
guint bk_dates_days_for_years (const GDate *end, guint years);

/* Splits a count of days ending on @end into whole years, months and days,
 * counting back from the day after @end by the same convention. */
void bk_dates_split_days (const GDate *end, guint days, guint *years, guint *months, guint *rest);

/* GDate's Julian days (1 = 0001-01-01) from and to year, month, day, without
 * a GDate; for loops over many dates. Any year, proleptic Gregorian. */
gint64 bk_dates_julian_from_civil (gint64 year, guint month, guint day);
void bk_dates_civil_from_julian (gint64 julian, gint64 *year, guint *month, guint *day);

G_END_DECLS
