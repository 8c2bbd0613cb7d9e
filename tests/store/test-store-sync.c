/* test-store-sync.c — the store's side of synchronisation on real
 * database files: the push batch and its idempotency key, the server's
 * answer settled (acknowledged entries leave, refused ones are kept with
 * both copies), pulled pages applied in one transaction with their cursor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "bk-database.h"
#include "bk-store-error.h"
#include "bk-store-schema.h"
#include "bk-store-photos.h"
#include "bk-store.h"
#include "bk-test-profiles.h"
#include "bk-test-spin.h"

typedef struct
{
  char *dir;
  BkStore *store;  /* this computer */
  BkStore *second; /* another computer of the same candidate */
} Fixture;

static BkStore *
open_store (Fixture *fixture, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  BkStore *store = bk_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("baokao-test-store-sync-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = open_store (fixture, "first.db");
  fixture->second = open_store (fixture, "second.db");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->second);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static BkProfile *
save_new_profile (BkStore *store, gboolean complete)
{
  g_autoptr (GError) error = NULL;
  BkProfile *profile = complete ? bk_test_profile_new_complete ("lisi")
                                : bk_test_profile_new ("lisi");

  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  return profile;
}

static BkOutboxBatch *
take (BkStore *store, BkProfile *profile, guint max)
{
  g_autoptr (GError) error = NULL;
  BkOutboxBatch *batch = bk_store_take_outbox_batch (store, bk_profile_get_id (profile), max,
                                                     &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

static void
settle (BkStore *store, BkOutboxBatch *batch)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_store_settle_outbox (store, batch, &error));
  g_assert_no_error (error);
}

static gint64
count_outbox (BkStore *store)
{
  g_autoptr (GError) error = NULL;
  gint64 count = bk_store_count_outbox (store, &error);

  g_assert_no_error (error);
  return count;
}

static BkOutboxEntry *
entry_at (BkOutboxBatch *batch, guint i)
{
  return g_ptr_array_index (batch->entries, i);
}

/* The server's copy of every entry of @batch, as a pull would bring it. */
static GPtrArray *
as_pulled (BkOutboxBatch *batch, gint64 first_cursor)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);

  for (guint i = 0; i < batch->entries->len; i++)
    {
      BkOutboxEntry *entry = entry_at (batch, i);
      BkRemoteChange *change = bk_remote_change_new (
        entry->entity, entry->entity_id, entry->operation, entry->version, entry->payload);

      change->cursor = first_cursor + i;
      g_ptr_array_add (changes, change);
    }
  return changes;
}

static void
apply (BkStore *store, const char *profile_id, GPtrArray *changes, gint64 next)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_store_apply_pulled (store, profile_id, changes, next, &error));
  g_assert_no_error (error);
}

static gint64
cursor (BkStore *store, const char *profile_id)
{
  g_autoptr (GError) error = NULL;
  gint64 value = bk_store_read_sync_cursor (store, profile_id, &error);

  g_assert_no_error (error);
  return value;
}

/* A push not answered is sent again as the same request: the same entries
 * under the same key. Only acknowledged entries leave the outbox; the
 * next push has a new key. */
static void
test_batch_retried_with_same_key (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, TRUE);
  g_autoptr (BkOutboxBatch) first = NULL;
  g_autoptr (BkOutboxBatch) again = NULL;
  g_autoptr (BkOutboxBatch) next = NULL;
  g_autoptr (BkOutboxBatch) empty = NULL;
  gint64 total = count_outbox (fixture->store);

  g_assert_cmpint (total, >=, 4); /* the profile, education, work, photos */
  first = take (fixture->store, profile, 2);
  g_assert_cmpuint (first->entries->len, ==, 2);
  g_assert_nonnull (first->idempotency_key);
  g_assert_cmpstr (entry_at (first, 0)->entity, ==, "profile");
  g_assert_cmpint (entry_at (first, 0)->seq, <, entry_at (first, 1)->seq);

  /* Asked again with a larger limit: still the same request. */
  again = take (fixture->store, profile, 100);
  g_assert_cmpstr (again->idempotency_key, ==, first->idempotency_key);
  g_assert_cmpuint (again->entries->len, ==, 2);
  g_assert_cmpint (entry_at (again, 1)->seq, ==, entry_at (first, 1)->seq);
  g_assert_cmpstr (entry_at (again, 0)->payload, ==, entry_at (first, 0)->payload);

  /* Only the first acknowledged: the second stays. */
  entry_at (again, 0)->acknowledged = TRUE;
  settle (fixture->store, again);
  g_assert_cmpint (count_outbox (fixture->store), ==, total - 1);

  next = take (fixture->store, profile, 100);
  g_assert_cmpstr (next->idempotency_key, !=, first->idempotency_key);
  g_assert_cmpuint (next->entries->len, ==, total - 1);
  g_assert_cmpint (entry_at (next, 0)->seq, ==, entry_at (first, 1)->seq);
  for (guint i = 0; i < next->entries->len; i++)
    entry_at (next, i)->acknowledged = TRUE;
  settle (fixture->store, next);
  g_assert_cmpint (count_outbox (fixture->store), ==, 0);

  empty = take (fixture->store, profile, 100);
  g_assert_cmpuint (empty->entries->len, ==, 0);
  g_assert_null (empty->idempotency_key);
}

/* A change the server refused with 409 leaves the outbox for the conflict
 * table with both copies; the record takes the server's version, so the
 * next edit is based on it. */
static void
test_conflict_keeps_both_copies (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (BkOutboxBatch) batch = take (fixture->store, profile, 100);
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (BkProfile) loaded = NULL;
  g_autofree char *server_payload = NULL;
  const char *id = bk_profile_get_id (profile);
  BkOutboxEntry *conflict, *entry = entry_at (batch, 0);
  g_autoptr (JsonNode) node = json_from_string (entry->payload, &error);

  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (node), "real_name", "王五");
  server_payload = json_to_string (node, FALSE);
  bk_outbox_entry_refuse (entry, "conflict",
                          bk_remote_change_new ("profile", id, "update", 4, server_payload));
  settle (fixture->store, batch);

  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
  conflicts = bk_store_list_conflicts (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->refusal_code, ==, "conflict");
  g_assert_cmpstr (conflict->entity_id, ==, id);
  g_assert_nonnull (strstr (conflict->payload, bk_profile_get_real_name (profile)));
  g_assert_nonnull (conflict->server_copy);
  g_assert_cmpint (conflict->server_copy->version, ==, 4);
  g_assert_nonnull (strstr (conflict->server_copy->payload, "王五"));

  loaded = bk_store_load_profile (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_real_name (loaded), ==, "王五");
  g_assert_cmpint (bk_profile_get_version (loaded), ==, 4);
}

/* A second computer pulls what the first pushed: the profile with its
 * records appears at the same versions; pulling the page again (the
 * profile, once open, pulls from 0) changes nothing; the profile's cursor
 * is saved with the page. */
static void
test_pull_into_empty_store (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, TRUE);
  g_autoptr (BkOutboxBatch) batch = take (fixture->store, profile, 100);
  g_autoptr (GPtrArray) changes = as_pulled (batch, 10);
  g_autoptr (BkProfile) pulled = NULL;
  g_autoptr (BkProfile) again = NULL;
  g_autoptr (GListModel) list = NULL;

  g_assert_cmpint (cursor (fixture->second, NULL), ==, 0);
  apply (fixture->second, NULL, changes, 10 + changes->len);
  /* No profile open yet: no cursor kept (another account may sign in here). */
  g_assert_cmpint (cursor (fixture->second, NULL), ==, 0);
  g_assert_cmpint (count_outbox (fixture->second), ==, 0); /* nothing to send back */

  pulled = bk_store_load_profile (fixture->second, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_real_name (pulled), ==, bk_profile_get_real_name (profile));
  g_assert_cmpstr (bk_profile_get_id_number (pulled), ==, bk_profile_get_id_number (profile));
  g_assert_cmpint (bk_profile_get_version (pulled), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_education (pulled)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_work (pulled)), ==, 1);
  /* A pulled profile has no password on this computer yet. */
  g_assert_false (bk_store_profile_is_protected (pulled));

  apply (fixture->second, bk_profile_get_id (profile), changes, 10 + changes->len);
  g_assert_cmpint (cursor (fixture->second, bk_profile_get_id (profile)), ==, 10 + changes->len);
  list = bk_store_list_profiles (fixture->second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  again = bk_store_load_profile (fixture->second, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_profile_get_version (again), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_education (again)), ==, 1);
}

/* A pulled change never overwrites a local change still in the outbox
 * (its push will meet the server's copy as a conflict); the server's
 * payload is kept all the same, with the fields no column holds. */
static void
test_pull_keeps_pending_change (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  g_autofree char *payload =
    g_strdup_printf ("{\"id\": \"%s\", \"real_name\": \"王五\", \"verdict\": {\"passed\": true}}",
                     bk_profile_get_id (profile));
  g_autofree char *kept = NULL;

  g_ptr_array_add (
    changes, bk_remote_change_new ("profile", bk_profile_get_id (profile), "update", 2, payload));
  apply (fixture->store, bk_profile_get_id (profile), changes, 7);

  loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_real_name (loaded), ==, bk_profile_get_real_name (profile));
  g_assert_cmpint (bk_profile_get_version (loaded), ==, 1);
  g_assert_cmpint (count_outbox (fixture->store), ==, 1);
  g_assert_cmpint (cursor (fixture->store, bk_profile_get_id (profile)), ==, 7);

  kept = bk_store_read_remote_copy (fixture->store, "profile", bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, payload);
}

/* A page is applied whole or not at all: a broken change in it leaves
 * the store and the cursor as they were. */
static void
test_pull_page_all_or_nothing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (BkOutboxBatch) batch = take (fixture->store, profile, 100);
  g_autoptr (GPtrArray) changes = as_pulled (batch, 1);
  g_autoptr (GListModel) list = NULL;

  g_ptr_array_add (changes, bk_remote_change_new ("profile", bk_profile_get_id (profile), "update",
                                                  2, "not JSON"));
  g_assert_false (bk_store_apply_pulled (fixture->second, NULL, changes, 99, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (cursor (fixture->second, NULL), ==, 0);
  list = bk_store_list_profiles (fixture->second, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* A deletion from the server removes the record (and its rows). */
static void
test_pull_delete (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, TRUE);
  g_autoptr (BkOutboxBatch) batch = take (fixture->store, profile, 100);
  g_autoptr (GPtrArray) changes = as_pulled (batch, 1);
  g_autoptr (GPtrArray)
    deletion = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  g_autoptr (BkProfile) gone = NULL;

  apply (fixture->second, NULL, changes, 50);
  g_ptr_array_add (
    deletion, bk_remote_change_new ("profile", bk_profile_get_id (profile), "delete", 1, NULL));
  apply (fixture->second, NULL, deletion, 51);
  gone = bk_store_load_profile (fixture->second, bk_profile_get_id (profile), &error);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

/* A shared PC: two candidates' profiles in one file. Each push takes only
 * its own profile's changes, under a key of its own, and each profile's
 * push and cursor are its own: settling one leaves the other's as it was. */
static void
test_profiles_sync_apart (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) first = save_new_profile (fixture->store, TRUE);
  g_autoptr (BkProfile) second = bk_test_profile_new_complete ("zhangsan");
  g_autoptr (BkOutboxBatch) of_first = NULL;
  g_autoptr (BkOutboxBatch) of_second = NULL;
  g_autoptr (BkOutboxBatch) second_again = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  gint64 total;

  g_assert_true (bk_store_save_profile (fixture->store, second, &error));
  g_assert_no_error (error);
  total = count_outbox (fixture->store);

  of_first = take (fixture->store, first, 100);
  of_second = take (fixture->store, second, 100);
  g_assert_cmpuint (of_first->entries->len + of_second->entries->len, ==, total);
  g_assert_cmpstr (of_first->idempotency_key, !=, of_second->idempotency_key);
  for (guint i = 0; i < of_first->entries->len; i++)
    {
      const char *payload = entry_at (of_first, i)->payload;

      g_assert_null (strstr (payload, bk_profile_get_id (second)));
      g_assert_nonnull (strstr (payload, bk_profile_get_id (first)));
    }
  for (guint i = 0; i < of_second->entries->len; i++)
    g_assert_nonnull (strstr (entry_at (of_second, i)->payload, bk_profile_get_id (second)));

  for (guint i = 0; i < of_first->entries->len; i++)
    entry_at (of_first, i)->acknowledged = TRUE;
  settle (fixture->store, of_first);
  g_assert_cmpint (count_outbox (fixture->store), ==, of_second->entries->len);
  second_again = take (fixture->store, second, 100);
  g_assert_cmpstr (second_again->idempotency_key, ==, of_second->idempotency_key);
  g_assert_cmpuint (second_again->entries->len, ==, of_second->entries->len);

  apply (fixture->store, bk_profile_get_id (first), changes, 12);
  g_assert_cmpint (cursor (fixture->store, bk_profile_get_id (first)), ==, 12);
  g_assert_cmpint (cursor (fixture->store, bk_profile_get_id (second)), ==, 0);
}

/* A file of an older Baokao, at schema @version, with two profiles (p1,
 * p2) and an application of p2's (a2), not yet opened by this one. */
static sqlite3 *
old_file (Fixture *fixture, const char *name, guint version)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u;", version);
  const char *const *migrations = bk_store_schema_get_migrations (NULL);
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (guint i = 0; i < version; i++)
    g_assert_cmpint (sqlite3_exec (raw, migrations[i], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, bump, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_exec (
      raw,
      "INSERT INTO profile (id, created_at, updated_at, real_name, id_type, "
      "  id_number, mobile, user_name, password_hash) VALUES "
      "  ('p1', 'now', 'now', 'n', 'resident-id', 'x', 'm', 'u1', 'h'),"
      "  ('p2', 'now', 'now', 'n', 'resident-id', 'y', 'm', 'u2', 'h');"
      "INSERT INTO application (id, created_at, updated_at, profile_id, session_id, "
      "  level, mode, state) VALUES ('a2', 'now', 'now', 'p2', 's', 1, 'all', 'draft');",
      NULL, NULL, NULL),
    ==, SQLITE_OK);
  return raw;
}

/* Opens the file @name with the store, which migrates it. */
static void
migrate (Fixture *fixture, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (BkStore) store = bk_store_open (path, &error);

  g_assert_no_error (error);
}

/* A file from before outbox rows had their profile: @n_profiles profiles
 * (p1, p2), a waiting change of each kind of record and the old global
 * sync state. Opening it migrates it. */
static sqlite3 *
migrate_old_file (Fixture *fixture, const char *name, guint n_profiles)
{
  sqlite3 *raw = old_file (fixture, name, 3);

  g_assert_cmpint (
    sqlite3_exec (raw,
                  "INSERT INTO outbox (entity, entity_id, operation, version, payload, created_at)"
                  "  VALUES ('profile', 'p1', 'insert', 1, '{}', 'now'),"
                  "  ('work_period', 'w1', 'insert', 1, '{\"profile_id\": \"p1\"}', 'now'),"
                  "  ('application', 'a2', 'insert', 1, '{\"profile_id\": \"p2\"}', 'now'),"
                  "  ('proof', 'f2', 'insert', 1, '{\"application_id\": \"a2\"}', 'now'),"
                  "  ('education', 'gone', 'delete', 3, NULL, 'now');"
                  "INSERT INTO sync_state VALUES ('cursor', '9'), ('push-key', 'k'),"
                  "  ('push-last-seq', '2');",
                  NULL, NULL, NULL),
    ==, SQLITE_OK);
  if (n_profiles == 1)
    g_assert_cmpint (sqlite3_exec (raw,
                                   "DELETE FROM application; DELETE FROM profile WHERE id = 'p2';"
                                   "DELETE FROM outbox WHERE entity IN ('application', 'proof')",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
  migrate (fixture, name);
  return raw;
}

static char *
query_text (sqlite3 *raw, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                            sqlite3_column_type (stmt, 0) == SQLITE_NULL
                              ? "-"
                              : (const char *) sqlite3_column_text (stmt, 0));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Waiting changes keep their profile through the migration: the record's,
 * its payload's or its parent's; a deletion of a record gone from a file
 * of several profiles has none to find (it stays, unsent). The old sync
 * state goes to the file's only profile (its push on its way is retried
 * under the same key); with several, the push is started again and each
 * profile pulls from 0. */
static void
test_outbox_profile_migration (Fixture *fixture, gconstpointer user_data)
{
  sqlite3 *shared = migrate_old_file (fixture, "shared.db", 2);
  sqlite3 *single = migrate_old_file (fixture, "single.db", 1);
  g_autofree char *shared_owners = query_text (shared,
                                               "SELECT profile_id FROM outbox ORDER BY seq");
  g_autofree char *shared_state = query_text (shared, "SELECT key FROM sync_state ORDER BY key");
  g_autofree char *single_owners = query_text (single,
                                               "SELECT profile_id FROM outbox ORDER BY seq");
  g_autofree char *single_state = query_text (single, "SELECT key FROM sync_state ORDER BY key");

  g_assert_cmpstr (shared_owners, ==, "p1 p1 p2 p2 -");
  g_assert_cmpstr (shared_state, ==, "");
  g_assert_cmpstr (single_owners, ==, "p1 p1 p1");
  g_assert_cmpstr (single_state, ==, "cursor/p1 push-key/p1 push-last-seq/p1");
  sqlite3_close (shared);
  sqlite3_close (single);
}

/* Refuses @profile's first outbox entry (its insert) with a 409 whose
 * server copy is the same record at version 4 with the members and
 * values that follow (NULL-terminated pairs), acknowledges the rest and
 * settles, as the sync engine does. */
G_GNUC_NULL_TERMINATED static void
refuse_with_server_values (BkStore *store, BkProfile *profile, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkOutboxBatch) batch = take (store, profile, 100);
  BkOutboxEntry *entry = entry_at (batch, 0);
  g_autoptr (JsonNode) node = json_from_string (entry->payload, &error);
  g_autofree char *server_payload = NULL;
  const char *member;
  va_list args;

  g_assert_no_error (error);
  va_start (args, profile);
  while ((member = va_arg (args, const char *)) != NULL)
    json_object_set_string_member (json_node_get_object (node), member,
                                   va_arg (args, const char *));
  va_end (args);
  server_payload = json_to_string (node, FALSE);
  bk_outbox_entry_refuse (
    entry, "conflict",
    bk_remote_change_new ("profile", bk_profile_get_id (profile), "update", 4, server_payload));
  for (guint i = 1; i < batch->entries->len; i++)
    entry_at (batch, i)->acknowledged = TRUE;
  settle (store, batch);
}

static GPtrArray *
list_conflicts (BkStore *store, const char *profile_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *conflicts = bk_store_list_conflicts (store, profile_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conflicts);
  return conflicts;
}

static BkProfile *
load (BkStore *store, BkProfile *profile)
{
  g_autoptr (GError) error = NULL;
  BkProfile *loaded = bk_store_load_profile (store, bk_profile_get_id (profile), &error);

  g_assert_no_error (error);
  return loaded;
}

/* Each profile on a shared computer sees only its own conflicts. */
static void
test_conflicts_of_one_profile (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) lisi = save_new_profile (fixture->store, FALSE);
  g_autoptr (BkProfile) wangwu = bk_test_profile_new ("wangwu");
  g_autoptr (GPtrArray) of_lisi = NULL;
  g_autoptr (GPtrArray) of_wangwu = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_assert_true (bk_store_save_profile (fixture->store, wangwu, &error));
  g_assert_no_error (error);
  refuse_with_server_values (fixture->store, lisi, "mobile", "13700000001", NULL);
  refuse_with_server_values (fixture->store, wangwu, "mobile", "13700000002", NULL);

  of_lisi = list_conflicts (fixture->store, bk_profile_get_id (lisi));
  of_wangwu = list_conflicts (fixture->store, bk_profile_get_id (wangwu));
  all = list_conflicts (fixture->store, NULL);
  g_assert_cmpuint (of_lisi->len, ==, 1);
  g_assert_cmpuint (of_wangwu->len, ==, 1);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((BkOutboxEntry *) of_lisi->pdata[0])->entity_id, ==, bk_profile_get_id (lisi));
  g_assert_nonnull (
    strstr (((BkOutboxEntry *) of_wangwu->pdata[0])->server_copy->payload, "13700000002"));
}

/* "Keep the server's": the conflict leaves the list, the record keeps the
 * server's value and nothing is pushed. */
static void
test_resolve_keep_server (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (BkProfile) loaded = NULL;

  refuse_with_server_values (fixture->store, profile, "mobile", "13700000001", NULL);
  conflicts = list_conflicts (fixture->store, bk_profile_get_id (profile));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (bk_store_resolve_conflict (
    fixture->store, ((BkOutboxEntry *) conflicts->pdata[0])->seq, NULL, &error));
  g_assert_no_error (error);

  after = list_conflicts (fixture->store, bk_profile_get_id (profile));
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
  loaded = load (fixture->store, profile);
  g_assert_cmpstr (bk_profile_get_mobile (loaded), ==, "13700000001");
  g_assert_cmpint (bk_profile_get_version (loaded), ==, 4);
}

/* Per field: my mobile, the server's name. The record holds the mix at
 * the server's version + 1 and the outbox an update to it based on the
 * server's version, so the next push is not refused again. */
static void
test_resolve_mix (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (BkOutboxBatch) next = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (JsonNode) node = NULL;
  const char *const mine[] = { "mobile", NULL };
  JsonObject *pushed;

  refuse_with_server_values (fixture->store, profile, "mobile", "13700000001", "real_name", "王五",
                             NULL);
  conflicts = list_conflicts (fixture->store, bk_profile_get_id (profile));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (bk_store_resolve_conflict (
    fixture->store, ((BkOutboxEntry *) conflicts->pdata[0])->seq, mine, &error));
  g_assert_no_error (error);

  after = list_conflicts (fixture->store, NULL);
  g_assert_cmpuint (after->len, ==, 0);
  loaded = load (fixture->store, profile);
  g_assert_cmpstr (bk_profile_get_mobile (loaded), ==, bk_profile_get_mobile (profile));
  g_assert_cmpstr (bk_profile_get_real_name (loaded), ==, "王五");
  g_assert_cmpint (bk_profile_get_version (loaded), ==, 5);

  next = take (fixture->store, profile, 100);
  g_assert_cmpuint (next->entries->len, ==, 1);
  g_assert_cmpstr (entry_at (next, 0)->operation, ==, "update");
  g_assert_cmpint (entry_at (next, 0)->version, ==, 5);
  node = json_from_string (entry_at (next, 0)->payload, &error);
  g_assert_no_error (error);
  pushed = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (pushed, "mobile"), ==,
                   bk_profile_get_mobile (profile));
  g_assert_cmpstr (json_object_get_string_member (pushed, "real_name"), ==, "王五");
}

/* "Keep mine" on a conflict already resolved (another window did) fails
 * and changes nothing. */
static void
test_resolve_twice (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, FALSE);
  g_autoptr (GPtrArray) conflicts = NULL;
  const char *const mine[] = { "mobile", NULL };
  gint64 id;

  refuse_with_server_values (fixture->store, profile, "mobile", "13700000001", NULL);
  conflicts = list_conflicts (fixture->store, bk_profile_get_id (profile));
  id = ((BkOutboxEntry *) conflicts->pdata[0])->seq;
  g_assert_true (bk_store_resolve_conflict (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (bk_store_resolve_conflict (fixture->store, id, mine, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_outbox (fixture->store), ==, 0);
}

/* Conflicts kept before they had their profile get the record's or its
 * parent's through the migration; one whose record is gone from a file
 * of several profiles has none (it is listed with every profile's). */
static void
test_conflict_profile_migration (Fixture *fixture, gconstpointer user_data)
{
  sqlite3 *raw = old_file (fixture, "conflicts.db", 5);
  g_autofree char *owners = NULL;

  g_assert_cmpint (
    sqlite3_exec (raw,
                  "INSERT INTO conflict (entity, entity_id, code, local_operation, local_version, "
                  "  created_at) VALUES ('profile', 'p1', 'conflict', 'update', 2, 'now'),"
                  "  ('application', 'a2', 'conflict', 'update', 2, 'now'),"
                  "  ('work_period', 'gone', 'not_found', 'delete', 3, 'now');",
                  NULL, NULL, NULL),
    ==, SQLITE_OK);
  migrate (fixture, "conflicts.db");
  owners = query_text (raw, "SELECT profile_id FROM conflict ORDER BY id");
  g_assert_cmpstr (owners, ==, "p1 p2 -");
  sqlite3_close (raw);
}

static GPtrArray *
photo_transfers (BkStore *store, const char *profile_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GPtrArray *transfers;

  bk_store_list_photo_transfers_async (store, profile_id, NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  transfers = bk_store_list_photo_transfers_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (transfers);
  return transfers;
}

static BkPhotoTransfer *
transfer_of_kind (GPtrArray *transfers, const char *kind)
{
  for (guint i = 0; i < transfers->len; i++)
    if (g_str_equal (((BkPhotoTransfer *) g_ptr_array_index (transfers, i))->kind, kind))
      return g_ptr_array_index (transfers, i);
  g_assert_not_reached ();
}

static gboolean
keep_photo (BkStore *store, const char *profile_id, BkPhotoTransfer *transfer, GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  gboolean kept = FALSE;

  bk_store_keep_downloaded_photo_async (store, profile_id, transfer, bytes, NULL,
                                        bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_store_keep_downloaded_photo_finish (store, result, &kept, &error));
  g_assert_no_error (error);
  return kept;
}

/* The photo files between computers: uploaded once their records were
 * pushed, until the server has the bytes; downloaded by a store that has
 * the records without the bytes; never downloaded over a photo chosen
 * here that is still to be pushed (it is the newer). */
static void
test_photo_transfers (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = save_new_profile (fixture->store, TRUE);
  const char *id = bk_profile_get_id (profile);
  GBytes *jpeg = bk_profile_get_photo_standardised (profile);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);
  g_autoptr (GBytes) chosen = g_bytes_new_static ("\xff\xd8"
                                                  "chosen here",
                                                  13);
  g_autoptr (GPtrArray) waiting = photo_transfers (fixture->store, id);
  g_autoptr (GPtrArray) uploads = NULL;
  g_autoptr (GPtrArray) downloads = NULL;
  g_autoptr (GPtrArray) left = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (BkOutboxBatch) batch = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (BkProfile) second = NULL;
  g_autoptr (BkProfile) after = NULL;

  /* Not pushed yet: the server has no record to hang the file on. */
  g_assert_cmpuint (waiting->len, ==, 0);
  batch = take (fixture->store, profile, 100);
  changes = as_pulled (batch, 10);
  for (guint i = 0; i < batch->entries->len; i++)
    entry_at (batch, i)->acknowledged = TRUE;
  settle (fixture->store, batch);
  uploads = photo_transfers (fixture->store, id);
  g_assert_cmpuint (uploads->len, ==, 2);
  g_assert_false (transfer_of_kind (uploads, "original")->download);
  g_assert_cmpstr (transfer_of_kind (uploads, "standardised")->sha256, ==, sha256);
  g_assert_true (g_bytes_equal (transfer_of_kind (uploads, "standardised")->bytes, jpeg));

  /* The second computer pulled the records: both files to download. */
  apply (fixture->second, NULL, changes, 10 + changes->len);
  apply (fixture->second, id, changes, 10 + changes->len);
  downloads = photo_transfers (fixture->second, id);
  g_assert_cmpuint (downloads->len, ==, 2);
  g_assert_true (transfer_of_kind (downloads, "standardised")->download);
  g_assert_cmpint (transfer_of_kind (downloads, "standardised")->version, ==, 1);
  g_assert_true (
    keep_photo (fixture->second, id, transfer_of_kind (downloads, "standardised"), jpeg));
  second = bk_store_load_profile (fixture->second, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (second), jpeg));
  g_assert_true (bk_profile_get_photo_accepted (second));
  g_assert_cmpint (count_outbox (fixture->second), ==, 0); /* nothing to send back */
  left = photo_transfers (fixture->second, id);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (((BkPhotoTransfer *) g_ptr_array_index (left, 0))->kind, ==, "original");

  /* A photo chosen here meanwhile is newer: the server's is not fetched
   * over it, nor kept if it arrives. */
  bk_profile_set_password_hash (second, bk_profile_get_password_hash (profile));
  bk_profile_set_photo (second, chosen, "new.jpg", chosen, TRUE, NULL);
  g_assert_true (bk_store_save_profile (fixture->second, second, &error));
  g_assert_no_error (error);
  none = photo_transfers (fixture->second, id);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (keep_photo (fixture->second, id, g_ptr_array_index (left, 0), jpeg));
  after = bk_store_load_profile (fixture->second, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bk_profile_get_photo_original (after), chosen));
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (after), chosen));
}

static void
add (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add ("/store-sync/batch-retried-with-same-key", test_batch_retried_with_same_key);
  add ("/store-sync/conflict-keeps-both-copies", test_conflict_keeps_both_copies);
  add ("/store-sync/conflicts-of-one-profile", test_conflicts_of_one_profile);
  add ("/store-sync/resolve-keep-server", test_resolve_keep_server);
  add ("/store-sync/resolve-mix", test_resolve_mix);
  add ("/store-sync/resolve-twice", test_resolve_twice);
  add ("/store-sync/pull-into-empty-store", test_pull_into_empty_store);
  add ("/store-sync/pull-keeps-pending-change", test_pull_keeps_pending_change);
  add ("/store-sync/pull-page-all-or-nothing", test_pull_page_all_or_nothing);
  add ("/store-sync/pull-delete", test_pull_delete);
  add ("/store-sync/profiles-sync-apart", test_profiles_sync_apart);
  add ("/store-sync/outbox-profile-migration", test_outbox_profile_migration);
  add ("/store-sync/conflict-profile-migration", test_conflict_profile_migration);
  add ("/store-sync/photo-transfers", test_photo_transfers);
  return g_test_run ();
}
