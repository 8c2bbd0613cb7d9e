/* bk-server.c — the registration server's HTTP front
 *
 * The main loop only reads requests and writes answers. Everything that touches the database,
 * or hashes a password, runs in a worker thread while the message is paused, so a slow disk or
 * an Argon2id hash never holds up other clients (nor /v1/health).
 *
 * Connections come in through bk-server-gate.c (the cap, the idle timeout, 503 past the cap); a
 * request must arrive whole within the request timeout, and a body is counted as it streams: once
 * over the limit it is no longer kept, 413 is answered at once, and the connection is closed after
 * a few more megabytes. The route table below says which handler (bk-server-accounts.c, -sync.c,
 * -files.c, -monitor.c, -staff.c, -confirm.c) runs for which path, method and role; they answer
 * through bk-server-request.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-server-accounts.h"
#include "bk-server-files.h"
#include "bk-server-gate.h"
#include "bk-server-log.h"
#include "bk-server-monitor.h"
#include "bk-server-private.h"
#include "bk-server-request.h"
#include "bk-server-staff.h"
#include "bk-server-sync.h"

/* Threads that run requests (each with its own database connection while
 * it needs one): GET requests (pulls, reads) in one pool, the others
 * (pushes, decisions, sign-ins) in another, so that a read never waits in
 * line behind writes that wait for the disk (a push waits for its group's
 * commit, bk-server-commit-group.c). */
#define READ_THREADS  16
#define WRITE_THREADS 16

struct _BkServer
{
  GObject parent_instance;

  SoupServer *soup_server;
  BkServerGate *gate;
  GTlsCertificate *certificate;
  BkServerDatabase *database;
  BkServerLimits limits;
  char *dummy_hash; /* verified against when a user name is unknown */

  guint port;
  guint in_flight;

  GThreadPool *readers;  /* GET requests */
  GThreadPool *writers;  /* the others */
  GMainContext *context; /* the main loop's, where answers are sent */
  BkServerPasswordGate *password_gate;
};

G_DEFINE_FINAL_TYPE (BkServer, bk_server, G_TYPE_OBJECT)

typedef enum
{
  ANYONE = 0,
  CANDIDATE = 1 << BK_SERVER_ROLE_CANDIDATE,
  STAFF = 1 << BK_SERVER_ROLE_STAFF,
  ADMIN = 1 << BK_SERVER_ROLE_ADMIN,
  SIGNED_IN = CANDIDATE | STAFF | ADMIN,
} Roles;

struct _BkServerRoute
{
  const char *path;
  const char *method;
  const char *action; /* as written to the audit log */
  Roles roles;        /* ANYONE: no token needed */
  gboolean body;      /* takes a JSON body (or, with files, a file) */
  BkServerHandler handle;
  const char *files; /* "photo", "proof": the path is /v1/{files}s/{id}/file */
};

typedef struct _BkServerRoute Route;

/* Bytes of a body over the limit still read (and thrown away) after the
 * 413 went out, so that a client that sends a little too much can read
 * the answer; past them the connection is closed. */
#define DRAIN_BYTES (4 * 1024 * 1024)

/* State kept per message while it is read. */
typedef struct
{
  gsize received;
  gsize refused_at; /* received when the body was refused */
  gsize limit;      /* on the body's bytes */
  gboolean too_large;
  gboolean answered; /* 413 written past libsoup (bk_server_gate_answer_now) */
  gboolean counted;
  guint deadline;
  GSocket *socket;
} MessageState;

static void
send_json (SoupServerMessage *msg, guint status, const char *body)
{
  /* libsoup closes the connection after answering a request that said
   * "Connection: close" (as the header guard's substitutes for refused
   * requests and its chunked requests do): the answer says so too. */
  if (soup_message_headers_header_contains (soup_server_message_get_request_headers (msg),
                                            "Connection", "close"))
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                  "close");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
send_error (SoupServerMessage *msg, guint status, const char *code, const char *message)
{
  g_autofree char *body = bk_server_error_body (code, message);

  send_json (msg, status, body);
}

/* The limit on @msg's body: a photo's or a proof's for an upload. */
static gsize
body_limit (BkServer *self, SoupServerMessage *msg, const char **files)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  *files = soup_server_message_get_method (msg) == SOUP_METHOD_PUT
             ? bk_server_files_match (path, NULL)
             : NULL;
  if (g_strcmp0 (*files, "photo") == 0)
    return self->limits.max_photo;
  if (g_strcmp0 (*files, "proof") == 0)
    return self->limits.max_proof;
  return self->limits.max_body;
}

static char *
too_large_message (BkServer *self, SoupServerMessage *msg)
{
  const char *files;
  gsize limit = body_limit (self, msg, &files);

  if (files != NULL)
    return g_strdup_printf ("The file is larger than %" G_GSIZE_FORMAT
                            " bytes: upload a smaller %s (a smaller JPEG, or fewer pages).",
                            limit, files);
  return g_strdup_printf ("The request body is larger than %" G_GSIZE_FORMAT
                          " bytes: send fewer changes at once.",
                          limit);
}

static void
send_too_large (BkServer *self, SoupServerMessage *msg)
{
  g_autofree char *message = too_large_message (self, msg);

  send_error (msg, 413, "body_too_large", message);
}

static gint64
now_seconds (void)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  return g_date_time_to_unix (now);
}

static const Route routes[] = {
  { "/v1/ready", "GET", "ready", ANYONE, FALSE, bk_server_handle_ready },
  { "/v1/accounts", "POST", "register", ANYONE, TRUE, bk_server_handle_register },
  { "/v1/sessions", "POST", "sign-in", ANYONE, TRUE, bk_server_handle_sign_in },
  { "/v1/sessions/current", "DELETE", "sign-out", SIGNED_IN, FALSE, bk_server_handle_sign_out },
  { "/v1/changes", "POST", "push", CANDIDATE, TRUE, bk_server_handle_push },
  { "/v1/changes", "GET", "pull", SIGNED_IN, FALSE, bk_server_handle_pull },
  { "/v1/audit", "GET", "read-audit", ADMIN, FALSE, bk_server_handle_audit },
  { "/v1/confirmations", "POST", "confirm", CANDIDATE, TRUE, bk_server_handle_confirm },
  { "/v1/staff/applications", "GET", "staff-queues", STAFF, FALSE, bk_server_handle_staff_queues },
  { "/v1/staff/application", "GET", "staff-read", STAFF, FALSE, bk_server_handle_staff_read },
  { "/v1/staff/decisions", "POST", "staff-decision", STAFF, TRUE, bk_server_handle_staff_decision },
  { "/v1/staff/payments", "POST", "staff-payment", STAFF, TRUE, bk_server_handle_staff_payment },
  { "/v1/photos/{id}/file", "PUT", "upload-photo", CANDIDATE, TRUE, bk_server_handle_put_photo,
    "photo" },
  { "/v1/photos/{id}/file", "GET", "download-photo", SIGNED_IN, FALSE, bk_server_handle_get_file,
    "photo" },
  { "/v1/proofs/{id}/file", "PUT", "upload-proof", CANDIDATE, TRUE, bk_server_handle_put_proof,
    "proof" },
  { "/v1/proofs/{id}/file", "GET", "download-proof", SIGNED_IN, FALSE, bk_server_handle_get_file,
    "proof" },
  { "/v1/staff/tickets", "GET", "staff-tickets", STAFF, FALSE, bk_server_handle_staff_tickets },
};

/* Back in the main loop: the answer goes out. */
static gboolean
request_done (gpointer data)
{
  BkServerRequest *request = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);

  if (request->retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", request->retry_after);

      soup_message_headers_replace (headers, "Retry-After", seconds);
    }
  if (request->status == 401)
    soup_message_headers_replace (headers, "WWW-Authenticate", "Bearer");
  if (request->file != NULL)
    {
      soup_message_headers_replace (headers, "Connection", "close");
      soup_server_message_set_status (request->msg, request->status, NULL);
      soup_server_message_set_response (request->msg, request->file_type, SOUP_MEMORY_COPY,
                                        g_bytes_get_data (request->file, NULL),
                                        g_bytes_get_size (request->file));
    }
  else
    send_json (request->msg, request->status, request->response);
  soup_server_message_unpause (request->msg);
  if (request->status >= 400)
    bk_server_log (request->status >= 500 ? 3 : 5, "%s %s %s → %u", request->address,
                   request->method, request->path, request->status);
  return G_SOURCE_REMOVE;
}

void
bk_server_request_audit_entry (BkServerRequest *request, BkServerAuditEntry *entry)
{
  *entry = (BkServerAuditEntry){
    .at = request->now,
    .account_id = request->account != NULL ? request->account->id : NULL,
    .address = request->address,
    .method = request->method,
    .path = request->path,
    .action = request->route->action,
  };
}

/* Runs in a worker thread: who is asking, may they, and the handler. */
static void
run_request (gpointer data, gpointer user_data)
{
  BkServerRequest *request = data;
  BkServer *self = request->server;
  g_autoptr (GError) error = NULL;
  gboolean allowed = TRUE;

  if (request->route->roles != ANYONE)
    {
      g_autofree char *token_hash = NULL;

      request->audit = TRUE;
      if (request->token != NULL)
        {
          token_hash = bk_server_sha256_hex (request->token, strlen (request->token));
          request->account = bk_server_database_account_for_token (self->database, token_hash,
                                                                   request->now, &error);
        }
      if (error != NULL)
        {
          bk_server_request_answer_gerror (request, error);
          allowed = FALSE;
        }
      else if (request->account == NULL)
        {
          bk_server_request_answer_error (
            request, 401, "not_signed_in",
            "Sign in first (POST /v1/sessions) and send the token as "
            "“Authorization: Bearer TOKEN”; a token expires after some hours.");
          allowed = FALSE;
        }
      else if (!(request->route->roles & (1 << request->account->role)))
        {
          bk_server_request_answer_error (
            request, 403, "forbidden",
            "Your account may not do this. If you need to, ask the registration "
            "authority.");
          allowed = FALSE;
        }
    }

  else if (request->token != NULL)
    {
      /* Not needed to answer, but the audit log says who asked. */
      g_autofree char *token_hash = bk_server_sha256_hex (request->token, strlen (request->token));

      request->account = bk_server_database_account_for_token (self->database, token_hash,
                                                               request->now, NULL);
    }

  if (allowed)
    request->route->handle (self, request);

  if (request->status == 403 || request->status == 404 || request->status == 401 ||
      request->status == 429)
    request->audit = TRUE;
  if (request->audit && !request->audited)
    {
      BkServerAuditEntry entry;
      g_autoptr (GError) audit_error = NULL;

      bk_server_request_audit_entry (request, &entry);
      entry.allowed = request->status < 400;
      entry.status = request->status;
      /* A read that was allowed changed nothing: its line need not be on
       * disk before the answer (see bk-server-store-group.c). */
      entry.later = entry.allowed && g_str_equal (request->method, "GET");
      entry.detail = request->audit_detail;
      if (!bk_server_database_audit (self->database, &entry, &audit_error))
        bk_server_log (3, "the audit log could not be written: %s", audit_error->message);
    }
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, request_done, request,
                              (GDestroyNotify) bk_server_request_free);
}

static char *
bearer_token (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;
  value += 7;
  if (*value == '\0' || strlen (value) > 128)
    return NULL;
  return g_strdup (value);
}

static void
audit_unknown_path (BkServer *self, BkServerRequest *request)
{
  bk_server_request_answer_error (
    request, 404, "not_found",
    "There is no such endpoint: see docs/protocol.md for the ones under /v1.");
}

static const Route unknown_route = {
  NULL, NULL, "unknown-path", ANYONE, FALSE, audit_unknown_path
};

static void
server_cb (SoupServer *soup_server,
           SoupServerMessage *msg,
           const char *path,
           GHashTable *query,
           gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const Route *route = NULL;
  gboolean path_known = FALSE;
  g_autoptr (BkServerRequest) request = NULL;
  g_autofree char *path_id = NULL;
  const char *files = bk_server_files_match (path, &path_id);
  GString *allow = NULL;

  if (state != NULL && state->too_large)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                    "close");
      send_too_large (self, msg);
      return;
    }

  /* The substitutes bk-server-header-guard.c gives for refused requests. */
  if (g_str_equal (path, "/.bk/headers-too-large"))
    {
      send_error (msg, 431, "headers_too_large",
                  "The request headers are too large: send fewer or shorter headers.");
      soup_server_message_set_status (msg, 431, "Request Header Fields Too Large");
      return;
    }
  if (g_str_equal (path, "/.bk/malformed"))
    {
      send_error (msg, 400, "malformed_request",
                  "The request line or a header is not valid HTTP/1.1: check the client.");
      return;
    }
  if (g_str_equal (path, "/.bk/bad-path"))
    {
      send_error (msg, 400, "bad_path",
                  "The path has a “.” or “..” segment: send the endpoint's path as documented.");
      return;
    }

  if (g_str_equal (path, "/v1/health"))
    {
      if (method != SOUP_METHOD_GET)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                        "GET");
          send_error (msg, 405, "method_not_allowed", "Use GET for /v1/health.");
          return;
        }
      send_json (msg, 200, "{\"status\":\"ok\",\"version\":\"" PACKAGE_VERSION "\"}");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (routes[i].files != NULL ? g_strcmp0 (files, routes[i].files) == 0
                                : g_str_equal (path, routes[i].path))
      {
        path_known = TRUE;
        if (allow == NULL)
          allow = g_string_new (routes[i].method);
        else
          g_string_append_printf (allow, ", %s", routes[i].method);
        if (g_str_equal (method, routes[i].method))
          route = &routes[i];
      }
  if (path_known && route == NULL)
    {
      g_autofree char *methods = g_string_free (allow, FALSE);
      g_autofree char *message = g_strdup_printf ("Use %s for %s.", methods, path);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    methods);
      send_error (msg, 405, "method_not_allowed", message);
      return;
    }
  if (allow != NULL)
    g_string_free (allow, TRUE);
  if (route == NULL)
    route = &unknown_route;

  if (route->body && route->files == NULL)
    {
      const char *type = soup_message_headers_get_content_type (headers, NULL);

      if (type == NULL || g_ascii_strcasecmp (type, "application/json") != 0)
        {
          send_error (msg, 415, "unsupported_media_type",
                      "Send the body as JSON with “Content-Type: application/json”.");
          return;
        }
    }

  request = g_new0 (BkServerRequest, 1);
  request->server = g_object_ref (self);
  request->msg = g_object_ref (msg);
  request->route = route;
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->path_id = g_steal_pointer (&path_id);
  request->address = g_strdup (soup_server_message_get_remote_host (msg));
  if (request->address == NULL)
    request->address = g_strdup ("unknown");
  if (route->body)
    request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  else
    request->body = g_bytes_new (NULL, 0);
  request->token = bearer_token (headers);
  request->idempotency_key = g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key"));
  if (query != NULL)
    request->query = g_hash_table_ref (query);
  request->now = now_seconds ();

  soup_server_message_pause (msg);
  /* Our own pool, not GTask's: TLS handshakes run in GTask's threads and
   * must not wait behind requests blocked on the database or a hash. */
  g_thread_pool_push (method == SOUP_METHOD_GET ? self->readers : self->writers,
                      g_steal_pointer (&request), NULL);
}

/* Reading requests: the body limit and the request deadline */

static gboolean
deadline_cb (gpointer user_data)
{
  MessageState *state = user_data;

  state->deadline = 0;
  /* The client did not send its request in time: drop the connection. */
  if (state->socket != NULL)
    g_socket_shutdown (state->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
message_state_free (MessageState *state)
{
  g_clear_handle_id (&state->deadline, g_source_remove);
  g_clear_object (&state->socket);
  g_free (state);
}

/* Keeps nothing more of the body; answers 413 now unless libsoup does
 * (@now FALSE: an "Expect: 100-continue" that it answers before the body). */
static void
refuse_body (BkServer *self, SoupServerMessage *msg, MessageState *state, gboolean now)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  state->too_large = TRUE;
  state->refused_at = state->received;
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  if (now)
    {
      /* libsoup answers only once it has read the whole body: which a
       * client may never finish sending. */
      g_autofree char *message = too_large_message (self, msg);

      state->answered = TRUE;
      bk_server_gate_answer_now (self->gate, soup_server_message_get_remote_address (msg), 413,
                                 "body_too_large", message);
    }
}

static void
got_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *files;

  if (state == NULL)
    return;
  state->counted = TRUE;
  state->limit = body_limit (self, msg, &files);
  self->in_flight++;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) state->limit)
    {
      /* Answered now: a client that sent "Expect: 100-continue" hears it
       * before sending the body; any other client's body is read and
       * thrown away as it comes, up to DRAIN_BYTES. */
      gboolean expects = soup_message_headers_get_expectations (headers) &
                         SOUP_EXPECTATION_CONTINUE;

      refuse_body (self, msg, state, !expects);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection",
                                    "close");
      if (expects)
        send_too_large (self, msg);
    }
}

static void
got_chunk_cb (SoupServerMessage *msg, GBytes *chunk, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state == NULL)
    return;
  state->received += g_bytes_get_size (chunk);
  if (state->received > state->limit && !state->too_large)
    refuse_body (self, msg, state, TRUE);
  else if (state->too_large)
    {
      soup_message_body_truncate (soup_server_message_get_request_body (msg));
      if (state->received - state->refused_at > DRAIN_BYTES)
        bk_server_gate_drop (self->gate, soup_server_message_get_remote_address (msg));
    }
}

static void
got_body_cb (SoupServerMessage *msg, gpointer user_data)
{
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state == NULL)
    return;
  g_clear_handle_id (&state->deadline, g_source_remove);
  /* The client has the 413 already: libsoup must not answer again. */
  if (state->answered)
    bk_server_gate_drop (BK_SERVER (user_data)->gate, soup_server_message_get_remote_address (msg));
}

static void
finished_cb (SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_object_get_data (G_OBJECT (msg), "bk-state");

  if (state == NULL)
    return;
  g_clear_handle_id (&state->deadline, g_source_remove);
  if (state->counted)
    {
      state->counted = FALSE;
      self->in_flight--;
    }
}

static void
request_started_cb (SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
  BkServer *self = user_data;
  MessageState *state = g_new0 (MessageState, 1);
  GSocket *socket = bk_server_gate_get_socket (self->gate,
                                               soup_server_message_get_remote_address (msg));

  if (socket != NULL)
    state->socket = g_object_ref (socket);
  state->deadline = g_timeout_add_seconds (self->limits.request_timeout, deadline_cb, state);
  g_object_set_data_full (G_OBJECT (msg), "bk-state", state, (GDestroyNotify) message_state_free);
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self, 0);
  g_signal_connect_object (msg, "got-body", G_CALLBACK (got_body_cb), self, 0);
  g_signal_connect_object (msg, "finished", G_CALLBACK (finished_cb), self, 0);
}

/* GObject */

static void
bk_server_dispose (GObject *object)
{
  BkServer *self = BK_SERVER (object);

  g_clear_object (&self->gate);
  if (self->soup_server != NULL)
    soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);

  G_OBJECT_CLASS (bk_server_parent_class)->dispose (object);
}

static void
bk_server_finalize (GObject *object)
{
  BkServer *self = BK_SERVER (object);

  g_clear_object (&self->certificate);
  g_clear_object (&self->database);
  g_free (self->dummy_hash);
  /* Every request holds a reference, so no worker is busy any more. */
  g_thread_pool_free (self->readers, TRUE, TRUE);
  g_thread_pool_free (self->writers, TRUE, TRUE);
  g_main_context_unref (self->context);
  bk_server_password_gate_free (self->password_gate);

  G_OBJECT_CLASS (bk_server_parent_class)->finalize (object);
}

static void
bk_server_class_init (BkServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_server_dispose;
  object_class->finalize = bk_server_finalize;
}

static void
bk_server_init (BkServer *self)
{
  self->soup_server = soup_server_new ("server-header", "baokao-server/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (self->soup_server, NULL, server_cb, self, NULL);
  g_signal_connect_object (self->soup_server, "request-started", G_CALLBACK (request_started_cb),
                           self, 0);
  self->context = g_main_context_ref_thread_default ();
  self->readers = g_thread_pool_new (run_request, NULL, READ_THREADS, FALSE, NULL);
  self->writers = g_thread_pool_new (run_request, NULL, WRITE_THREADS, FALSE, NULL);
}

BkServer *
bk_server_new (BkServerDatabase *database, const BkServerLimits *limits)
{
  BkServer *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_object_new (BK_TYPE_SERVER, NULL);
  self->database = g_object_ref (database);
  self->limits = *limits;
  self->password_gate = bk_server_password_gate_new (limits->fast_password_hash);
  self->dummy_hash = bk_server_password_gate_hash (self->password_gate,
                                                   "not a real password at all", &error);
  if (self->dummy_hash == NULL)
    g_error ("hashing a password failed: %s", error->message);
  return self;
}

gboolean
bk_server_listen (
  BkServer *self, const char *address, guint port, GTlsCertificate *certificate, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), FALSE);
  g_return_val_if_fail (self->gate == NULL, FALSE);

  g_set_object (&self->certificate, certificate);
  self->gate = bk_server_gate_new (self->soup_server, &self->limits, certificate);
  return bk_server_gate_listen (self->gate, address, port, &self->port, error);
}

guint
bk_server_get_port (BkServer *self)
{
  g_return_val_if_fail (BK_IS_SERVER (self), 0);
  return self->port;
}

void
bk_server_stop_accepting (BkServer *self)
{
  g_return_if_fail (BK_IS_SERVER (self));

  if (self->gate != NULL)
    bk_server_gate_stop (self->gate);
}

guint
bk_server_get_requests_in_flight (BkServer *self)
{
  g_return_val_if_fail (BK_IS_SERVER (self), 0);
  return self->in_flight;
}

/* For the handlers (bk-server-private.h) */

BkServerDatabase *
bk_server_get_database (BkServer *self)
{
  return self->database;
}

const BkServerLimits *
bk_server_get_limits (BkServer *self)
{
  return &self->limits;
}

BkServerPasswordGate *
bk_server_get_password_gate (BkServer *self)
{
  return self->password_gate;
}

const char *
bk_server_get_dummy_hash (BkServer *self)
{
  return self->dummy_hash;
}
