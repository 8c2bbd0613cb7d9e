/* bk-child-rows.h — the rows under a profile or an application: education
 * records, work periods and proofs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-exam-application.h"

G_BEGIN_DECLS

/* One kind of child row: its table, how to write one, and its payload. */
typedef struct _BkChildKind BkChildKind;

extern const BkChildKind bk_child_kind_education; /* BkEducationEntry under a profile */
extern const BkChildKind bk_child_kind_work;      /* BkWorkEntry under a profile */
extern const BkChildKind bk_child_kind_proof;     /* BkProofEntry under an application */

/* Loading, in the order they were added. */
GPtrArray *bk_child_rows_load_education (BkDatabase *db, const char *profile_id, GError **error);
GPtrArray *bk_child_rows_load_work (BkDatabase *db, const char *profile_id, GError **error);
gboolean bk_child_rows_load_proofs (BkDatabase *db, BkExamApplication *application, GError **error);

/* Inside the parent's save: brings the rows of one child list in line
 * with @wanted (inserts new entries, updates changed ones at version + 1,
 * deletes the missing), each with its outbox entry (under @profile_id, the
 * profile they belong to), and sets the versions
 * of @wanted's entries to what was written. @stored is what the database
 * holds now (NULL for a new parent); *@changed is set if a row changed. */
gboolean bk_child_rows_save (BkDatabase *db,
                             const BkChildKind *kind,
                             const char *profile_id,
                             const char *parent_id,
                             GListModel *wanted,
                             GListModel *stored,
                             const char *now,
                             gboolean *changed,
                             GError **error);

/* On the caller's thread, after a save: each entry of @target (a list of
 * entries with "id" and "version") that @saved holds gets its saved
 * version, if that is newer. Entries added after the snapshot stay
 * unsaved (version 0). */
void bk_child_rows_apply_versions (GListModel *target, GListModel *saved);

G_END_DECLS
