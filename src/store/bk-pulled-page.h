/* bk-pulled-page.h — changes from the server written into the store:
 * through the tables, without outbox entries, at the server's versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-remote-change.h"

G_BEGIN_DECLS

/* Applies one change: a record at a version this store already has (an
 * echo of its own push) is left alone, and so is one with a change of
 * its own still in the outbox, unless @force (the server's copy of a
 * refused change): the push of that change gets the server's copy as a
 * conflict instead, so neither is lost. The server's payload is kept in
 * full (remote_copy) also where no column holds a member, and a row that
 * cannot be written here (a photo or proof whose bytes are not in the
 * payload, a parent not here) is skipped with only that copy kept. Call
 * it inside a transaction. Sensitive values are sealed with the key of
 * @profile_id (or, when NULL, of the profile the record names), or written
 * plain when that profile has none yet (bk_store_secret_key). */
gboolean bk_pulled_page_apply_change (BkDatabase *db,
                                      const char *profile_id,
                                      const BkRemoteChange *change,
                                      gboolean force,
                                      GError **error);

/* Writes @change (a record as the user chose it after a conflict, NULL
 * payload for a delete) into its row at @change's version, as a pulled
 * change is written, but leaves the server's copy (remote_copy) alone.
 * Call it inside a transaction. */
gboolean bk_pulled_page_write_local (BkDatabase *db,
                                     const char *profile_id,
                                     const BkRemoteChange *change,
                                     GError **error);

/* Applies @changes (of BkRemoteChange, in cursor order) and saves
 * @next_cursor as @profile_id's cursor, in one transaction: all or
 * nothing. @profile_id NULL (a sign-in on a computer with no profile of
 * the account yet): no cursor is kept, as the server's cursor runs over
 * every account's changes and another account signing in here must not
 * start from it; the profile, once open, pulls from 0 again, which
 * changes nothing. */
gboolean bk_pulled_page_apply (
  BkDatabase *db, const char *profile_id, GPtrArray *changes, gint64 next_cursor, GError **error);

/* The server's last payload of a record; NULL (with @error unset) if none. */
char *bk_pulled_page_read_remote_copy (BkDatabase *db,
                                       const char *entity,
                                       const char *entity_id,
                                       GError **error);

G_END_DECLS
