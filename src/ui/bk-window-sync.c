/* bk-window-sync.c — the window's side of sync
 *
 * One BkSyncSession for the profile open in the window. A profile opened
 * with its password signs in with it when no token is kept (a first sync
 * on this computer, or after signing out), so the candidate is not asked
 * twice; the password is forgotten as soon as a token is found or used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-core-enums.h"
#include "bk-enum-nick.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"
#include "bk-window-sync-private.h"

struct _BkWindowSync
{
  GObject parent_instance;

  GSettings *settings;
  GCancellable *cancellable;
  BkHttpClient *http;
  BkTokenStore *tokens;
  BkSyncSession *session;
  BkProfile *profile; /* the open one */
  /* The password that unlocked the profile (or the one just chosen for a
   * new profile), until the session has used it to sign up or in (when
   * no token was kept) or found a kept token. */
  char *password;
  /* A new profile's password, chosen before its first save with a user
   * name: its account is made then. */
  char *chosen;
  /* The account is being made for a new profile (tell when it is). */
  gboolean creating;
  /* Its making waits for the server: tell when the token comes. */
  gboolean waiting;
};

G_DEFINE_FINAL_TYPE (BkWindowSync, bk_window_sync, G_TYPE_OBJECT)

enum
{
  MESSAGE,
  SESSION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* @lasting: something to act on, shown until read; else news that goes. */
static void
tell_full (BkWindowSync *self, const char *message, gboolean lasting)
{
  g_signal_emit (self, signals[MESSAGE], 0, message, lasting);
}

static void
tell (BkWindowSync *self, const char *message)
{
  tell_full (self, message, TRUE);
}

static void wipe (char **password);

static void
forget_password (BkWindowSync *self)
{
  wipe (&self->password);
}

/* Without a keyring the token lives in memory for this run only. */
static void
persistent_cb (BkWindowSync *self)
{
  if (self->session != NULL && !bk_sync_session_get_persistent (self->session))
    tell (self, _ ("No keyring is available: your sign-in is kept only until Baokao closes. You "
                   "will be asked to sign in again next time."));
}

static void
wipe (char **password)
{
  if (*password != NULL)
    memset (*password, 0, strlen (*password));
  g_clear_pointer (password, g_free);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWindowSync) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_sync_session_sign_in_finish (BK_SYNC_SESSION (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = bk_sync_messages_describe (error);

      tell (self, message);
    }
}

static void
account_made (BkWindowSync *self)
{
  if (self->creating)
    tell_full (self,
               _ ("Your account on the registration server is ready; your profile syncs "
                  "with it."),
               FALSE);
  self->creating = FALSE;
  self->waiting = FALSE;
}

/* A made account's token, after the sign-up waited for the server. */
static void
token_cb (BkWindowSync *self)
{
  if (self->waiting && self->session != NULL &&
      bk_sync_client_get_token (bk_sync_session_get_client (self->session)) != NULL)
    account_made (self);
}

typedef struct
{
  BkWindowSync *self;
  char *password; /* for a sign-in when the details are refused */
} SignUp;

static void
sign_up_free (SignUp *sign_up)
{
  g_object_unref (sign_up->self);
  wipe (&sign_up->password);
  g_free (sign_up);
}

static void
signed_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SignUp *sign_up = user_data;
  BkWindowSync *self = sign_up->self;
  BkSyncSession *session = BK_SYNC_SESSION (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (bk_sync_session_sign_up_finish (session, result, &error))
    account_made (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || session != self->session)
    ;
  else if (bk_sync_error_is_transient (error))
    {
      /* The details wait in the client; the scheduler's retries make the
       * account first. */
      self->waiting = TRUE;
      if (self->creating)
        tell_full (self,
                   _ ("Your account will be made on the registration server when it "
                      "answers."),
                   FALSE);
      bk_sync_scheduler_sync_now (bk_sync_session_get_scheduler (session));
    }
  else if ((code = bk_sync_error_dup_server_code (error)) != NULL &&
           g_str_equal (code, "wrong_credentials"))
    tell (self,
          self->creating
            ? _ ("The registration server already has an account with this ID number or user "
                 "name, and this password does not open it. If the account is yours, go back to "
                 "the profiles and choose “Sign In on This Computer”; if not, choose another user "
                 "name on the Account step, or ask the help desk.")
            : _ ("The registration server did not take this profile's password. If you changed "
                 "it on another computer, use that password with “Sign In on This Computer”."));
  else if (!self->creating && g_str_has_prefix (code != NULL ? code : "", "invalid_"))
    /* An old account whose details have since changed here: signing in
     * needs none of them. */
    bk_sync_session_sign_in_async (session, sign_up->password, self->cancellable, signed_in_cb,
                                   g_object_ref (self));
  else
    {
      message = bk_sync_messages_describe (error);
      tell (self, message);
    }
  sign_up_free (sign_up);
}

/* No token kept for this profile (a new account, a first sync on this
 * computer, or after signing out): the password the candidate just
 * unlocked it with (or chose) is their account's, so it signs up (which
 * signs in to an account that exists, and makes one that does not, also
 * when the server was down when the profile was new) without asking
 * again. */
static void
status_cb (BkWindowSync *self)
{
  BkSyncStatus status;
  SignUp *sign_up;
  BkProfile *profile = self->profile;

  if (self->password == NULL || self->session == NULL)
    return;
  status = bk_sync_scheduler_get_status (bk_sync_session_get_scheduler (self->session));
  if (status == BK_SYNC_STATUS_SYNCING)
    return;
  if (bk_sync_client_get_token (bk_sync_session_get_client (self->session)) != NULL ||
      status != BK_SYNC_STATUS_STOPPED)
    {
      forget_password (self);
      return;
    }
  sign_up = g_new0 (SignUp, 1);
  sign_up->self = g_object_ref (self);
  sign_up->password = g_steal_pointer (&self->password);
  bk_sync_session_sign_up_async (
    self->session, bk_profile_get_real_name (profile),
    bk_enum_to_nick (BK_TYPE_ID_TYPE, bk_profile_get_id_type (profile)),
    bk_profile_get_id_number (profile), bk_profile_get_mobile (profile), sign_up->password,
    self->cancellable, signed_up_cb, sign_up);
}

/* GObject */

static void
bk_window_sync_dispose (GObject *object)
{
  BkWindowSync *self = BK_WINDOW_SYNC (object);

  g_cancellable_cancel (self->cancellable);
  bk_window_sync_close (self);
  wipe (&self->chosen);
  g_clear_object (&self->settings);
  g_clear_object (&self->http);
  g_clear_object (&self->tokens);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bk_window_sync_parent_class)->dispose (object);
}

static void
bk_window_sync_class_init (BkWindowSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_window_sync_dispose;

  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SESSION_CHANGED] = g_signal_new ("session-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bk_window_sync_init (BkWindowSync *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Private API (bk-window-sync-private.h) */

BkHttpClient *
bk_window_sync_ensure_http (BkWindowSync *self)
{
  g_autofree char *ca_file = g_settings_get_string (self->settings, "ca-file");

  if (self->http == NULL)
    self->http = bk_http_client_new ();
  bk_http_client_set_ca_file (self->http, ca_file[0] != '\0' ? ca_file : NULL);
  return self->http;
}

BkTokenStore *
bk_window_sync_ensure_tokens (BkWindowSync *self)
{
  if (self->tokens == NULL)
    self->tokens = bk_token_store_new ();
  return self->tokens;
}

/* Public API */

GSettings *
bk_window_sync_get_settings (BkWindowSync *self)
{
  g_return_val_if_fail (BK_IS_WINDOW_SYNC (self), NULL);

  return self->settings;
}

BkWindowSync *
bk_window_sync_new (GSettings *settings)
{
  BkWindowSync *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BK_TYPE_WINDOW_SYNC, NULL);
  self->settings = g_object_ref (settings);
  return self;
}

BkSyncSession *
bk_window_sync_get_session (BkWindowSync *self)
{
  g_return_val_if_fail (BK_IS_WINDOW_SYNC (self), NULL);

  return self->session;
}

void
bk_window_sync_close (BkWindowSync *self)
{
  g_return_if_fail (BK_IS_WINDOW_SYNC (self));

  forget_password (self);
  g_clear_object (&self->profile);
  self->creating = self->waiting = FALSE;
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (bk_sync_session_get_client (self->session), self);
  g_signal_handlers_disconnect_by_data (bk_sync_session_get_scheduler (self->session), self);
  bk_sync_session_close (self->session);
  g_clear_object (&self->session);
  g_signal_emit (self, signals[SESSION_CHANGED], 0);
}

void
bk_window_sync_open (BkWindowSync *self, BkStore *store, BkProfile *profile, const char *password)
{
  g_autofree char *url = NULL;
  const char *user_name;

  g_return_if_fail (BK_IS_WINDOW_SYNC (self));
  g_return_if_fail (BK_IS_STORE (store));
  g_return_if_fail (BK_IS_PROFILE (profile));

  bk_window_sync_close (self);
  wipe (&self->chosen);
  self->profile = g_object_ref (profile);
  url = g_settings_get_string (self->settings, "server-url");
  user_name = bk_profile_get_user_name (profile);
  if (url[0] == '\0' || user_name == NULL || user_name[0] == '\0' ||
      bk_profile_get_version (profile) == 0)
    return;

  self->session = bk_sync_session_new (store, bk_window_sync_ensure_http (self),
                                       bk_window_sync_ensure_tokens (self), NULL, url,
                                       bk_profile_get_id (profile), user_name);
  g_signal_connect_swapped (self->session, "notify::persistent", G_CALLBACK (persistent_cb), self);
  self->password = g_strdup (password);
  g_signal_connect_swapped (bk_sync_session_get_scheduler (self->session), "notify::status",
                            G_CALLBACK (status_cb), self);
  g_signal_connect_swapped (bk_sync_session_get_client (self->session), "notify::token",
                            G_CALLBACK (token_cb), self);
  g_signal_emit (self, signals[SESSION_CHANGED], 0);
  bk_sync_session_start (self->session);
}

void
bk_window_sync_password_chosen (BkWindowSync *self, const char *password)
{
  g_return_if_fail (BK_IS_WINDOW_SYNC (self));
  g_return_if_fail (password != NULL);

  wipe (&self->chosen);
  if (self->session == NULL)
    self->chosen = g_strdup (password);
}

void
bk_window_sync_profile_saved (BkWindowSync *self, BkStore *store)
{
  g_autoptr (BkProfile) profile = NULL;
  char *chosen;

  g_return_if_fail (BK_IS_WINDOW_SYNC (self));
  g_return_if_fail (BK_IS_STORE (store));

  if (self->session != NULL)
    {
      bk_sync_scheduler_note_change (bk_sync_session_get_scheduler (self->session));
      return;
    }
  /* The account is made with the details of the account page once they
   * are all there and valid (the server refuses others), not at the first
   * save, which comes as soon as the password is chosen. */
  if (self->chosen == NULL || self->profile == NULL ||
      !bk_profile_validate_account (self->profile, NULL, NULL))
    return;
  chosen = g_steal_pointer (&self->chosen);
  profile = g_object_ref (self->profile);
  bk_window_sync_open (self, store, profile, chosen);
  if (self->session == NULL)
    self->chosen = chosen; /* no server address */
  else
    {
      self->creating = TRUE;
      wipe (&chosen);
    }
}

void
bk_window_sync_sync_now (BkWindowSync *self)
{
  g_return_if_fail (BK_IS_WINDOW_SYNC (self));

  if (self->session != NULL)
    bk_sync_scheduler_sync_now (bk_sync_session_get_scheduler (self->session));
}
