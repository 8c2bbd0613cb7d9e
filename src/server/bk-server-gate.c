/* bk-server-gate.c — where the server's connections come in
 *
 * Accepting a TLS connection and handing it to libsoup at once would start
 * its handshake, and glib-networking runs every handshake in a GTask
 * thread that blocks until the client speaks: a few hundred clients that
 * connect and say nothing (or send a byte of their ClientHello and stop)
 * would take every such thread, and nobody else, not even GET /v1/health,
 * would get through. So a new connection first waits, in the main loop and
 * without a thread, until its whole ClientHello is in (SO_RCVLOWAT says
 * when), at most the idle timeout; then its handshake runs, bounded by
 * HANDSHAKE_SECONDS. A client that leaves before speaking costs nothing
 * more.
 *
 * At most max-connections are open at once (waiting or handed to
 * libsoup). One over the cap is answered "503 too_many_connections" with
 * Retry-After as soon as it has sent its request line and headers, rather
 * than left in the kernel's queue; BK_SERVER_GATE_REFUSING such answers
 * run at once, and when they are all taken the oldest one whose client has
 * not spoken yet makes room.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "bk-server-gate.h"
#include "bk-server-header-guard.h"
#include "bk-server-log.h"
#include "bk-server-request.h"

/* Request line and headers; libsoup's own limit is 64 KiB. */
#define MAX_HEADER_BYTES (16 * 1024)

/* Seconds a refused client has to send its request and read the answer. */
#define REFUSAL_SECONDS 2

/* Seconds a client has for the rest of its TLS handshake once its
 * ClientHello is in (at most the idle timeout). */
#define HANDSHAKE_SECONDS 10

/* The largest TLS record a ClientHello comes in (RFC 8446: 2^14 bytes of
 * plaintext, and the 5 bytes of its header). */
#define MAX_HELLO_BYTES (5 + 16384)

/* What a client over the cap is told to wait. */
#define RETRY_AFTER_SECONDS 2

struct _BkServerGate
{
  GObject parent_instance;

  SoupServer *soup_server;
  GSocketService *service;
  GTlsCertificate *certificate;
  BkServerLimits limits;

  GHashTable *connections; /* GIOStream * (borrowed) → Connection * */
  GHashTable *sockets;     /* remote GSocketAddress * → GSocket * (borrowed) */
  GHashTable *bases;       /* remote GSocketAddress * → GIOStream * (borrowed) */
  GQueue waiting;          /* Newcomer *: not spoken yet, under the cap */
  GQueue refusing;         /* Newcomer *: over the cap, being answered 503 */
  gint64 last_refusal_log;
  int keep_peer; /* the other end of libsoup's listener (keep_connections()) */
};

G_DEFINE_FINAL_TYPE (BkServerGate, bk_server_gate, G_TYPE_OBJECT)

/* A connection handed to libsoup, until libsoup drops its stream. */
typedef struct
{
  BkServerGate *gate;
  GSocketAddress *remote;
  GIOStream *base; /* the TLS (or socket) connection (borrowed) */
} Connection;

/* A connection that has not been handed over (yet). */
typedef struct
{
  BkServerGate *gate;
  GSocketConnection *connection;
  GSocketAddress *local;
  GSocketAddress *remote;
  GSource *readable;
  guint timer;
  gboolean refusal;
  gboolean spoken;
  gboolean busy; /* an asynchronous operation is under way */
  /* A refusal's answer */
  GIOStream *stream;
  GCancellable *cancellable;
  guint8 buffer[4096];
  guint8 tail[4]; /* the last bytes read, to find the headers' end */
  gsize header_bytes;
  char *answer;
} Newcomer;

static void
newcomer_free (Newcomer *newcomer)
{
  if (newcomer->readable != NULL)
    {
      g_source_destroy (newcomer->readable);
      g_source_unref (newcomer->readable);
    }
  g_clear_handle_id (&newcomer->timer, g_source_remove);
  if (newcomer->cancellable != NULL)
    g_cancellable_cancel (newcomer->cancellable);
  g_clear_object (&newcomer->cancellable);
  g_clear_object (&newcomer->stream);
  g_clear_object (&newcomer->connection);
  g_clear_object (&newcomer->local);
  g_clear_object (&newcomer->remote);
  g_free (newcomer->answer);
  g_free (newcomer);
}

/* Forgets @newcomer and closes its connection unless it was handed on.
 * One with an asynchronous operation under way is cancelled, and freed by
 * that operation's callback (see newcomer_resume()). */
static void
newcomer_drop (Newcomer *newcomer, gboolean close)
{
  BkServerGate *self = newcomer->gate;

  if (self != NULL)
    g_queue_remove (newcomer->refusal ? &self->refusing : &self->waiting, newcomer);
  newcomer->gate = NULL;
  if (close && newcomer->connection != NULL)
    g_socket_close (g_socket_connection_get_socket (newcomer->connection), NULL);
  if (!newcomer->busy)
    {
      newcomer_free (newcomer);
      return;
    }
  g_clear_handle_id (&newcomer->timer, g_source_remove);
  g_cancellable_cancel (newcomer->cancellable);
}

/* At the start of an asynchronous operation's callback: FALSE when
 * @newcomer was dropped meanwhile (it is freed now). */
static gboolean
newcomer_resume (Newcomer *newcomer)
{
  newcomer->busy = FALSE;
  if (newcomer->gate != NULL)
    return TRUE;
  newcomer_free (newcomer);
  return FALSE;
}

static void
connection_gone_cb (gpointer user_data, GObject *where_the_object_was)
{
  Connection *connection = user_data;

  if (connection->gate != NULL)
    {
      g_hash_table_remove (connection->gate->connections, where_the_object_was);
      g_hash_table_remove (connection->gate->sockets, connection->remote);
      g_hash_table_remove (connection->gate->bases, connection->remote);
    }
  g_object_unref (connection->remote);
  g_free (connection);
}

/* The TLS (or plain) stream over @newcomer's connection, or NULL. */
static GIOStream *
secure (BkServerGate *self, Newcomer *newcomer)
{
  g_autoptr (GError) error = NULL;
  GIOStream *base;

  if (self->certificate == NULL)
    return g_object_ref (G_IO_STREAM (newcomer->connection));
  /* The server asks for no client certificate, so it needs no CAs. Said
   * at construction, as libsoup does: otherwise each connection loads
   * and parses the system's whole trust store into its GnuTLS
   * credentials, about 4 MB and most of a handshake's CPU time. */
  base = g_initable_new (g_tls_backend_get_server_connection_type (g_tls_backend_get_default ()),
                         NULL, &error, "base-io-stream", newcomer->connection, "certificate",
                         self->certificate, "database", NULL, NULL);
  if (base == NULL)
    bk_server_log (3, "TLS is not available: %s", error->message);
  return base;
}

/* Gives @newcomer, its handshake done, to libsoup. */
static void
hand_over (BkServerGate *self, Newcomer *newcomer)
{
  GSocket *socket = g_socket_connection_get_socket (newcomer->connection);
  g_autoptr (GIOStream) base = g_steal_pointer (&newcomer->stream);
  g_autoptr (GIOStream) stream = NULL;
  g_autoptr (GInputStream) input = NULL;
  Connection *connection;

  /* Every wait for the client from now on (headers, body, reading the
   * answer) ends with an error after this many seconds. */
  g_socket_set_timeout (socket, self->limits.idle_timeout);

  /* libsoup reads the request through a stream that holds its headers
   * back (see bk-server-header-guard.c); the TLS (or socket) connection
   * lives as long as that stream. */
  input = bk_server_header_guard_new (g_io_stream_get_input_stream (base), MAX_HEADER_BYTES, socket,
                                      self->limits.idle_timeout, self->limits.keep_alive);
  stream = g_simple_io_stream_new (input, g_io_stream_get_output_stream (base));
  g_object_set_data_full (G_OBJECT (stream), "bk-base-stream", g_steal_pointer (&base),
                          g_object_unref);

  connection = g_new0 (Connection, 1);
  connection->gate = self;
  connection->remote = g_object_ref (newcomer->remote);
  connection->base = g_object_get_data (G_OBJECT (stream), "bk-base-stream");
  g_hash_table_insert (self->bases, newcomer->remote, connection->base);
  g_hash_table_insert (self->connections, stream, connection);
  g_hash_table_insert (self->sockets, newcomer->remote, socket);
  g_object_weak_ref (G_OBJECT (stream), connection_gone_cb, connection);

  soup_server_accept_iostream (self->soup_server, stream, newcomer->local, newcomer->remote, NULL);
  newcomer_drop (newcomer, FALSE);
}

/* The raw HTTP/1.1 answer for an error (closing the connection). */
static char *
raw_answer (guint status, const char *code, const char *message, guint retry_after)
{
  g_autofree char *body = bk_server_error_body (code, message);
  g_autofree char *retry = retry_after > 0 ? g_strdup_printf ("Retry-After: %u\r\n", retry_after)
                                           : g_strdup ("");

  return g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                          "Server: baokao-server/" PACKAGE_VERSION "\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "%sConnection: close\r\n\r\n%s",
                          status, soup_status_get_phrase (status), strlen (body), retry, body);
}

static void
handshake_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Newcomer *newcomer = user_data;
  gboolean done = g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, NULL);

  if (!newcomer_resume (newcomer))
    return;
  if (done)
    hand_over (newcomer->gate, newcomer);
  else
    newcomer_drop (newcomer, TRUE);
}

/* Makes @newcomer's TLS connection and runs its handshake (within
 * HANDSHAKE_SECONDS: glib-networking holds a thread while it waits for
 * the client), then hands it over. */
static void
start (BkServerGate *self, Newcomer *newcomer)
{
  newcomer->stream = secure (self, newcomer);
  if (newcomer->stream == NULL)
    {
      newcomer_drop (newcomer, TRUE);
      return;
    }
  if (self->certificate == NULL)
    {
      hand_over (self, newcomer);
      return;
    }
  g_socket_set_timeout (g_socket_connection_get_socket (newcomer->connection),
                        MIN (self->limits.idle_timeout, HANDSHAKE_SECONDS));
  newcomer->cancellable = g_cancellable_new ();
  newcomer->busy = TRUE;
  g_tls_connection_handshake_async (G_TLS_CONNECTION (newcomer->stream), G_PRIORITY_DEFAULT,
                                    newcomer->cancellable, handshake_done_cb, newcomer);
}

/* Refusing a connection over the cap: read its headers, answer 503, close */

static void read_refused_request (Newcomer *newcomer);

static void
refusal_closed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  if (newcomer_resume (user_data))
    newcomer_drop (user_data, TRUE);
}

static void
refusal_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Newcomer *newcomer = user_data;
  gboolean written = g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL,
                                                       NULL);

  if (!newcomer_resume (newcomer))
    return;
  if (!written)
    {
      newcomer_drop (newcomer, TRUE);
      return;
    }
  newcomer->busy = TRUE;
  g_io_stream_close_async (newcomer->stream, G_PRIORITY_DEFAULT, newcomer->cancellable,
                           refusal_closed_cb, newcomer);
}

static void
refusal_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Newcomer *newcomer = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  gboolean ended = FALSE;

  if (!newcomer_resume (newcomer))
    return;
  if (n <= 0)
    {
      newcomer_drop (newcomer, TRUE);
      return;
    }
  for (gssize i = 0; i < n && !ended; i++)
    {
      memmove (newcomer->tail, newcomer->tail + 1, 3);
      newcomer->tail[3] = newcomer->buffer[i];
      ended = memcmp (newcomer->tail, "\r\n\r\n", 4) == 0 ||
              memcmp (newcomer->tail + 2, "\n\n", 2) == 0;
    }
  newcomer->header_bytes += n;
  if (!ended && newcomer->header_bytes < MAX_HEADER_BYTES)
    {
      read_refused_request (newcomer);
      return;
    }
  newcomer->busy = TRUE;
  g_output_stream_write_all_async (g_io_stream_get_output_stream (newcomer->stream),
                                   newcomer->answer, strlen (newcomer->answer), G_PRIORITY_DEFAULT,
                                   newcomer->cancellable, refusal_written_cb, newcomer);
}

static void
read_refused_request (Newcomer *newcomer)
{
  newcomer->busy = TRUE;
  g_input_stream_read_async (g_io_stream_get_input_stream (newcomer->stream), newcomer->buffer,
                             sizeof newcomer->buffer, G_PRIORITY_DEFAULT, newcomer->cancellable,
                             refusal_read_cb, newcomer);
}

/* A newcomer said nothing in time, or a refusal took too long. */
static gboolean
timeout_cb (gpointer user_data)
{
  Newcomer *newcomer = user_data;

  newcomer->timer = 0;
  newcomer_drop (newcomer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
refuse (BkServerGate *self, Newcomer *newcomer)
{
  newcomer->answer = raw_answer (
    503, "too_many_connections",
    "The server has too many connections open: try again in a few seconds.", RETRY_AFTER_SECONDS);
  g_socket_set_timeout (g_socket_connection_get_socket (newcomer->connection), REFUSAL_SECONDS);
  newcomer->stream = secure (self, newcomer);
  if (newcomer->stream == NULL)
    {
      newcomer_drop (newcomer, TRUE);
      return;
    }
  newcomer->cancellable = g_cancellable_new ();
  /* The whole answer within twice the time given to each step. */
  g_clear_handle_id (&newcomer->timer, g_source_remove);
  newcomer->timer = g_timeout_add_seconds (2 * REFUSAL_SECONDS, timeout_cb, newcomer);
  read_refused_request (newcomer);
}

/* Waiting for a newcomer's first bytes */

/* Whether the whole first TLS record (the ClientHello) has arrived, so
 * that the handshake will not wait for it in a thread; if not, the socket
 * is made to wake the main loop only once it has. */
static gboolean
hello_complete (int fd)
{
  guint8 head[5];
  gssize n = recv (fd, head, sizeof head, MSG_PEEK | MSG_DONTWAIT);
  int need = 5;
  int available = 0;
  gboolean complete = FALSE;

  if (n == sizeof head)
    {
      /* Not a TLS handshake record: the handshake fails at once. */
      complete = head[0] != 0x16;
      need = MIN (5 + ((head[3] << 8) | head[4]), MAX_HELLO_BYTES);
      complete = complete || (ioctl (fd, FIONREAD, &available) == 0 && available >= need);
    }
  if (complete)
    need = 1; /* as it was: libsoup reads whatever has come */
  setsockopt (fd, SOL_SOCKET, SO_RCVLOWAT, &need, sizeof need);
  return complete;
}

static gboolean
readable_cb (GSocket *socket, GIOCondition condition, gpointer user_data)
{
  Newcomer *newcomer = user_data;
  int fd = g_socket_get_fd (socket);
  char byte;
  gssize n = recv (fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);

  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return G_SOURCE_CONTINUE;
  if (n > 0 && newcomer->gate->certificate != NULL && !hello_complete (fd))
    return G_SOURCE_CONTINUE; /* a client that trickles its ClientHello */
  g_source_unref (g_steal_pointer (&newcomer->readable));
  if (n <= 0)
    {
      /* Gone before saying anything: no TLS, no thread. */
      newcomer_drop (newcomer, TRUE);
      return G_SOURCE_REMOVE;
    }
  newcomer->spoken = TRUE;
  g_clear_handle_id (&newcomer->timer, g_source_remove);
  if (newcomer->refusal)
    refuse (newcomer->gate, newcomer);
  else
    start (newcomer->gate, newcomer);
  return G_SOURCE_REMOVE;
}

static void
log_refusal (BkServerGate *self, const char *what)
{
  gint64 now = g_get_monotonic_time ();

  /* At most one line a second while a flood lasts. */
  if (now - self->last_refusal_log > G_USEC_PER_SEC)
    {
      self->last_refusal_log = now;
      bk_server_log (4, "%u connections open: %s until some close", self->limits.max_connections,
                     what);
    }
}

/* Makes room for one more refusal, dropping the oldest silent one. */
static gboolean
make_refusal_room (BkServerGate *self)
{
  if (self->refusing.length < BK_SERVER_GATE_REFUSING)
    return TRUE;
  for (GList *l = self->refusing.head; l != NULL; l = l->next)
    {
      Newcomer *newcomer = l->data;

      if (!newcomer->spoken)
        {
          newcomer_drop (newcomer, TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
incoming_cb (GSocketService *service,
             GSocketConnection *connection,
             GObject *source_object,
             gpointer user_data)
{
  BkServerGate *self = user_data;
  GSocket *socket = g_socket_connection_get_socket (connection);
  Newcomer *newcomer;

  newcomer = g_new0 (Newcomer, 1);
  newcomer->gate = self;
  newcomer->connection = g_object_ref (connection);
  newcomer->local = g_socket_connection_get_local_address (connection, NULL);
  newcomer->remote = g_socket_connection_get_remote_address (connection, NULL);
  newcomer->refusal = bk_server_gate_get_open (self) >= self->limits.max_connections;
  if (newcomer->local == NULL || newcomer->remote == NULL ||
      (newcomer->refusal && !make_refusal_room (self)))
    {
      if (newcomer->refusal)
        log_refusal (self, "closing new ones at once");
      g_socket_close (socket, NULL);
      newcomer_free (newcomer);
      return TRUE;
    }
  if (newcomer->refusal)
    log_refusal (self, "answering new ones 503");

  g_queue_push_tail (newcomer->refusal ? &self->refusing : &self->waiting, newcomer);
  g_socket_set_timeout (socket, 0);
  newcomer->readable = g_socket_create_source (socket, G_IO_IN, NULL);
  g_source_set_callback (newcomer->readable, G_SOURCE_FUNC (readable_cb), newcomer, NULL);
  g_source_attach (newcomer->readable, g_main_context_get_thread_default ());
  newcomer->timer = g_timeout_add_seconds (
    newcomer->refusal ? REFUSAL_SECONDS : self->limits.idle_timeout, timeout_cb, newcomer);
  return TRUE;
}

/* GObject */

/* A connection that outlives the gate must not reach back into it. */
static void
forget_connection (gpointer key, gpointer value, gpointer user_data)
{
  Connection *connection = value;

  connection->gate = NULL;
}

static void
drop_all (GQueue *queue)
{
  Newcomer *newcomer;

  while ((newcomer = g_queue_peek_head (queue)) != NULL)
    newcomer_drop (newcomer, TRUE);
}

static void
bk_server_gate_dispose (GObject *object)
{
  BkServerGate *self = BK_SERVER_GATE (object);

  bk_server_gate_stop (self);
  drop_all (&self->waiting);
  drop_all (&self->refusing);
  if (self->connections != NULL)
    {
      g_hash_table_foreach (self->connections, forget_connection, NULL);
      g_hash_table_remove_all (self->connections);
      g_hash_table_remove_all (self->sockets);
      g_hash_table_remove_all (self->bases);
    }
  g_clear_object (&self->soup_server);

  G_OBJECT_CLASS (bk_server_gate_parent_class)->dispose (object);
}

static void
bk_server_gate_finalize (GObject *object)
{
  BkServerGate *self = BK_SERVER_GATE (object);

  g_clear_object (&self->certificate);
  if (self->keep_peer >= 0)
    close (self->keep_peer);
  g_hash_table_unref (self->connections);
  g_hash_table_unref (self->sockets);
  g_hash_table_unref (self->bases);

  G_OBJECT_CLASS (bk_server_gate_parent_class)->finalize (object);
}

static void
bk_server_gate_class_init (BkServerGateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_server_gate_dispose;
  object_class->finalize = bk_server_gate_finalize;
}

static void
bk_server_gate_init (BkServerGate *self)
{
  self->connections = g_hash_table_new (NULL, NULL);
  self->sockets = g_hash_table_new (NULL, NULL);
  self->bases = g_hash_table_new (NULL, NULL);
  self->keep_peer = -1;
  g_queue_init (&self->waiting);
  g_queue_init (&self->refusing);
}

BkServerGate *
bk_server_gate_new (SoupServer *soup_server,
                    const BkServerLimits *limits,
                    GTlsCertificate *certificate)
{
  BkServerGate *self;

  g_return_val_if_fail (SOUP_IS_SERVER (soup_server), NULL);
  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (BK_TYPE_SERVER_GATE, NULL);
  self->soup_server = g_object_ref (soup_server);
  self->limits = *limits;
  g_set_object (&self->certificate, certificate);
  return self;
}

/* libsoup 3.2 keeps a connection after an answer only while the server
 * has a listener of its own (soup-server.c: request_finished()), and this
 * server has none: the gate accepts connections itself. So libsoup is
 * given one that never accepts anything: one end of a socket pair,
 * connected, never written to, reachable by no other process. */
static gboolean
keep_connections (BkServerGate *self, GError **error)
{
  int fds[2];
  g_autoptr (GSocket) socket = NULL;

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "socketpair: %s",
                   g_strerror (saved));
      return FALSE;
    }
  self->keep_peer = fds[1];
  socket = g_socket_new_from_fd (fds[0], error);
  if (socket == NULL)
    {
      close (fds[0]);
      return FALSE;
    }
  return soup_server_listen_socket (self->soup_server, socket, 0, error);
}

gboolean
bk_server_gate_listen (
  BkServerGate *self, const char *address, guint port, guint *effective_port, GError **error)
{
  g_autoptr (GInetAddress) inet = NULL;
  g_autoptr (GSocketAddress) socket_address = NULL;
  g_autoptr (GSocketAddress) effective = NULL;

  g_return_val_if_fail (BK_IS_SERVER_GATE (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (self->service == NULL, FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address",
                   address);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (inet, port);
  self->service = g_socket_service_new ();
  /* Connections are taken from the kernel's queue as fast as they come
   * (and refused by us past the cap), so the queue only absorbs bursts. */
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (self->service), 1024);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), socket_address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, &effective,
                                      error))
    {
      g_clear_object (&self->service);
      return FALSE;
    }
  if (!keep_connections (self, error))
    {
      g_clear_object (&self->service);
      return FALSE;
    }
  g_signal_connect_object (self->service, "incoming", G_CALLBACK (incoming_cb), self, 0);
  if (effective_port != NULL)
    *effective_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_service_start (self->service);
  return TRUE;
}

void
bk_server_gate_stop (BkServerGate *self)
{
  g_return_if_fail (BK_IS_SERVER_GATE (self));

  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
      g_clear_object (&self->service);
    }
}

GSocket *
bk_server_gate_get_socket (BkServerGate *self, GSocketAddress *remote)
{
  g_return_val_if_fail (BK_IS_SERVER_GATE (self), NULL);

  return remote != NULL ? g_hash_table_lookup (self->sockets, remote) : NULL;
}

static void
answer_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL);
  g_free (user_data);
}

void
bk_server_gate_answer_now (
  BkServerGate *self, GSocketAddress *remote, guint status, const char *code, const char *message)
{
  GIOStream *base;
  char *answer;

  g_return_if_fail (BK_IS_SERVER_GATE (self));

  base = remote != NULL ? g_hash_table_lookup (self->bases, remote) : NULL;
  if (base == NULL)
    return;
  /* Asynchronously: a blocking write here, in the main loop, can wait for
   * glib-networking's handshake thread, which waits for the main loop. A
   * client that reads nothing is bounded by the socket's timeout. */
  answer = raw_answer (status, code, message, 0);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (base), answer, strlen (answer),
                                   G_PRIORITY_DEFAULT, NULL, answer_written_cb, answer);
}

void
bk_server_gate_drop (BkServerGate *self, GSocketAddress *remote)
{
  GSocket *socket;

  g_return_if_fail (BK_IS_SERVER_GATE (self));

  socket = bk_server_gate_get_socket (self, remote);
  /* Closed, not only shut down: Linux keeps taking a client's bytes into
   * a socket shut down for reading, so a client sending a 400 MB body
   * would only stall. libsoup then fails on the closed socket and lets
   * the connection go. */
  if (socket != NULL)
    g_socket_close (socket, NULL);
}

guint
bk_server_gate_get_open (BkServerGate *self)
{
  g_return_val_if_fail (BK_IS_SERVER_GATE (self), 0);

  return g_hash_table_size (self->connections) + self->waiting.length;
}
