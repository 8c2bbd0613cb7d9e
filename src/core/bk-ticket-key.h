/* bk-ticket-key.h — the authority's Ed25519 key pair that signs tickets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_TICKET_PUBLIC_KEY_BYTES 32
#define BK_TICKET_SECRET_KEY_BYTES 64 /* libsodium's form: seed, then public key */

/* A new key pair: the public key and the secret seed, each in base64 (44
 * characters). The public key goes into the session file's
 * "ticket_key"."public"; the seed, into a file only the authority reads. */
gboolean bk_ticket_key_generate (char **public_base64, char **secret_base64, GError **error);

/* Reads a secret key file (one line: the seed in base64, as
 * bk_ticket_key_generate() gives it) into @secret_key. */
gboolean bk_ticket_key_load_secret (const char *path,
                                    guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                                    GError **error);
/* The same from the text of such a file. */
gboolean bk_ticket_key_parse_secret (const char *text,
                                     guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                                     GError **error);

G_END_DECLS
