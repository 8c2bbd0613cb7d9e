/* bk-server-header-guard.h — holds a request's headers back from libsoup
 * and swaps a request with huge headers or a ".." path for one the server
 * answers with a JSON error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_SERVER_HEADER_GUARD (bk_server_header_guard_get_type ())

G_DECLARE_FINAL_TYPE (
  BkServerHeaderGuard, bk_server_header_guard, BK, SERVER_HEADER_GUARD, GFilterInputStream)

/* Reads @base; see bk-server-header-guard.c for what it changes. */
GInputStream *bk_server_header_guard_new (
  GInputStream *base, gsize limit, GSocket *socket, guint idle_timeout, guint keep_alive);

G_END_DECLS
