/* bk-remote-change.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-remote-change.h"

G_DEFINE_BOXED_TYPE (BkRemoteChange, bk_remote_change, bk_remote_change_copy, bk_remote_change_free)

BkRemoteChange *
bk_remote_change_new (const char *entity,
                      const char *entity_id,
                      const char *operation,
                      gint64 version,
                      const char *payload)
{
  BkRemoteChange *self = g_new0 (BkRemoteChange, 1);

  g_return_val_if_fail (entity != NULL && entity_id != NULL && operation != NULL, NULL);

  self->entity = g_strdup (entity);
  self->entity_id = g_strdup (entity_id);
  self->operation = g_strdup (operation);
  self->version = version;
  self->payload = g_strdup (payload);
  return self;
}

BkRemoteChange *
bk_remote_change_copy (const BkRemoteChange *self)
{
  BkRemoteChange *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_remote_change_new (self->entity, self->entity_id, self->operation, self->version,
                               self->payload);
  copy->cursor = self->cursor;
  return copy;
}

void
bk_remote_change_free (BkRemoteChange *self)
{
  if (self == NULL)
    return;
  g_free (self->entity);
  g_free (self->entity_id);
  g_free (self->operation);
  g_free (self->payload);
  g_free (self);
}
