/* bk-server-sql.c — the driver-neutral half of BkServerSql: the pool,
 * parameters, transactions and migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-server-error.h"
#include "bk-server-sql-private.h"

struct _BkServerSql
{
  const BkServerSqlDriver *driver;
  char *target;
  GMutex lock;
  GPtrArray *idle;                     /* BkServerSqlConnection * */
  GMutex writer;                       /* when the driver queues writers */
  BkServerSqlConnection *spare_writer; /* bk_server_sql_acquire_writer()'s, idle */
};

struct _BkServerSqlConnection
{
  const BkServerSqlDriver *driver;
  gpointer handle;
  GMutex *writer;     /* the pool's, when its driver queues writers */
  gboolean writing;   /* holds *writer */
  gboolean dedicated; /* bk_server_sql_acquire_writer()'s */
};

/* Statements sent (bk_server_sql_get_statement_count()). */
static guint statements;

guint
bk_server_sql_get_statement_count (void)
{
  return (guint) g_atomic_int_get (&statements);
}

static void
take_writer (BkServerSqlConnection *connection)
{
  if (connection->writer != NULL && !connection->writing)
    {
      g_mutex_lock (connection->writer);
      connection->writing = TRUE;
    }
}

static void
drop_writer (BkServerSqlConnection *connection)
{
  if (connection->writing)
    {
      connection->writing = FALSE;
      g_mutex_unlock (connection->writer);
    }
}

gboolean
bk_server_sql_fail (GError **error, const char *doing, const char *message)
{
  g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE, "%s: %s", doing,
               message != NULL ? message : "out of memory");
  return FALSE;
}

gboolean
bk_server_sql_target_is_postgresql (const char *target)
{
  g_return_val_if_fail (target != NULL, FALSE);

  /* libpq's two forms: a URI, or key=value pairs ("host=/run/postgresql
   * dbname=…"), which start with a keyword and "=". */
  if (g_str_has_prefix (target, "postgresql://") || g_str_has_prefix (target, "postgres://"))
    return TRUE;
  while (g_ascii_isspace (*target))
    target++;
  if (!g_ascii_isalpha (*target))
    return FALSE;
  while (g_ascii_isalnum (*target) || *target == '_')
    target++;
  while (g_ascii_isspace (*target))
    target++;
  return *target == '=';
}

static void
connection_free (BkServerSqlConnection *connection)
{
  connection->driver->disconnect (connection->handle);
  g_free (connection);
}

static BkServerSqlConnection *
connection_new (BkServerSql *self, GError **error)
{
  gpointer handle = self->driver->connect (self->target, error);
  BkServerSqlConnection *connection;

  if (handle == NULL)
    return NULL;
  connection = g_new0 (BkServerSqlConnection, 1);
  connection->driver = self->driver;
  connection->handle = handle;
  if (self->driver->queue_writers)
    connection->writer = &self->writer;
  return connection;
}

BkServerSql *
bk_server_sql_open (const char *target, GError **error)
{
  g_autoptr (BkServerSql) self = NULL;
  const BkServerSqlDriver *driver = &bk_server_sql_sqlite_driver;
  BkServerSqlConnection *connection;

  g_return_val_if_fail (target != NULL, NULL);

  if (bk_server_sql_target_is_postgresql (target))
    {
#ifdef BK_SERVER_HAVE_POSTGRESQL
      driver = &bk_server_sql_pg_driver;
#else
      g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG,
                           "this baokao-server was built without PostgreSQL (libpq): build it "
                           "with -Dpostgresql=enabled, or give a SQLite file");
      return NULL;
#endif
    }
  self = g_new0 (BkServerSql, 1);
  self->driver = driver;
  self->target = g_strdup (target);
  g_mutex_init (&self->lock);
  g_mutex_init (&self->writer);
  self->idle = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_free);
  connection = bk_server_sql_acquire (self, error);
  if (connection == NULL)
    return NULL;
  bk_server_sql_release (self, connection);
  return g_steal_pointer (&self);
}

void
bk_server_sql_free (BkServerSql *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->spare_writer, connection_free);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->writer);
  g_free (self->target);
  g_free (self);
}

BkServerSqlEngine
bk_server_sql_get_engine (BkServerSql *self)
{
  g_return_val_if_fail (self != NULL, BK_SERVER_SQL_SQLITE);
  return self->driver->engine;
}

BkServerSqlConnection *
bk_server_sql_acquire (BkServerSql *self, GError **error)
{
  BkServerSqlConnection *connection = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    connection = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);
  /* One that went stale while idle is replaced. */
  if (connection != NULL && !self->driver->usable (connection->handle))
    g_clear_pointer (&connection, connection_free);
  return connection != NULL ? connection : connection_new (self, error);
}

BkServerSqlConnection *
bk_server_sql_acquire_writer (BkServerSql *self, GError **error)
{
  BkServerSqlConnection *connection;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  connection = g_steal_pointer (&self->spare_writer);
  g_mutex_unlock (&self->lock);
  if (connection != NULL && !self->driver->usable (connection->handle))
    g_clear_pointer (&connection, connection_free);
  if (connection == NULL)
    connection = connection_new (self, error);
  if (connection != NULL)
    connection->dedicated = TRUE;
  return connection;
}

void
bk_server_sql_release (BkServerSql *self, BkServerSqlConnection *connection)
{
  g_return_if_fail (self != NULL);

  if (connection == NULL)
    return;
  /* A connection goes back without a transaction open. */
  if (self->driver->in_transaction (connection->handle))
    self->driver->exec (connection->handle, "ROLLBACK", NULL);
  drop_writer (connection);
  if (!self->driver->usable (connection->handle))
    {
      connection_free (connection);
      return;
    }
  g_mutex_lock (&self->lock);
  if (!connection->dedicated)
    g_ptr_array_add (self->idle, connection);
  else if (self->spare_writer == NULL)
    self->spare_writer = connection;
  else
    {
      connection->dedicated = FALSE; /* a second one meanwhile: pooled */
      g_ptr_array_add (self->idle, connection);
    }
  g_mutex_unlock (&self->lock);
}

gboolean
bk_server_sql_exec (BkServerSqlConnection *connection, const char *sql, GError **error)
{
  g_return_val_if_fail (connection != NULL && sql != NULL, FALSE);
  g_atomic_int_inc (&statements);
  return connection->driver->exec (connection->handle, sql, error);
}

gboolean
bk_server_sql_begin_write (BkServerSqlConnection *connection, GError **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);
  take_writer (connection);
  g_atomic_int_inc (&statements);
  return connection->driver->exec (connection->handle, connection->driver->begin_write_sql, error);
}

gboolean
bk_server_sql_commit (BkServerSqlConnection *connection, GError **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);
  g_atomic_int_inc (&statements);
  if (!connection->driver->exec (connection->handle, "COMMIT", error))
    return FALSE; /* still open: bk_server_sql_release() rolls it back */
  drop_writer (connection);
  return TRUE;
}

static BkServerSqlRows *
query_valist (BkServerSqlConnection *connection,
              GError **error,
              const char *sql,
              const char *types,
              va_list args)
{
  guint n = strlen (types);
  g_autofree BkServerSqlParam *params = g_new0 (BkServerSqlParam, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      params[i].type = types[i];
      switch (types[i])
        {
          case 't':
            params[i].text = va_arg (args, const char *);
            break;
          case 'i':
            params[i].number = va_arg (args, gint64);
            break;
          case 'b':
            params[i].blob = va_arg (args, GBytes *);
            break;
          default:
            g_return_val_if_reached (NULL);
        }
    }
  g_atomic_int_inc (&statements);
  return connection->driver->query (connection->handle, sql, params, n, error);
}

/* Reads @rows (nullable: a failed statement) to their end: the rows
 * changed, or -1. */
static gint64
read_to_end (BkServerSqlRows *rows, GError **error)
{
  GError *local_error = NULL;

  if (rows == NULL)
    return -1;
  while (bk_server_sql_rows_next (rows, &local_error))
    ;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  return rows->changed;
}

/* Runs a statement and reads it to its end: the rows changed, or -1. */
static gint64
run_valist (BkServerSqlConnection *connection,
            GError **error,
            const char *sql,
            const char *types,
            va_list args)
{
  g_autoptr (BkServerSqlRows) rows = query_valist (connection, error, sql, types, args);

  return read_to_end (rows, error);
}

void
bk_server_sql_append_rows (GString *sql, guint first, guint n_rows, guint n_columns)
{
  g_return_if_fail (sql != NULL && first > 0);

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint column = 0; column < n_columns; column++)
        g_string_append_printf (sql, column > 0 ? ", $%u" : "$%u",
                                first + row * n_columns + column);
      g_string_append_c (sql, ')');
    }
}

struct _BkServerSqlParams
{
  GArray *params;     /* BkServerSqlParam */
  GPtrArray *strings; /* the texts' copies */
};

BkServerSqlParams *
bk_server_sql_params_new (void)
{
  BkServerSqlParams *self = g_new0 (BkServerSqlParams, 1);

  self->params = g_array_new (FALSE, TRUE, sizeof (BkServerSqlParam));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
bk_server_sql_params_free (BkServerSqlParams *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->params);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

guint
bk_server_sql_params_get_count (BkServerSqlParams *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->params->len;
}

guint
bk_server_sql_params_add_text (BkServerSqlParams *self, const char *text)
{
  BkServerSqlParam param = { .type = 't', .text = g_strdup (text) };

  g_return_val_if_fail (self != NULL, 0);
  if (param.text != NULL)
    g_ptr_array_add (self->strings, (char *) param.text);
  g_array_append_val (self->params, param);
  return self->params->len;
}

guint
bk_server_sql_params_add_int (BkServerSqlParams *self, gint64 number)
{
  BkServerSqlParam param = { .type = 'i', .number = number };

  g_return_val_if_fail (self != NULL, 0);
  g_array_append_val (self->params, param);
  return self->params->len;
}

BkServerSqlRows *
bk_server_sql_query_params (BkServerSqlConnection *connection,
                            const char *sql,
                            BkServerSqlParams *params,
                            GError **error)
{
  g_return_val_if_fail (connection != NULL && sql != NULL && params != NULL, NULL);
  g_atomic_int_inc (&statements);
  return connection->driver->query (connection->handle, sql,
                                    (const BkServerSqlParam *) (gpointer) params->params->data,
                                    params->params->len, error);
}

gint64
bk_server_sql_run_params (BkServerSqlConnection *connection,
                          const char *sql,
                          BkServerSqlParams *params,
                          GError **error)
{
  g_autoptr (BkServerSqlRows) rows = NULL;

  g_return_val_if_fail (connection != NULL && sql != NULL && params != NULL, -1);
  rows = bk_server_sql_query_params (connection, sql, params, error);
  return read_to_end (rows, error);
}

BkServerSqlRows *
bk_server_sql_query (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...)
{
  BkServerSqlRows *rows;
  va_list args;

  g_return_val_if_fail (connection != NULL && sql != NULL && types != NULL, NULL);

  va_start (args, types);
  rows = query_valist (connection, error, sql, types, args);
  va_end (args);
  return rows;
}

BkServerSqlRows *
bk_server_sql_query_row (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...)
{
  g_autoptr (BkServerSqlRows) rows = NULL;
  va_list args;

  g_return_val_if_fail (connection != NULL && sql != NULL && types != NULL, NULL);

  va_start (args, types);
  rows = query_valist (connection, error, sql, types, args);
  va_end (args);
  if (rows == NULL || !bk_server_sql_rows_next (rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

char *
bk_server_sql_text_list (BkServerSqlConnection *connection, guint parameter)
{
  g_return_val_if_fail (connection != NULL && parameter > 0, NULL);
  return g_strdup_printf ("%s%u%s", connection->driver->text_list_sql[0], parameter,
                          connection->driver->text_list_sql[1]);
}

gint64
bk_server_sql_run (
  BkServerSqlConnection *connection, GError **error, const char *sql, const char *types, ...)
{
  gint64 changed;
  va_list args;

  g_return_val_if_fail (connection != NULL && sql != NULL && types != NULL, -1);

  va_start (args, types);
  changed = run_valist (connection, error, sql, types, args);
  va_end (args);
  return changed;
}

gint64
bk_server_sql_run_once (BkServerSql *self, GError **error, const char *sql, const char *types, ...)
{
  BkServerSqlConnection *connection;
  gint64 changed;
  va_list args;

  g_return_val_if_fail (self != NULL && sql != NULL && types != NULL, -1);

  connection = bk_server_sql_acquire (self, error);
  if (connection == NULL)
    return -1;
  take_writer (connection);
  va_start (args, types);
  changed = run_valist (connection, error, sql, types, args);
  va_end (args);
  bk_server_sql_release (self, connection);
  return changed;
}

gboolean
bk_server_sql_rows_next (BkServerSqlRows *rows, GError **error)
{
  g_return_val_if_fail (rows != NULL, FALSE);
  return rows->driver->next (rows, error);
}

gboolean
bk_server_sql_rows_is_null (BkServerSqlRows *rows, int column)
{
  g_return_val_if_fail (rows != NULL, TRUE);
  return rows->driver->is_null (rows, column);
}

const char *
bk_server_sql_rows_text (BkServerSqlRows *rows, int column)
{
  g_return_val_if_fail (rows != NULL, NULL);
  return rows->driver->text (rows, column);
}

char *
bk_server_sql_rows_dup_text (BkServerSqlRows *rows, int column)
{
  return g_strdup (bk_server_sql_rows_text (rows, column));
}

gint64
bk_server_sql_rows_int (BkServerSqlRows *rows, int column)
{
  const char *text = bk_server_sql_rows_text (rows, column);

  /* Both drivers give integers as their decimal text. */
  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

GBytes *
bk_server_sql_rows_blob (BkServerSqlRows *rows, int column)
{
  g_return_val_if_fail (rows != NULL, NULL);
  return rows->driver->blob (rows, column);
}

void
bk_server_sql_rows_free (BkServerSqlRows *rows)
{
  if (rows != NULL)
    rows->driver->free_rows (rows);
}

static gboolean
migrate_in (BkServerSqlConnection *connection,
            const char *const *migrations,
            guint n_migrations,
            GError **error)
{
  const BkServerSqlDriver *driver = connection->driver;
  g_autoptr (BkServerSqlRows) rows = NULL;
  GError *local_error = NULL;
  gint64 version;

  /* Both engines always give one row (bk-server-sql-pg.c makes it). */
  rows = bk_server_sql_query_row (connection, &local_error, driver->read_version_sql, "");
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  version = rows != NULL ? bk_server_sql_rows_int (rows, 0) : 0;
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  if (version > n_migrations)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE,
                   "the database has schema version %" G_GINT64_FORMAT
                   ", newer than this server's %u: run a newer baokao-server",
                   version, n_migrations);
      return FALSE;
    }
  for (guint i = version; i < n_migrations; i++)
    {
      g_autofree char *set_version = g_strdup_printf ("%s%u", driver->write_version_sql, i + 1);

      if (!bk_server_sql_exec (connection, migrations[i], error) ||
          !bk_server_sql_exec (connection, set_version, error))
        {
          g_prefix_error (error, "migrating the schema to version %u: ", i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
bk_server_sql_migrate (BkServerSql *self,
                       const char *const *migrations,
                       guint n_migrations,
                       GError **error)
{
  BkServerSqlConnection *connection;
  gboolean ok;

  g_return_val_if_fail (self != NULL && migrations != NULL, FALSE);

  connection = bk_server_sql_acquire (self, error);
  if (connection == NULL)
    return FALSE;
  ok = bk_server_sql_exec (connection, self->driver->begin_migration_sql, error) &&
       migrate_in (connection, migrations, n_migrations, error) &&
       bk_server_sql_commit (connection, error);
  bk_server_sql_release (self, connection); /* rolls back what is left open */
  return ok;
}
