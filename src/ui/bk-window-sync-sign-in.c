/* bk-window-sync-sign-in.c — "Sign In on This Computer": a profile of the
 * candidate's, registered elsewhere, brought here from the server
 *
 * Part of BkWindowSync (declared in bk-window-sync.h); shares only
 * bk-window-sync-private.h. Signs in (the token is kept as the profile's
 * session will look for it), pulls the account's profile into the store,
 * and protects it here with the same password, which is its account's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-password.h"
#include "bk-window-sync-private.h"

typedef struct
{
  BkStore *store;
  BkSyncClient *client;
  char *server_url;
  char *user_name;
  char *password;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_object (&sign_in->store);
  g_clear_object (&sign_in->client);
  g_free (sign_in->server_url);
  g_free (sign_in->user_name);
  if (sign_in->password != NULL)
    memset (sign_in->password, 0, strlen (sign_in->password));
  g_free (sign_in->password);
  g_free (sign_in);
}

static void unlocked_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkProfile *profile = g_object_get_data (G_OBJECT (task), "profile");
  SignIn *sign_in = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_store_save_profile_finish (BK_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The pulled values were written as they came; unlocking with the
   * password just set gives the profile its key and seals them. */
  bk_store_unlock_profile_async (BK_STORE (source), bk_profile_get_id (profile), sign_in->password,
                                 g_task_get_cancellable (task), unlocked_cb, g_object_ref (task));
}

static void
unlocked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkProfile *profile = g_object_get_data (G_OBJECT (task), "profile");
  BkWindowSync *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_store_unlock_profile_finish (BK_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The address that worked is the one to sync with from now on. */
  g_settings_set_string (bk_window_sync_get_settings (self), "server-url", sign_in->server_url);
  g_task_return_pointer (task, g_object_ref (profile), g_object_unref);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  const char *hash = g_object_get_data (G_OBJECT (task), "hash");
  GError *error = NULL;
  BkProfile *profile = bk_store_load_profile_finish (BK_STORE (source), result, &error);

  if (profile == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "profile", profile, g_object_unref);
  bk_profile_set_password_hash (profile, hash);
  bk_store_save_profile_async (BK_STORE (source), profile, g_task_get_cancellable (task), saved_cb,
                               task);
}

static void
hashed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  GError *error = NULL;
  char *hash = bk_password_hash_finish (result, &error);

  if (hash == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "hash", hash, g_free);
  bk_store_load_profile_async (sign_in->store, bk_sync_client_get_profile_id (sign_in->client),
                               g_task_get_cancellable (task), loaded_cb, task);
}

static void
synced_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_sync_client_sync_finish (sign_in->client, result, NULL, NULL, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (bk_sync_client_get_profile_id (sign_in->client) == NULL)
    {
      g_task_return_new_error (
        task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
        _ ("This account has no profile on the server yet. Go back and choose New Profile, with "
           "the same user name and password, to make it here."));
      g_object_unref (task);
      return;
    }
  bk_password_hash_async (sign_in->password, g_task_get_cancellable (task), hashed_cb, task);
}

static void
kept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  /* Not kept (the keyring failed): the profile's session signs in again
   * with the password; nothing to stop for. */
  if (!bk_token_store_save_finish (BK_TOKEN_STORE (source), result, &error))
    g_warning ("Could not keep the sign-in token: %s", error->message);
  bk_sync_client_sync_async (sign_in->client, g_task_get_cancellable (task), synced_cb, task);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkWindowSync *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_sync_client_sign_in_finish (sign_in->client, result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  bk_token_store_save_async (bk_window_sync_ensure_tokens (self), sign_in->server_url,
                             sign_in->user_name, bk_sync_client_get_token (sign_in->client),
                             g_task_get_cancellable (task), kept_cb, task);
}

void
bk_window_sync_sign_in_here_async (BkWindowSync *self,
                                   BkStore *store,
                                   const char *server_url,
                                   const char *user_name,
                                   const char *password,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;
  SignIn *sign_in;

  g_return_if_fail (BK_IS_WINDOW_SYNC (self));
  g_return_if_fail (BK_IS_STORE (store));
  g_return_if_fail (server_url != NULL && user_name != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_window_sync_sign_in_here_async);
  sign_in = g_new0 (SignIn, 1);
  sign_in->store = g_object_ref (store);
  sign_in->server_url = g_strdup (server_url);
  sign_in->user_name = g_strdup (user_name);
  sign_in->password = g_strdup (password);
  /* No profile yet: the sync pulls the account's and adopts it. */
  sign_in->client = bk_sync_client_new (store, bk_window_sync_ensure_http (self), server_url);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  bk_sync_client_sign_in_async (sign_in->client, user_name, password, cancellable, signed_in_cb,
                                task);
}

BkProfile *
bk_window_sync_sign_in_here_finish (BkWindowSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
    g_task_get_source_tag (G_TASK (result)) == bk_window_sync_sign_in_here_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
