/* bk-profile-key-table.c
 *
 * The data key never changes for the life of a profile, so a new
 * password re-wraps 32 bytes rather than every value. The wrapped key is
 * a sealed value (bk-store-vault.c) under the key-encryption key, with
 * the row's context: a wrong password fails to open it, which is the
 * password check of a profile that has a key (no second Argon2 run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "bk-profile-key-table.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"

#define KDF        "argon2id13"
#define SALT_BYTES crypto_pwhash_SALTBYTES

/* Argon2id with 3 passes over 32 MiB: about 0.1 s on this project's busy
 * test machine (2 cores shared by several builds), where libsodium's
 * "interactive" limits (2 passes over 64 MiB) took 0.2 to 0.3 s, the
 * whole of the 300 ms an unlock may take; still above OWASP's Argon2id
 * minimums (12 MiB with 3 passes, 19 MiB with 2). Each key row keeps its
 * own limits, so a later Baokao can raise them at the next password
 * change without reading old rows wrong. bench/help-desk times it. */
#define OPSLIMIT 3
#define MEMLIMIT (32 * 1024 * 1024)

void
bk_profile_key_table_get_limits (guint64 *opslimit, gsize *memlimit)
{
  *opslimit = OPSLIMIT;
  *memlimit = MEMLIMIT;
}

static char *
wrapped_context (const char *profile_id)
{
  return bk_store_secret_context ("profile_key", "wrapped_key", profile_id);
}

/* The key-encryption key, in locked memory the caller sodium_free()s. */
static guint8 *
derive (const char *password, const guint8 *salt, guint64 opslimit, gsize memlimit, GError **error)
{
  guint8 *kek = sodium_malloc (BK_STORE_VAULT_KEY_BYTES);

  if (kek == NULL || crypto_pwhash (kek, BK_STORE_VAULT_KEY_BYTES, password, strlen (password),
                                    salt, opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      if (kek != NULL)
        sodium_free (kek);
      g_set_error (error, BK_STORE_ERROR, SQLITE_NOMEM,
                   "not enough memory to derive a profile's key");
      return NULL;
    }
  return kek;
}

/* 1 with the key in the vault, 0 when the profile has no key row, -1 on error. */
static int
unwrap (BkDatabase *db, const char *profile_id, const char *password, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) key = NULL;
  g_autofree char *context = wrapped_context (profile_id);
  guint8 *kek;
  int rc;

  stmt = bk_database_prepare (
    db, "SELECT salt, opslimit, memlimit, wrapped_key FROM profile_key WHERE profile_id = ?",
    error);
  if (stmt == NULL)
    return -1;
  bk_store_bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      bk_database_fail (db, error, "reading a profile's key");
      return -1;
    }
  if (sqlite3_column_bytes (stmt, 0) != SALT_BYTES)
    {
      g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT, "the key of %s is damaged", profile_id);
      return -1;
    }

  kek = derive (password, sqlite3_column_blob (stmt, 0), sqlite3_column_int64 (stmt, 1),
                sqlite3_column_int64 (stmt, 2), error);
  if (kek == NULL)
    return -1;
  key = bk_store_vault_open_with_key (kek, context, sqlite3_column_blob (stmt, 3),
                                      sqlite3_column_bytes (stmt, 3), NULL);
  sodium_free (kek);
  if (key == NULL || g_bytes_get_size (key) != BK_STORE_VAULT_KEY_BYTES)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD,
                   "the password does not open the profile %s", profile_id);
      return -1;
    }
  bk_store_vault_put (bk_database_get_vault (db), profile_id, g_bytes_get_data (key, NULL));
  return 1;
}

/* An older profile, without a key: its password hash says whether
 * @password is its password. */
static gboolean
check_password_hash (BkDatabase *db, const char *profile_id, const char *password, GError **error)
{
  g_autoptr (sqlite3_stmt)
    stmt = bk_database_prepare (db, "SELECT password_hash FROM profile WHERE id = ?", error);
  const char *hash;
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return bk_store_not_found (error, "profile", profile_id);
  if (rc != SQLITE_ROW)
    return bk_database_fail (db, error, "reading a password hash");
  hash = bk_store_column_text (stmt, 0);
  if (hash == NULL || !g_str_has_prefix (hash, "$argon2"))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NO_PASSWORD,
                   "the profile %s has no password hash", profile_id);
      return FALSE;
    }
  if (crypto_pwhash_str_verify (hash, password, strlen (password)) != 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD,
                   "the password does not open the profile %s", profile_id);
      return FALSE;
    }
  return TRUE;
}

/* Wraps @key with @password under a new salt and writes the row. */
static gboolean
write_wrapped (
  BkDatabase *db, const char *profile_id, const guint8 *key, const char *password, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) wrapped = NULL;
  g_autofree char *context = wrapped_context (profile_id);
  guint8 salt[SALT_BYTES];
  guint64 opslimit;
  gsize memlimit;
  guint8 *kek;

  bk_profile_key_table_get_limits (&opslimit, &memlimit);
  randombytes_buf (salt, sizeof salt);
  kek = derive (password, salt, opslimit, memlimit, error);
  if (kek == NULL)
    return FALSE;
  wrapped = bk_store_vault_seal (kek, profile_id, context, key, BK_STORE_VAULT_KEY_BYTES);
  sodium_free (kek);

  stmt = bk_database_prepare (db,
                              "INSERT OR REPLACE INTO profile_key (profile_id, kdf, salt, "
                              "opslimit, memlimit, wrapped_key) VALUES (?, '" KDF "', ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, profile_id);
  sqlite3_bind_blob (stmt, 2, salt, sizeof salt, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, opslimit);
  sqlite3_bind_int64 (stmt, 4, memlimit);
  bk_store_bind_bytes (stmt, 5, wrapped);
  return bk_database_step_done (db, stmt, error);
}

static gboolean
new_key (BkDatabase *db, const char *profile_id, const char *password, GError **error)
{
  guint8 *key = sodium_malloc (BK_STORE_VAULT_KEY_BYTES);
  gboolean ok;

  if (key == NULL)
    {
      g_set_error (error, BK_STORE_ERROR, SQLITE_NOMEM, "not enough memory for a profile's key");
      return FALSE;
    }
  crypto_aead_xchacha20poly1305_ietf_keygen (key);
  ok = write_wrapped (db, profile_id, key, password, error);
  if (ok)
    bk_store_vault_put (bk_database_get_vault (db), profile_id, key);
  sodium_free (key);
  return ok;
}

gboolean
bk_profile_key_table_unlock (BkDatabase *db,
                             const char *profile_id,
                             const char *password,
                             gboolean *sealed_any,
                             GError **error)
{
  int found;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (profile_id != NULL && password != NULL, FALSE);

  found = unwrap (db, profile_id, password, error);
  if (found < 0)
    return FALSE;
  if (found == 0 && (!check_password_hash (db, profile_id, password, error) ||
                     !new_key (db, profile_id, password, error)))
    return FALSE;
  return bk_store_secret_seal_profile (db, profile_id, sealed_any, error);
}

gboolean
bk_profile_key_table_set_password (BkDatabase *db,
                                   const char *profile_id,
                                   const char *password,
                                   gboolean *sealed_any,
                                   GError **error)
{
  const guint8 *key = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (profile_id != NULL && password != NULL, FALSE);

  if (!bk_store_secret_key (db, profile_id, &key, error))
    return FALSE;
  if (key != NULL)
    {
      if (!write_wrapped (db, profile_id, key, password, error))
        return FALSE;
    }
  else if (!new_key (db, profile_id, password, error))
    return FALSE;
  return bk_store_secret_seal_profile (db, profile_id, sealed_any, error);
}
