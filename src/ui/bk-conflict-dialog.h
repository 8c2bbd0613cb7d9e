/* bk-conflict-dialog.h — the changes the registration server refused,
 * each differing field with the user's value and the server's, for the
 * user to choose which to keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CONFLICT_DIALOG (bk_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkConflictDialog, bk_conflict_dialog, BK, CONFLICT_DIALOG, AdwWindow)

/* A modal dialog on @parent for @conflicts (of BkOutboxEntry, as
 * bk_store_list_conflicts gives them). Applying settles each in @store as
 * chosen, then emits "resolved" and closes; closing it otherwise changes
 * nothing (the conflicts stay for later). */
BkConflictDialog *bk_conflict_dialog_new (GtkWindow *parent, BkStore *store, GPtrArray *conflicts);

G_END_DECLS
