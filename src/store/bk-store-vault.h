/* bk-store-vault.h — the data keys of the profiles open in this store,
 * and the sealed form of a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A profile's data key: XChaCha20-Poly1305, 32 bytes. */
#define BK_STORE_VAULT_KEY_BYTES 32

/* The keys live on the store's worker only, in memory that libsodium
 * locks (no swap) and zeroes when a key is forgotten. */
typedef struct _BkStoreVault BkStoreVault;

BkStoreVault *bk_store_vault_new (void);
/* Forgets (zeroes) every key. */
void bk_store_vault_free (BkStoreVault *self);

/* Keeps a copy of @key as @profile_id's (replacing any). */
void bk_store_vault_put (BkStoreVault *self, const char *profile_id, const guint8 *key);
/* The key of @profile_id, or NULL when the profile is locked. */
const guint8 *bk_store_vault_lookup (BkStoreVault *self, const char *profile_id);
/* Zeroes and drops @profile_id's key; nothing if there was none. */
void bk_store_vault_forget (BkStoreVault *self, const char *profile_id);
/* Zeroes and drops every key. */
void bk_store_vault_forget_all (BkStoreVault *self);

/* A sealed value: a magic that no JPEG, PDF or text begins with, the
 * owner profile's id (not secret: it says which key opens it), a random
 * nonce and the AEAD ciphertext of @size bytes of @data, with
 * "@context|@profile_id" as associated data, so a value moved to another
 * row, column or profile does not open. */
GBytes *bk_store_vault_seal (
  const guint8 *key, const char *profile_id, const char *context, gconstpointer data, gsize size);
/* Whether @data is a sealed value. */
gboolean bk_store_vault_is_sealed (gconstpointer data, gsize size);
/* The owner's id written in a sealed value (NULL if it is not one). */
char *bk_store_vault_owner (gconstpointer data, gsize size);
/* The plain bytes of a sealed value (followed by a NUL, not counted, so
 * text can be read as a string), in memory zeroed when the bytes are
 * freed. BK_STORE_ERROR_LOCKED when its owner's key is not here,
 * SQLITE_CORRUPT when it does not open (damaged, or moved). */
GBytes *bk_store_vault_open (
  BkStoreVault *self, const char *context, gconstpointer data, gsize size, GError **error);
/* As bk_store_vault_open, with @key rather than the owner's. */
GBytes *bk_store_vault_open_with_key (
  const guint8 *key, const char *context, gconstpointer data, gsize size, GError **error);

G_END_DECLS
