/* bk-status-page.h — step 6: the application's state on the workflow's
 * timeline, with the next step and its deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-proof-uploads.h"
#include "bk-store.h"
#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_STATUS_PAGE (bk_status_page_get_type ())

G_DECLARE_FINAL_TYPE (BkStatusPage, bk_status_page, BK, STATUS_PAGE, AdwBin)

/* The store whose copy of the server's application the page reads, and
 * the open profile's sync (nullable: not synced): after each pull that
 * brought changes the page reads it again, sends the proofs the server
 * does not have, and tells news with a notification when the window is
 * in the background or hidden. Action "status.confirm" (s: the
 * password) confirms as the dialog does. */
void bk_status_page_set_sync (BkStatusPage *self, BkStore *store, BkSyncScheduler *scheduler);
/* The queue of proof files to send (NULL without sync). */
BkProofUploads *bk_status_page_get_uploads (BkStatusPage *self);
/* What the last notification (news or reminder) said, sent or not
 * because the window was in front; NULL before any. */
const char *bk_status_page_get_last_news (BkStatusPage *self);

G_END_DECLS
