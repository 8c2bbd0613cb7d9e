/* bk-sync-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-status.h"

G_DEFINE_ENUM_TYPE (BkSyncStatus,
                    bk_sync_status,
                    G_DEFINE_ENUM_VALUE (BK_SYNC_STATUS_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (BK_SYNC_STATUS_ONLINE, "online"),
                    G_DEFINE_ENUM_VALUE (BK_SYNC_STATUS_SYNCING, "syncing"),
                    G_DEFINE_ENUM_VALUE (BK_SYNC_STATUS_STOPPED, "stopped"))
