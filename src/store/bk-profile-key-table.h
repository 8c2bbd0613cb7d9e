/* bk-profile-key-table.h — each profile's data key, wrapped by a key
 * derived from its password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-database.h"

G_BEGIN_DECLS

/* Inside a transaction. Derives the key-encryption key from @password
 * (Argon2id with the profile's salt and limits), unwraps the data key
 * into the vault and seals whatever of the profile is still plain. A
 * profile without a key (an older file) is checked against its password
 * hash instead, then gets a new random data key and its values are all
 * sealed: the migration of a plain file happens here, profile by profile.
 * *@sealed_any: whether a plain value was sealed.
 * WRONG_PASSWORD, NOT_FOUND (no such profile) or NO_PASSWORD (an older
 * profile without a password hash: give it one with set_password). */
gboolean bk_profile_key_table_unlock (BkDatabase *db,
                                      const char *profile_id,
                                      const char *password,
                                      gboolean *sealed_any,
                                      GError **error);

/* Inside a transaction. Wraps the profile's data key (the unlocked one,
 * or a new one for a profile without a key yet) with @password, under a
 * new salt, and seals what is plain; the key stays unlocked. LOCKED if
 * the profile has a key that is not unlocked. Written before the
 * profile's first save if need be: the key row does not need the
 * profile row. */
gboolean bk_profile_key_table_set_password (BkDatabase *db,
                                            const char *profile_id,
                                            const char *password,
                                            gboolean *sealed_any,
                                            GError **error);

/* The Argon2id limits a new key is wrapped under (3 passes over 32 MiB:
 * about 0.1 s; see bk-profile-key-table.c). */
void bk_profile_key_table_get_limits (guint64 *opslimit, gsize *memlimit);

G_END_DECLS
