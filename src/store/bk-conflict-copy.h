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

/* The kept conflicts of @profile_id (every profile's when NULL; a locked
 * profile's are left out), oldest first, as BkOutboxEntry: seq is the
 * conflict's id, then the local change, its refusal_code and the server's
 * copy (NULL when the server gave none). */
GPtrArray *bk_conflict_copy_list (BkDatabase *db, const char *profile_id, GError **error);

/* The members of the record that the two copies hold differently and that
 * the user may choose (not its id, links, versions or the fields only the
 * server writes), in my copy's order; empty when either copy is a delete. */
GStrv bk_conflict_copy_differing_fields (const BkOutboxEntry *conflict);

/* In @mine: every member of my copy (and my copy as a whole, when one side
 * deleted the record). */
#define BK_CONFLICT_COPY_ALL_MINE "*"

/* Settles the conflict @id as the user chose: the members named in @mine
 * from their copy, the rest from the server's (NULL or empty: the
 * server's copy, which the record already holds). A mix that differs from
 * the server's copy is written into the record and queued in the outbox
 * as an update based on the server's version; a whole copy deleted on
 * either side is queued as that delete or as an insert again. The
 * conflict then leaves the list. BK_STORE_ERROR_NOT_FOUND if it is not
 * there (resolved already). Call it inside a transaction, with its
 * profile unlocked. */
gboolean
bk_conflict_copy_resolve (BkDatabase *db, gint64 id, const char *const *mine, GError **error);

G_END_DECLS
