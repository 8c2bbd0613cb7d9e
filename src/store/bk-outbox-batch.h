/* bk-outbox-batch.h — the first entries of the outbox, sent as one request
 * under one idempotency key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-outbox-entry.h"

G_BEGIN_DECLS

#define BK_TYPE_OUTBOX_BATCH (bk_outbox_batch_get_type ())

typedef struct
{
  char *profile_id; /* whose entries these are */
  char *idempotency_key;
  GPtrArray *entries; /* of BkOutboxEntry, in outbox order */
} BkOutboxBatch;

GType bk_outbox_batch_get_type (void) G_GNUC_CONST;

BkOutboxBatch *bk_outbox_batch_new (const char *profile_id, const char *idempotency_key);
BkOutboxBatch *bk_outbox_batch_copy (const BkOutboxBatch *self);
void bk_outbox_batch_free (BkOutboxBatch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOutboxBatch, bk_outbox_batch_free)

G_END_DECLS
