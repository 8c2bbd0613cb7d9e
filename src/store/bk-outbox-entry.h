/* bk-outbox-entry.h — one row of the outbox as it is sent, and what the
 * server answered for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-remote-change.h"

G_BEGIN_DECLS

#define BK_TYPE_OUTBOX_ENTRY (bk_outbox_entry_get_type ())

typedef struct
{
  gint64 seq;
  char *entity;
  char *entity_id;
  char *operation;
  gint64 version;
  char *payload; /* JSON text; NULL for a delete */
  char *created_at;

  /* The answer, set by the sync engine before it settles the entry:
   * acknowledged (the entry leaves the outbox), or refused with the
   * server's code ("conflict", "id_taken", "not_found",
   * "server_owned_field", …) and, for "conflict", the server's copy. A
   * refused entry is kept as a conflict, never dropped. */
  gboolean acknowledged;
  char *refusal_code;
  BkRemoteChange *server_copy;
} BkOutboxEntry;

GType bk_outbox_entry_get_type (void) G_GNUC_CONST;

BkOutboxEntry *bk_outbox_entry_new (void);
BkOutboxEntry *bk_outbox_entry_copy (const BkOutboxEntry *self);
void bk_outbox_entry_free (BkOutboxEntry *self);

/* Records the server's refusal of the entry (@server_copy: nullable, taken). */
void bk_outbox_entry_refuse (BkOutboxEntry *self, const char *code, BkRemoteChange *server_copy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkOutboxEntry, bk_outbox_entry_free)

G_END_DECLS
