/* bk-ticket-step-page.h — the candidate's own admission ticket, a step of
 * the workspace that shows itself once sync has brought a signed ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-sync-scheduler.h"

G_BEGIN_DECLS

#define BK_TYPE_TICKET_STEP_PAGE (bk_ticket_step_page_get_type ())

G_DECLARE_FINAL_TYPE (BkTicketStepPage, bk_ticket_step_page, BK, TICKET_STEP_PAGE, AdwBin)

/* A BkStepPage. The ticket is the `ticket` member of the server's last
 * copy of the application (docs/protocol.md), read from @store when the
 * application is set and after every sync of @scheduler; its `signed` text
 * is verified against the session's key, and it must be the profile's
 * (same ID number). Until there is one, the page is hidden, and so is its
 * step in the sidebar. "loaded" is emitted each time the ticket has been
 * looked for. */
void bk_ticket_step_page_set_store (BkTicketStepPage *self, BkStore *store);
void bk_ticket_step_page_set_scheduler (BkTicketStepPage *self, BkSyncScheduler *scheduler);
/* Reads the ticket again, as a sync does. */
void bk_ticket_step_page_reload (BkTicketStepPage *self);
/* The sheet that shows, prints and saves the ticket (a BkTicketSheet). */
GtkWidget *bk_ticket_step_page_get_sheet (BkTicketStepPage *self);

G_END_DECLS
