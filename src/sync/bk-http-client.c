/* bk-http-client.c
 *
 * libcurl's multi interface on the GLib main loop, as OSTree's fetcher
 * does it (src/libostree/ostree-fetcher-curl.c): curl tells us which
 * sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to wake it up
 * (CURLMOPT_TIMERFUNCTION); a GSource per socket and one timer source call
 * curl_multi_socket_action, and finished transfers are read with
 * curl_multi_info_read. Every call into curl is non-blocking (name
 * resolution runs on curl's own resolver thread), so the main loop only
 * ever waits in poll().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <curl/curl.h>
#include <glib-unix.h>

#include "bk-http-client.h"
#include "bk-sync-error.h"

struct _BkHttpClient
{
  GObject parent_instance;

  GMainContext *context;
  CURLM *multi;
  GSource *timer;
  GHashTable *requests; /* GTask* (owning a Request) → NULL: the transfers running */

  char *ca_file;
  guint connect_timeout;
  guint low_speed_time;
  guint64 max_body_bytes;
};

G_DEFINE_FINAL_TYPE (BkHttpClient, bk_http_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CA_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One socket curl asked us to watch. */
typedef struct
{
  BkHttpClient *client;
  curl_socket_t fd;
  GIOCondition condition;
  GSource *source;
} Socket;

/* One transfer: the task's data, so it lives as long as the task. */
typedef struct
{
  BkHttpClient *client;
  CURL *easy;
  struct curl_slist *headers;
  GBytes *body;
  GByteArray *received;
  gboolean too_large;
  gboolean done;
  GCancellable *cancellable;
  gulong cancelled_id;
  BkHttpProgressFunc progress;
  gpointer progress_data;
  char error_buffer[CURL_ERROR_SIZE];
} Request;

static void
request_free (Request *request)
{
  if (request->cancelled_id != 0)
    g_cancellable_disconnect (request->cancellable, request->cancelled_id);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->easy, curl_easy_cleanup);
  g_clear_pointer (&request->headers, curl_slist_free_all);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->received, g_byte_array_unref);
  g_free (request);
}

/* Ends @task's transfer (if it still runs) and returns @response or @error. */
static void
request_finish (GTask *task, BkHttpResponse *response, GError *error)
{
  Request *request = g_task_get_task_data (task);
  BkHttpClient *self = request->client;

  if (request->done)
    return;
  request->done = TRUE;
  curl_multi_remove_handle (self->multi, request->easy);
  g_clear_pointer (&request->easy, curl_easy_cleanup);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, (GDestroyNotify) bk_http_response_free);
  g_hash_table_remove (self->requests, task); /* drops the client's reference */
}

static GError *
transfer_error (Request *request, CURLcode code)
{
  const char *detail = *request->error_buffer != '\0' ? request->error_buffer
                                                      : curl_easy_strerror (code);

  switch (code)
    {
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (request->too_large || code == CURLE_FILESIZE_EXCEEDED)
          return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_TOO_LARGE,
                              "the answer is over the limit of %" G_GUINT64_FORMAT " bytes",
                              request->client->max_body_bytes);
        break;
      case CURLE_OPERATION_TIMEDOUT:
        return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_TIMEOUT, "timed out: %s", detail);
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_CERTIFICATE,
                            "the server's certificate is not trusted: %s", detail);
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_ADDRESS, "not an https:// address: %s",
                            detail);
      case CURLE_BAD_CONTENT_ENCODING:
      case CURLE_WEIRD_SERVER_REPLY:
        return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL, "a broken answer: %s", detail);
      default:
        break;
    }
  return g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_NETWORK, "%s", detail);
}

static void
read_finished_transfers (BkHttpClient *self)
{
  CURLMsg *message;
  int left;

  while ((message = curl_multi_info_read (self->multi, &left)) != NULL)
    {
      GTask *task = NULL;
      Request *request;
      BkHttpResponse *response;
      long status = 0;
      curl_off_t retry_after = 0;
      const char *content_type = NULL;

      if (message->msg != CURLMSG_DONE)
        continue;
      curl_easy_getinfo (message->easy_handle, CURLINFO_PRIVATE, (char **) &task);
      request = g_task_get_task_data (task);
      if (message->data.result != CURLE_OK)
        {
          request_finish (task, NULL, transfer_error (request, message->data.result));
          continue;
        }
      curl_easy_getinfo (request->easy, CURLINFO_RESPONSE_CODE, &status);
      curl_easy_getinfo (request->easy, CURLINFO_RETRY_AFTER, &retry_after);
      curl_easy_getinfo (request->easy, CURLINFO_CONTENT_TYPE, &content_type);
      response = bk_http_response_new ();
      response->status = status;
      g_bytes_unref (response->body);
      response->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->received));
      response->retry_after = retry_after > 0 ? retry_after : -1;
      response->content_type = g_strdup (content_type);
      request_finish (task, response, NULL);
    }
}

/* The main loop's side */

static gboolean
socket_ready_cb (int fd, GIOCondition condition, gpointer user_data)
{
  Socket *socket = user_data;
  g_autoptr (BkHttpClient) self = g_object_ref (socket->client);
  int action = 0, running;

  if (condition & G_IO_IN)
    action |= CURL_CSELECT_IN;
  if (condition & G_IO_OUT)
    action |= CURL_CSELECT_OUT;
  if (condition & (G_IO_ERR | G_IO_HUP))
    action |= CURL_CSELECT_ERR;
  /* @socket may be freed in here (CURL_POLL_REMOVE): not used after. */
  curl_multi_socket_action (self->multi, fd, action, &running);
  read_finished_transfers (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
timer_cb (gpointer user_data)
{
  g_autoptr (BkHttpClient) self = g_object_ref (user_data);
  int running;

  g_clear_pointer (&self->timer, g_source_unref);
  curl_multi_socket_action (self->multi, CURL_SOCKET_TIMEOUT, 0, &running);
  read_finished_transfers (self);
  return G_SOURCE_REMOVE;
}

static void
socket_free (Socket *socket)
{
  if (socket->source != NULL)
    {
      g_source_destroy (socket->source);
      g_source_unref (socket->source);
    }
  g_free (socket);
}

/* CURLMOPT_SOCKETFUNCTION */
static int
curl_socket_cb (CURL *easy, curl_socket_t fd, int what, void *user_data, void *socket_data)
{
  BkHttpClient *self = user_data;
  Socket *socket = socket_data;
  GIOCondition condition = 0;

  if (what == CURL_POLL_REMOVE)
    {
      if (socket != NULL)
        socket_free (socket);
      curl_multi_assign (self->multi, fd, NULL);
      return 0;
    }
  if (what & CURL_POLL_IN)
    condition |= G_IO_IN;
  if (what & CURL_POLL_OUT)
    condition |= G_IO_OUT;
  if (socket == NULL)
    {
      socket = g_new0 (Socket, 1);
      socket->client = self;
      socket->fd = fd;
      curl_multi_assign (self->multi, fd, socket);
    }
  if (socket->source != NULL && socket->condition == condition)
    return 0;
  if (socket->source != NULL)
    {
      g_source_destroy (socket->source);
      g_clear_pointer (&socket->source, g_source_unref);
    }
  socket->condition = condition;
  socket->source = g_unix_fd_source_new (fd, condition | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (socket->source, G_SOURCE_FUNC (socket_ready_cb), socket, NULL);
  g_source_set_static_name (socket->source, "[baokao] curl socket");
  g_source_attach (socket->source, self->context);
  return 0;
}

/* CURLMOPT_TIMERFUNCTION */
static int
curl_timer_cb (CURLM *multi, long timeout_ms, void *user_data)
{
  BkHttpClient *self = user_data;

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (timeout_ms < 0)
    return 0;
  self->timer = g_timeout_source_new (timeout_ms);
  g_source_set_callback (self->timer, timer_cb, self, NULL);
  g_source_set_static_name (self->timer, "[baokao] curl timer");
  g_source_attach (self->timer, self->context);
  return 0;
}

static size_t
write_cb (char *data, size_t size, size_t n, void *user_data)
{
  Request *request = user_data;
  gsize length = size * n;

  if (request->received->len + length > request->client->max_body_bytes)
    {
      request->too_large = TRUE;
      return 0;
    }
  g_byte_array_append (request->received, (const guint8 *) data, length);
  return length;
}

static gboolean
cancel_in_context_cb (gpointer user_data)
{
  GTask *task = user_data;

  request_finish (
    task, NULL,
    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "the request was cancelled"));
  return G_SOURCE_REMOVE;
}

/* May run in any thread: the transfer is ended in the client's context. */
static void
cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr (GSource) idle = g_idle_source_new ();

  g_source_set_callback (idle, cancel_in_context_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (idle, "[baokao] curl cancel");
  g_source_attach (idle, request->client->context);
}

/* GObject */

static void
bk_http_client_finalize (GObject *object)
{
  BkHttpClient *self = BK_HTTP_CLIENT (object);

  /* Every task holds the client, so none is running now. */
  g_hash_table_unref (self->requests);
  curl_multi_cleanup (self->multi);
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_source_unref (self->timer);
    }
  g_main_context_unref (self->context);
  g_free (self->ca_file);

  G_OBJECT_CLASS (bk_http_client_parent_class)->finalize (object);
}

static void
bk_http_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkHttpClient *self = BK_HTTP_CLIENT (object);

  switch (prop_id)
    {
      case PROP_CA_FILE:
        g_value_set_string (value, self->ca_file);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_http_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkHttpClient *self = BK_HTTP_CLIENT (object);

  switch (prop_id)
    {
      case PROP_CA_FILE:
        bk_http_client_set_ca_file (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_http_client_class_init (BkHttpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_http_client_finalize;
  object_class->get_property = bk_http_client_get_property;
  object_class->set_property = bk_http_client_set_property;

  properties[PROP_CA_FILE] = g_param_spec_string ("ca-file", NULL, NULL, NULL,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
bk_http_client_init (BkHttpClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->requests = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->connect_timeout = 15;
  self->low_speed_time = 30;
  self->max_body_bytes = 64 * 1024 * 1024;
  self->multi = curl_multi_init ();
  curl_multi_setopt (self->multi, CURLMOPT_SOCKETFUNCTION, curl_socket_cb);
  curl_multi_setopt (self->multi, CURLMOPT_SOCKETDATA, self);
  curl_multi_setopt (self->multi, CURLMOPT_TIMERFUNCTION, curl_timer_cb);
  curl_multi_setopt (self->multi, CURLMOPT_TIMERDATA, self);
}

/* Public API */

BkHttpClient *
bk_http_client_new (void)
{
  return g_object_new (BK_TYPE_HTTP_CLIENT, NULL);
}

const char *
bk_http_client_get_ca_file (BkHttpClient *self)
{
  g_return_val_if_fail (BK_IS_HTTP_CLIENT (self), NULL);

  return self->ca_file;
}

void
bk_http_client_set_ca_file (BkHttpClient *self, const char *ca_file)
{
  g_return_if_fail (BK_IS_HTTP_CLIENT (self));

  if (ca_file != NULL && *ca_file == '\0')
    ca_file = NULL;
  if (g_strcmp0 (self->ca_file, ca_file) == 0)
    return;
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);
}

void
bk_http_client_set_timeouts (BkHttpClient *self, guint connect_timeout, guint low_speed_time)
{
  g_return_if_fail (BK_IS_HTTP_CLIENT (self));
  g_return_if_fail (connect_timeout > 0 && low_speed_time > 0);

  self->connect_timeout = connect_timeout;
  self->low_speed_time = low_speed_time;
}

void
bk_http_client_set_max_body_bytes (BkHttpClient *self, guint64 max_body_bytes)
{
  g_return_if_fail (BK_IS_HTTP_CLIENT (self));
  g_return_if_fail (max_body_bytes > 0);

  self->max_body_bytes = max_body_bytes;
}

/* curl's transfer info: only the upload's side is told. */
static int
progress_cb (
  void *user_data, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
  Request *request = user_data;

  if (ultotal > 0)
    request->progress ((guint64) ulnow, (guint64) ultotal, request->progress_data);
  return 0;
}

void
bk_http_client_request_async (BkHttpClient *self,
                              const char *method,
                              const char *url,
                              const char *const *headers,
                              GBytes *body,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  bk_http_client_request_full_async (self, method, url, headers, body, NULL, NULL, cancellable,
                                     callback, user_data);
}

void
bk_http_client_request_full_async (BkHttpClient *self,
                                   const char *method,
                                   const char *url,
                                   const char *const *headers,
                                   GBytes *body,
                                   BkHttpProgressFunc progress,
                                   gpointer progress_data,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Request *request;
  CURL *easy;
  CURLMcode code;

  g_return_if_fail (BK_IS_HTTP_CLIENT (self));
  g_return_if_fail (method != NULL && url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_http_client_request_async);
  if (!g_str_has_prefix (url, "https://"))
    {
      g_task_return_new_error (task, BK_SYNC_ERROR, BK_SYNC_ERROR_ADDRESS,
                               "%s is not an https:// address", url);
      return;
    }

  request = g_new0 (Request, 1);
  request->client = self;
  request->received = g_byte_array_new ();
  request->body = body != NULL ? g_bytes_ref (body) : NULL;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->easy = easy = curl_easy_init ();
  curl_easy_setopt (easy, CURLOPT_URL, url);
  curl_easy_setopt (easy, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt (easy, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt (easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (easy, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    {
      curl_easy_setopt (easy, CURLOPT_CAINFO, self->ca_file);
      curl_easy_setopt (easy, CURLOPT_CAPATH, NULL);
    }
  curl_easy_setopt (easy, CURLOPT_CONNECTTIMEOUT, (long) self->connect_timeout);
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (easy, CURLOPT_LOW_SPEED_TIME, (long) self->low_speed_time);
  curl_easy_setopt (easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (easy, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t) self->max_body_bytes);
  curl_easy_setopt (easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (easy, CURLOPT_ERRORBUFFER, request->error_buffer);
  curl_easy_setopt (easy, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (easy, CURLOPT_WRITEDATA, request);
  curl_easy_setopt (easy, CURLOPT_PRIVATE, task);
  curl_easy_setopt (easy, CURLOPT_USERAGENT, "baokao/" PACKAGE_VERSION);
  if (progress != NULL)
    {
      request->progress = progress;
      request->progress_data = progress_data;
      curl_easy_setopt (easy, CURLOPT_XFERINFOFUNCTION, progress_cb);
      curl_easy_setopt (easy, CURLOPT_XFERINFODATA, request);
      curl_easy_setopt (easy, CURLOPT_NOPROGRESS, 0L);
    }

  request->headers = curl_slist_append (NULL, "Accept: application/json");
  request->headers = curl_slist_append (request->headers, "Expect:");
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    request->headers = curl_slist_append (request->headers, headers[i]);
  curl_easy_setopt (easy, CURLOPT_HTTPHEADER, request->headers);

  /* A body goes as POST's fields; PUT sends it the same way under its own method. */
  if (g_str_equal (method, "POST") || (body != NULL && !g_str_equal (method, "GET")))
    {
      gsize size = 0;
      gconstpointer data = body != NULL ? g_bytes_get_data (body, &size) : "";

      curl_easy_setopt (easy, CURLOPT_POST, 1L);
      curl_easy_setopt (easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) size);
      curl_easy_setopt (easy, CURLOPT_POSTFIELDS, data);
    }
  if (!g_str_equal (method, "GET") && !g_str_equal (method, "POST"))
    curl_easy_setopt (easy, CURLOPT_CUSTOMREQUEST, method);

  if (cancellable != NULL)
    {
      request->cancellable = g_object_ref (cancellable);
      request->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), task,
                                                     NULL);
    }
  g_hash_table_add (self->requests, g_object_ref (task));
  code = curl_multi_add_handle (self->multi, easy);
  if (code != CURLM_OK)
    request_finish (task, NULL,
                    g_error_new (BK_SYNC_ERROR, BK_SYNC_ERROR_NETWORK, "cannot start a request: %s",
                                 curl_multi_strerror (code)));
}

BkHttpResponse *
bk_http_client_request_finish (BkHttpClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_http_client_request_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
