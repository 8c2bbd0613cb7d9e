/* bk-staff-client.c
 *
 * Each call is a GTask around one request; JSON answers are parsed on a
 * worker thread when they may be large (the list of a point of 5,000).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-staff-client.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

struct _BkStaffClient
{
  GObject parent_instance;

  BkHttpClient *http;
  char *server_url;
  char *token;
};

G_DEFINE_FINAL_TYPE (BkStaffClient, bk_staff_client, G_TYPE_OBJECT)

static void
forget_token (BkStaffClient *self)
{
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
}

static void
bk_staff_client_finalize (GObject *object)
{
  BkStaffClient *self = BK_STAFF_CLIENT (object);

  forget_token (self);
  g_clear_object (&self->http);
  g_free (self->server_url);
  G_OBJECT_CLASS (bk_staff_client_parent_class)->finalize (object);
}

static void
bk_staff_client_class_init (BkStaffClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_staff_client_finalize;
}

static void
bk_staff_client_init (BkStaffClient *self)
{
}

BkStaffClient *
bk_staff_client_new (BkHttpClient *http, const char *server_url)
{
  BkStaffClient *self;
  gsize length;

  g_return_val_if_fail (BK_IS_HTTP_CLIENT (http), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (BK_TYPE_STAFF_CLIENT, NULL);
  self->http = g_object_ref (http);
  length = strlen (server_url);
  while (length > 0 && server_url[length - 1] == '/')
    length--;
  self->server_url = g_strndup (server_url, length);
  return self;
}

gboolean
bk_staff_client_is_signed_in (BkStaffClient *self)
{
  g_return_val_if_fail (BK_IS_STAFF_CLIENT (self), FALSE);
  return self->token != NULL;
}

/* Sends METHOD PREFIX[ARG][SUFFIX] for @task, ARG escaped for the URL
 * (left out when NULL), with @body as JSON and the staff member's token;
 * @done gets the task back with the response. Every call goes through
 * here. */
static void
send (BkStaffClient *self,
      const char *method,
      const char *prefix,
      const char *arg,
      const char *suffix,
      JsonBuilder *body,
      GTask *task,
      GAsyncReadyCallback done)
{
  g_autofree char *escaped = arg != NULL ? g_uri_escape_string (arg, NULL, FALSE) : NULL;
  g_autofree char *url = g_strconcat (self->server_url, prefix, escaped != NULL ? escaped : "",
                                      escaped != NULL && suffix != NULL ? suffix : "", NULL);
  g_autofree char *authorization = self->token != NULL
                                     ? g_strdup_printf ("Authorization: Bearer %s", self->token)
                                     : NULL;
  const char *headers[3] = { NULL };
  g_autoptr (GBytes) bytes = body != NULL ? bk_sync_protocol_body (body) : NULL;
  guint n = 0;

  if (body != NULL)
    headers[n++] = "Content-Type: application/json";
  if (authorization != NULL)
    headers[n++] = authorization;
  bk_http_client_request_async (self->http, method, url, headers, bytes,
                                g_task_get_cancellable (task), done, task);
}

/* The response of a request of @task, or NULL after returning its error
 * (a 401 forgets the token: the staff member signs in again). */
static BkHttpResponse *
take_response (GAsyncResult *result, GTask *task)
{
  BkStaffClient *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (BkHttpResponse) response = bk_http_client_request_finish (self->http, result, &error);

  if (response == NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  error = bk_sync_protocol_status_error (response);
  if (error != NULL)
    {
      if (g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN))
        forget_token (self);
      g_task_return_error (task, error);
      return NULL;
    }
  return g_steal_pointer (&response);
}

/* The answer as an object for bk_staff_client_object_finish(). */
static void
object_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (BkHttpResponse) response = take_response (result, task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  if (response == NULL)
    return;
  node = bk_sync_protocol_parse_object (response, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, json_object_ref (json_node_get_object (node)),
                           (GDestroyNotify) json_object_unref);
}

static GTask *
new_task (BkStaffClient *self,
          gpointer tag,
          GCancellable *cancellable,
          GAsyncReadyCallback callback,
          gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  return task;
}

JsonObject *
bk_staff_client_object_finish (BkStaffClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sign in, sign out */

static void
add_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
signed_out_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkHttpResponse)
    response = bk_http_client_request_finish (BK_HTTP_CLIENT (source), result, NULL);
  g_autoptr (GTask) task = user_data;

  g_task_return_boolean (task, response != NULL);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkStaffClient *self = g_task_get_source_object (task);
  g_autoptr (BkHttpResponse) response = take_response (result, task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  const char *token, *role;

  if (response == NULL)
    return;
  node = bk_sync_protocol_parse_object (response, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  token = bk_sync_protocol_string (json_node_get_object (node), "token", NULL);
  role = bk_sync_protocol_string (json_node_get_object (node), "role", NULL);
  if (token == NULL)
    {
      g_task_return_new_error (task, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL,
                               "the server's answer to a sign-in has no token");
      return;
    }
  forget_token (self);
  self->token = g_strdup (token);
  if (g_strcmp0 (role, "staff") != 0)
    {
      /* A candidate's or an admin's session has no place at the help desk. */
      bk_staff_client_sign_out (self);
      g_task_return_new_error (task, BK_SYNC_ERROR, BK_SYNC_ERROR_REFUSED,
                               "not_staff: the account is not a staff account (%s)",
                               role != NULL ? role : "no role");
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
bk_staff_client_sign_in_async (BkStaffClient *self,
                               const char *user_name,
                               const char *password,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GTask *task;

  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (user_name != NULL && password != NULL);

  task = new_task (self, bk_staff_client_sign_in_async, cancellable, callback, user_data);
  json_builder_begin_object (builder);
  add_member (builder, "user_name", user_name);
  add_member (builder, "password", password);
  json_builder_end_object (builder);
  send (self, "POST", "/v1/sessions", NULL, NULL, builder, task, signed_in_cb);
}

gboolean
bk_staff_client_sign_in_finish (BkStaffClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
bk_staff_client_sign_out (BkStaffClient *self)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));

  if (self->token == NULL)
    return;
  /* The request carries the token; the client forgets it at once. */
  send (self, "DELETE", "/v1/sessions/current", NULL, NULL, NULL,
        g_task_new (self, NULL, NULL, NULL), signed_out_cb);
  forget_token (self);
}

/* The list */

static void
parse_listing (GTask *job, gpointer source, gpointer data, GCancellable *cancellable)
{
  BkHttpResponse *response = data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  BkStaffListing *listing;

  node = bk_sync_protocol_parse_object (response, &error);
  listing = node != NULL ? bk_staff_listing_new_from_json (json_node_get_object (node), &error)
                         : NULL;
  if (listing == NULL)
    g_task_return_error (job, error);
  else
    g_task_return_pointer (job, listing, (GDestroyNotify) bk_staff_listing_free);
}

static void
parsed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  BkStaffListing *listing = g_task_propagate_pointer (G_TASK (result), &error);

  if (listing == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, listing, (GDestroyNotify) bk_staff_listing_free);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkHttpResponse *response = take_response (result, task);
  g_autoptr (GTask) job = NULL;

  if (response == NULL)
    {
      g_object_unref (task);
      return;
    }
  job = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, task);
  g_task_set_task_data (job, response, (GDestroyNotify) bk_http_response_free);
  g_task_run_in_thread (job, parse_listing);
}

void
bk_staff_client_list_async (BkStaffClient *self,
                            const char *queue,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));

  send (self, "GET", queue != NULL ? "/v1/staff/applications?queue=" : "/v1/staff/applications",
        queue, NULL, NULL,
        new_task (self, bk_staff_client_list_async, cancellable, callback, user_data), listed_cb);
}

BkStaffListing *
bk_staff_client_list_finish (BkStaffClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* One application, decisions, payments, tickets */

void
bk_staff_client_read_async (BkStaffClient *self,
                            const char *application_id,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (application_id != NULL);

  send (self, "GET", "/v1/staff/application?id=", application_id, NULL, NULL,
        new_task (self, bk_staff_client_read_async, cancellable, callback, user_data), object_cb);
}

static JsonBuilder *
begin_move (const char *application_id, gint64 version)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_string_value (builder, application_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  return builder;
}

void
bk_staff_client_decide_async (BkStaffClient *self,
                              const char *application_id,
                              gint64 version,
                              const char *decision,
                              const char *reason,
                              const char *text,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = NULL;

  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (application_id != NULL && decision != NULL && reason != NULL);

  builder = begin_move (application_id, version);
  add_member (builder, "decision", decision);
  add_member (builder, "reason", reason);
  if (text != NULL && *text != '\0')
    add_member (builder, "text", text);
  json_builder_end_object (builder);
  send (self, "POST", "/v1/staff/decisions", NULL, NULL, builder,
        new_task (self, bk_staff_client_decide_async, cancellable, callback, user_data), object_cb);
}

void
bk_staff_client_pay_async (BkStaffClient *self,
                           const char *application_id,
                           gint64 version,
                           const char *receipt,
                           const char *amount_yuan,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = NULL;

  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (application_id != NULL && receipt != NULL && amount_yuan != NULL);

  builder = begin_move (application_id, version);
  add_member (builder, "receipt", receipt);
  add_member (builder, "amount_yuan", amount_yuan);
  json_builder_end_object (builder);
  send (self, "POST", "/v1/staff/payments", NULL, NULL, builder,
        new_task (self, bk_staff_client_pay_async, cancellable, callback, user_data), object_cb);
}

void
bk_staff_client_tickets_async (BkStaffClient *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));

  send (self, "GET", "/v1/staff/tickets", NULL, NULL, NULL,
        new_task (self, bk_staff_client_tickets_async, cancellable, callback, user_data),
        object_cb);
}

/* Proof and photo files */

typedef struct
{
  GBytes *bytes;
  char *content_type;
} Download;

static void
download_free (Download *download)
{
  g_clear_pointer (&download->bytes, g_bytes_unref);
  g_free (download->content_type);
  g_free (download);
}

static void
downloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (BkHttpResponse) response = take_response (result, task);
  Download *download;

  if (response == NULL)
    return;
  download = g_new0 (Download, 1);
  download->bytes = g_bytes_ref (response->body);
  download->content_type = g_strdup (response->content_type);
  g_task_return_pointer (task, download, (GDestroyNotify) download_free);
}

void
bk_staff_client_download_proof_async (BkStaffClient *self,
                                      const char *proof_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (proof_id != NULL);

  send (self, "GET", "/v1/proofs/", proof_id, "/file", NULL,
        new_task (self, bk_staff_client_download_proof_async, cancellable, callback, user_data),
        downloaded_cb);
}

/* The bytes and type of a download (GET /v1/proofs|photos/{id}/file). */
static GBytes *
download_finish (BkStaffClient *self, GAsyncResult *result, char **content_type, GError **error)
{
  Download *download;
  GBytes *bytes;

  download = g_task_propagate_pointer (G_TASK (result), error);
  if (download == NULL)
    return NULL;
  bytes = g_steal_pointer (&download->bytes);
  if (content_type != NULL)
    *content_type = g_steal_pointer (&download->content_type);
  download_free (download);
  return bytes;
}

GBytes *
bk_staff_client_download_proof_finish (BkStaffClient *self,
                                       GAsyncResult *result,
                                       char **content_type,
                                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return download_finish (self, result, content_type, error);
}

void
bk_staff_client_download_photo_async (BkStaffClient *self,
                                      const char *photo_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (BK_IS_STAFF_CLIENT (self));
  g_return_if_fail (photo_id != NULL);

  send (self, "GET", "/v1/photos/", photo_id, "/file", NULL,
        new_task (self, bk_staff_client_download_photo_async, cancellable, callback, user_data),
        downloaded_cb);
}

GBytes *
bk_staff_client_download_photo_finish (BkStaffClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return download_finish (self, result, NULL, error);
}
