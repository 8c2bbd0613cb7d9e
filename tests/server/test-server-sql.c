/* test-server-sql.c — the server's SQL driver layer (BkServerSql), on the
 * engine BAOKAO_TEST_SQL_TARGET names
 *
 * Without BAOKAO_TEST_SQL_TARGET it runs on a SQLite file in a temporary
 * folder; server-sql-postgres runs it through with-postgres.py, which
 * points it at a database in a throwaway PostgreSQL cluster. The same
 * assertions hold on both: that is what lets the storage logic be
 * written once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-server-error.h"
#include "bk-server-sql.h"
#include "test-sql-target.h"

static char *tmp_dir;
static char *target;

static BkServerSql *
open_target (void)
{
  g_autoptr (GError) error = NULL;
  BkServerSql *sql = bk_server_sql_open (target, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sql);
  return sql;
}

/* A table of its own for each test, so that the tests share a database. */
static void
create_table (BkServerSqlConnection *connection, BkServerSql *sql, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *ddl =
    g_strdup_printf ("CREATE TABLE %s (t text, i bigint, b %s)", name,
                     bk_server_sql_get_engine (sql) == BK_SERVER_SQL_POSTGRESQL ? "bytea" : "blob");

  g_assert_true (bk_server_sql_exec (connection, ddl, &error));
  g_assert_no_error (error);
}

static void
test_target_kind (void)
{
  const char *const postgresql[] = {
    "postgresql://baokao@db.example/baokao",
    "postgres://127.0.0.1:5433/baokao?sslmode=require",
    "host=/run/postgresql dbname=baokao",
    " dbname = baokao",
  };
  const char *const sqlite[] = {
    "/var/lib/baokao-server/server.sqlite",
    "server.sqlite",
    "./a=b.sqlite",
    "/tmp/host=x/server.sqlite",
  };

  for (guint i = 0; i < G_N_ELEMENTS (postgresql); i++)
    g_assert_true (bk_server_sql_target_is_postgresql (postgresql[i]));
  for (guint i = 0; i < G_N_ELEMENTS (sqlite); i++)
    g_assert_false (bk_server_sql_target_is_postgresql (sqlite[i]));
}

static void
test_parameters_and_rows (void)
{
  g_autoptr (BkServerSql) sql = open_target ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerSqlRows) rows = NULL;
  g_autoptr (GBytes) blob = g_bytes_new_static ("\0\1\2\377jpeg", 8);
  g_autoptr (GBytes) read = NULL;
  BkServerSqlConnection *connection = bk_server_sql_acquire (sql, &error);

  g_assert_no_error (error);
  create_table (connection, sql, "params");
  /* $n in any order, one used twice; NULL text and blob are SQL NULL. */
  g_assert_cmpint (bk_server_sql_run (connection, &error,
                                      "INSERT INTO params (b, i, t) VALUES ($3, $2, $1), "
                                      "($4, $5, $1)",
                                      "tibbi", "张三", G_MAXINT64 - 1, blob, NULL, (gint64) -7),
                   ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (bk_server_sql_run (connection, &error,
                                      "INSERT INTO params (t, i) VALUES ($1, $2)", "ti", NULL,
                                      (gint64) 0),
                   ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (
    bk_server_sql_run (connection, &error, "UPDATE params SET i = i + 1 WHERE t = $1", "t", "张三"),
    ==, 2);
  g_assert_no_error (error);

  rows = bk_server_sql_query (connection, &error,
                              "SELECT t, i, b FROM params WHERE i > $1 ORDER BY i DESC", "i",
                              (gint64) -100);
  g_assert_no_error (error);
  g_assert_true (bk_server_sql_rows_next (rows, &error));
  g_assert_cmpstr (bk_server_sql_rows_text (rows, 0), ==, "张三");
  g_assert_cmpint (bk_server_sql_rows_int (rows, 1), ==, G_MAXINT64);
  read = bk_server_sql_rows_blob (rows, 2);
  g_assert_true (g_bytes_equal (read, blob));
  g_assert_true (bk_server_sql_rows_next (rows, &error));
  g_assert_true (bk_server_sql_rows_is_null (rows, 0));
  g_assert_null (bk_server_sql_rows_text (rows, 0));
  g_assert_cmpint (bk_server_sql_rows_int (rows, 1), ==, 0);
  g_assert_null (bk_server_sql_rows_blob (rows, 2));
  g_assert_true (bk_server_sql_rows_next (rows, &error));
  g_assert_cmpint (bk_server_sql_rows_int (rows, 1), ==, -6);
  g_assert_true (bk_server_sql_rows_is_null (rows, 2));
  g_assert_false (bk_server_sql_rows_next (rows, &error));
  g_assert_no_error (error);
  g_assert_false (bk_server_sql_rows_next (rows, &error));
  g_clear_pointer (&rows, bk_server_sql_rows_free);

  /* A statement the engine refuses is an error, not a crash. */
  rows = bk_server_sql_query (connection, &error, "SELECT nothing FROM nowhere", "");
  g_assert_null (rows);
  g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE);
  bk_server_sql_release (sql, connection);
}

static void
test_transactions (void)
{
  g_autoptr (BkServerSql) sql = open_target ();
  g_autoptr (GError) error = NULL;
  BkServerSqlConnection *connection = bk_server_sql_acquire (sql, &error);
  BkServerSqlConnection *other;

  g_assert_no_error (error);
  create_table (connection, sql, "transactions");
  bk_server_sql_release (sql, connection);

  /* Given back with a transaction open: rolled back, nothing written. */
  connection = bk_server_sql_acquire (sql, &error);
  g_assert_true (bk_server_sql_begin_write (connection, &error));
  g_assert_cmpint (
    bk_server_sql_run (connection, &error, "INSERT INTO transactions (t) VALUES ('lost')", ""), ==,
    1);
  bk_server_sql_release (sql, connection);
  g_assert_cmpint (bk_server_sql_run_once (sql, &error, "DELETE FROM transactions", ""), ==, 0);
  g_assert_no_error (error);

  /* Committed: there, for another connection too. */
  connection = bk_server_sql_acquire (sql, &error);
  other = bk_server_sql_acquire (sql, &error);
  g_assert_true (connection != other);
  g_assert_true (bk_server_sql_begin_write (connection, &error));
  g_assert_cmpint (
    bk_server_sql_run (connection, &error, "INSERT INTO transactions (t) VALUES ('kept')", ""), ==,
    1);
  g_assert_true (bk_server_sql_commit (connection, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
    bk_server_sql_run (other, &error, "DELETE FROM transactions WHERE t = 'kept'", ""), ==, 1);
  bk_server_sql_release (sql, connection);
  bk_server_sql_release (sql, other);
}

static void
test_migrate (void)
{
  const char *const migrations[] = {
    "CREATE TABLE migrated (n bigint)",
    /* A placeholder for a migration another branch brings. */
    "-- only a comment",
    "INSERT INTO migrated (n) VALUES (2)",
  };
  g_autoptr (BkServerSql) sql = open_target ();
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_server_sql_migrate (sql, migrations, 3, &error));
  g_assert_no_error (error);
  /* Again: up to date, nothing run twice. */
  g_assert_true (bk_server_sql_migrate (sql, migrations, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_server_sql_run_once (sql, &error, "DELETE FROM migrated", ""), ==, 1);

  /* A build that knows fewer migrations leaves a newer schema alone. */
  g_assert_false (bk_server_sql_migrate (sql, migrations, 2, &error));
  g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "newer baokao-server"));
}

/* The same statement, run again on a connection (the drivers keep it
 * prepared), run twice at once, and after it failed, gives each run its own
 * parameters and rows. */
static void
test_statement_reuse (void)
{
  g_autoptr (BkServerSql) sql = open_target ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerSqlRows) outer = NULL;
  g_autoptr (BkServerSqlRows) inner = NULL;
  BkServerSqlConnection *connection = bk_server_sql_acquire (sql, &error);
  const char *select = "SELECT i FROM reuse WHERE t = $1 ORDER BY i";

  g_assert_no_error (error);
  create_table (connection, sql, "reuse");
  g_assert_true (
    bk_server_sql_exec (connection, "CREATE UNIQUE INDEX reuse_i ON reuse (i)", &error));
  for (gint64 i = 1; i <= 4; i++)
    g_assert_cmpint (bk_server_sql_run (connection, &error,
                                        "INSERT INTO reuse (t, i) VALUES ($1, $2)", "ti",
                                        i % 2 ? "odd" : "even", i),
                     ==, 1);
  g_assert_no_error (error);

  outer = bk_server_sql_query (connection, &error, select, "t", "odd");
  g_assert_true (bk_server_sql_rows_next (outer, &error));
  g_assert_cmpint (bk_server_sql_rows_int (outer, 0), ==, 1);
  /* The same SQL while the first rows are still open. */
  inner = bk_server_sql_query (connection, &error, select, "t", "even");
  g_assert_true (bk_server_sql_rows_next (inner, &error));
  g_assert_cmpint (bk_server_sql_rows_int (inner, 0), ==, 2);
  g_assert_true (bk_server_sql_rows_next (outer, &error));
  g_assert_cmpint (bk_server_sql_rows_int (outer, 0), ==, 3);
  g_assert_true (bk_server_sql_rows_next (inner, &error));
  g_assert_cmpint (bk_server_sql_rows_int (inner, 0), ==, 4);
  g_assert_no_error (error);
  g_clear_pointer (&outer, bk_server_sql_rows_free);
  g_clear_pointer (&inner, bk_server_sql_rows_free);

  /* A run that fails leaves the statement usable, with new parameters. */
  g_assert_cmpint (bk_server_sql_run (connection, &error,
                                      "INSERT INTO reuse (t, i) VALUES ($1, $2)", "ti", "odd",
                                      (gint64) 1),
                   ==, -1);
  g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_DATABASE);
  g_clear_error (&error);
  g_assert_cmpint (bk_server_sql_run (connection, &error,
                                      "INSERT INTO reuse (t, i) VALUES ($1, $2)", "ti", "odd",
                                      (gint64) 5),
                   ==, 1);
  g_assert_no_error (error);
  bk_server_sql_release (sql, connection);

  /* Again on the connection given back: the rows of this run only. */
  connection = bk_server_sql_acquire (sql, &error);
  outer = bk_server_sql_query (connection, &error, select, "t", "odd");
  for (gint64 i = 1; i <= 5; i += 2)
    {
      g_assert_true (bk_server_sql_rows_next (outer, &error));
      g_assert_cmpint (bk_server_sql_rows_int (outer, 0), ==, i);
    }
  g_assert_false (bk_server_sql_rows_next (outer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&outer, bk_server_sql_rows_free);
  bk_server_sql_release (sql, connection);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  target = bk_test_sql_target_new ("server-sql", &tmp_dir);

  g_test_add_func ("/server/sql/target-kind", test_target_kind);
  g_test_add_func ("/server/sql/parameters-and-rows", test_parameters_and_rows);
  g_test_add_func ("/server/sql/transactions", test_transactions);
  g_test_add_func ("/server/sql/migrate", test_migrate);
  g_test_add_func ("/server/sql/statement-reuse", test_statement_reuse);
  status = g_test_run ();

  bk_test_sql_target_free (target, tmp_dir, status != 0);
  return status;
}
