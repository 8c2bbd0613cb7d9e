/* bk-store-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "bk-store-error.h"

G_DEFINE_QUARK (bk_store_error_quark, bk_store_error)

char *
bk_store_error_describe (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != BK_STORE_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
      case SQLITE_FULL:
        return g_strdup (_ ("The disk is full, so your changes could not be saved. Free some space "
                            "and try again; what you entered is still on the screen."));
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_CANTOPEN:
        return g_strdup (_ ("Baokao cannot write its database. Check that your home folder is "
                            "writable, then try again."));
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return g_strdup (_ ("The database is busy in another window or program. Wait a moment "
                            "and try again."));
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return g_strdup (_ ("The database file is damaged. Ask the help desk to restore it from "
                            "a backup; do not delete it."));
      case BK_STORE_ERROR_TOO_NEW:
        return g_strdup (_ ("This database was written by a newer version of Baokao. Update "
                            "Baokao to open it."));
      case BK_STORE_ERROR_NOT_FOUND:
        return g_strdup (_ ("This record no longer exists; it may have been deleted in another "
                            "window. Reload the list and try again."));
      case BK_STORE_ERROR_CONFLICT:
        return g_strdup (_ ("This record was changed elsewhere since you opened it. Reload it "
                            "and make your change again."));
      case BK_STORE_ERROR_USER_NAME_TAKEN:
        return g_strdup (_ ("Another profile on this computer already uses this user name. "
                            "Choose a different user name."));
      case BK_STORE_ERROR_ALREADY_APPLIED:
        return g_strdup (_ ("This profile already has an application for this exam session. "
                            "Open that application instead of starting a new one."));
      case BK_STORE_ERROR_NO_PASSWORD:
        return g_strdup (_ ("This profile has no password yet, so it has not been saved: on a "
                            "shared computer anyone could open it. Choose a password in the "
                            "Account step."));
      case BK_STORE_ERROR_LOCKED:
        return g_strdup (_ ("This profile is locked. Open it again from the list of profiles "
                            "and type its password."));
      case BK_STORE_ERROR_WRONG_PASSWORD:
        return g_strdup (_ ("That password does not open this profile. Type it again; if you "
                            "have forgotten it, ask the help desk."));
      default:
        /* TRANSLATORS: %s is the database's own technical message */
        return g_strdup_printf (_ ("Your changes could not be saved (%s). Try again; if it keeps "
                                   "happening, ask the help desk."),
                                error->message);
    }
}

char *
bk_store_error_describe_file (const GError *error, const char *path)
{
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (error->domain != BK_STORE_ERROR)
    return bk_store_error_describe (error);

  switch (error->code)
    {
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return g_strdup_printf (
          /* TRANSLATORS: %s is the path of the database file */
          _ ("Baokao’s database %s is damaged, so Baokao has not opened it and has changed "
             "nothing in it. Keep a copy of this file, and of the files beside it whose names "
             "end in “-wal” or “-shm”: the help desk may be able to recover profiles from it. "
             "Then put back a backup copy of the database, or move the damaged file to another "
             "folder and start Baokao again to begin with an empty database."),
          path);
      case SQLITE_READONLY:
      case SQLITE_PERM:
      case SQLITE_CANTOPEN:
        return g_strdup_printf (
          /* TRANSLATORS: %s is the path of the database file */
          _ ("Baokao cannot open its database %s. Check that this file and its folder belong "
             "to you and can be written, then start Baokao again."),
          path);
      default:
        return bk_store_error_describe (error);
    }
}
