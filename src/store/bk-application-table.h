/* bk-application-table.h — applications in the store: the application
 * row with its proofs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-exam-application.h"

G_BEGIN_DECLS

/* On the worker: */

/* The applications of one profile, oldest first, with their proofs. */
GListModel *bk_application_table_list (BkDatabase *db, const char *profile_id, GError **error);
/* Inside a transaction: writes @application (a snapshot) with its proofs
 * and outbox entries, then sets its versions and timestamps to what was
 * written. Nothing is written if nothing changed. */
gboolean bk_application_table_save (BkDatabase *db, BkExamApplication *application, GError **error);
/* Inside a transaction: deletes the application and its proofs, with an
 * outbox entry for each; NOT_FOUND if there is no such application. */
gboolean bk_application_table_delete (BkDatabase *db, const char *id, GError **error);

/* On the caller's thread, after a save: */
void bk_application_table_apply_saved (BkExamApplication *target, BkExamApplication *saved);

G_END_DECLS
