/* bk-window-sync-private.h — what the files of BkWindowSync share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-window-sync.h"

G_BEGIN_DECLS

/* The HTTPS client, with the CA file of the preferences. */
BkHttpClient *bk_window_sync_ensure_http (BkWindowSync *self);
/* Where tokens are kept (the keyring, or memory for this run). */
BkTokenStore *bk_window_sync_ensure_tokens (BkWindowSync *self);

G_END_DECLS
