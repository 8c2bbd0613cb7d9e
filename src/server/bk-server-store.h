/* bk-server-store.h — BkServerDatabase on SQLite or PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVER_STORE (bk_server_store_get_type ())

G_DECLARE_FINAL_TYPE (BkServerStore, bk_server_store, BK, SERVER_STORE, GObject)

/* Opens @target — a libpq connection string ("postgresql://…" or
 * "host=… dbname=…") or else a SQLite file, created if needed — and
 * brings its schema up to date. */
BkServerStore *bk_server_store_open (const char *target, GError **error);

/* Tests only: a push whose Idempotency-Key is @key waits @milliseconds
 * after its changes are written and before it commits, so that a test can
 * make a transaction commit late on purpose. */
void bk_server_store_set_commit_delay (BkServerStore *self, const char *key, guint milliseconds);

G_END_DECLS
