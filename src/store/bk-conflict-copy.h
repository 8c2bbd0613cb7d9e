/* bk-conflict-copy.h — the changes the server refused, kept with the
 * server's copy of the record, for the user to choose between
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-outbox-entry.h"

G_BEGIN_DECLS

/* Keeps @entry (refused: its refusal_code set) and its server_copy, if any. */
/* Its payloads are sealed with @profile_id's key (bk-store-secret.h). */
gboolean bk_conflict_copy_keep (BkDatabase *db,
                                const char *profile_id,
                                const BkOutboxEntry *entry,
                                GError **error);

/* The kept conflicts, oldest first, as BkOutboxEntry: the local change,
 * its refusal_code and the server's copy (NULL when the server gave none). */
GPtrArray *bk_conflict_copy_list (BkDatabase *db, GError **error);

G_END_DECLS
