/* bk-store-schema.h — the schema and its forward migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* migrations[i] brings a database from user_version i to i + 1. */
const char *const *bk_store_schema_get_migrations (guint *n_migrations);
guint bk_store_schema_get_current_version (void);

G_END_DECLS
