/* bk-sync-status.h — where synchronisation stands, for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_SYNC_STATUS (bk_sync_status_get_type ())

typedef enum
{
  BK_SYNC_STATUS_OFFLINE, /* no network, or the server cannot be reached: retrying */
  BK_SYNC_STATUS_ONLINE,  /* the server answers; nothing running now */
  BK_SYNC_STATUS_SYNCING, /* a sync is running */
  BK_SYNC_STATUS_STOPPED, /* the user must act (sign in, fix the address, …): see "problem" */
} BkSyncStatus;

GType bk_sync_status_get_type (void) G_GNUC_CONST;

G_END_DECLS
