/* bk-store-secret.h — the columns that hold a profile's sensitive
 * values, sealed with its data key, and sealing what an older file holds
 * in plain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "bk-database.h"

G_BEGIN_DECLS

/* Whether @table.@column holds sealed values (see bk-store-secret.c). */
gboolean bk_store_secret_is_column (const char *table, const char *column);

/* The associated data of a value: "@table.@column/@row_key". */
char *bk_store_secret_context (const char *table, const char *column, const char *row_key);

/* The key to seal @profile_id's values with: its data key when it is
 * unlocked; NULL (the values are written plain, and sealed at the next
 * unlock) when the profile has no key at all (a file from before, a
 * store used by a test or by baokao-tool, a first pull before the
 * profile is here); FALSE with LOCKED when it has a key that is not
 * unlocked, so nothing is ever written plain beside sealed values. */
gboolean
bk_store_secret_key (BkDatabase *db, const char *profile_id, const guint8 **key, GError **error);

/* Binds @text (NULL binds NULL) or @bytes (NULL binds a zero-length
 * blob), sealed with @profile_id's key under @context, or plain as
 * bk_store_secret_key says. */
gboolean bk_store_bind_secret_text (BkDatabase *db,
                                    sqlite3_stmt *stmt,
                                    int index,
                                    const char *profile_id,
                                    const char *context,
                                    const char *text,
                                    GError **error);
gboolean bk_store_bind_secret_bytes (BkDatabase *db,
                                     sqlite3_stmt *stmt,
                                     int index,
                                     const char *profile_id,
                                     const char *context,
                                     GBytes *bytes,
                                     GError **error);

/* Reads a column that may hold a sealed value: *@value is its plain bytes
 * followed by a NUL (bk_store_secret_text reads them as a string), NULL
 * for a NULL column; sealed ones are in memory zeroed when freed. FALSE
 * with LOCKED or SQLITE_CORRUPT (see bk_store_vault_open). */
gboolean bk_store_column_secret (BkDatabase *db,
                                 sqlite3_stmt *stmt,
                                 int column,
                                 const char *context,
                                 GBytes **value,
                                 GError **error);
/* The text of a value read by bk_store_column_secret; NULL for NULL. */
const char *bk_store_secret_text (GBytes *value);
/* Unrefs a value read by bk_store_column_secret; NULL is fine. */
void bk_store_secret_value_free (gpointer value);

/* The JSON copies of a record (outbox, remote_copy and conflict payloads),
 * whose context names the record as "@entity/@entity_id". */
gboolean bk_store_bind_secret_payload (BkDatabase *db,
                                       sqlite3_stmt *stmt,
                                       int index,
                                       const char *profile_id,
                                       const char *table,
                                       const char *column,
                                       const char *entity,
                                       const char *entity_id,
                                       const char *payload,
                                       GError **error);
/* *@payload: a copy of the text, NULL for NULL. */
gboolean bk_store_column_secret_payload (BkDatabase *db,
                                         sqlite3_stmt *stmt,
                                         int index,
                                         const char *table,
                                         const char *column,
                                         const char *entity,
                                         const char *entity_id,
                                         char **payload,
                                         GError **error);

/* Inside a transaction, with @profile_id unlocked: seals every value of
 * the profile that is still plain (its rows, their children, its outbox
 * entries, the server's copies and conflict copies of its records);
 * sets *@sealed_any when it sealed something. */
gboolean bk_store_secret_seal_profile (BkDatabase *db,
                                       const char *profile_id,
                                       gboolean *sealed_any,
                                       GError **error);

G_END_DECLS
