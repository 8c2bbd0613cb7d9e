/* bk-server-sqlite-workflow.c — the workflow's records and sessions in SQLite
 *
 * Reads of the entity table, the server's own compare-and-swap writes to
 * it (each with its change in the feed and an audit line, in one
 * BEGIN IMMEDIATE transaction, so the feed stays in commit order as for
 * pushes), and the documents the admin added (sessions, the integrity
 * file). Plain SQL, so the same jobs
 * port to another engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"
#include "bk-server-sqlite-workflow.h"

#define ENTITY_COLUMNS                                                                             \
  "SELECT type, id, owner_id, version, deleted, payload, session_id, point_code, "                 \
  "updated_at FROM entity "

static BkServerEntity *
read_entity (sqlite3_stmt *stmt)
{
  BkServerEntity *entity = bk_server_entity_new ();

  entity->type = bk_server_sqlite_column_text (stmt, 0);
  entity->id = bk_server_sqlite_column_text (stmt, 1);
  entity->owner_id = bk_server_sqlite_column_text (stmt, 2);
  entity->version = sqlite3_column_int64 (stmt, 3);
  entity->deleted = sqlite3_column_int (stmt, 4) != 0;
  entity->payload = bk_server_sqlite_column_text (stmt, 5);
  entity->session_id = bk_server_sqlite_column_text (stmt, 6);
  entity->point_code = bk_server_sqlite_column_text (stmt, 7);
  entity->updated_at = sqlite3_column_int64 (stmt, 8);
  return entity;
}

BkServerEntity *
bk_server_sqlite_workflow_get_entity (BkServerSqlitePool *self,
                                      const char *type,
                                      const char *id,
                                      GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  BkServerEntity *entity = NULL;
  int rc;

  if (db == NULL)
    return NULL;
  stmt = bk_server_sqlite_prepare (db, ENTITY_COLUMNS "WHERE type = ? AND id = ?", error);
  if (stmt != NULL)
    {
      bk_server_sqlite_bind_text (stmt, 1, type);
      bk_server_sqlite_bind_text (stmt, 2, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        entity = read_entity (stmt);
      else if (rc != SQLITE_DONE)
        bk_server_sqlite_fail (db, error, "reading a record");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return entity;
}

GPtrArray *
bk_server_sqlite_workflow_list_entities (BkServerSqlitePool *self,
                                         const BkServerEntityFilter *filter,
                                         GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) sql = g_string_new (ENTITY_COLUMNS "WHERE deleted = 0 AND type = ?1 "
                                                         "AND (?2 IS NULL OR owner_id = ?2) "
                                                         "AND (?3 IS NULL OR session_id = ?3) "
                                                         "AND (?4 IS NULL OR point_code = ?4)");
  guint n_states = filter->states != NULL ? g_strv_length ((GStrv) filter->states) : 0;
  int rc;

  if (db == NULL)
    return NULL;
  if (filter->states != NULL)
    {
      /* The state column is generated from the payload's "state". */
      g_string_append (sql, " AND state IN (NULL");
      for (guint i = 0; i < n_states; i++)
        g_string_append_printf (sql, ", ?%u", i + 5);
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, " ORDER BY updated_at, id");
  stmt = bk_server_sqlite_prepare (db, sql->str, error);
  if (stmt == NULL)
    {
      bk_server_sqlite_pool_release (self, db);
      return NULL;
    }
  bk_server_sqlite_bind_text (stmt, 1, filter->type);
  bk_server_sqlite_bind_text (stmt, 2, filter->owner_id);
  bk_server_sqlite_bind_text (stmt, 3, filter->session_id);
  bk_server_sqlite_bind_text (stmt, 4, filter->point_code);
  for (guint i = 0; i < n_states; i++)
    bk_server_sqlite_bind_text (stmt, i + 5, filter->states[i]);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_entity_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_entity (stmt));
  if (rc != SQLITE_DONE)
    {
      bk_server_sqlite_fail (db, error, "listing records");
      g_clear_pointer (&list, g_ptr_array_unref);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return g_steal_pointer (&list);
}

static gboolean
write_one (sqlite3 *db, const BkServerEntityWrite *write, gint64 now, GError **error)
{
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (sqlite3_stmt) feed = NULL;

  update = bk_server_sqlite_prepare (db,
                                     "UPDATE entity SET version = version + 1, payload = ?4, "
                                     "updated_at = ?5 WHERE type = ?1 AND id = ?2 AND "
                                     "version = ?3 AND deleted = 0",
                                     error);
  if (update == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (update, 1, write->type);
  bk_server_sqlite_bind_text (update, 2, write->id);
  sqlite3_bind_int64 (update, 3, write->base_version);
  bk_server_sqlite_bind_text (update, 4, write->payload);
  sqlite3_bind_int64 (update, 5, now);
  if (!bk_server_sqlite_step_done (db, update, error))
    return FALSE;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT,
                   "The %s %s changed since it was read: read it again.", write->type, write->id);
      return FALSE;
    }

  feed = bk_server_sqlite_prepare (
    db,
    "INSERT INTO change (type, id, owner_id, operation, version, payload, "
    "session_id, point_code, committed_at) SELECT type, id, owner_id, 'update', version, "
    "payload, session_id, point_code, ?3 FROM entity WHERE type = ?1 AND id = ?2",
    error);
  if (feed == NULL)
    return FALSE;
  bk_server_sqlite_bind_text (feed, 1, write->type);
  bk_server_sqlite_bind_text (feed, 2, write->id);
  sqlite3_bind_int64 (feed, 3, now);
  return bk_server_sqlite_step_done (db, feed, error);
}

static gboolean
write_audit (sqlite3 *db, const BkServerAuditEntry *entry, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = bk_server_sqlite_prepare (db,
                                   "INSERT INTO audit (at, account_id, address, method, path, "
                                   "action, decision, status, detail) VALUES (?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry->at);
  bk_server_sqlite_bind_text (stmt, 2, entry->account_id);
  bk_server_sqlite_bind_text (stmt, 3, entry->address);
  bk_server_sqlite_bind_text (stmt, 4, entry->method);
  bk_server_sqlite_bind_text (stmt, 5, entry->path);
  bk_server_sqlite_bind_text (stmt, 6, entry->action);
  bk_server_sqlite_bind_text (stmt, 7, entry->allowed ? "allowed" : "refused");
  sqlite3_bind_int (stmt, 8, entry->status);
  bk_server_sqlite_bind_text (stmt, 9, entry->detail);
  return bk_server_sqlite_step_done (db, stmt, error);
}

gboolean
bk_server_sqlite_workflow_write_entities (BkServerSqlitePool *self,
                                          const BkServerEntityWrite *writes,
                                          guint n_writes,
                                          gint64 now,
                                          const BkServerAuditEntry *audit,
                                          GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = bk_server_sqlite_exec (db, "BEGIN IMMEDIATE", error);
  for (guint i = 0; ok && i < n_writes; i++)
    ok = write_one (db, &writes[i], now, error);
  if (ok && audit != NULL)
    ok = write_audit (db, audit, error);
  ok = ok && bk_server_sqlite_exec (db, "COMMIT", error);
  bk_server_sqlite_pool_release (self, db); /* rolls back what is left open */
  return ok;
}

gboolean
bk_server_sqlite_workflow_put_document (BkServerSqlitePool *self,
                                        const char *kind,
                                        const char *id,
                                        const char *data,
                                        gint64 now,
                                        GError **error)
{
  return bk_server_sqlite_pool_run (self,
                                    "INSERT INTO document (kind, id, data, updated_at) VALUES (?, "
                                    "?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = "
                                    "excluded.data, updated_at = excluded.updated_at",
                                    "ttti", error, kind, id, data, now);
}

char *
bk_server_sqlite_workflow_get_document (BkServerSqlitePool *self,
                                        const char *kind,
                                        const char *id,
                                        GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *data = NULL;
  int rc;

  if (db == NULL)
    return NULL;
  stmt = bk_server_sqlite_prepare (db, "SELECT data FROM document WHERE kind = ? AND id = ?",
                                   error);
  if (stmt != NULL)
    {
      bk_server_sqlite_bind_text (stmt, 1, kind);
      bk_server_sqlite_bind_text (stmt, 2, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        data = bk_server_sqlite_column_text (stmt, 0);
      else if (rc != SQLITE_DONE)
        bk_server_sqlite_fail (db, error, "reading a document");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return data;
}
