/* bk-outbox-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-outbox-entry.h"

G_DEFINE_BOXED_TYPE (BkOutboxEntry, bk_outbox_entry, bk_outbox_entry_copy, bk_outbox_entry_free)

BkOutboxEntry *
bk_outbox_entry_new (void)
{
  return g_new0 (BkOutboxEntry, 1);
}

BkOutboxEntry *
bk_outbox_entry_copy (const BkOutboxEntry *self)
{
  BkOutboxEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_outbox_entry_new ();
  copy->seq = self->seq;
  copy->entity = g_strdup (self->entity);
  copy->entity_id = g_strdup (self->entity_id);
  copy->operation = g_strdup (self->operation);
  copy->version = self->version;
  copy->payload = g_strdup (self->payload);
  copy->created_at = g_strdup (self->created_at);
  copy->acknowledged = self->acknowledged;
  copy->refusal_code = g_strdup (self->refusal_code);
  copy->server_copy = self->server_copy != NULL ? bk_remote_change_copy (self->server_copy) : NULL;
  return copy;
}

void
bk_outbox_entry_free (BkOutboxEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->entity);
  g_free (self->entity_id);
  g_free (self->operation);
  g_free (self->payload);
  g_free (self->created_at);
  g_free (self->refusal_code);
  bk_remote_change_free (self->server_copy);
  g_free (self);
}

void
bk_outbox_entry_refuse (BkOutboxEntry *self, const char *code, BkRemoteChange *server_copy)
{
  g_return_if_fail (self != NULL && code != NULL);

  self->acknowledged = FALSE;
  g_free (self->refusal_code);
  self->refusal_code = g_strdup (code);
  bk_remote_change_free (self->server_copy);
  self->server_copy = server_copy;
}
