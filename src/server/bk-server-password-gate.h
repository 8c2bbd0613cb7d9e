/* bk-server-password-gate.h — at most one password hash per core at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BkServerPasswordGate BkServerPasswordGate;

/* @fast: the cheapest Argon2id cost (tests only, see BkServerLimits). */
BkServerPasswordGate *bk_server_password_gate_new (gboolean fast);
void bk_server_password_gate_free (BkServerPasswordGate *self);

/* Hashes @password, waiting while every core is hashing. */
char *
bk_server_password_gate_hash (BkServerPasswordGate *self, const char *password, GError **error);

/* Whether @password matches @hash, waiting while every core is hashing. */
gboolean
bk_server_password_gate_verify (BkServerPasswordGate *self, const char *hash, const char *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerPasswordGate, bk_server_password_gate_free)

G_END_DECLS
