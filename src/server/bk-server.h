/* bk-server.h — the registration server's HTTP(S) front
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-server-database.h"
#include "bk-server-limits.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVER (bk_server_get_type ())

G_DECLARE_FINAL_TYPE (BkServer, bk_server, BK, SERVER, GObject)

BkServer *bk_server_new (BkServerDatabase *database, const BkServerLimits *limits);

/* Listens on @address:@port (0 picks a free port). With @certificate the
 * server speaks HTTPS only; without, plain HTTP, which the caller allows
 * only on loopback. */
gboolean bk_server_listen (
  BkServer *self, const char *address, guint port, GTlsCertificate *certificate, GError **error);
guint bk_server_get_port (BkServer *self);

/* Stops accepting connections; requests already read are still answered. */
void bk_server_stop_accepting (BkServer *self);
/* Requests read (headers in) and not yet answered. */
guint bk_server_get_requests_in_flight (BkServer *self);

G_END_DECLS
