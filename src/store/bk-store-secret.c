/* bk-store-secret.c
 *
 * What is sealed: the personal information that the Personal Information
 * Protection Law counts as sensitive or that identifies the candidate
 * outside this file — the ID number, and with it the birth date and sex
 * derived from it; the mobile phone, e-mail and postal address; the
 * ethnicity; each diploma's certificate number; the photos and proof
 * files; and every copy of a record as JSON (the outbox, the server's
 * copies, the conflict copies), which hold all of these. What stays
 * plain is what the profile list shows before anyone unlocks (the name,
 * the user name, the masked ID number, the completeness), the password
 * hash, and what is not personal (levels, dates of study and work,
 * employers and schools, application states).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-profile.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"

/* The records of a profile (?1), for the tables keyed by entity and id. */
#define OWNED_RECORD                                                                               \
  "(entity = 'profile' AND entity_id = ?1) OR entity_id IN ("                                      \
  "SELECT id FROM education WHERE profile_id = ?1 "                                                \
  "UNION ALL SELECT id FROM work_period WHERE profile_id = ?1 "                                    \
  "UNION ALL SELECT id FROM photo WHERE profile_id = ?1 "                                          \
  "UNION ALL SELECT id FROM application WHERE profile_id = ?1 "                                    \
  "UNION ALL SELECT p.id FROM proof p JOIN application a ON p.application_id = a.id "              \
  "WHERE a.profile_id = ?1)"

#define RECORD_KEY "entity || '/' || entity_id"

static const struct
{
  const char *table;
  const char *column;
  const char *row_key; /* SQL: the row's part of the context */
  const char *owned;   /* SQL: the rows of the profile ?1 */
} secret_columns[] = {
  { "profile", "id_number", "id", "id = ?1" },
  { "profile", "mobile", "id", "id = ?1" },
  { "profile", "email", "id", "id = ?1" },
  { "profile", "address", "id", "id = ?1" },
  { "profile", "postcode", "id", "id = ?1" },
  { "profile", "birth_date", "id", "id = ?1" },
  { "profile", "sex", "id", "id = ?1" },
  { "profile", "ethnicity", "id", "id = ?1" },
  { "education", "certificate_number", "id", "profile_id = ?1" },
  { "photo", "jpeg", "id", "profile_id = ?1" },
  { "proof", "data", "id", "application_id IN (SELECT id FROM application WHERE profile_id = ?1)" },
  { "outbox", "payload", RECORD_KEY, "profile_id = ?1" },
  { "remote_copy", "payload", RECORD_KEY, OWNED_RECORD },
  { "conflict", "local_payload", RECORD_KEY, OWNED_RECORD },
  { "conflict", "server_payload", RECORD_KEY, OWNED_RECORD },
};

gboolean
bk_store_secret_is_column (const char *table, const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (secret_columns); i++)
    if (g_str_equal (secret_columns[i].table, table) &&
        g_str_equal (secret_columns[i].column, column))
      return TRUE;
  return FALSE;
}

char *
bk_store_secret_context (const char *table, const char *column, const char *row_key)
{
  return g_strdup_printf ("%s.%s/%s", table, column, row_key);
}

gboolean
bk_store_secret_key (BkDatabase *db, const char *profile_id, const guint8 **key, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  *key = bk_store_vault_lookup (bk_database_get_vault (db), profile_id);
  if (*key != NULL || profile_id == NULL)
    return TRUE;

  stmt = bk_database_prepare (db, "SELECT 1 FROM profile_key WHERE profile_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return bk_database_fail (db, error, "reading a profile's key");
  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED,
               "the profile %s is locked: its password opens it", profile_id);
  return FALSE;
}

static gboolean
bind_secret (BkDatabase *db,
             sqlite3_stmt *stmt,
             int index,
             const char *profile_id,
             const char *context,
             gconstpointer data,
             gsize size,
             gboolean text,
             GError **error)
{
  const guint8 *key = NULL;
  g_autoptr (GBytes) sealed = NULL;
  gsize sealed_size;
  gconstpointer sealed_data;

  if (!bk_store_secret_key (db, profile_id, &key, error))
    return FALSE;
  if (key == NULL)
    {
      if (text)
        sqlite3_bind_text (stmt, index, data, size, SQLITE_TRANSIENT);
      else
        sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
      return TRUE;
    }
  sealed = bk_store_vault_seal (key, profile_id, context, data, size);
  sealed_data = g_bytes_get_data (sealed, &sealed_size);
  sqlite3_bind_blob64 (stmt, index, sealed_data, sealed_size, SQLITE_TRANSIENT);
  return TRUE;
}

gboolean
bk_store_bind_secret_text (BkDatabase *db,
                           sqlite3_stmt *stmt,
                           int index,
                           const char *profile_id,
                           const char *context,
                           const char *text,
                           GError **error)
{
  if (text == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  return bind_secret (db, stmt, index, profile_id, context, text, strlen (text), TRUE, error);
}

gboolean
bk_store_bind_secret_bytes (BkDatabase *db,
                            sqlite3_stmt *stmt,
                            int index,
                            const char *profile_id,
                            const char *context,
                            GBytes *bytes,
                            GError **error)
{
  gsize size = 0;
  gconstpointer data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return bind_secret (db, stmt, index, profile_id, context, data, size, FALSE, error);
}

gboolean
bk_store_column_secret (BkDatabase *db,
                        sqlite3_stmt *stmt,
                        int column,
                        const char *context,
                        GBytes **value,
                        GError **error)
{
  int type = sqlite3_column_type (stmt, column);
  gconstpointer data;
  gsize size;

  *value = NULL;
  if (type == SQLITE_NULL)
    return TRUE;
  data = sqlite3_column_blob (stmt, column);
  size = sqlite3_column_bytes (stmt, column);
  if (type == SQLITE_BLOB && bk_store_vault_is_sealed (data, size))
    {
      *value = bk_store_vault_open (bk_database_get_vault (db), context, data, size, error);
      return *value != NULL;
    }
  /* Plain (not sealed yet): the bytes and a NUL. */
  {
    char *copy = g_malloc (size + 1);

    if (size > 0)
      memcpy (copy, data, size);
    copy[size] = '\0';
    *value = g_bytes_new_take (copy, size);
  }
  return TRUE;
}

const char *
bk_store_secret_text (GBytes *value)
{
  const char *text;

  if (value == NULL)
    return NULL;
  text = g_bytes_get_data (value, NULL);
  return text != NULL ? text : "";
}

void
bk_store_secret_value_free (gpointer value)
{
  if (value != NULL)
    g_bytes_unref (value);
}

static char *
payload_context (const char *table, const char *column, const char *entity, const char *entity_id)
{
  g_autofree char *record = g_strconcat (entity, "/", entity_id, NULL);

  return bk_store_secret_context (table, column, record);
}

gboolean
bk_store_bind_secret_payload (BkDatabase *db,
                              sqlite3_stmt *stmt,
                              int index,
                              const char *profile_id,
                              const char *table,
                              const char *column,
                              const char *entity,
                              const char *entity_id,
                              const char *payload,
                              GError **error)
{
  g_autofree char *context = payload_context (table, column, entity, entity_id);

  return bk_store_bind_secret_text (db, stmt, index, profile_id, context, payload, error);
}

gboolean
bk_store_column_secret_payload (BkDatabase *db,
                                sqlite3_stmt *stmt,
                                int index,
                                const char *table,
                                const char *column,
                                const char *entity,
                                const char *entity_id,
                                char **payload,
                                GError **error)
{
  g_autofree char *context = payload_context (table, column, entity, entity_id);
  g_autoptr (GBytes) value = NULL;

  *payload = NULL;
  if (!bk_store_column_secret (db, stmt, index, context, &value, error))
    return FALSE;
  *payload = g_strdup (bk_store_secret_text (value));
  return TRUE;
}

/* Sealing an older file's values */

static gboolean
seal_column (BkDatabase *db,
             guint c,
             const char *profile_id,
             const guint8 *key,
             gboolean *sealed_any,
             GError **error)
{
  const char *table = secret_columns[c].table;
  const char *column = secret_columns[c].column;
  g_autofree char *select_sql =
    g_strdup_printf ("SELECT rowid, %s, %s FROM %s WHERE (%s) AND typeof (%s) != 'null'",
                     secret_columns[c].row_key, column, table, secret_columns[c].owned, column);
  g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = ?", table,
                                                 column);
  g_autoptr (sqlite3_stmt) select = bk_database_prepare (db, select_sql, error);
  g_autoptr (sqlite3_stmt) update = bk_database_prepare (db, update_sql, error);
  int rc;

  if (select == NULL || update == NULL)
    return FALSE;
  bk_store_bind_text (select, 1, profile_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gconstpointer data = sqlite3_column_blob (select, 2);
      gsize size = sqlite3_column_bytes (select, 2);
      g_autofree char *context = NULL;
      g_autoptr (GBytes) sealed = NULL;

      if (sqlite3_column_type (select, 2) == SQLITE_BLOB && bk_store_vault_is_sealed (data, size))
        continue;
      context = bk_store_secret_context (table, column, bk_store_column_text (select, 1));
      sealed = bk_store_vault_seal (key, profile_id, context, data, size);
      sqlite3_reset (update);
      sqlite3_bind_blob64 (update, 1, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed),
                           SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (select, 0));
      if (!bk_database_step_done (db, update, error))
        return FALSE;
      *sealed_any = TRUE;
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "sealing a profile's values");
  return TRUE;
}

/* The list shows the ID number masked without unlocking. */
static gboolean
write_masked_id_number (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) select = bk_database_prepare (
    db, "SELECT id_number FROM profile WHERE id = ? AND typeof (id_number) = 'text'", error);
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autofree char *masked = NULL;
  int rc;

  if (select == NULL)
    return FALSE;
  bk_store_bind_text (select, 1, profile_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return bk_database_fail (db, error, "reading an ID number");
  masked = bk_profile_mask_id_number (bk_store_column_text (select, 0));
  update = bk_database_prepare (db, "UPDATE profile SET id_number_masked = ? WHERE id = ?", error);
  if (update == NULL)
    return FALSE;
  bk_store_bind_text (update, 1, masked);
  bk_store_bind_text (update, 2, profile_id);
  return bk_database_step_done (db, update, error);
}

gboolean
bk_store_secret_seal_profile (BkDatabase *db,
                              const char *profile_id,
                              gboolean *sealed_any,
                              GError **error)
{
  const guint8 *key = bk_store_vault_lookup (bk_database_get_vault (db), profile_id);

  g_return_val_if_fail (key != NULL, FALSE);

  if (!write_masked_id_number (db, profile_id, error))
    return FALSE;
  for (guint c = 0; c < G_N_ELEMENTS (secret_columns); c++)
    if (!seal_column (db, c, profile_id, key, sealed_any, error))
      return FALSE;
  return TRUE;
}
