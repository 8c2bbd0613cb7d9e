/* bk-data-dirs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-data-dirs.h"

/* BAOKAO_DATADIR lets tests and `scripts/run` use the data of the build
 * tree instead of an installed copy. */
const char *
bk_data_dirs_get_pkgdatadir (void)
{
  const char *override = g_getenv ("BAOKAO_DATADIR");

  if (override != NULL && *override != '\0')
    return override;

  return PKGDATADIR;
}

char *
bk_data_dirs_get_sessions_dir (void)
{
  return g_build_filename (bk_data_dirs_get_pkgdatadir (), "sessions", NULL);
}
