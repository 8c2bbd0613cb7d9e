/* bk-sync-banner.h — the sync problem that needs the user, in a row
 * across the window (libadwaita 1.2 has no AdwBanner)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_BANNER (bk_sync_banner_get_type ())

G_DECLARE_FINAL_TYPE (BkSyncBanner, bk_sync_banner, BK, SYNC_BANNER, AdwBin)

/* Shows @scheduler's "problem" (a sentence that says what to do) while
 * there is one; hidden without a scheduler. */
void bk_sync_banner_set_scheduler (BkSyncBanner *self, BkSyncScheduler *scheduler);

/* The sentence shown, or NULL when the banner is hidden. */
const char *bk_sync_banner_get_text (BkSyncBanner *self);

/* The profile whose conflicts (changes the server refused) the banner
 * counts after each sync, with a button to choose between the copies;
 * NULL for none. Emits "conflicts-resolved" when the user settled some. */
void bk_sync_banner_set_profile (BkSyncBanner *self, BkStore *store, const char *profile_id);

/* The number of conflicts on show (0 when none is). */
guint bk_sync_banner_get_n_conflicts (BkSyncBanner *self);

G_END_DECLS
