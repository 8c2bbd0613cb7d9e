/* bk-server-sql-pg.c — the PostgreSQL (libpq) driver of BkServerSql
 *
 * One PGconn per worker thread (the pool hands it to one thread at a
 * time). Parameters go typed (text, int8, bytea in binary), rows come back
 * as text. Two advisory locks, both transaction-level so that they can
 * never outlive a transaction:
 *
 * - WRITE_LOCK, taken at the start of every write transaction: writers
 *   are serialised across every server process, so a change-feed
 *   sequence number is never handed out while an earlier one is still
 *   uncommitted, and sequence order is commit order (see the cursor
 *   section of docs/protocol.md). It is also what makes a second push
 *   with the same Idempotency-Key wait for the first and find its answer.
 * - MIGRATION_LOCK, taken by the migration's transaction: two processes
 *   starting at once migrate one after the other; the second finds the
 *   schema up to date.
 *
 * The schema version is the one row of schema_version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "bk-server-sql-private.h"

/* "Baok" and "Baol": keys no other application on the database is likely
 * to take. */
#define WRITE_LOCK     "1113678699"
#define MIGRATION_LOCK "1113678700"

/* The types of pg_type, fixed since PostgreSQL 7. */
#define BYTEAOID 17
#define INT8OID  20
#define TEXTOID  25

typedef struct
{
  BkServerSqlRows parent;
  PGresult *result;
  int row;
  guchar *blob; /* the last blob unescaped */
} PgRows;

static gboolean
pg_fail (PGconn *conn, const PGresult *result, GError **error, const char *doing)
{
  g_autofree char *message = g_strdup (result != NULL ? PQresultErrorMessage (result)
                                                      : PQerrorMessage (conn));

  return bk_server_sql_fail (error, doing, g_strstrip (message));
}

static gboolean
result_ok (PGconn *conn, PGresult *result, GError **error, const char *doing)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  return pg_fail (conn, result, error, doing);
}

/* A connection and the statements prepared on it, by their SQL: a
 * statement is parsed and planned once per connection rather than at each
 * run. (Prepared statements outlive a rolled-back transaction; a new
 * connection starts with none.) */
typedef struct
{
  PGconn *conn;
  GHashTable *prepared; /* SQL → its name on the connection */
} PgConnection;

#define CONN(handle) (((PgConnection *) (handle))->conn)

static gboolean
pg_exec (gpointer handle, const char *sql, GError **error)
{
  PGresult *result = PQexec (CONN (handle), sql);
  /* Only comments (a placeholder migration) is nothing to run. */
  gboolean ok = PQresultStatus (result) == PGRES_EMPTY_QUERY ||
                result_ok (CONN (handle), result, error, "running SQL");

  PQclear (result);
  return ok;
}

static void
ignore_notice (void *arg, const char *message)
{
  /* NOTICEs ("… already exists, skipping") are not worth a log line. */
}

static gpointer
pg_connect (const char *target, GError **error)
{
  PGconn *conn = PQconnectdb (target);
  PgConnection *connection;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      pg_fail (conn, NULL, error, "connecting to PostgreSQL");
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  connection = g_new0 (PgConnection, 1);
  connection->conn = conn;
  connection->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return connection;
}

static void
pg_disconnect (gpointer handle)
{
  PgConnection *connection = handle;

  PQfinish (connection->conn);
  g_hash_table_unref (connection->prepared);
  g_free (connection);
}

static gboolean
pg_in_transaction (gpointer handle)
{
  return PQtransactionStatus (CONN (handle)) != PQTRANS_IDLE;
}

static gboolean
pg_usable (gpointer handle)
{
  /* A connection the server has cut (PostgreSQL restarted, an idle
   * connection closed) is found out here, before a statement is sent on
   * it: reading what is waiting, without blocking, sees the end. The
   * server's last words (a FATAL message) come before the end, and one
   * read may stop after them: so two reads. */
  PGconn *conn = CONN (handle);

  return PQconsumeInput (conn) && PQconsumeInput (conn) && PQstatus (conn) == CONNECTION_OK &&
         PQtransactionStatus (conn) == PQTRANS_IDLE;
}

/* The name of @sql prepared on @handle, preparing it the first time. */
static const char *
prepare (gpointer handle, const char *sql, guint n_params, const Oid *types, GError **error)
{
  PgConnection *connection = handle;
  const char *name = g_hash_table_lookup (connection->prepared, sql);
  g_autofree char *new_name = NULL;
  PGresult *result;
  gboolean ok;

  if (name != NULL)
    return name;
  new_name = g_strdup_printf ("bk%u", g_hash_table_size (connection->prepared));
  result = PQprepare (connection->conn, new_name, sql, n_params, types);
  ok = result_ok (connection->conn, result, error, "preparing a statement");
  PQclear (result);
  if (!ok)
    return NULL;
  name = new_name;
  g_hash_table_insert (connection->prepared, g_strdup (sql), g_steal_pointer (&new_name));
  return name;
}

static BkServerSqlRows *
pg_query (
  gpointer handle, const char *sql, const BkServerSqlParam *params, guint n_params, GError **error)
{
  g_autofree Oid *types = g_new0 (Oid, MAX (n_params, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n_params, 1));
  g_autofree int *lengths = g_new0 (int, MAX (n_params, 1));
  g_autofree int *formats = g_new0 (int, MAX (n_params, 1));
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  PGresult *result;
  PgRows *rows;

  for (guint i = 0; i < n_params; i++)
    {
      const BkServerSqlParam *param = &params[i];

      if (param->type == 'i')
        {
          char *number = g_strdup_printf ("%" G_GINT64_FORMAT, param->number);

          g_ptr_array_add (numbers, number);
          types[i] = INT8OID;
          values[i] = number;
        }
      else if (param->type == 'b')
        {
          gsize size = 0;

          types[i] = BYTEAOID;
          formats[i] = 1;
          if (param->blob != NULL)
            {
              values[i] = g_bytes_get_data (param->blob, &size);
              values[i] = values[i] != NULL ? values[i] : "";
            }
          lengths[i] = size;
        }
      else
        {
          types[i] = TEXTOID;
          values[i] = param->text;
        }
    }
  name = prepare (handle, sql, n_params, types, error);
  if (name == NULL)
    return NULL;
  result = PQexecPrepared (CONN (handle), name, n_params, values, lengths, formats, 0);
  if (!result_ok (CONN (handle), result, error, "running a statement"))
    {
      PQclear (result);
      return NULL;
    }
  rows = g_new0 (PgRows, 1);
  rows->parent.driver = &bk_server_sql_pg_driver;
  rows->parent.changed = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  rows->result = result;
  rows->row = -1;
  return &rows->parent;
}

static gboolean
pg_next (BkServerSqlRows *base, GError **error)
{
  PgRows *rows = (PgRows *) base;

  if (rows->row < PQntuples (rows->result))
    rows->row++;
  return rows->row < PQntuples (rows->result);
}

static gboolean
pg_is_null (BkServerSqlRows *base, int column)
{
  PgRows *rows = (PgRows *) base;

  return PQgetisnull (rows->result, rows->row, column);
}

static const char *
pg_text (BkServerSqlRows *base, int column)
{
  PgRows *rows = (PgRows *) base;

  if (PQgetisnull (rows->result, rows->row, column))
    return NULL;
  return PQgetvalue (rows->result, rows->row, column);
}

static GBytes *
pg_blob (BkServerSqlRows *base, int column)
{
  PgRows *rows = (PgRows *) base;
  const char *text = pg_text (base, column);
  size_t size = 0;

  if (text == NULL)
    return NULL;
  g_clear_pointer (&rows->blob, PQfreemem);
  rows->blob = PQunescapeBytea ((const guchar *) text, &size);
  return g_bytes_new (rows->blob, size);
}

static void
pg_free_rows (BkServerSqlRows *base)
{
  PgRows *rows = (PgRows *) base;

  g_clear_pointer (&rows->blob, PQfreemem);
  PQclear (rows->result);
  g_free (rows);
}

const BkServerSqlDriver bk_server_sql_pg_driver = {
  .engine = BK_SERVER_SQL_POSTGRESQL,
  .connect = pg_connect,
  .disconnect = pg_disconnect,
  .in_transaction = pg_in_transaction,
  .usable = pg_usable,
  .exec = pg_exec,
  .query = pg_query,
  .next = pg_next,
  .is_null = pg_is_null,
  .text = pg_text,
  .blob = pg_blob,
  .free_rows = pg_free_rows,
  .begin_write_sql = "BEGIN; SELECT pg_advisory_xact_lock (" WRITE_LOCK ")",
  .begin_migration_sql = "BEGIN; SELECT pg_advisory_xact_lock (" MIGRATION_LOCK ");"
                         "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);"
                         "INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS "
                         "(SELECT 1 FROM schema_version)",
  .read_version_sql = "SELECT version FROM schema_version",
  .write_version_sql = "UPDATE schema_version SET version = ",
  .text_list_sql = { "SELECT json_array_elements_text ($", "::json)" },
};
