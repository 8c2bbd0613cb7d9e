/* bk-profile-table.h — profiles in the store: the profile row with its
 * education, work and photo rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-profile.h"

G_BEGIN_DECLS

/* On the worker: */

/* BkProfileSummary items, the most recently changed first; the ID
 * numbers masked. */
GListModel *bk_profile_table_list (BkDatabase *db, GError **error);
BkProfile *bk_profile_table_load (BkDatabase *db, const char *profile_id, GError **error);
/* See bk_store_load_profile_cover. */
BkProfile *bk_profile_table_load_cover (BkDatabase *db, const char *profile_id, GError **error);
/* Inside a transaction: writes @profile (a snapshot) with its children
 * and outbox entries, then sets its versions and timestamps to what was
 * written. Nothing is written if nothing changed. */
gboolean bk_profile_table_save (BkDatabase *db, BkProfile *profile, GError **error);
/* Inside a transaction: deletes the profile with all that hangs from it
 * (applications and their proofs too), with an outbox entry for each row. */
gboolean bk_profile_table_delete (BkDatabase *db, const char *profile_id, GError **error);

/* On the caller's thread, after a save: */
void bk_profile_table_apply_saved (BkProfile *target, BkProfile *saved);

/* Whether @profile has a password hash (never written without one). */
gboolean bk_profile_table_is_protected (BkProfile *profile);

G_END_DECLS
