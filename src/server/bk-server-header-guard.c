/* bk-server-header-guard.c
 *
 * libsoup 3.2 reads up to 64 KiB of headers and then closes the
 * connection without an answer, and it resolves "/a/../b" to "/b" before
 * a handler sees the path. So libsoup reads each connection through this
 * stream, which holds the request line and headers back until their end:
 * - headers over the limit are read to their end and thrown away, and
 *   libsoup is given "GET /.bk/headers-too-large" instead;
 * - a request line whose path has a ".." segment (plain or %2e-encoded)
 *   is given to libsoup as "GET /.bk/bad-path";
 * - a malformed request line or header (which libsoup would answer with an
 *   empty body) as "GET /.bk/malformed";
 * and the server answers both with the same JSON errors as every other
 * refusal. Connections are kept for several requests: the guard passes a
 * body of Content-Length bytes through and then holds the next request's
 * headers back as it did the first's, so every request on a connection is
 * guarded alike. A chunked body's end is not tracked here: such a request
 * is given to libsoup with "Connection: close" added, and is the
 * connection's last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-server-header-guard.h"

typedef enum
{
  STATE_HOLDING,  /* collecting the headers */
  STATE_DRAINING, /* over the limit: reading them to their end */
  STATE_PASSING,  /* the headers went on: the body passes through */
  STATE_ENDED,    /* a substitute request was given: nothing more */
} State;

struct _BkServerHeaderGuard
{
  GFilterInputStream parent_instance;

  gsize limit;
  State state;
  GByteArray *held;    /* headers held back */
  GByteArray *pending; /* what libsoup reads next */
  gsize pending_offset;
  guint8 last[2];    /* the two bytes before the one looked at */
  guint64 body_left; /* in STATE_PASSING: the body's bytes still to pass */
  GSocket *socket;   /* its timeout: keep_alive between requests, else idle */
  guint idle_timeout;
  guint keep_alive;
  gboolean between; /* a request was answered; no byte of the next one yet */
};

static void bk_server_header_guard_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServerHeaderGuard,
                               bk_server_header_guard,
                               G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      bk_server_header_guard_pollable_init))

static GInputStream *
base_stream (BkServerHeaderGuard *self)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
}

static void
substitute (BkServerHeaderGuard *self, const char *path)
{
  g_autofree char *request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: localhost\r\n"
                                              "Connection: close\r\n\r\n",
                                              path);

  g_byte_array_set_size (self->pending, 0);
  self->pending_offset = 0;
  g_byte_array_append (self->pending, (const guint8 *) request, strlen (request));
  self->state = STATE_ENDED;
}

/* Whether the request line's path has a ".." or "." segment, written
 * plainly or percent-encoded. */
static gboolean
has_dot_segment (const char *target)
{
  g_autofree char *raw = g_strdup (target);
  g_autofree char *path = NULL;
  g_auto (GStrv) segments = NULL;

  raw[strcspn (raw, "?#")] = '\0';
  path = g_uri_unescape_string (raw, NULL);
  if (path == NULL)
    return TRUE; /* undecodable: refuse it the same way */
  segments = g_strsplit (path, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], "..") || g_str_equal (segments[i], "."))
      return TRUE;
  return FALSE;
}

static gboolean
is_token (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("!#$%&'*+-.^_`|~", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* NULL when the held request line and headers are well formed; otherwise
 * the path of the substitute request that refuses them. (libsoup would
 * answer malformed ones itself, but with an empty body.) */
static const char *
check_headers (const GByteArray *held)
{
  g_autofree char *text = g_strndup ((const char *) held->data, held->len);
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) request = NULL;

  if (memchr (held->data, '\0', held->len) != NULL)
    return "/.bk/malformed";
  g_strdelimit (text, "\r", '\n');
  lines = g_strsplit (text, "\n", -1);
  request = g_strsplit (lines[0], " ", -1);
  if (g_strv_length (request) != 3 || !is_token (request[0]) || request[1][0] != '/' ||
      (!g_str_equal (request[2], "HTTP/1.1") && !g_str_equal (request[2], "HTTP/1.0")))
    return "/.bk/malformed";
  if (has_dot_segment (request[1]))
    return "/.bk/bad-path";

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (lines[i][0] == '\0')
        continue; /* the "\r\n" pairs and the blank line at the end */
      if (colon == NULL)
        return "/.bk/malformed";
      name = g_strndup (lines[i], colon - lines[i]);
      value = g_strstrip (g_ascii_strdown (colon + 1, -1));
      if (!is_token (name))
        return "/.bk/malformed";
      if (g_ascii_strcasecmp (name, "Transfer-Encoding") == 0 && !g_str_equal (value, "chunked") &&
          !g_str_equal (value, "identity"))
        return "/.bk/malformed";
      if (g_ascii_strcasecmp (name, "Content-Length") == 0 &&
          (value[0] == '\0' || value[strspn (value, "0123456789")] != '\0'))
        return "/.bk/malformed";
    }
  return NULL;
}

/* The length of the body after the held headers (which are well formed);
 * G_MAXUINT64 when it ends only with the connection: a chunked body, or
 * Content-Length given more than once. */
static guint64
body_length (const GByteArray *held)
{
  g_autofree char *text = g_strndup ((const char *) held->data, held->len);
  g_auto (GStrv) lines = NULL;
  guint64 length = 0;
  guint lengths = 0;

  g_strdelimit (text, "\r", '\n');
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      if (g_ascii_strncasecmp (lines[i], "Transfer-Encoding:", colon + 1 - lines[i]) == 0 &&
          colon - lines[i] == strlen ("Transfer-Encoding"))
        return G_MAXUINT64;
      if (g_ascii_strncasecmp (lines[i], "Content-Length:", colon + 1 - lines[i]) == 0 &&
          colon - lines[i] == strlen ("Content-Length"))
        {
          lengths++;
          length = g_ascii_strtoull (colon + 1, NULL, 10);
        }
    }
  return lengths > 1 ? G_MAXUINT64 : length;
}

/* Adds "Connection: close" before the blank line that ends @held. */
static void
add_close (GByteArray *held)
{
  static const char close[] = "Connection: close\r\n";
  guint at = held->len >= 4 && memcmp (held->data + held->len - 4, "\r\n\r\n", 4) == 0
               ? held->len - 2
               : held->len - 1;

  guint tail = held->len - at;

  g_byte_array_set_size (held, held->len + strlen (close));
  memmove (held->data + at + strlen (close), held->data + at, tail);
  memcpy (held->data + at, close, strlen (close));
}

static void take (BkServerHeaderGuard *self, const guint8 *data, gsize n);

/* The body passed: what comes next is another request's headers, and
 * until its first byte the connection is idle for keep-alive seconds at
 * most. */
static void
next_request (BkServerHeaderGuard *self)
{
  self->state = STATE_HOLDING;
  self->last[0] = self->last[1] = '\0';
  self->between = TRUE;
  g_socket_set_timeout (self->socket, self->keep_alive);
}

/* Passes @n bytes of the body on; what follows it is the next request. */
static void
pass_body (BkServerHeaderGuard *self, const guint8 *data, gsize n)
{
  gsize body = MIN ((guint64) n, self->body_left);

  g_byte_array_append (self->pending, data, body);
  if (self->body_left != G_MAXUINT64)
    self->body_left -= body;
  if (self->body_left == 0)
    {
      next_request (self);
      if (body < n)
        take (self, data + body, n - body);
    }
}

/* Takes @n bytes read from the client. */
static void
take (BkServerHeaderGuard *self, const guint8 *data, gsize n)
{
  gboolean ended = FALSE;
  gsize i;

  if (self->between && n > 0)
    {
      self->between = FALSE;
      g_socket_set_timeout (self->socket, self->idle_timeout);
    }

  /* The headers end at a blank line: "\r\n\r\n", or "\n\n" as libsoup
   * also accepts. */
  for (i = 0; i < n && !ended; i++)
    {
      if (data[i] == '\n' &&
          (self->last[1] == '\n' || (self->last[1] == '\r' && self->last[0] == '\n')))
        ended = TRUE;
      self->last[0] = self->last[1];
      self->last[1] = data[i];
    }

  if (self->state == STATE_HOLDING)
    {
      g_byte_array_append (self->held, data, i);
      if (ended)
        {
          const char *refusal = check_headers (self->held);

          if (refusal != NULL)
            {
              substitute (self, refusal);
              g_byte_array_set_size (self->held, 0);
            }
          else
            {
              self->body_left = body_length (self->held);
              if (self->body_left == G_MAXUINT64)
                add_close (self->held);
              g_byte_array_append (self->pending, self->held->data, self->held->len);
              g_byte_array_set_size (self->held, 0);
              self->state = STATE_PASSING;
              pass_body (self, data + i, n - i); /* the body's start */
            }
        }
      else if (self->held->len > self->limit)
        {
          g_byte_array_set_size (self->held, 0);
          self->state = STATE_DRAINING;
        }
    }
  else if (self->state == STATE_DRAINING && ended)
    substitute (self, "/.bk/headers-too-large");
}

static gsize
give (BkServerHeaderGuard *self, void *buffer, gsize count)
{
  gsize n = MIN (count, self->pending->len - self->pending_offset);

  memcpy (buffer, self->pending->data + self->pending_offset, n);
  self->pending_offset += n;
  if (self->pending_offset == self->pending->len)
    {
      g_byte_array_set_size (self->pending, 0);
      self->pending_offset = 0;
    }
  return n;
}

static gssize
guard_read_any (BkServerHeaderGuard *self,
                void *buffer,
                gsize count,
                gboolean blocking,
                GCancellable *cancellable,
                GError **error)
{
  guint8 chunk[8192];

  for (;;)
    {
      gssize n;

      if (self->pending->len > 0)
        return give (self, buffer, count);
      if (self->state == STATE_ENDED)
        return 0;
      if (self->state == STATE_PASSING)
        {
          /* Straight into libsoup's buffer, but never past the body. */
          gsize want = MIN ((guint64) count, self->body_left);

          n = blocking
                ? g_input_stream_read (base_stream (self), buffer, want, cancellable, error)
                : g_pollable_input_stream_read_nonblocking (
                    G_POLLABLE_INPUT_STREAM (base_stream (self)), buffer, want, cancellable, error);
          if (n > 0 && self->body_left != G_MAXUINT64)
            self->body_left -= n;
          if (n > 0 && self->body_left == 0)
            next_request (self);
          return n;
        }

      n =
        blocking
          ? g_input_stream_read (base_stream (self), chunk, sizeof chunk, cancellable, error)
          : g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (base_stream (self)),
                                                      chunk, sizeof chunk, cancellable, error);
      if (n < 0 && (self->held->len > 0 || error == NULL ||
                    g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)))
        return n;
      if (n <= 0 && self->held->len == 0)
        {
          /* Gone, or idle past the timeout, before a request's first byte.
           * libsoup 3.2 drops a connection only once a request has begun
           * (otherwise it keeps the connection, and its place under the
           * cap, for good): give it a request that has begun and ends
           * here, so that it does; the client is not to hear libsoup's
           * answer to it (400). */
          g_clear_error (error);
          g_socket_shutdown (self->socket, FALSE, TRUE, NULL);
          g_byte_array_append (self->pending, (const guint8 *) "G", 1);
          self->state = STATE_ENDED;
          continue;
        }
      if (n < 0)
        return n;
      if (n == 0)
        {
          /* The client stopped: hand over what was held (libsoup then
           * sees a truncated request) and the end. */
          g_byte_array_append (self->pending, self->held->data, self->held->len);
          g_byte_array_set_size (self->held, 0);
          self->state = STATE_ENDED;
          if (self->pending->len == 0)
            return 0;
          continue;
        }
      take (self, chunk, n);
    }
}

static gssize
guard_read (
  GInputStream *stream, void *buffer, gsize count, GCancellable *cancellable, GError **error)
{
  return guard_read_any (BK_SERVER_HEADER_GUARD (stream), buffer, count, TRUE, cancellable, error);
}

static gboolean
guard_can_poll (GPollableInputStream *stream)
{
  GInputStream *base = base_stream (BK_SERVER_HEADER_GUARD (stream));

  return G_IS_POLLABLE_INPUT_STREAM (base) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (base));
}

static gboolean
guard_is_readable (GPollableInputStream *stream)
{
  BkServerHeaderGuard *self = BK_SERVER_HEADER_GUARD (stream);

  return self->pending->len > 0 || self->state == STATE_ENDED ||
         g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (base_stream (self)));
}

static GSource *
guard_create_source (GPollableInputStream *stream, GCancellable *cancellable)
{
  BkServerHeaderGuard *self = BK_SERVER_HEADER_GUARD (stream);
  g_autoptr (GSource) child = NULL;

  if (self->pending->len > 0 || self->state == STATE_ENDED)
    child = g_timeout_source_new (0); /* readable now */
  else
    child = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (base_stream (self)),
                                                   NULL);
  return g_pollable_source_new_full (stream, child, cancellable);
}

static gssize
guard_read_nonblocking (GPollableInputStream *stream, void *buffer, gsize count, GError **error)
{
  return guard_read_any (BK_SERVER_HEADER_GUARD (stream), buffer, count, FALSE, NULL, error);
}

static void
bk_server_header_guard_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = guard_can_poll;
  iface->is_readable = guard_is_readable;
  iface->create_source = guard_create_source;
  iface->read_nonblocking = guard_read_nonblocking;
}

static void
bk_server_header_guard_finalize (GObject *object)
{
  BkServerHeaderGuard *self = BK_SERVER_HEADER_GUARD (object);

  g_byte_array_unref (self->held);
  g_byte_array_unref (self->pending);
  g_clear_object (&self->socket);

  G_OBJECT_CLASS (bk_server_header_guard_parent_class)->finalize (object);
}

static void
bk_server_header_guard_class_init (BkServerHeaderGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_server_header_guard_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = guard_read;
}

static void
bk_server_header_guard_init (BkServerHeaderGuard *self)
{
  self->held = g_byte_array_new ();
  self->pending = g_byte_array_new ();
}

GInputStream *
bk_server_header_guard_new (
  GInputStream *base, gsize limit, GSocket *socket, guint idle_timeout, guint keep_alive)
{
  BkServerHeaderGuard *self;

  g_return_val_if_fail (G_IS_POLLABLE_INPUT_STREAM (base), NULL);
  g_return_val_if_fail (G_IS_SOCKET (socket), NULL);

  self = g_object_new (BK_TYPE_SERVER_HEADER_GUARD, "base-stream", base, NULL);
  self->limit = limit;
  self->socket = g_object_ref (socket);
  self->idle_timeout = idle_timeout;
  self->keep_alive = keep_alive;
  return G_INPUT_STREAM (self);
}
