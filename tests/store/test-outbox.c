/* test-outbox.c — BkOutbox on a real database: what the sync engine will
 * be sent, written in the same transaction as the change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-database.h"
#include "bk-test-database.h"
#include "bk-outbox.h"

typedef BkTestDatabase Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  bk_test_database_open (fixture, "outbox");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  bk_test_database_remove (fixture);
}

static void
exec (BkDatabase *db, const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Deleting a record: one "delete" per child row, at the version the row
 * has, with no payload; other records' rows are not touched. */
static void
test_append_deletes (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *expected[][2] = { { "w1", "2" }, { "w2", "5" } };
  guint n = 0;

  exec (fixture->db, "INSERT INTO profile (id, created_at, updated_at, real_name, id_type, "
                     "id_number, mobile, user_name, password_hash) VALUES "
                     "('p1', 'now', 'now', 'n', 'resident-id', 'x', 'm', 'u1', 'h'), "
                     "('p2', 'now', 'now', 'n', 'resident-id', 'y', 'm', 'u2', 'h')");
  exec (fixture->db, "INSERT INTO work_period (id, version, created_at, updated_at, profile_id, "
                     "employer, started, metrology) VALUES "
                     "('w1', 2, 'now', 'now', 'p1', 'x', '2020-01-01', 1), "
                     "('w2', 5, 'now', 'now', 'p1', 'x', '2021-01-01', 1), "
                     "('w3', 1, 'now', 'now', 'p2', 'x', '2021-01-01', 1)");

  g_assert_true (bk_database_begin (fixture->db, &error));
  g_assert_true (bk_outbox_append_deletes (fixture->db, "work_period",
                                           "SELECT id, version, profile_id FROM work_period "
                                           "WHERE profile_id = ? ORDER BY id",
                                           "p1", &error));
  g_assert_no_error (error);
  g_assert_true (bk_database_commit (fixture->db, &error));
  g_assert_cmpint (bk_outbox_count (fixture->db, &error), ==, 2);
  g_assert_no_error (error);

  stmt = bk_database_prepare (
    fixture->db,
    "SELECT entity, entity_id, operation, version, payload IS NULL, profile_id "
    "FROM outbox ORDER BY rowid",
    &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "work_period");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[n][0]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "delete");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, expected[n][1]);
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 1);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "p1");
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

/* An outbox entry outside a transaction could be committed without its
 * change: it is refused, and nothing is written. */
static void
test_append_needs_transaction (Fixture *fixture, gconstpointer user_data)
{
  g_test_expect_message ("Baokao-Store", G_LOG_LEVEL_CRITICAL, "*autocommit*");
  g_assert_false (bk_outbox_append (fixture->db, "p1", "profile", "p1", "insert", 1, "{}", NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (bk_outbox_count (fixture->db, NULL), ==, 0);
}

/* A change rolled back takes its outbox entry with it. */
static void
test_rolled_back_with_change (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_database_begin (fixture->db, &error));
  g_assert_true (bk_outbox_append (fixture->db, "p1", "profile", "p1", "insert", 1, "{}", &error));
  g_assert_cmpint (bk_outbox_count (fixture->db, &error), ==, 1);
  bk_database_rollback (fixture->db);
  g_assert_cmpint (bk_outbox_count (fixture->db, &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/outbox/append-deletes", test_append_deletes);
  ADD ("/store/outbox/append-needs-transaction", test_append_needs_transaction);
  ADD ("/store/outbox/rolled-back-with-change", test_rolled_back_with_change);

  return g_test_run ();
}
