/* bk-sync-indicator.h — the header bar's sync status: online, syncing,
 * offline, stopped, or not connected to a server at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_INDICATOR (bk_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (BkSyncIndicator, bk_sync_indicator, BK, SYNC_INDICATOR, AdwBin)

/* With a scheduler, the button shows its status, says when it last
 * synced (tooltip and accessible description) and activates
 * "win.sync-now"; without one (no server address) it says so and opens
 * the preferences ("app.preferences"). */
void bk_sync_indicator_set_scheduler (BkSyncIndicator *self, BkSyncScheduler *scheduler);

/* What the button says, for tests and the accessible name. */
const char *bk_sync_indicator_get_label (BkSyncIndicator *self);
const char *bk_sync_indicator_get_details (BkSyncIndicator *self);

G_END_DECLS
