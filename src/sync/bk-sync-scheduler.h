/* bk-sync-scheduler.h — when sync runs: at start, shortly after a change,
 * when the network comes back, on demand; failures back off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-sync-client.h"
#include "bk-sync-status.h"

G_BEGIN_DECLS

#define BK_TYPE_SYNC_SCHEDULER (bk_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (BkSyncScheduler, bk_sync_scheduler, BK, SYNC_SCHEDULER, GObject)

/* Properties for the window to bind: "status" (BkSyncStatus),
 * "last-synced" (GDateTime, NULL before the first sync of this run) and
 * "problem" (a translated sentence that says what to do; NULL when all is
 * well).
 *
 * Signal "pulled" (guint n): a sync brought @n changes from the server
 * into the store (a verdict, a decision, a ticket, …): read them again.
 *
 * A transient failure (network, timeout, 408, 429, 5xx, a broken answer)
 * is retried after a delay that doubles with each failure, with jitter,
 * and never sooner than the server's Retry-After. Any other failure (a
 * 4xx, an untrusted certificate, an expired sign-in) stops: "status" is
 * STOPPED until bk_sync_scheduler_sync_now() or a new token. */

/* @monitor: nullable, for g_network_monitor_get_default(). */
BkSyncScheduler *bk_sync_scheduler_new (BkSyncClient *client, GNetworkMonitor *monitor);

BkSyncClient *bk_sync_scheduler_get_client (BkSyncScheduler *self);
BkSyncStatus bk_sync_scheduler_get_status (BkSyncScheduler *self);
GDateTime *bk_sync_scheduler_get_last_synced (BkSyncScheduler *self);
const char *bk_sync_scheduler_get_problem (BkSyncScheduler *self);

/* Milliseconds: after a change (2000), the first retry (2000), the
 * longest wait between retries (600000). */
void bk_sync_scheduler_set_delays (BkSyncScheduler *self,
                                   guint change_delay,
                                   guint first_retry,
                                   guint longest_retry);

/* Milliseconds between a sync that went well and the next, so the
 * server's news arrives with no change here (a window in the background);
 * 0 (the default) polls never. */
void bk_sync_scheduler_set_poll_interval (BkSyncScheduler *self, guint poll_interval);

/* At start: syncs now if the network is there, else when it comes. */
void bk_sync_scheduler_start (BkSyncScheduler *self);
/* The profile closes (a profile switch, signing out): a sync on its way
 * is cancelled and none runs until start or Sync Now; "status" is
 * STOPPED with no problem. */
void bk_sync_scheduler_stop (BkSyncScheduler *self);
/* A local change was saved: sync shortly (changes close together go in
 * one sync). */
void bk_sync_scheduler_note_change (BkSyncScheduler *self);
/* Sync Now: at once, also after a stop or during a back-off. */
void bk_sync_scheduler_sync_now (BkSyncScheduler *self);

/* The wait before retry number @failures (1 for the first), between half
 * and all of @first_retry × 2^(failures − 1) (capped at @longest_retry),
 * and at least @retry_after seconds when the server gave one (-1: none).
 * @random: a value in [0, 1). */
guint bk_sync_scheduler_backoff (
  guint first_retry, guint longest_retry, guint failures, gint64 retry_after, double random);

G_END_DECLS
