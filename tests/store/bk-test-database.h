/* bk-test-database.h — a real database file in a temporary folder, for the
 * store's tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-database.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;
  char *path;
  BkDatabase *db;
} BkTestDatabase;

/* Opens a new database in a new folder named after @name. */
void bk_test_database_open (BkTestDatabase *self, const char *name);
/* Closes it and removes the file, SQLite's -wal and -shm, and the folder. */
void bk_test_database_remove (BkTestDatabase *self);

G_END_DECLS
