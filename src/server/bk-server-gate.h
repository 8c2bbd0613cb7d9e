/* bk-server-gate.h — where the server's connections come in
 *
 * Accepts connections, keeps their number under the cap, waits for a
 * client's first bytes without holding a thread, and hands each
 * connection (TLS or plain, read through the header guard) to libsoup.
 * Connections over the cap are answered 503 at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "bk-server-limits.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVER_GATE (bk_server_gate_get_type ())

G_DECLARE_FINAL_TYPE (BkServerGate, bk_server_gate, BK, SERVER_GATE, GObject)

/* Connections being refused (503) at once, beyond the cap; when they are
 * all taken, the oldest that has not spoken yet is dropped for a new one. */
#define BK_SERVER_GATE_REFUSING 64

/* @soup_server receives the accepted connections; @certificate NULL means
 * plain HTTP. */
BkServerGate *bk_server_gate_new (SoupServer *soup_server,
                                  const BkServerLimits *limits,
                                  GTlsCertificate *certificate);

/* Listens on @address:@port (0 picks a free port); *@effective_port is the
 * port taken. */
gboolean bk_server_gate_listen (
  BkServerGate *self, const char *address, guint port, guint *effective_port, GError **error);

/* Closes the listening socket; connections already open go on. */
void bk_server_gate_stop (BkServerGate *self);

/* The socket of the open connection from @remote (the address libsoup
 * gives with the message), or NULL. */
GSocket *bk_server_gate_get_socket (BkServerGate *self, GSocketAddress *remote);

/* Answers the request on the connection from @remote at once with
 * @status and the JSON error {@code, @message}, and ends the answer
 * (TLS close_notify), while libsoup may still be reading its body: for a
 * body over the limit, which libsoup would read to its end before
 * answering. The connection is closed later (bk_server_gate_drop()). */
void bk_server_gate_answer_now (
  BkServerGate *self, GSocketAddress *remote, guint status, const char *code, const char *message);

/* Closes the connection from @remote in both directions. */
void bk_server_gate_drop (BkServerGate *self, GSocketAddress *remote);

/* Connections open (waiting for their first bytes or handed to libsoup). */
guint bk_server_gate_get_open (BkServerGate *self);

G_END_DECLS
