/* bk-ticket-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-ticket-key.h"

G_STATIC_ASSERT (BK_TICKET_PUBLIC_KEY_BYTES == crypto_sign_PUBLICKEYBYTES);
G_STATIC_ASSERT (BK_TICKET_SECRET_KEY_BYTES == crypto_sign_SECRETKEYBYTES);

static gboolean
start_sodium (GError **error)
{
  if (sodium_init () >= 0)
    return TRUE;
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                       _ ("The signature library could not start. Try again."));
  return FALSE;
}

gboolean
bk_ticket_key_generate (char **public_base64, char **secret_base64, GError **error)
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 secret_key[crypto_sign_SECRETKEYBYTES];

  g_return_val_if_fail (public_base64 != NULL && secret_base64 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!start_sodium (error))
    return FALSE;
  crypto_sign_keypair (public_key, secret_key);
  *public_base64 = g_base64_encode (public_key, sizeof public_key);
  *secret_base64 = g_base64_encode (secret_key, crypto_sign_SEEDBYTES);
  sodium_memzero (secret_key, sizeof secret_key);
  return TRUE;
}

gboolean
bk_ticket_key_parse_secret (const char *text,
                            guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                            GError **error)
{
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  g_autofree char *line = NULL;
  g_autofree guint8 *seed = NULL;
  gsize length = 0;

  g_return_val_if_fail (text != NULL && secret_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!start_sodium (error))
    return FALSE;
  line = g_strstrip (g_strdup (text));
  if (g_regex_match_simple ("^[A-Za-z0-9+/]{43}=$", line, 0, 0))
    seed = g_base64_decode (line, &length);
  if (length != crypto_sign_SEEDBYTES)
    {
      if (seed != NULL)
        sodium_memzero (seed, length);
      return bk_core_error_set_invalid (
        error, _ ("This is not a ticket signing key: expected one line of 44 base64 characters, "
                  "as “baokao-tool ticket keygen” writes it."));
    }
  crypto_sign_seed_keypair (public_key, secret_key, seed);
  sodium_memzero (seed, length);
  sodium_memzero (line, strlen (line));
  return TRUE;
}

gboolean
bk_ticket_key_load_secret (const char *path,
                           guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                           GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (path != NULL && secret_key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  ok = bk_ticket_key_parse_secret (contents, secret_key, error);
  sodium_memzero (contents, length);
  return ok;
}
