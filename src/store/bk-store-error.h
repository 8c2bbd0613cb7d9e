/* bk-store-error.h — errors of the store layer (the local SQLite database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_STORE_ERROR (bk_store_error_quark ())

/* An error from SQLite carries SQLite's primary result code (SQLITE_BUSY,
 * SQLITE_CORRUPT, SQLITE_FULL, …) as its code, so callers can tell a full
 * disk from a locked database. The codes below are the store's own and lie
 * above SQLite's range. */
typedef enum
{
  BK_STORE_ERROR_MIGRATION = 1000, /* the schema could not be brought up to date */
  BK_STORE_ERROR_NOT_FOUND,        /* no such record */
  BK_STORE_ERROR_CONFLICT,         /* the record changed since it was read (version) */
  BK_STORE_ERROR_TOO_NEW,          /* the file was written by a newer Baokao */
  BK_STORE_ERROR_USER_NAME_TAKEN,  /* another profile on this machine has the user name */
  BK_STORE_ERROR_ALREADY_APPLIED,  /* the profile has an application for this session */
  BK_STORE_ERROR_NO_PASSWORD,      /* a profile without a password hash is never written */
  BK_STORE_ERROR_LOCKED,           /* the profile's data is sealed and its password not given */
  BK_STORE_ERROR_WRONG_PASSWORD,   /* the password does not open the profile */
} BkStoreError;

GQuark bk_store_error_quark (void);

/* A sentence for the user, translated, that says what to do. */
char *bk_store_error_describe (const GError *error);

/* As bk_store_error_describe, for an error opening the database at @path:
 * where the file itself is the trouble (damaged, not writable), the text
 * names it and says what to do with it. */
char *bk_store_error_describe_file (const GError *error, const char *path);

G_END_DECLS
