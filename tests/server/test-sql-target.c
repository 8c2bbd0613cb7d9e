/* test-sql-target.c — the database a storage test runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "test-sql-target.h"

char *
bk_test_sql_target_new (const char *test_name, char **tmp_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = NULL;
  const char *target = g_getenv ("BAOKAO_TEST_SQL_TARGET");

  *tmp_dir = NULL;
  if (target != NULL)
    return g_strdup (target);
  template = g_strdup_printf ("baokao-test-%s-XXXXXX", test_name);
  *tmp_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  return g_build_filename (*tmp_dir, "server.sqlite", NULL);
}

void
bk_test_sql_target_free (char *target, char *tmp_dir, gboolean keep)
{
  if (tmp_dir != NULL && !keep)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (target, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (tmp_dir);
    }
  else if (tmp_dir != NULL)
    g_printerr ("the database is kept in %s\n", tmp_dir);
  g_free (target);
  g_free (tmp_dir);
}
