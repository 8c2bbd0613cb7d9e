/* bk-password.c
 *
 * The hash protects a profile from the next person at a help-desk PC, so
 * it is a slow, salted password hash (Argon2id via libsodium), never a
 * plain digest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-password.h"

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }
  if (!ok)
    g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                         _ ("The password library could not start. Restart Baokao and try again."));
  return ok;
}

gboolean
bk_password_validate (const char *password, GError **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < BK_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %d is the minimum number of characters */
                   ngettext ("Password: use at least %d character.",
                             "Password: use at least %d characters.", BK_PASSWORD_MIN_LENGTH),
                   BK_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (g_utf8_strlen (password, -1) > BK_PASSWORD_MAX_LENGTH)
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %d is the maximum number of characters */
                   _ ("Password: use at most %d characters."), BK_PASSWORD_MAX_LENGTH);
      return FALSE;
    }
  return TRUE;
}

char *
bk_password_hash (const char *password, GError **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!bk_password_validate (password, error) || !ensure_sodium (error))
    return NULL;

  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("There was not enough memory to protect the password. Close "
                              "other programs and try again."));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
bk_password_verify (const char *hash, const char *password)
{
  if (hash == NULL || *hash == '\0' || password == NULL || !ensure_sodium (NULL))
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

typedef struct
{
  char *hash;
  char *password;
} PasswordJob;

static void
password_job_free (PasswordJob *job)
{
  g_free (job->hash);
  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static void
hash_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PasswordJob *job = task_data;
  GError *error = NULL;
  char *hash = bk_password_hash (job->password, &error);

  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
bk_password_hash_async (const char *password,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  g_task_set_source_tag (task, bk_password_hash_async);
  job->password = g_strdup (password);
  g_task_set_task_data (task, job, (GDestroyNotify) password_job_free);
  g_task_run_in_thread (task, hash_thread);
}

char *
bk_password_hash_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PasswordJob *job = task_data;

  g_task_return_boolean (task, bk_password_verify (job->hash, job->password));
}

void
bk_password_verify_async (const char *hash,
                          const char *password,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PasswordJob *job = g_new0 (PasswordJob, 1);

  g_task_set_source_tag (task, bk_password_verify_async);
  job->hash = g_strdup (hash);
  job->password = g_strdup (password);
  g_task_set_task_data (task, job, (GDestroyNotify) password_job_free);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
bk_password_verify_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
