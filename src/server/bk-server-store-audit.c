/* bk-server-store-audit.c — the audit log
 *
 * The audit table: one row per decision, newest read first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-store-audit.h"

/* One audit line: the statement, its types and its arguments. */
#define INSERT_AUDIT                                                                               \
  "INSERT INTO audit (at, account_id, address, method, path, action, decision, status, detail) "   \
  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",                                                   \
    "itttttt"                                                                                      \
    "it",                                                                                          \
    entry->at, entry->account_id, entry->address, entry->method, entry->path, entry->action,       \
    entry->allowed ? "allowed" : "refused", (gint64) entry->status, entry->detail

gboolean
bk_server_store_audit_insert (BkServerSqlConnection *connection,
                              const BkServerAuditEntry *entry,
                              GError **error)
{
  return bk_server_sql_run (connection, error, INSERT_AUDIT) >= 0;
}

/* Rows of a multi-row insert: far below either engine's limit on
 * parameters. */
#define LINES_PER_STATEMENT 64
#define AUDIT_COLUMNS       9

gboolean
bk_server_store_audit_insert_many (BkServerSqlConnection *connection,
                                   const BkServerAuditEntry *const *entries,
                                   guint n_entries,
                                   GError **error)
{
  g_return_val_if_fail (connection != NULL && (entries != NULL || n_entries == 0), FALSE);

  for (guint done = 0; done < n_entries;)
    {
      guint n = MIN (n_entries - done, LINES_PER_STATEMENT);
      g_autoptr (BkServerSqlParams) params = bk_server_sql_params_new ();
      g_autoptr (GString) sql = g_string_new ("INSERT INTO audit (at, account_id, address, "
                                              "method, path, action, decision, status, detail) "
                                              "VALUES ");

      for (guint i = done; i < done + n; i++)
        {
          const BkServerAuditEntry *entry = entries[i];

          bk_server_sql_params_add_int (params, entry->at);
          bk_server_sql_params_add_text (params, entry->account_id);
          bk_server_sql_params_add_text (params, entry->address);
          bk_server_sql_params_add_text (params, entry->method);
          bk_server_sql_params_add_text (params, entry->path);
          bk_server_sql_params_add_text (params, entry->action);
          bk_server_sql_params_add_text (params, entry->allowed ? "allowed" : "refused");
          bk_server_sql_params_add_int (params, entry->status);
          bk_server_sql_params_add_text (params, entry->detail);
        }
      bk_server_sql_append_rows (sql, 1, n, AUDIT_COLUMNS);
      if (bk_server_sql_run_params (connection, sql->str, params, error) < 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

char *
bk_server_store_audit_list (BkServerSql *self, guint limit, GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  static const struct
  {
    const char *name;
    gboolean integer;
  } columns[] = {
    { "id", TRUE },      { "at", TRUE },      { "account_id", FALSE }, { "address", FALSE },
    { "method", FALSE }, { "path", FALSE },   { "action", FALSE },     { "decision", FALSE },
    { "status", TRUE },  { "detail", FALSE },
  };
  GError *local_error = NULL;

  if (connection == NULL)
    return NULL;
  rows = bk_server_sql_query (connection, error,
                              "SELECT id, at, account_id, address, method, path, action, "
                              "decision, status, detail FROM audit ORDER BY id DESC LIMIT $1",
                              "i", (gint64) limit);
  if (rows == NULL)
    {
      bk_server_sql_release (self, connection);
      return NULL;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  while (bk_server_sql_rows_next (rows, &local_error))
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < (int) G_N_ELEMENTS (columns); i++)
        {
          json_builder_set_member_name (builder, columns[i].name);
          if (bk_server_sql_rows_is_null (rows, i))
            json_builder_add_null_value (builder);
          else if (columns[i].integer)
            json_builder_add_int_value (builder, bk_server_sql_rows_int (rows, i));
          else
            json_builder_add_string_value (builder, bk_server_sql_rows_text (rows, i));
        }
      json_builder_end_object (builder);
    }
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
