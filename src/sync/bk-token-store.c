/* bk-token-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "bk-token-store.h"

struct _BkTokenStore
{
  GObject parent_instance;

  gboolean persistent;
  GHashTable *memory; /* "server\nuser" → token, once the keyring failed */
};

G_DEFINE_FINAL_TYPE (BkTokenStore, bk_token_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSISTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SecretSchema token_schema = {
  "io.github.baokao.Baokao.Token",
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef struct
{
  char *key;
  char *token;
} Op;

static void
op_free (Op *op)
{
  g_free (op->key);
  if (op->token != NULL)
    secret_password_free (op->token);
  g_free (op);
}

static char *
memory_key (const char *server_url, const char *user_name)
{
  return g_strdup_printf ("%s\n%s", server_url, user_name);
}

static GTask *
op_task (BkTokenStore *self,
         gpointer source_tag,
         const char *server_url,
         const char *user_name,
         const char *token,
         GCancellable *cancellable,
         GAsyncReadyCallback callback,
         gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->key = memory_key (server_url, user_name);
  op->token = token != NULL ? g_strdup (token) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  return task;
}

/* The keyring failed: memory from now on, and the caller is told. */
static void
fall_back_to_memory (BkTokenStore *self, const GError *error)
{
  if (!self->persistent)
    return;
  g_message ("no keyring (%s): the sign-in is kept for this run only", error->message);
  self->persistent = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSISTENT]);
}

static gboolean
cancelled (GTask *task, GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return TRUE;
    }
  return FALSE;
}

static void
stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkTokenStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (cancelled (task, error))
        return;
      fall_back_to_memory (self, error);
      g_hash_table_replace (self->memory, g_strdup (op->key), g_strdup (op->token));
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

static void
looked_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkTokenStore *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      if (cancelled (task, error))
        return;
      fall_back_to_memory (self, error);
      g_clear_error (&error);
    }
  if (token == NULL)
    token = g_strdup (g_hash_table_lookup (self->memory, op->key));
  else
    {
      char *copy = g_strdup (token);

      secret_password_free (token);
      token = copy;
    }
  g_task_return_pointer (task, token, g_free);
}

static void
cleared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkTokenStore *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      if (cancelled (task, error))
        return;
      fall_back_to_memory (self, error);
      g_clear_error (&error);
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
finish_boolean (BkTokenStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Answered from memory: the keyring failed before. */
static void
return_now (GTask *task, gpointer token)
{
  if (g_task_get_source_tag (task) == bk_token_store_lookup_async)
    g_task_return_pointer (task, token, g_free);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* GObject */

static void
bk_token_store_finalize (GObject *object)
{
  BkTokenStore *self = BK_TOKEN_STORE (object);

  g_hash_table_unref (self->memory);

  G_OBJECT_CLASS (bk_token_store_parent_class)->finalize (object);
}

static void
bk_token_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkTokenStore *self = BK_TOKEN_STORE (object);

  switch (prop_id)
    {
      case PROP_PERSISTENT:
        g_value_set_boolean (value, self->persistent);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_token_store_class_init (BkTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_token_store_finalize;
  object_class->get_property = bk_token_store_get_property;

  properties[PROP_PERSISTENT] = g_param_spec_boolean ("persistent", NULL, NULL, TRUE,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_token_store_init (BkTokenStore *self)
{
  self->persistent = TRUE;
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

BkTokenStore *
bk_token_store_new (void)
{
  return g_object_new (BK_TYPE_TOKEN_STORE, NULL);
}

gboolean
bk_token_store_get_persistent (BkTokenStore *self)
{
  g_return_val_if_fail (BK_IS_TOKEN_STORE (self), FALSE);

  return self->persistent;
}

void
bk_token_store_save_async (BkTokenStore *self,
                           const char *server_url,
                           const char *user_name,
                           const char *token,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  GTask *task;
  g_autofree char *label = NULL;

  g_return_if_fail (BK_IS_TOKEN_STORE (self));
  g_return_if_fail (server_url != NULL && user_name != NULL && token != NULL);

  task = op_task (self, bk_token_store_save_async, server_url, user_name, token, cancellable,
                  callback, user_data);
  if (!self->persistent)
    {
      Op *op = g_task_get_task_data (task);

      g_hash_table_replace (self->memory, g_strdup (op->key), g_strdup (token));
      return_now (task, NULL);
      return;
    }
  /* The label is what the keyring's own window (Seahorse) shows. */
  label = g_strdup_printf ("Baokao sign-in for %s at %s", user_name, server_url);
  secret_password_store (&token_schema, SECRET_COLLECTION_DEFAULT, label, token, cancellable,
                         stored_cb, task, "server", server_url, "user", user_name, NULL);
}

gboolean
bk_token_store_save_finish (BkTokenStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_token_store_save_async, error);
}

void
bk_token_store_lookup_async (BkTokenStore *self,
                             const char *server_url,
                             const char *user_name,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_TOKEN_STORE (self));
  g_return_if_fail (server_url != NULL && user_name != NULL);

  task = op_task (self, bk_token_store_lookup_async, server_url, user_name, NULL, cancellable,
                  callback, user_data);
  if (!self->persistent)
    {
      Op *op = g_task_get_task_data (task);

      return_now (task, g_strdup (g_hash_table_lookup (self->memory, op->key)));
      return;
    }
  secret_password_lookup (&token_schema, cancellable, looked_up_cb, task, "server", server_url,
                          "user", user_name, NULL);
}

char *
bk_token_store_lookup_finish (BkTokenStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bk_token_store_forget_async (BkTokenStore *self,
                             const char *server_url,
                             const char *user_name,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (BK_IS_TOKEN_STORE (self));
  g_return_if_fail (server_url != NULL && user_name != NULL);

  task = op_task (self, bk_token_store_forget_async, server_url, user_name, NULL, cancellable,
                  callback, user_data);
  op = g_task_get_task_data (task);
  g_hash_table_remove (self->memory, op->key);
  if (!self->persistent)
    {
      return_now (task, NULL);
      return;
    }
  secret_password_clear (&token_schema, cancellable, cleared_cb, task, "server", server_url, "user",
                         user_name, NULL);
}

gboolean
bk_token_store_forget_finish (BkTokenStore *self, GAsyncResult *result, GError **error)
{
  return finish_boolean (self, result, bk_token_store_forget_async, error);
}
