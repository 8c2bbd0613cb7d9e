/* bk-server.h — the registration server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_SERVER (bk_server_get_type ())

G_DECLARE_FINAL_TYPE (BkServer, bk_server, BK, SERVER, GObject)

BkServer *bk_server_new (void);
gboolean bk_server_listen (BkServer *self, const char *address, guint port, GError **error);
guint bk_server_get_port (BkServer *self);

G_END_DECLS
