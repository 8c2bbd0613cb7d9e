/* bk-database.c — one SQLite connection
 *
 * WAL journal (readers never block the writer, and a crash loses at most
 * the transaction that was open), foreign keys on, a busy timeout for the
 * second window or baokao-tool on the same file.
 *
 * Profiles hold ID numbers, phone numbers and photos, and help-desk PCs
 * are shared: the file and SQLite's -wal and -shm beside it are the
 * user's alone (0600; SQLite gives the -wal and -shm the mode of the
 * database file), in a folder of the user's alone (0700), whatever the
 * umask; what an older Baokao left open to others is closed on open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bk-database.h"
#include "bk-store-error.h"
#include "bk-store-schema.h"
#include "bk-store.h"

struct _BkDatabase
{
  GObject parent_instance;

  char *path;
  sqlite3 *handle;
  BkStoreVault *vault;
};

G_DEFINE_FINAL_TYPE (BkDatabase, bk_database, G_TYPE_OBJECT)

gboolean
bk_database_fail (BkDatabase *self, GError **error, const char *doing)
{
  int code = sqlite3_errcode (self->handle);

  g_set_error (error, BK_STORE_ERROR, code & 0xff, "%s: %s (%s)", doing,
               sqlite3_errmsg (self->handle), self->path);
  return FALSE;
}

static int
read_user_version (BkDatabase *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      bk_database_fail (self, error, "reading the schema version");
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (BkDatabase *self, GError **error)
{
  guint n_migrations;
  const char *const *migrations = bk_store_schema_get_migrations (&n_migrations);
  int version = read_user_version (self, error);

  if (version < 0)
    return FALSE;

  if ((guint) version > n_migrations)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_TOO_NEW,
                   "%s has schema version %d; this Baokao knows up to %u", self->path, version,
                   n_migrations);
      return FALSE;
    }

  for (guint v = version; v < n_migrations; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", v + 1);
      g_autoptr (GError) local_error = NULL;

      if (!bk_database_begin (self, error))
        return FALSE;
      if (!bk_database_exec (self, migrations[v], &local_error) ||
          !bk_database_exec (self, bump, &local_error) || !bk_database_commit (self, &local_error))
        {
          bk_database_rollback (self);
          g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_MIGRATION,
                       "migrating %s from version %u to %u: %s", self->path, v, v + 1,
                       local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static void
bk_database_finalize (GObject *object)
{
  BkDatabase *self = BK_DATABASE (object);

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  bk_store_vault_free (self->vault);
  g_free (self->path);

  G_OBJECT_CLASS (bk_database_parent_class)->finalize (object);
}

static void
bk_database_class_init (BkDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_database_finalize;
}

static void
bk_database_init (BkDatabase *self)
{
  self->vault = bk_store_vault_new ();
}

static gboolean
cannot_create (GError **error, const char *path)
{
  int saved_errno = errno;

  g_set_error (error, BK_STORE_ERROR, SQLITE_CANTOPEN, "cannot create %s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

/* Takes group's and others' access away from @path if it is the user's. */
static void
close_to_others (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_uid != getuid () || (st.st_mode & 077) == 0)
    return;
  if (g_chmod (path, st.st_mode & 0700) != 0)
    g_debug ("cannot make %s private: %s", path, g_strerror (errno));
}

/* The folder (made 0700 if missing; Baokao's own folder made private if
 * it is not), then the file (made 0600 if missing), -wal and -shm. A folder
 * the user chose for the file (baokao-tool --database) is left as it is:
 * it may be the home folder. */
static gboolean
make_private (const char *path, GError **error)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = bk_store_get_default_path ();
  g_autofree char *own_dir = g_path_get_dirname (default_path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
        return cannot_create (error, dir);
    }
  else if (g_str_equal (dir, own_dir))
    close_to_others (dir);

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      /* The umask has no say. */
      if (fchmod (fd, 0600) != 0)
        {
          cannot_create (error, path);
          close (fd);
          return FALSE;
        }
      close (fd);
    }
  else if (errno != EEXIST)
    return cannot_create (error, path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      close_to_others (file);
    }
  return TRUE;
}

/* A damaged file (a failing disk, a copy cut short) is found before
 * anything writes to it: nothing that follows (WAL set-up, migrations,
 * saves) may spread the damage, and the user is told to keep a copy.
 * quick_check walks every page of every table and index (not the
 * index-to-table cross-check of integrity_check): on a help-desk PC's
 * 30 full profiles (8 MB) it takes 10 to 30 ms, on the worker thread. */
static gboolean
check_intact (BkDatabase *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (self, "PRAGMA quick_check(1)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return bk_database_fail (self, error, "checking the database");
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT, "%s is damaged: %s", self->path,
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

BkDatabase *
bk_database_open (const char *path, GError **error)
{
  g_autoptr (BkDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!make_private (path, error))
    return NULL;

  self = g_object_new (BK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      bk_database_fail (self, error, "opening the database");
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 5000);

  if (!check_intact (self, error))
    return NULL;

  /* journal_mode answers with a row, so it cannot go through exec's
   * no-rows check; NORMAL sync is durable enough with WAL. secure_delete:
   * what a save replaces or deletes is overwritten with zeroes, so a
   * value sealed at the unlock that migrates a plain file (or a deleted
   * profile) leaves no plain copy in a free page. */
  if (!bk_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !bk_database_exec (self, "PRAGMA secure_delete = ON", error) ||
      sqlite3_exec (self->handle, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
      !bk_database_exec (self, "PRAGMA synchronous = NORMAL", error))
    {
      if (error != NULL && *error == NULL)
        bk_database_fail (self, error, "setting up the database");
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
bk_database_get_path (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  return self->path;
}

BkStoreVault *
bk_database_get_vault (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  return self->vault;
}

sqlite3 *
bk_database_get_handle (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  return self->handle;
}

int
bk_database_get_schema_version (BkDatabase *self)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), -1);

  return read_user_version (self, NULL);
}

gboolean
bk_database_exec (BkDatabase *self, const char *sql, GError **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return bk_database_fail (self, error, "running a statement");

  return TRUE;
}

sqlite3_stmt *
bk_database_prepare (BkDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BK_IS_DATABASE (self), NULL);

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      bk_database_fail (self, error, "preparing a statement");
      return NULL;
    }

  return stmt;
}

gboolean
bk_database_step_done (BkDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return bk_database_fail (self, error, "saving");

  return TRUE;
}

gboolean
bk_database_begin (BkDatabase *self, GError **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * rather than halfway through a change. */
  return bk_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
bk_database_commit (BkDatabase *self, GError **error)
{
  return bk_database_exec (self, "COMMIT", error);
}

void
bk_database_rollback (BkDatabase *self)
{
  g_return_if_fail (BK_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
bk_database_run_transaction (BkDatabase *self,
                             BkDatabaseTransactionFunc func,
                             gpointer data,
                             GError **error)
{
  g_return_val_if_fail (BK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!bk_database_begin (self, error))
    return FALSE;
  if (!func (self, data, error) || !bk_database_commit (self, error))
    {
      bk_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}
