/* bk-clock.h — "now" for the whole application, settable for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The current time, in the local time zone. When the environment variable
 * BAOKAO_NOW holds an ISO 8601 time (e.g. "2026-04-08T09:00:00+08:00"),
 * that fixed time is returned instead, in the zone written there, so
 * deadline texts and "today" can be tested on any machine.
 * An override set with bk_clock_set_now() wins over both. Thread-safe. */
GDateTime *bk_clock_get_now (void);

/* Today's date in the zone of bk_clock_get_now(). */
void bk_clock_get_today (GDate *today);

/* Fixes "now" for this process (tests); NULL returns to BAOKAO_NOW or the
 * system clock. */
void bk_clock_set_now (GDateTime *now);

/* A translated phrase for @when relative to now, for deadlines:
 * "in 3 days (13 April 16:00)", "tomorrow (…)", "today (…)",
 * "2 days ago (…)". */
char *bk_clock_describe_relative (GDateTime *when);
/* The same for the end of a window: an end at midnight is told as the day
 * before at 24:00, and its days are counted to that day. */
char *bk_clock_describe_deadline (GDateTime *end);

G_END_DECLS
