/* bk-server-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-entity.h"

BkServerEntity *
bk_server_entity_new (void)
{
  return g_new0 (BkServerEntity, 1);
}

void
bk_server_entity_free (BkServerEntity *self)
{
  if (self == NULL)
    return;
  g_free (self->type);
  g_free (self->id);
  g_free (self->owner_id);
  g_free (self->payload);
  g_free (self->session_id);
  g_free (self->point_code);
  g_free (self);
}
