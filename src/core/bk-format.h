/* bk-format.h — dates and money as the user's language writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2020-12-31" in English, "2020年12月31日" in Chinese. */
char *bk_format_date (const GDate *date);
/* "2020-12-31 16:00" / "2020年12月31日 16:00", in China Standard Time. */
char *bk_format_date_time (GDateTime *date_time);
/* The end of a window, which is exclusive: midnight is written as 24:00 of
 * the day before, as the notices do ("2020-08-24 24:00", not
 * "2020-08-25 00:00", which reads as a day more); other times as
 * bk_format_date_time(). */
char *bk_format_deadline (GDateTime *end);
/* A number of days, counted back from @end, as years, months and days:
 * "6 years 0 months 0 days" / "6年0个月0天". */
char *bk_format_span (const GDate *end, guint days);
/* 21300 fen → "CNY 213.00" / "213.00元"; 0 → "free" / "免费". */
char *bk_format_yuan (guint64 fen);

G_END_DECLS
