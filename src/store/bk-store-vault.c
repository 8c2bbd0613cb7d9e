/* bk-store-vault.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-store-error.h"
#include "bk-store-vault.h"

/* Eight bytes: a NUL first, so it is never the start of a text value,
 * a JPEG (FF D8), a PDF ("%PDF") or a PNG (89 "PNG"). */
#define MAGIC       "\0BkSeal1"
#define MAGIC_BYTES 8
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES   crypto_aead_xchacha20poly1305_ietf_ABYTES

G_STATIC_ASSERT (BK_STORE_VAULT_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

struct _BkStoreVault
{
  GHashTable *keys; /* profile id → sodium_malloc'd key */
};

static void
free_key (gpointer key)
{
  sodium_free (key); /* zeroes it first */
}

BkStoreVault *
bk_store_vault_new (void)
{
  BkStoreVault *self = g_new0 (BkStoreVault, 1);

  g_return_val_if_fail (sodium_init () >= 0, NULL);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_key);
  return self;
}

void
bk_store_vault_free (BkStoreVault *self)
{
  if (self == NULL)
    return;
  g_hash_table_destroy (self->keys);
  g_free (self);
}

void
bk_store_vault_put (BkStoreVault *self, const char *profile_id, const guint8 *key)
{
  guint8 *copy;

  g_return_if_fail (self != NULL && profile_id != NULL && key != NULL);

  copy = sodium_malloc (BK_STORE_VAULT_KEY_BYTES);
  g_return_if_fail (copy != NULL);
  memcpy (copy, key, BK_STORE_VAULT_KEY_BYTES);
  g_hash_table_replace (self->keys, g_strdup (profile_id), copy);
}

const guint8 *
bk_store_vault_lookup (BkStoreVault *self, const char *profile_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return profile_id != NULL ? g_hash_table_lookup (self->keys, profile_id) : NULL;
}

void
bk_store_vault_forget (BkStoreVault *self, const char *profile_id)
{
  g_return_if_fail (self != NULL && profile_id != NULL);

  g_hash_table_remove (self->keys, profile_id);
}

void
bk_store_vault_forget_all (BkStoreVault *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->keys);
}

static char *
associated_data (const char *context, const char *profile_id)
{
  return g_strconcat (context, "|", profile_id, NULL);
}

GBytes *
bk_store_vault_seal (
  const guint8 *key, const char *profile_id, const char *context, gconstpointer data, gsize size)
{
  gsize id_length = strlen (profile_id);
  g_autofree char *ad = associated_data (context, profile_id);
  gsize total = MAGIC_BYTES + 1 + id_length + NONCE_BYTES + size + TAG_BYTES;
  guint8 *sealed, *nonce;
  unsigned long long written = 0;

  g_return_val_if_fail (key != NULL && context != NULL, NULL);
  g_return_val_if_fail (id_length > 0 && id_length <= 255, NULL);

  sealed = g_malloc (total);
  memcpy (sealed, MAGIC, MAGIC_BYTES);
  sealed[MAGIC_BYTES] = (guint8) id_length;
  memcpy (sealed + MAGIC_BYTES + 1, profile_id, id_length);
  nonce = sealed + MAGIC_BYTES + 1 + id_length;
  randombytes_buf (nonce, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (nonce + NONCE_BYTES, &written, data, size,
                                              (const guint8 *) ad, strlen (ad), NULL, nonce, key);
  g_assert_cmpuint (written, ==, size + TAG_BYTES);
  return g_bytes_new_take (sealed, total);
}

gboolean
bk_store_vault_is_sealed (gconstpointer data, gsize size)
{
  const guint8 *bytes = data;

  return data != NULL && size >= MAGIC_BYTES + 1 && memcmp (bytes, MAGIC, MAGIC_BYTES) == 0 &&
         size >= MAGIC_BYTES + 1 + bytes[MAGIC_BYTES] + NONCE_BYTES + TAG_BYTES;
}

char *
bk_store_vault_owner (gconstpointer data, gsize size)
{
  const guint8 *bytes = data;

  if (!bk_store_vault_is_sealed (data, size))
    return NULL;
  return g_strndup ((const char *) bytes + MAGIC_BYTES + 1, bytes[MAGIC_BYTES]);
}

static void
free_plain (gpointer plain)
{
  sodium_free (plain);
}

GBytes *
bk_store_vault_open_with_key (
  const guint8 *key, const char *context, gconstpointer data, gsize size, GError **error)
{
  const guint8 *bytes = data;
  g_autofree char *owner = bk_store_vault_owner (data, size);
  g_autofree char *ad = NULL;
  const guint8 *nonce, *cipher;
  gsize cipher_size;
  unsigned long long plain_size = 0;
  guint8 *plain;

  g_return_val_if_fail (key != NULL && context != NULL, NULL);

  if (owner == NULL)
    {
      g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT, "the %s is not a sealed value", context);
      return NULL;
    }
  nonce = bytes + MAGIC_BYTES + 1 + strlen (owner);
  cipher = nonce + NONCE_BYTES;
  cipher_size = size - (cipher - bytes);
  ad = associated_data (context, owner);
  /* +1: a NUL after the bytes, for text. */
  plain = sodium_malloc (cipher_size - TAG_BYTES + 1);
  if (plain == NULL || crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_size, NULL, cipher,
                                                                   cipher_size, (const guint8 *) ad,
                                                                   strlen (ad), nonce, key) != 0)
    {
      if (plain != NULL)
        sodium_free (plain);
      g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT,
                   "the %s does not open with this key (damaged, moved or another key)", context);
      return NULL;
    }
  plain[plain_size] = '\0';
  return g_bytes_new_with_free_func (plain, plain_size, free_plain, plain);
}

GBytes *
bk_store_vault_open (
  BkStoreVault *self, const char *context, gconstpointer data, gsize size, GError **error)
{
  g_autofree char *owner = bk_store_vault_owner (data, size);
  const guint8 *key;

  g_return_val_if_fail (self != NULL && context != NULL, NULL);

  if (owner == NULL)
    {
      g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT, "the %s is not a sealed value", context);
      return NULL;
    }
  key = bk_store_vault_lookup (self, owner);
  if (key == NULL)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED,
                   "the profile %s is locked: its password opens it", owner);
      return NULL;
    }
  return bk_store_vault_open_with_key (key, context, data, size, error);
}
