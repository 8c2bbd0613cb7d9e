/* bk-dates.h — calendar helpers shared by the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses a strict "YYYY-MM-DD" into @date; FALSE if malformed or not a real day. */
gboolean bk_dates_parse (const char *text, GDate *date);

/* "YYYY-MM-DD" of a valid date, in @buf of at least 11 bytes. */
char *bk_dates_format (const GDate *date, char *buf);

/* The number of days that make "N years" up to and including @end: the days
 * from the same calendar date N years before the day after @end, up to @end. */
guint bk_dates_days_for_years (const GDate *end, guint years);

/* Splits a count of days ending on @end into whole years, months and days,
 * counting back from the day after @end by the same convention. */
void bk_dates_split_days (const GDate *end, guint days, guint *years, guint *months, guint *rest);

G_END_DECLS
