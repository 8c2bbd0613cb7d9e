/* bk-server-lapse-timer.h — applications lapse when their window closes,
 * with no request arriving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-limits.h"

G_BEGIN_DECLS

typedef struct _BkServerLapseTimer BkServerLapseTimer;

/* Starts watching the server's clock (bk_clock_get_now(), BAOKAO_NOW in
 * tests) in the thread-default main context: when a confirmation or
 * payment window that a sweep saw ahead has closed, and at the latest
 * every @safety_seconds, a full sweep runs in a thread of its own. */
BkServerLapseTimer *bk_server_lapse_timer_new (BkServerDatabase *database,
                                               const BkServerLimits *limits,
                                               guint safety_seconds);
/* Stops it, waiting for a sweep under way. */
void bk_server_lapse_timer_free (BkServerLapseTimer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerLapseTimer, bk_server_lapse_timer_free)

G_END_DECLS
