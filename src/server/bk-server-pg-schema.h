/* bk-server-pg-schema.h — the server's PostgreSQL schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Migration n takes the schema from version n to n + 1. */
extern const char *const bk_server_pg_migrations[];
extern const guint bk_server_pg_n_migrations;

G_END_DECLS
