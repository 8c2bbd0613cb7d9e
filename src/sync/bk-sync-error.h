/* bk-sync-error.h — errors of the sync layer (HTTPS client and synchronisation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_SYNC_ERROR (bk_sync_error_quark ())

typedef enum
{
  BK_SYNC_ERROR_NETWORK,  /* the server could not be reached */
  BK_SYNC_ERROR_HTTP,     /* the server answered with an error status */
  BK_SYNC_ERROR_PROTOCOL, /* the answer was not what the protocol says */
} BkSyncError;

GQuark bk_sync_error_quark (void);

G_END_DECLS
