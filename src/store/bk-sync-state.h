/* bk-sync-state.h — what the sync engine keeps between runs, in the
 * store's own file: each profile's pull cursor and push on its way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"

G_BEGIN_DECLS

#define BK_SYNC_STATE_CURSOR        "cursor"
#define BK_SYNC_STATE_PUSH_KEY      "push-key"
#define BK_SYNC_STATE_PUSH_LAST_SEQ "push-last-seq"

/* The key @name of @profile_id's own state ("name/PROFILE_ID"). Each
 * profile pushes and pulls under its own account, so each keeps its own
 * cursor and push. */
char *bk_sync_state_key (const char *name, const char *profile_id);

/* The value of @key, or NULL (with @error unset) if it has none. */
char *bk_sync_state_get (BkDatabase *db, const char *key, GError **error);
/* @value NULL removes the key. */
gboolean bk_sync_state_set (BkDatabase *db, const char *key, const char *value, GError **error);

/* The value of @key as a number; 0 if it has none, -1 on error. */
gint64 bk_sync_state_get_int (BkDatabase *db, const char *key, GError **error);
gboolean bk_sync_state_set_int (BkDatabase *db, const char *key, gint64 value, GError **error);

G_END_DECLS
