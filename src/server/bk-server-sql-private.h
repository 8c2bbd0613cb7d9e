/* bk-server-sql-private.h — what a BkServerSql driver implements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-sql.h"

G_BEGIN_DECLS

/* One parameter, as the types string and the arguments gave it. */
typedef struct
{
  char type; /* 't', 'i' or 'b' */
  const char *text;
  gint64 number;
  GBytes *blob;
} BkServerSqlParam;

typedef struct
{
  BkServerSqlEngine engine;
  /* A new connection to @target. */
  gpointer (*connect) (const char *target, GError **error);
  void (*disconnect) (gpointer handle);
  /* Is a transaction open; can the connection still be used (asked when
   * it goes back to the pool and when it is taken again). */
  gboolean (*in_transaction) (gpointer handle);
  gboolean (*usable) (gpointer handle);
  gboolean (*exec) (gpointer handle, const char *sql, GError **error);
  /* Runs @sql; a driver's rows, positioned before the first one. */
  BkServerSqlRows *(*query) (gpointer handle,
                             const char *sql,
                             const BkServerSqlParam *params,
                             guint n_params,
                             GError **error);
  gboolean (*next) (BkServerSqlRows *rows, GError **error);
  gboolean (*is_null) (BkServerSqlRows *rows, int column);
  const char *(*text) (BkServerSqlRows *rows, int column);
  GBytes *(*blob) (BkServerSqlRows *rows, int column);
  void (*free_rows) (BkServerSqlRows *rows);

  const char *begin_write_sql;
  /* This process's writers (begin_write … commit, and run_once) take the
   * pool's writer mutex first, so that they queue there rather than in
   * the engine's own lock waiting. */
  gboolean queue_writers;
  /* Starts the migration's transaction, taking the lock that makes two
   * processes migrate one after the other. */
  const char *begin_migration_sql;
  const char *read_version_sql;  /* one row, one integer */
  const char *write_version_sql; /* followed by the version */
  /* bk_server_sql_text_list(): before and after the parameter's number. */
  const char *text_list_sql[2];
} BkServerSqlDriver;

/* The head of every driver's rows. */
struct _BkServerSqlRows
{
  const BkServerSqlDriver *driver;
  gint64 changed; /* rows a write changed */
};

extern const BkServerSqlDriver bk_server_sql_sqlite_driver;
extern const BkServerSqlDriver bk_server_sql_pg_driver;

/* FALSE, with BK_SERVER_ERROR_DATABASE saying what was being done. */
gboolean bk_server_sql_fail (GError **error, const char *doing, const char *message);

G_END_DECLS
