/* bk-server-sqlite-audit.c — the audit log in SQLite
 *
 * The audit table: one row per decision, newest read first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-sqlite-audit.h"

gboolean
bk_server_sqlite_audit_append (BkServerSqlitePool *self,
                               const BkServerAuditEntry *entry,
                               GError **error)
{
  return bk_server_sqlite_pool_run (
    self,
    "INSERT INTO audit (at, account_id, address, method, path, action, decision, "
    "status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "itttttti"
    "t",
    error, entry->at, entry->account_id, entry->address, entry->method, entry->path, entry->action,
    entry->allowed ? "allowed" : "refused", (gint64) entry->status, entry->detail);
}

char *
bk_server_sqlite_audit_list (BkServerSqlitePool *self, guint limit, GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  static const char *const names[] = {
    "id", "at", "account_id", "address", "method", "path", "action", "decision", "status", "detail",
  };
  int rc;

  if (db == NULL)
    return NULL;
  stmt = bk_server_sqlite_prepare (
    db,
    "SELECT id, at, account_id, address, method, path, action, decision, status, "
    "detail FROM audit ORDER BY id DESC LIMIT ?",
    error);
  if (stmt == NULL)
    {
      bk_server_sqlite_pool_release (self, db);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, limit);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
        {
          json_builder_set_member_name (builder, names[i]);
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else if (sqlite3_column_type (stmt, i) == SQLITE_INTEGER)
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, i));
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
        }
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_DONE)
    {
      bk_server_sqlite_fail (db, error, "reading the audit log");
      g_clear_pointer (&stmt, sqlite3_finalize);
      bk_server_sqlite_pool_release (self, db);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
