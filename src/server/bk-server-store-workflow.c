/* bk-server-store-workflow.c — the workflow's records and documents
 *
 * Reads of the entity table, the server's own compare-and-swap writes to
 * it (each with its change in the feed and an audit line, in one write
 * transaction, so the feed stays in commit order as for pushes), and the
 * documents the admin added (sessions, the exam-integrity file). An
 * application's state is the entity table's generated `state` column
 * (migration 2 of both schemas).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"
#include "bk-server-store-audit.h"
#include "bk-server-store-changes.h"
#include "bk-server-store-workflow.h"

#define ENTITY_COLUMNS                                                                             \
  "SELECT type, id, owner_id, version, deleted, payload, session_id, point_code, "                 \
  "updated_at FROM entity "

static BkServerEntity *
read_entity (BkServerSqlRows *rows)
{
  BkServerEntity *entity = bk_server_entity_new ();

  entity->type = bk_server_sql_rows_dup_text (rows, 0);
  entity->id = bk_server_sql_rows_dup_text (rows, 1);
  entity->owner_id = bk_server_sql_rows_dup_text (rows, 2);
  entity->version = bk_server_sql_rows_int (rows, 3);
  entity->deleted = bk_server_sql_rows_int (rows, 4) != 0;
  entity->payload = bk_server_sql_rows_dup_text (rows, 5);
  entity->session_id = bk_server_sql_rows_dup_text (rows, 6);
  entity->point_code = bk_server_sql_rows_dup_text (rows, 7);
  entity->updated_at = bk_server_sql_rows_int (rows, 8);
  return entity;
}

BkServerEntity *
bk_server_store_workflow_get_entity (BkServerSql *self,
                                     const char *type,
                                     const char *id,
                                     GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  BkServerEntity *entity = NULL;

  if (connection == NULL)
    return NULL;
  rows = bk_server_sql_query_row (connection, error, ENTITY_COLUMNS "WHERE type = $1 AND id = $2",
                                  "tt", type, id);
  if (rows != NULL)
    entity = read_entity (rows);
  g_clear_pointer (&rows, bk_server_sql_rows_free); /* before the connection goes back */
  bk_server_sql_release (self, connection);
  return entity;
}

/* The states as a JSON array of strings, for bk_server_sql_text_list(). */
static char *
states_to_json (const char *const *states)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; states[i] != NULL; i++)
    json_builder_add_string_value (builder, states[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

GPtrArray *
bk_server_store_workflow_list_entities (BkServerSql *self,
                                        const BkServerEntityFilter *filter,
                                        GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GString) sql = g_string_new (ENTITY_COLUMNS "WHERE deleted = 0 AND type = $1 "
                                                         "AND ($2 IS NULL OR owner_id = $2) "
                                                         "AND ($3 IS NULL OR session_id = $3) "
                                                         "AND ($4 IS NULL OR point_code = $4)");
  g_autofree char *states = NULL;
  GError *local_error = NULL;

  if (connection == NULL)
    return NULL;
  /* The generated parent_id column (migration 4), as an equality the
   * entity_parent index serves (and $5 bound either way). */
  g_string_append (sql, filter->parent_id != NULL ? " AND parent_id = $5" : " AND $5 IS NULL");
  if (filter->states != NULL)
    {
      g_autofree char *list_sql = bk_server_sql_text_list (connection, 6);

      /* The state column is generated from the payload's "state". */
      states = states_to_json (filter->states);
      g_string_append_printf (sql, " AND state IN (%s)", list_sql);
    }
  g_string_append (sql, " ORDER BY updated_at, id");
  rows = bk_server_sql_query (
    connection, error, sql->str, filter->states != NULL ? "tttttt" : "ttttt", filter->type,
    filter->owner_id, filter->session_id, filter->point_code, filter->parent_id, states);
  if (rows == NULL)
    {
      bk_server_sql_release (self, connection);
      return NULL;
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_entity_free);
  while (bk_server_sql_rows_next (rows, &local_error))
    g_ptr_array_add (list, read_entity (rows));
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
write_one (BkServerSqlConnection *connection,
           const BkServerEntityWrite *write,
           gint64 now,
           GError **error)
{
  gint64 changed = bk_server_sql_run (connection, error,
                                      "UPDATE entity SET version = version + 1, payload = $4, "
                                      "updated_at = $5 WHERE type = $1 AND id = $2 AND "
                                      "version = $3 AND deleted = 0",
                                      "ttiti", write->type, write->id, write->base_version,
                                      write->payload, now);

  if (changed < 0)
    return FALSE;
  if (changed != 1)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT,
                   "The %s %s changed since it was read: read it again.", write->type, write->id);
      return FALSE;
    }
  return bk_server_store_changes_record (connection, write->type, write->id, "update", now, error);
}

gboolean
bk_server_store_workflow_write_entities (BkServerSql *self,
                                         const BkServerEntityWrite *writes,
                                         guint n_writes,
                                         gint64 now,
                                         const BkServerAuditEntry *audit,
                                         GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  gboolean ok;

  if (connection == NULL)
    return FALSE;
  ok = bk_server_sql_begin_write (connection, error);
  for (guint i = 0; ok && i < n_writes; i++)
    ok = write_one (connection, &writes[i], now, error);
  if (ok && audit != NULL)
    ok = bk_server_store_audit_insert (connection, audit, error);
  ok = ok && bk_server_sql_commit (connection, error);
  bk_server_sql_release (self, connection); /* rolls back what is left open */
  return ok;
}

gboolean
bk_server_store_workflow_put_document (
  BkServerSql *self, const char *kind, const char *id, const char *data, gint64 now, GError **error)
{
  return bk_server_sql_run_once (self, error,
                                 "INSERT INTO document (kind, id, data, updated_at) VALUES ($1, "
                                 "$2, $3, $4) ON CONFLICT (kind, id) DO UPDATE SET data = "
                                 "excluded.data, updated_at = excluded.updated_at",
                                 "ttti", kind, id, data, now) >= 0;
}

char *
bk_server_store_workflow_get_document (BkServerSql *self,
                                       const char *kind,
                                       const char *id,
                                       GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  char *data = NULL;

  if (connection == NULL)
    return NULL;
  rows = bk_server_sql_query_row (
    connection, error, "SELECT data FROM document WHERE kind = $1 AND id = $2", "tt", kind, id);
  if (rows != NULL)
    data = bk_server_sql_rows_dup_text (rows, 0);
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  return data;
}
