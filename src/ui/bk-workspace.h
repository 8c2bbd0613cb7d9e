/* bk-workspace.h — one profile's guided steps, with a sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-profile.h"
#include "bk-store.h"
#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_WORKSPACE (bk_workspace_get_type ())

G_DECLARE_FINAL_TYPE (BkWorkspace, bk_workspace, BK, WORKSPACE, AdwBin)

void bk_workspace_set_store (BkWorkspace *self, BkStore *store);
void bk_workspace_set_profile (BkWorkspace *self, BkProfile *profile);
/* The profile shown, or NULL before the first. */
BkProfile *bk_workspace_get_profile (BkWorkspace *self);
/* The open profile's sync (NULL: no server address): the header bar's
 * indicator and the problem row show it. */
void bk_workspace_set_sync_scheduler (BkWorkspace *self, BkSyncScheduler *scheduler);
/* Puts the keyboard focus on the first field of the step on show. */
void bk_workspace_focus_first_field (BkWorkspace *self);
/* Writes a pending change now, before the window closes. */
void bk_workspace_flush (BkWorkspace *self);

G_END_DECLS
