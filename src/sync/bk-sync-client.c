/* bk-sync-client.c
 *
 * Each operation is a GTask whose data (BkSyncRun) carries it from one step to
 * the next: a store job on the store's thread, a request on the main
 * loop, the next store job... Nothing here waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-sync-client-private.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

struct _BkSyncClient
{
  GObject parent_instance;

  BkStore *store;
  BkHttpClient *http;
  char *server_url;
  char *token;
  char *profile_id;
  BkSyncSignUp *pending_sign_up;
  gint64 retry_after;
};

G_DEFINE_FINAL_TYPE (BkSyncClient, bk_sync_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SERVER_URL,
  PROP_TOKEN,
  PROP_PROFILE_ID,
  PROP_SIGNING_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
run_free (BkSyncRun *run)
{
  g_clear_pointer (&run->batch, bk_outbox_batch_free);
  g_free (run->profile_id);
  g_free (run);
}

static char *
url_for (BkSyncClient *self, const char *path)
{
  const char *base = self->server_url != NULL ? self->server_url : "";
  gsize length = strlen (base);

  while (length > 0 && base[length - 1] == '/')
    length--;
  return g_strdup_printf ("%.*s%s", (int) length, base, path);
}

/* @headers plus the token's Authorization. */
static GStrv
headers_with_token (const char *token, const char *const *headers)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *authorization = NULL;

  if (headers != NULL)
    g_strv_builder_addv (builder, (const char **) headers);
  if (token != NULL)
    {
      authorization = g_strdup_printf ("Authorization: Bearer %s", token);
      g_strv_builder_add (builder, authorization);
    }
  return g_strv_builder_end (builder);
}

void
bk_sync_client_send (BkSyncClient *self,
                     const char *method,
                     const char *path,
                     const char *const *headers,
                     GBytes *body,
                     const char *token,
                     GTask *task,
                     GAsyncReadyCallback callback)
{
  g_autofree char *url = url_for (self, path);
  g_auto (GStrv) all = headers_with_token (token, headers);

  self->retry_after = -1;
  bk_http_client_request_async (self->http, method, url, (const char *const *) all, body,
                                g_task_get_cancellable (task), callback, task);
}

static void
request (BkSyncClient *self,
         const char *method,
         const char *path,
         const char *const *headers,
         GBytes *body,
         GTask *task,
         GAsyncReadyCallback callback)
{
  bk_sync_client_send (self, method, path, headers, body, self->token, task, callback);
}

BkHttpResponse *
bk_sync_client_read_response (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  GError *local_error = NULL;
  g_autoptr (BkHttpResponse)
    response = bk_http_client_request_finish (self->http, result, &local_error);

  if (response == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  self->retry_after = response->retry_after;
  local_error = bk_sync_protocol_status_error (response);
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN))
        bk_sync_client_set_token (self, NULL);
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&response);
}

BkHttpResponse *
bk_sync_client_take_response (BkSyncClient *self, GAsyncResult *result, GTask *task)
{
  GError *error = NULL;
  BkHttpResponse *response = bk_sync_client_read_response (self, result, &error);

  if (response == NULL)
    g_task_return_error (task, error);
  return response;
}

/* Private API (bk-sync-client-private.h) for the push */

void
bk_sync_client_run_done (GTask *task)
{
  BkSyncRun *run = g_task_get_task_data (task);

  g_task_return_int (task, run->pushed + run->pulled);
}

static void
run_done_and_unref (GTask *task)
{
  bk_sync_client_run_done (task);
  g_object_unref (task);
}

/* JSON is built and read on a worker thread: a page of 500 or 1000
 * changes would otherwise hold the main loop for several frames. */
void
bk_sync_client_off_main_thread (GTask *task,
                                gpointer data,
                                GDestroyNotify data_free,
                                GTaskThreadFunc func,
                                GAsyncReadyCallback callback)
{
  g_autoptr (GTask) job = g_task_new (NULL, g_task_get_cancellable (task), callback, task);

  g_task_set_task_data (job, data, data_free);
  g_task_run_in_thread (job, func);
}

static void pull_next (GTask *task);

/* Pull */

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!bk_store_apply_pulled_finish (BK_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  pull_next (g_steal_pointer (&task));
}

/* A pulled page, read. */
typedef struct
{
  BkHttpResponse *response;
  GPtrArray *changes;
  gint64 next;
  gboolean more;
} Page;

static void
page_free (Page *page)
{
  bk_http_response_free (page->response);
  g_clear_pointer (&page->changes, g_ptr_array_unref);
  g_free (page);
}

static void
read_page_thread (GTask *job, gpointer source, gpointer data, GCancellable *cancellable)
{
  Page *page = data;
  GError *error = NULL;

  page->changes = bk_sync_protocol_read_pull_page (page->response, &page->next, &page->more,
                                                   &error);
  if (page->changes != NULL)
    g_task_return_boolean (job, TRUE);
  else
    g_task_return_error (job, error);
}

static void
page_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  Page *page = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error) &&
      (page->next < run->cursor || (page->more && page->next == run->cursor)))
    g_set_error (&error, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL,
                 "the server's cursor went from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                 run->cursor, page->next);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  run->pulled += page->changes->len;
  run->cursor = page->next;
  run->last_page = !page->more;
  /* Signed in with no profile here yet: the account's profile, once its
   * page comes, is the one whose cursor this pull keeps, and the client's
   * (the one to open). */
  for (guint i = 0; run->profile_id == NULL && i < page->changes->len; i++)
    {
      BkRemoteChange *change = g_ptr_array_index (page->changes, i);

      if (g_str_equal (change->entity, "profile") && !g_str_equal (change->operation, "delete"))
        {
          run->profile_id = g_strdup (change->entity_id);
          if (self->profile_id == NULL)
            bk_sync_client_set_profile_id (self, run->profile_id);
        }
    }
  bk_store_apply_pulled_async (self->store, run->profile_id, page->changes, page->next,
                               g_task_get_cancellable (task), applied_cb, task);
}

static void
page_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  BkHttpResponse *response = bk_sync_client_take_response (self, result, task);
  Page *page;

  if (response == NULL)
    {
      g_object_unref (task);
      return;
    }
  page = g_new0 (Page, 1);
  page->response = response;
  bk_sync_client_off_main_thread (task, page, (GDestroyNotify) page_free, read_page_thread,
                                  page_read_cb);
}

static void
pull_next (GTask *task)
{
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (run->last_page)
    {
      /* The photos' files, now that their records have met. */
      bk_sync_client_carry_photos (self, run->profile_id, task, run_done_and_unref);
      return;
    }
  path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d", run->cursor,
                          BK_SYNC_CLIENT_PULL_PAGE);
  request (self, "GET", path, NULL, NULL, task, page_cb);
}

static void
cursor_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->cursor = bk_store_read_sync_cursor_finish (BK_STORE (source), result, &error);
  if (run->cursor < 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  pull_next (task);
}

void
bk_sync_client_pull_start (GTask *task)
{
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);

  bk_store_read_sync_cursor_async (self->store, run->profile_id, g_task_get_cancellable (task),
                                   cursor_read_cb, task);
}

static void
run_signed_in (GTask *task)
{
  BkSyncRun *run = g_task_get_task_data (task);

  if ((run->kind & BK_SYNC_RUN_PUSH) && run->profile_id != NULL)
    bk_sync_client_push_next (task);
  else if (!(run->kind & BK_SYNC_RUN_PULL))
    {
      bk_sync_client_run_done (task); /* no profile open: nothing of this account to push */
      g_object_unref (task);
    }
  else
    bk_sync_client_pull_start (task);
}

static void
start_run (BkSyncClient *self,
           BkSyncRunKind kind,
           gpointer source_tag,
           GCancellable *cancellable,
           GAsyncReadyCallback callback,
           gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  BkSyncRun *run = g_new0 (BkSyncRun, 1);

  run->kind = kind;
  run->profile_id = g_strdup (self->profile_id);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  if (self->token == NULL && self->pending_sign_up != NULL)
    bk_sync_client_run_pending_sign_up (self, task, run_signed_in);
  else if (self->token == NULL)
    {
      g_task_return_new_error (task, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN,
                               "not_signed_in: sign in first");
      g_object_unref (task);
    }
  else
    run_signed_in (task);
}

/* GObject */

static void
bk_sync_client_finalize (GObject *object)
{
  BkSyncClient *self = BK_SYNC_CLIENT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_free (self->server_url);
  g_free (self->token);
  g_free (self->profile_id);
  g_clear_pointer (&self->pending_sign_up, bk_sync_sign_up_free);

  G_OBJECT_CLASS (bk_sync_client_parent_class)->finalize (object);
}

static void
bk_sync_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkSyncClient *self = BK_SYNC_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER_URL:
        g_value_set_string (value, self->server_url);
        break;
      case PROP_TOKEN:
        g_value_set_string (value, self->token);
        break;
      case PROP_PROFILE_ID:
        g_value_set_string (value, self->profile_id);
        break;
      case PROP_SIGNING_UP:
        g_value_set_boolean (value, self->pending_sign_up != NULL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sync_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkSyncClient *self = BK_SYNC_CLIENT (object);

  switch (prop_id)
    {
      case PROP_SERVER_URL:
        bk_sync_client_set_server_url (self, g_value_get_string (value));
        break;
      case PROP_TOKEN:
        bk_sync_client_set_token (self, g_value_get_string (value));
        break;
      case PROP_PROFILE_ID:
        bk_sync_client_set_profile_id (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_sync_client_class_init (BkSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_sync_client_finalize;
  object_class->get_property = bk_sync_client_get_property;
  object_class->set_property = bk_sync_client_set_property;

  properties[PROP_SERVER_URL] = g_param_spec_string ("server-url", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN] = g_param_spec_string ("token", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_ID] = g_param_spec_string ("profile-id", NULL, NULL, NULL,
                                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNING_UP] = g_param_spec_boolean ("signing-up", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_sync_client_init (BkSyncClient *self)
{
  self->retry_after = -1;
}

/* Public API */

BkSyncClient *
bk_sync_client_new (BkStore *store, BkHttpClient *http, const char *server_url)
{
  BkSyncClient *self;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (BK_IS_HTTP_CLIENT (http), NULL);

  self = g_object_new (BK_TYPE_SYNC_CLIENT, "server-url", server_url, NULL);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);
  return self;
}

BkStore *
bk_sync_client_get_store (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), NULL);

  return self->store;
}

BkHttpClient *
bk_sync_client_get_http (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), NULL);

  return self->http;
}

const char *
bk_sync_client_get_server_url (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), NULL);

  return self->server_url;
}

void
bk_sync_client_set_server_url (BkSyncClient *self, const char *server_url)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  if (g_strcmp0 (self->server_url, server_url) == 0)
    return;
  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
}

const char *
bk_sync_client_get_token (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), NULL);

  return self->token;
}

void
bk_sync_client_set_token (BkSyncClient *self, const char *token)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  if (token != NULL && *token == '\0')
    token = NULL;
  if (g_strcmp0 (self->token, token) == 0)
    return;
  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
}

gint64
bk_sync_client_get_retry_after (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), -1);

  return self->retry_after;
}

void
bk_sync_client_sync_async (BkSyncClient *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  start_run (self, BK_SYNC_RUN_PUSH | BK_SYNC_RUN_PULL, bk_sync_client_sync_async, cancellable,
             callback, user_data);
}

gboolean
bk_sync_client_sync_finish (
  BkSyncClient *self, GAsyncResult *result, guint *pushed, guint *pulled, GError **error)
{
  BkSyncRun *run;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (pushed != NULL)
    *pushed = run->pushed;
  if (pulled != NULL)
    *pulled = run->pulled;
  return g_task_propagate_int (G_TASK (result), error) >= 0;
}

void
bk_sync_client_push_async (BkSyncClient *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  start_run (self, BK_SYNC_RUN_PUSH, bk_sync_client_push_async, cancellable, callback, user_data);
}

void
bk_sync_client_pull_async (BkSyncClient *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  start_run (self, BK_SYNC_RUN_PULL, bk_sync_client_pull_async, cancellable, callback, user_data);
}

gint64
bk_sync_client_transfer_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

const char *
bk_sync_client_get_profile_id (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), NULL);

  return self->profile_id;
}

void
bk_sync_client_set_profile_id (BkSyncClient *self, const char *profile_id)
{
  g_return_if_fail (BK_IS_SYNC_CLIENT (self));

  if (g_strcmp0 (self->profile_id, profile_id) == 0)
    return;
  g_free (self->profile_id);
  self->profile_id = g_strdup (profile_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_ID]);
}

BkSyncSignUp *
bk_sync_client_get_pending_sign_up (BkSyncClient *self)
{
  return self->pending_sign_up;
}

void
bk_sync_client_set_pending_sign_up (BkSyncClient *self, BkSyncSignUp *sign_up)
{
  gboolean was = self->pending_sign_up != NULL;

  g_clear_pointer (&self->pending_sign_up, bk_sync_sign_up_free);
  self->pending_sign_up = sign_up;
  if (was != (sign_up != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNING_UP]);
}
