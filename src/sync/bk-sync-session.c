/* bk-sync-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-session.h"

struct _BkSyncSession
{
  GObject parent_instance;

  BkSyncClient *client;
  BkSyncScheduler *scheduler;
  BkTokenStore *tokens;
  GCancellable *cancellable;
  char *server_url;
  char *user_name;
  char *kept; /* the token the token store holds for us */
  gboolean closed;
  gboolean signing_out;
};

G_DEFINE_FINAL_TYPE (BkSyncSession, bk_sync_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSISTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gboolean saving = GPOINTER_TO_INT (user_data);

  if (!(saving ? bk_token_store_save_finish
               : bk_token_store_forget_finish) (BK_TOKEN_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not %s the sign-in token: %s", saving ? "keep" : "forget", error->message);
}

/* Every token the client gets is kept; one it drops (a 401) forgotten. */
static void
token_changed_cb (BkSyncClient *client, GParamSpec *pspec, BkSyncSession *self)
{
  const char *token = bk_sync_client_get_token (client);

  if (self->closed || g_strcmp0 (token, self->kept) == 0)
    return;
  g_free (self->kept);
  self->kept = g_strdup (token);
  if (token != NULL)
    bk_token_store_save_async (self->tokens, self->server_url, self->user_name, token,
                               self->cancellable, kept_cb, GINT_TO_POINTER (TRUE));
  else if (!self->signing_out)
    bk_token_store_forget_async (self->tokens, self->server_url, self->user_name, self->cancellable,
                                 kept_cb, GINT_TO_POINTER (FALSE));
}

static void
persistent_changed_cb (BkSyncSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSISTENT]);
}

/* GObject */

static void
bk_sync_session_dispose (GObject *object)
{
  BkSyncSession *self = BK_SYNC_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  if (self->tokens != NULL)
    g_signal_handlers_disconnect_by_data (self->tokens, self);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->client);
  g_clear_object (&self->tokens);

  G_OBJECT_CLASS (bk_sync_session_parent_class)->dispose (object);
}

static void
bk_sync_session_finalize (GObject *object)
{
  BkSyncSession *self = BK_SYNC_SESSION (object);

  g_clear_object (&self->cancellable);
  g_free (self->server_url);
  g_free (self->user_name);
  g_free (self->kept);

  G_OBJECT_CLASS (bk_sync_session_parent_class)->finalize (object);
}

static void
bk_sync_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkSyncSession *self = BK_SYNC_SESSION (object);

  switch (prop_id)
    {
      case PROP_PERSISTENT:
        g_value_set_boolean (value, bk_sync_session_get_persistent (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sync_session_class_init (BkSyncSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_sync_session_dispose;
  object_class->finalize = bk_sync_session_finalize;
  object_class->get_property = bk_sync_session_get_property;

  properties[PROP_PERSISTENT] = g_param_spec_boolean ("persistent", NULL, NULL, TRUE,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_sync_session_init (BkSyncSession *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Public API */

BkSyncSession *
bk_sync_session_new (BkStore *store,
                     BkHttpClient *http,
                     BkTokenStore *tokens,
                     GNetworkMonitor *monitor,
                     const char *server_url,
                     const char *profile_id,
                     const char *user_name)
{
  BkSyncSession *self;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (BK_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (BK_IS_TOKEN_STORE (tokens), NULL);
  g_return_val_if_fail (profile_id != NULL && user_name != NULL, NULL);

  self = g_object_new (BK_TYPE_SYNC_SESSION, NULL);
  self->tokens = g_object_ref (tokens);
  self->server_url = g_strdup (server_url);
  self->user_name = g_strdup (user_name);
  self->client = bk_sync_client_new (store, http, server_url);
  bk_sync_client_set_profile_id (self->client, profile_id);
  self->scheduler = bk_sync_scheduler_new (self->client, monitor);
  g_signal_connect (self->client, "notify::token", G_CALLBACK (token_changed_cb), self);
  g_signal_connect_swapped (self->tokens, "notify::persistent", G_CALLBACK (persistent_changed_cb),
                            self);
  return self;
}

BkSyncClient *
bk_sync_session_get_client (BkSyncSession *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SESSION (self), NULL);

  return self->client;
}

BkSyncScheduler *
bk_sync_session_get_scheduler (BkSyncSession *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SESSION (self), NULL);

  return self->scheduler;
}

gboolean
bk_sync_session_get_persistent (BkSyncSession *self)
{
  g_return_val_if_fail (BK_IS_SYNC_SESSION (self), FALSE);

  return bk_token_store_get_persistent (self->tokens);
}

static void
looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkSyncSession) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = bk_token_store_lookup_finish (BK_TOKEN_STORE (source), result, &error);

  if (self->closed)
    return;
  if (error != NULL)
    g_warning ("Could not look up the sign-in token: %s", error->message);
  if (token != NULL && bk_sync_client_get_token (self->client) == NULL)
    {
      g_free (self->kept);
      self->kept = g_strdup (token); /* kept already: not saved again */
      bk_sync_client_set_token (self->client, token);
    }
  bk_sync_scheduler_start (self->scheduler);
}

void
bk_sync_session_start (BkSyncSession *self)
{
  g_return_if_fail (BK_IS_SYNC_SESSION (self));
  g_return_if_fail (!self->closed);

  bk_token_store_lookup_async (self->tokens, self->server_url, self->user_name, self->cancellable,
                               looked_up_cb, g_object_ref (self));
}

typedef gboolean (*ClientFinish) (BkSyncClient *client, GAsyncResult *result, GError **error);

/* The client's answer passed on; the task's data is the client's finish. */
static void
client_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ClientFinish finish = (ClientFinish) g_task_get_task_data (task);
  GError *error = NULL;

  if (finish (BK_SYNC_CLIENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A task of @self passing on the answer of the client's @finish. */
static GTask *
client_task_new (BkSyncSession *self,
                 gpointer source_tag,
                 ClientFinish finish,
                 GCancellable *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, (gpointer) finish, NULL);
  return task;
}

void
bk_sync_session_sign_in_async (BkSyncSession *self,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_SESSION (self));
  g_return_if_fail (password != NULL);

  task = client_task_new (self, bk_sync_session_sign_in_async, bk_sync_client_sign_in_finish,
                          cancellable, callback, user_data);
  bk_sync_client_sign_in_async (self->client, self->user_name, password, cancellable,
                                client_done_cb, task);
}

static gboolean
finish_boolean (BkSyncSession *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bk_sync_session_sign_in_finish (BkSyncSession *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_sync_session_sign_in_async, error);
}

void
bk_sync_session_sign_up_async (BkSyncSession *self,
                               const char *real_name,
                               const char *id_type,
                               const char *id_number,
                               const char *mobile,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_SESSION (self));
  g_return_if_fail (password != NULL);

  task = client_task_new (self, bk_sync_session_sign_up_async, bk_sync_client_sign_up_finish,
                          cancellable, callback, user_data);
  bk_sync_client_sign_up_async (self->client, real_name, id_type, id_number, mobile,
                                self->user_name, password, cancellable, client_done_cb, task);
}

gboolean
bk_sync_session_sign_up_finish (BkSyncSession *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_sync_session_sign_up_async, error);
}

static void
forgotten_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncSession *self = g_task_get_source_object (task);
  GError *server_error = g_task_get_task_data (task);
  GError *error = NULL;

  self->signing_out = FALSE;
  if (!bk_token_store_forget_finish (BK_TOKEN_STORE (source), result, &error))
    g_task_return_error (task, error);
  else if (server_error != NULL)
    g_task_return_error (task, g_error_copy (server_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
signed_out_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  /* The server's answer is passed on, but the token is gone either way. */
  if (!bk_sync_client_sign_out_finish (BK_SYNC_CLIENT (source), result, &error))
    g_task_set_task_data (task, error, (GDestroyNotify) g_error_free);
  bk_token_store_forget_async (self->tokens, self->server_url, self->user_name, NULL, forgotten_cb,
                               task);
}

void
bk_sync_session_sign_out_async (BkSyncSession *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_session_sign_out_async);
  self->signing_out = TRUE;
  bk_sync_scheduler_stop (self->scheduler);
  bk_sync_client_sign_out_async (self->client, cancellable, signed_out_cb, task);
}

gboolean
bk_sync_session_sign_out_finish (BkSyncSession *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_sync_session_sign_out_async, error);
}

void
bk_sync_session_close (BkSyncSession *self)
{
  g_return_if_fail (BK_IS_SYNC_SESSION (self));

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  bk_sync_scheduler_stop (self->scheduler);
  bk_sync_client_set_token (self->client, NULL);
}
