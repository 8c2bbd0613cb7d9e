/* bk-outbox-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-outbox-batch.h"

G_DEFINE_BOXED_TYPE (BkOutboxBatch, bk_outbox_batch, bk_outbox_batch_copy, bk_outbox_batch_free)

BkOutboxBatch *
bk_outbox_batch_new (const char *profile_id, const char *idempotency_key)
{
  BkOutboxBatch *self = g_new0 (BkOutboxBatch, 1);

  self->profile_id = g_strdup (profile_id);
  self->idempotency_key = g_strdup (idempotency_key);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_outbox_entry_free);
  return self;
}

BkOutboxBatch *
bk_outbox_batch_copy (const BkOutboxBatch *self)
{
  BkOutboxBatch *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_outbox_batch_new (self->profile_id, self->idempotency_key);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (copy->entries, bk_outbox_entry_copy (g_ptr_array_index (self->entries, i)));
  return copy;
}

void
bk_outbox_batch_free (BkOutboxBatch *self)
{
  if (self == NULL)
    return;
  g_free (self->profile_id);
  g_free (self->idempotency_key);
  g_ptr_array_unref (self->entries);
  g_free (self);
}
