/* bk-outbox.h — the changes waiting for the sync engine, written in the
 * transaction of the change itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"

G_BEGIN_DECLS

/* Records a change of one row ("insert", "update" or "delete", at the
 * version written; @payload_json is NULL for a delete). Call it inside
 * the change's transaction, so the two are committed (or lost) together. */
gboolean bk_outbox_append (BkDatabase *db,
                           const char *entity,
                           const char *entity_id,
                           const char *operation,
                           gint64 version,
                           const char *payload_json,
                           GError **error);

/* A "delete" of @entity for each row that @sql (one parameter, @id)
 * selects as (id, version): the children of a row about to be deleted. */
gboolean bk_outbox_append_deletes (
  BkDatabase *db, const char *entity, const char *sql, const char *id, GError **error);

/* The number of changes waiting; -1 on error. */
gint64 bk_outbox_count (BkDatabase *db, GError **error);

G_END_DECLS
