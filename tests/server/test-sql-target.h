/* test-sql-target.h — the database a storage test runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* BAOKAO_TEST_SQL_TARGET (with-postgres.py sets it to a database in a
 * throwaway PostgreSQL cluster), or else a SQLite file in a new temporary
 * folder, which *@tmp_dir then names (else NULL). */
char *bk_test_sql_target_new (const char *test_name, char **tmp_dir);

/* Frees both; removes the temporary SQLite file and folder, unless @keep,
 * when it says where they are kept. */
void bk_test_sql_target_free (char *target, char *tmp_dir, gboolean keep);

G_END_DECLS
