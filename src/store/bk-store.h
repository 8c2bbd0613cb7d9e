/* bk-store.h — the local store: profiles and applications in SQLite, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-exam-application.h"
#include "bk-outbox-batch.h"
#include "bk-profile-summary.h"
#include "bk-profile.h"

G_BEGIN_DECLS

#define BK_TYPE_STORE (bk_store_get_type ())

G_DECLARE_FINAL_TYPE (BkStore, bk_store, BK, STORE, GObject)

/* Threading: a BkStore owns one BkDatabase on one worker thread of its
 * own; every operation runs there, in the order called. The async forms
 * call back in the thread-default main context of the caller; the sync
 * forms (baokao-tool, tests) block the caller until the worker is done.
 * Use a store from one thread (the main thread in the application).
 *
 * Saving takes a snapshot (bk_profile_dup) when the save starts, so the
 * page may go on editing; when it is done, the new versions and
 * timestamps are written back into the object passed in (only those:
 * never the fields), before the callback runs (sync: before returning).
 * Saving the same object again while a save is on its way is fine (async
 * saves of one record run one after the other; a sync flush knows the
 * object's own earlier writes); a different object of the same record
 * that was read before a change gets CONFLICT.
 *
 * Errors are in BK_STORE_ERROR: SQLite's primary code (SQLITE_FULL, …) or
 * BK_STORE_ERROR_NOT_FOUND / _CONFLICT (saved with a stale version: the
 * record changed elsewhere; reload it) / _TOO_NEW / _MIGRATION. Show
 * bk_store_error_describe (error) to the user. A failed save changes
 * nothing, neither in the file nor in the objects.
 *
 * A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB) is found on open (see
 * bk_store_error_describe_file) or when a job meets a damaged page; from
 * then on the store writes nothing more to it (every save and delete fails
 * with SQLITE_CORRUPT), so that what is left can be recovered. */

/* g_get_user_data_dir()/baokao/baokao.db */
char *bk_store_get_default_path (void);

/* @path: NULL for the default path. */
void bk_store_open_async (const char *path,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);
BkStore *bk_store_open_finish (GAsyncResult *result, GError **error);
BkStore *bk_store_open (const char *path, GError **error);

const char *bk_store_get_path (BkStore *self);

/* GListModel of BkProfileSummary, most recently updated first. */
void bk_store_list_profiles_async (BkStore *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GListModel *bk_store_list_profiles_finish (BkStore *self, GAsyncResult *result, GError **error);
GListModel *bk_store_list_profiles (BkStore *self, GError **error);

/* The profile with its education, work periods and photos; NOT_FOUND. */
void bk_store_load_profile_async (BkStore *self,
                                  const char *profile_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
BkProfile *bk_store_load_profile_finish (BkStore *self, GAsyncResult *result, GError **error);
BkProfile *bk_store_load_profile (BkStore *self, const char *profile_id, GError **error);

/* Writes the profile row, the changes to its education and work entries
 * (inserted, updated, removed) and its photos in one transaction, with one
 * outbox entry per changed row. The profile's version goes up by one when
 * anything changed (nothing is written when nothing did); a stale version
 * fails with CONFLICT; a user name taken by another profile fails with
 * USER_NAME_TAKEN, one without a password hash with NO_PASSWORD (see
 * bk_store_profile_is_protected). A profile without a user name yet
 * (account page half done) is saved once it has its password. */
void bk_store_save_profile_async (BkStore *self,
                                  BkProfile *profile,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean bk_store_save_profile_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_save_profile (BkStore *self, BkProfile *profile, GError **error);

/* Whether @profile has a password hash (libsodium's Argon2 string). The
 * store never writes a profile without one (NO_PASSWORD), as a profile on
 * a shared PC must not be open to whoever sits down at it; one read from
 * an older file may lack it, and must get a password before it is shown. */
gboolean bk_store_profile_is_protected (BkProfile *profile);

/* Deletes the profile and everything of it (applications too), with an
 * outbox "delete" per row; NOT_FOUND if it does not exist. */
void bk_store_delete_profile_async (BkStore *self,
                                    const char *profile_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_store_delete_profile_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_delete_profile (BkStore *self, const char *profile_id, GError **error);

/* GListModel of BkExamApplication (with proofs) of a profile, oldest first.
 * A locked profile's proofs come without their bytes (NULL). */
void bk_store_list_applications_async (BkStore *self,
                                       const char *profile_id,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
GListModel *bk_store_list_applications_finish (BkStore *self, GAsyncResult *result, GError **error);
GListModel *bk_store_list_applications (BkStore *self, const char *profile_id, GError **error);

/* As save_profile: the application row and its proofs, one transaction;
 * one application per profile and session (ALREADY_APPLIED otherwise). */
void bk_store_save_application_async (BkStore *self,
                                      BkExamApplication *application,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean bk_store_save_application_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_save_application (BkStore *self, BkExamApplication *application, GError **error);

void bk_store_delete_application_async (BkStore *self,
                                        const char *application_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean bk_store_delete_application_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_delete_application (BkStore *self, const char *application_id, GError **error);

/* Data at rest (bk-store-keys.c). A profile's sensitive values (see
 * bk-store-secret.c) are sealed with a data key of its own, wrapped by a
 * key derived from its password; the key is kept on the store's worker
 * while the profile is unlocked and zeroed when it is locked. Loading or
 * saving a locked profile fails with LOCKED. */

/* Unlocks @profile_id with @password (Argon2id, about 0.1 s): from then
 * on its values are read and written. A profile from an older file (no
 * key yet) is checked against its password hash, gets its key and has
 * its values sealed, in one transaction. WRONG_PASSWORD, NOT_FOUND,
 * NO_PASSWORD (an older profile without a password: set one with
 * bk_store_set_profile_password). */
void bk_store_unlock_profile_async (BkStore *self,
                                    const char *profile_id,
                                    const char *password,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_store_unlock_profile_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_unlock_profile (BkStore *self,
                                  const char *profile_id,
                                  const char *password,
                                  GError **error);

/* Protects @profile_id's data with @password: a new profile (saved or
 * not yet) gets its key, an unlocked one has its key re-wrapped (a
 * password change). The profile stays unlocked. LOCKED when it is not. */
void bk_store_set_profile_password_async (BkStore *self,
                                          const char *profile_id,
                                          const char *password,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
gboolean bk_store_set_profile_password_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_set_profile_password (BkStore *self,
                                        const char *profile_id,
                                        const char *password,
                                        GError **error);

/* What the password dialog needs before the profile is unlocked: a
 * locked profile's cover (its id, name, user name and password hash, no
 * other value: show it, never save it), or the whole profile when it is
 * not sealed (an older file, where it may still need a password). */
void bk_store_load_profile_cover_async (BkStore *self,
                                        const char *profile_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
BkProfile *bk_store_load_profile_cover_finish (BkStore *self, GAsyncResult *result, GError **error);

/* bk_store_unlock_profile, then bk_store_load_profile, in one job. */
void bk_store_unlock_and_load_profile_async (BkStore *self,
                                             const char *profile_id,
                                             const char *password,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
BkProfile *
bk_store_unlock_and_load_profile_finish (BkStore *self, GAsyncResult *result, GError **error);

/* Forgets (zeroes) @profile_id's key, after the jobs queued before. */
void bk_store_lock_profile (BkStore *self, const char *profile_id);

/* Rows waiting in the outbox (tests, baokao-tool). */
gint64 bk_store_count_outbox (BkStore *self, GError **error);

/* Synchronisation (bk-store-sync.c), for the sync engine. */

/* Each profile is pushed under its own account and keeps its own sync
 * state (cursor, push on its way): the calls below take the profile's id.
 * A profile id NULL for a pull is a sign-in on a computer with no profile
 * of that account yet: its first pull brings the profile, from 0, and
 * keeps no cursor (see bk_pulled_page_apply). */

/* The next push of @profile_id's changes (and only its): the one still
 * unanswered if there is one (the same entries under the same idempotency
 * key), else its first @max outbox entries under a new key; no entries
 * (and no key) when it has nothing waiting. See bk_outbox_take_batch. */
void bk_store_take_outbox_batch_async (BkStore *self,
                                       const char *profile_id,
                                       guint max,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
BkOutboxBatch *
bk_store_take_outbox_batch_finish (BkStore *self, GAsyncResult *result, GError **error);
BkOutboxBatch *
bk_store_take_outbox_batch (BkStore *self, const char *profile_id, guint max, GError **error);

/* As bk_store_take_outbox_batch_async (finish with
 * bk_store_take_outbox_batch_finish), after forgetting the request on its
 * way, which the server refused whole as too large (413, nothing
 * applied): the first @max entries under a new key. */
void bk_store_split_outbox_batch_async (BkStore *self,
                                        const char *profile_id,
                                        guint max,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);

/* The server's answer to @batch (each entry acknowledged or refused) in
 * one transaction: acknowledged entries leave the outbox, refused ones
 * become conflicts (bk_store_list_conflicts) and the server's copy is
 * written; an entry with no answer stays. */
void bk_store_settle_outbox_async (BkStore *self,
                                   BkOutboxBatch *batch,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_store_settle_outbox_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_settle_outbox (BkStore *self, BkOutboxBatch *batch, GError **error);

/* @profile_id's cursor to pull from: 0 before its first pull (and for
 * NULL). -1 on error. */
void bk_store_read_sync_cursor_async (BkStore *self,
                                      const char *profile_id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gint64 bk_store_read_sync_cursor_finish (BkStore *self, GAsyncResult *result, GError **error);
gint64 bk_store_read_sync_cursor (BkStore *self, const char *profile_id, GError **error);

/* A pulled page (GPtrArray of BkRemoteChange, in cursor order) written
 * with its @next_cursor as @profile_id's in one transaction (see
 * bk_pulled_page_apply). */
void bk_store_apply_pulled_async (BkStore *self,
                                  const char *profile_id,
                                  GPtrArray *changes,
                                  gint64 next_cursor,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean bk_store_apply_pulled_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_apply_pulled (
  BkStore *self, const char *profile_id, GPtrArray *changes, gint64 next_cursor, GError **error);

/* The refused changes kept for @profile_id's user (every profile's when
 * NULL; a locked profile's are left out): a GPtrArray of BkOutboxEntry
 * with seq the conflict's id, refusal_code and server_copy, oldest first.
 * See bk-conflict-copy.h. */
void bk_store_list_conflicts_async (BkStore *self,
                                    const char *profile_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
GPtrArray *bk_store_list_conflicts_finish (BkStore *self, GAsyncResult *result, GError **error);
GPtrArray *bk_store_list_conflicts (BkStore *self, const char *profile_id, GError **error);

/* Settles the conflict @conflict_id as the user chose, in one transaction:
 * the members named in @mine from their copy, the rest from the server's
 * (see bk_conflict_copy_resolve); a mix that differs from the server's is
 * written and queued for the next push, based on the server's version. */
void bk_store_resolve_conflict_async (BkStore *self,
                                      gint64 conflict_id,
                                      const char *const *mine,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean bk_store_resolve_conflict_finish (BkStore *self, GAsyncResult *result, GError **error);
gboolean bk_store_resolve_conflict (BkStore *self,
                                    gint64 conflict_id,
                                    const char *const *mine,
                                    GError **error);

/* The server's last copy of a record as JSON text (with the fields only
 * the server writes), or NULL if none came. */
char *bk_store_read_remote_copy (BkStore *self,
                                 const char *entity,
                                 const char *entity_id,
                                 GError **error);

G_END_DECLS
