/* bk-test-database.c — a real database file in a temporary folder, for the
 * store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-test-database.h"

void
bk_test_database_open (BkTestDatabase *self, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("baokao-test-%s-XXXXXX", name);

  self->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  self->path = g_build_filename (self->dir, "baokao.db", NULL);
  self->db = bk_database_open (self->path, &error);
  g_assert_no_error (error);
}

void
bk_test_database_remove (BkTestDatabase *self)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&self->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (self->dir);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->dir, g_free);
}
