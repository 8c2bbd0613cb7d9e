/* bk-outbox.h — the changes waiting for the sync engine, written in the
 * transaction of the change itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"
#include "bk-outbox-batch.h"

G_BEGIN_DECLS

/* Records a change of one row ("insert", "update" or "delete", at the
 * version written; @payload_json is NULL for a delete) of the profile
 * @profile_id (the record itself or the profile it hangs under: it is
 * pushed only under that profile's account). Call it inside the change's
 * transaction, so the two are committed (or lost) together. */
gboolean bk_outbox_append (BkDatabase *db,
                           const char *profile_id,
                           const char *entity,
                           const char *entity_id,
                           const char *operation,
                           gint64 version,
                           const char *payload_json,
                           GError **error);

/* A "delete" of @entity for each row that @sql (one parameter, @id)
 * selects as (id, version, profile_id): the children of a row about to be
 * deleted. */
gboolean bk_outbox_append_deletes (
  BkDatabase *db, const char *entity, const char *sql, const char *id, GError **error);

/* The number of changes waiting, of every profile; -1 on error. */
gint64 bk_outbox_count (BkDatabase *db, GError **error);

/* The next request to send for @profile_id (only its entries; each
 * profile has its own push on its way): the push still on its way if
 * there is one (the same entries under the same idempotency key, so a
 * retry is the same request), else the profile's first @max entries
 * under a new key, which is kept until bk_outbox_settle. An empty batch
 * (no key) when there is nothing to send. Call it inside a transaction. */
BkOutboxBatch *
bk_outbox_take_batch (BkDatabase *db, const char *profile_id, guint max, GError **error);

/* Applies the server's answer to @batch: acknowledged entries leave the
 * outbox; refused ones leave it for the conflict table (with the server's
 * copy, which is applied to the record); then the push of the batch's
 * profile is over. Call it
 * inside a transaction. */
gboolean bk_outbox_settle (BkDatabase *db, BkOutboxBatch *batch, GError **error);

/* Forgets the request of @profile_id on its way (its key and entries),
 * which the server refused whole without applying any of it (413): the
 * next bk_outbox_take_batch makes a new one. Call it inside a
 * transaction. */
gboolean bk_outbox_forget_batch (BkDatabase *db, const char *profile_id, GError **error);

G_END_DECLS
