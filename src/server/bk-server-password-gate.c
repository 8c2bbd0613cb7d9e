/* bk-server-password-gate.c — at most one password hash per core at a time
 *
 * Argon2id takes 64 MiB and a core for ~0.1 s: at most one hash per core
 * at a time, so a burst of sign-ins neither exhausts memory nor starves
 * the main loop. Hashes run in the worker threads, which wait here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "bk-password.h"
#include "bk-server-error.h"
#include "bk-server-password-gate.h"

struct _BkServerPasswordGate
{
  GMutex lock;
  GCond cond;
  guint hashing;
  guint max_hashing;
  gboolean fast;
};

BkServerPasswordGate *
bk_server_password_gate_new (gboolean fast)
{
  BkServerPasswordGate *self = g_new0 (BkServerPasswordGate, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->max_hashing = MAX (1, g_get_num_processors ());
  self->fast = fast;
  return self;
}

void
bk_server_password_gate_free (BkServerPasswordGate *self)
{
  if (self == NULL)
    return;
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

static void
hash_begin (BkServerPasswordGate *self)
{
  g_mutex_lock (&self->lock);
  while (self->hashing >= self->max_hashing)
    g_cond_wait (&self->cond, &self->lock);
  self->hashing++;
  g_mutex_unlock (&self->lock);
}

static void
hash_end (BkServerPasswordGate *self)
{
  g_mutex_lock (&self->lock);
  self->hashing--;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

gboolean
bk_server_password_gate_verify (BkServerPasswordGate *self, const char *hash, const char *password)
{
  gboolean verified;

  g_return_val_if_fail (self != NULL, FALSE);

  hash_begin (self);
  verified = bk_password_verify (hash, password);
  hash_end (self);
  return verified;
}

static char *
hash_now (BkServerPasswordGate *self, const char *password, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!self->fast)
    return bk_password_hash (password, error);

  /* Tests only (see BkServerLimits): the parameters are kept in the hash
   * string, so bk_password_verify() checks it as any other. */
  if (!bk_password_validate (password, error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_MIN,
                         crypto_pwhash_MEMLIMIT_MIN) != 0)
    {
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE,
                           "out of memory hashing a password");
      return NULL;
    }
  return g_strdup (hash);
}

char *
bk_server_password_gate_hash (BkServerPasswordGate *self, const char *password, GError **error)
{
  char *hash;

  g_return_val_if_fail (self != NULL, NULL);

  hash_begin (self);
  hash = hash_now (self, password, error);
  hash_end (self);
  return hash;
}
