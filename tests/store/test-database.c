/* test-database.c — the SQLite connection: set-up, migrations, errors and
 * crash safety
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bk-database.h"
#include "bk-outbox.h"
#include "bk-store-error.h"
#include "bk-store-schema.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("baokao-test-database-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "sub", "baokao.db", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_autofree char *sub = g_path_get_dirname (fixture->path);
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (sub);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
query_text (BkDatabase *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
query_int (BkDatabase *db, const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_open_sets_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = bk_database_open (fixture->path, &error);
  g_autofree char *journal = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));

  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (bk_database_get_schema_version (db), ==, bk_store_schema_get_current_version ());
  g_assert_cmpuint (bk_store_schema_get_current_version (), >=, 1);
}

/* A database left at each earlier version (with a row of data where the
 * schema has a table for it) migrates to the current one and keeps its data. */
static void
test_migrates_from_every_version (Fixture *fixture, gconstpointer user_data)
{
  guint n_migrations;
  const char *const *migrations = bk_store_schema_get_migrations (&n_migrations);

  for (guint start = 0; start < n_migrations; start++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkDatabase) db = NULL;
      g_autofree char *sub = g_path_get_dirname (fixture->path);
      sqlite3 *raw = NULL;

      g_unlink (fixture->path);
      g_mkdir_with_parents (sub, 0700);
      g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
      for (guint v = 0; v < start; v++)
        {
          g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v + 1);

          g_assert_cmpint (sqlite3_exec (raw, migrations[v], NULL, NULL, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (raw, bump, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      if (start >= 1)
        g_assert_cmpint (sqlite3_exec (raw,
                                       "INSERT INTO profile (id, created_at, updated_at, "
                                       "real_name, id_type, id_number, mobile, user_name, "
                                       "password_hash) VALUES ('p1', 'now', 'now', '张三', "
                                       "'resident-id', '11010519491231002X', '13800138000', "
                                       "'zhangsan', 'hash')",
                                       NULL, NULL, NULL),
                         ==, SQLITE_OK);
      sqlite3_close (raw);

      db = bk_database_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (bk_database_get_schema_version (db), ==, n_migrations);
      if (start >= 1)
        {
          g_autofree char *name = query_text (db, "SELECT real_name FROM profile WHERE id = 'p1'");
          g_assert_cmpstr (name, ==, "张三");
        }
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 0);
    }
}

static void
test_refuses_newer_schema (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = bk_database_open (fixture->path, &error);
  g_autofree char *bump = NULL;

  g_assert_no_error (error);
  bump = g_strdup_printf ("PRAGMA user_version = %u", bk_store_schema_get_current_version () + 1);
  g_assert_true (bk_database_exec (db, bump, &error));
  g_clear_object (&db);

  db = bk_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_TOO_NEW);
}

static void
test_error_carries_sqlite_code (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = NULL;
  g_autofree char *sub = g_path_get_dirname (fixture->path);
  g_autofree char *message = NULL;

  g_mkdir_with_parents (sub, 0700);
  g_assert_true (g_file_set_contents (fixture->path,
                                      "this is not a database, just text that is "
                                      "long enough to have a header of its own",
                                      -1, NULL));
  db = bk_database_open (fixture->path, &error);
  g_assert_null (db);
  g_assert_error (error, BK_STORE_ERROR, SQLITE_NOTADB);

  message = bk_store_error_describe (error);
  g_assert_nonnull (strstr (message, "damaged"));
}

static void
test_constraint_error_rolls_back (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = bk_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (bk_database_begin (db, &error));
  g_assert_true (bk_outbox_append (db, "p1", "profile", "p1", "insert", 1, "{}", &error));
  /* A work period for a profile that does not exist breaks the foreign key. */
  g_assert_false (bk_database_exec (db,
                                    "INSERT INTO work_period (id, created_at, updated_at, "
                                    "profile_id, employer, started, metrology) VALUES "
                                    "('w1', 'now', 'now', 'nobody', 'x', '2020-01-01', 1)",
                                    &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CONSTRAINT);
  bk_database_rollback (db);

  /* Nothing of the failed change is left, not even its outbox entry. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM work_period"), ==, 0);
}

#define COMMITTED_PROFILES 40

static void
insert_profile (BkDatabase *db, int i)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("profile-%d", i);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO profile (id, created_at, updated_at, "
                                          "real_name, id_type, id_number, mobile, user_name, "
                                          "password_hash) VALUES ('%s', 'now', 'now', 'n', "
                                          "'resident-id', 'x', 'm', 'user-%d', 'h')",
                                          id, i);

  g_assert_true (bk_database_exec (db, sql, &error));
  g_assert_true (bk_outbox_append (db, id, "profile", id, "insert", 1, "{}", &error));
  g_assert_no_error (error);
}

/* The writer commits some changes, then is killed (SIGKILL, as a power cut
 * or a crash would stop it) in the middle of a large transaction. */
static void
test_crash_mid_transaction (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = NULL;
  g_autofree char *integrity = NULL;
  int ready[2];
  pid_t child;
  char byte;
  int status;

  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autoptr (BkDatabase) writer = bk_database_open (fixture->path, NULL);

      if (writer == NULL)
        _exit (3);
      for (int i = 0; i < COMMITTED_PROFILES; i++)
        {
          bk_database_begin (writer, NULL);
          insert_profile (writer, i);
          bk_database_commit (writer, NULL);
        }
      bk_database_begin (writer, NULL);
      for (int i = COMMITTED_PROFILES; i < COMMITTED_PROFILES + 5000; i++)
        {
          insert_profile (writer, i);
          if (i == COMMITTED_PROFILES + 2500)
            (void) !write (ready[1], "x", 1);
        }
      pause (); /* the parent kills us before the commit */
      _exit (4);
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));

  db = bk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profile"), ==, COMMITTED_PROFILES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM outbox"), ==, COMMITTED_PROFILES);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM profile WHERE id = 'profile-39'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* The database, its -wal and -shm, and the folder made for them. */
static void
assert_private (const char *path, guint dir_mode)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_test_message ("%s", file);
      g_assert_cmpuint (mode_of (file), ==, 0600);
    }
  g_assert_cmpuint (mode_of (dir), ==, dir_mode);
}

/* Profiles hold ID numbers and photos: on a shared PC the files are the
 * user's alone, whatever the umask of the session that starts Baokao. */
static void
test_files_are_private (Fixture *fixture, gconstpointer user_data)
{
  const mode_t umasks[] = { 022, 000 };
  mode_t saved = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (umasks); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkDatabase) db = NULL;
      g_autofree char *sub = g_path_get_dirname (fixture->path);

      umask (umasks[i]);
      db = bk_database_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_true (bk_database_exec (db, "CREATE TABLE t (x)", &error));
      assert_private (fixture->path, 0700);
      g_clear_object (&db);

      fixture_tear_down (fixture, NULL);
      fixture_set_up (fixture, NULL);
    }
  umask (saved);
}

/* Files an older Baokao left readable by everyone are made private on
 * open, and so is Baokao's own folder; a folder the user chose (the
 * tool's --database) is the user's business and keeps its mode. */
static void
test_repairs_modes (Fixture *fixture, gconstpointer user_data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) other_window = NULL;
  g_autoptr (BkDatabase) db = NULL;
  g_autofree char *own = g_build_filename (g_get_user_data_dir (), "baokao", "baokao.db", NULL);
  g_autofree char *own_dir = g_path_get_dirname (own);
  g_autofree char *chosen = g_build_filename (fixture->dir, "chosen.db", NULL);
  const char *paths[] = { own, chosen };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autofree char *dir = g_path_get_dirname (paths[p]);

      /* Another window keeps the -wal and -shm files there meanwhile. */
      other_window = bk_database_open (paths[p], &error);
      g_assert_no_error (error);
      g_assert_true (bk_database_exec (other_window, "CREATE TABLE t (x)", &error));
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (paths[p], suffixes[i], NULL);

          g_assert_cmpint (g_chmod (file, 0644), ==, 0);
        }
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      db = bk_database_open (paths[p], &error);
      g_assert_no_error (error);
      assert_private (paths[p], g_str_equal (dir, own_dir) ? 0700 : 0755);
      g_clear_object (&db);
      g_clear_object (&other_window);
    }

  g_unlink (chosen);
  g_unlink (own);
  g_rmdir (own_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/database/open-sets-up", Fixture, NULL, fixture_set_up, test_open_sets_up,
              fixture_tear_down);
  g_test_add ("/store/database/migrates-from-every-version", Fixture, NULL, fixture_set_up,
              test_migrates_from_every_version, fixture_tear_down);
  g_test_add ("/store/database/refuses-newer-schema", Fixture, NULL, fixture_set_up,
              test_refuses_newer_schema, fixture_tear_down);
  g_test_add ("/store/database/error-carries-sqlite-code", Fixture, NULL, fixture_set_up,
              test_error_carries_sqlite_code, fixture_tear_down);
  g_test_add ("/store/database/constraint-error-rolls-back", Fixture, NULL, fixture_set_up,
              test_constraint_error_rolls_back, fixture_tear_down);
  g_test_add ("/store/database/files-are-private", Fixture, NULL, fixture_set_up,
              test_files_are_private, fixture_tear_down);
  g_test_add ("/store/database/repairs-modes", Fixture, NULL, fixture_set_up, test_repairs_modes,
              fixture_tear_down);
  g_test_add ("/store/database/crash-mid-transaction", Fixture, NULL, fixture_set_up,
              test_crash_mid_transaction, fixture_tear_down);

  return g_test_run ();
}
