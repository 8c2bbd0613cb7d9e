/* test-store-at-rest.c — a profile's data at rest: what a copy of the
 * database file (and its WAL) shows without the password, what it shows
 * with it, and the migration of a plain file at the next unlock
 *
 * Real parts: a real SQLite file, real JPEGs from the photo corpus, the
 * real Argon2id and AEAD of libsodium.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bk-database.h"
#include "bk-password.h"
#include "bk-profile-fields.h"
#include "bk-remote-change.h"
#include "bk-store-error.h"
#include "bk-store.h"
#include "bk-test-profiles.h"

#define PASSWORD    "correct-horse-42"
#define MOBILE      "13912345678"
#define CERTIFICATE "103561201205001234"

static const char *const suffixes[] = { "", "-wal", "-shm" };

typedef struct
{
  char *dir;
  char *path;
  char *copy;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("baokao-test-at-rest-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "baokao.db", NULL);
  fixture->copy = g_build_filename (fixture->dir, "copied.db", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_autofree char *copy = g_strconcat (fixture->copy, suffixes[i], NULL);

      g_unlink (file);
      g_unlink (copy);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->copy);
  g_free (fixture->dir);
}

static GBytes *
corpus_jpeg (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("BK_PHOTO_CORPUS"), name, NULL);
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  return g_bytes_new_take (contents, length);
}

/* The file and its WAL as someone would copy them off the PC while the
 * application runs. */
static void
copy_files (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (fixture->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (fixture->copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (from, &contents, &length, NULL))
        continue;
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
}

static gboolean
contains (const char *haystack, gsize length, gconstpointer needle, gsize needle_length)
{
  return memmem (haystack, length, needle, needle_length) != NULL;
}

/* Whether any byte of the copied file or its WAL is @needle. */
static gboolean
copy_contains (Fixture *fixture, gconstpointer needle, gsize needle_length)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->copy, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (file, &contents, &length, NULL) &&
          contains (contents, length, needle, needle_length))
        return TRUE;
    }
  return FALSE;
}

/* No ID number (nor its 14 digits after the area code), no phone, no
 * certificate number, no JPEG header (its first 20 bytes: the SOI and
 * APPn markers with their lengths) and no piece of the photo's or the
 * proof's bytes. (A 3-byte marker alone would be found by chance in some
 * 200 KB of ciphertext about once in a hundred runs.) */
static void
assert_copy_reveals_nothing (Fixture *fixture, BkProfile *profile, GBytes *photo, GBytes *proof)
{
  const char *id_number = bk_profile_get_id_number (profile);
  gsize size;
  const guint8 *bytes;

  g_assert_false (copy_contains (fixture, id_number, strlen (id_number)));
  g_assert_false (copy_contains (fixture, id_number + 4, strlen (id_number) - 4));
  g_assert_false (copy_contains (fixture, MOBILE, strlen (MOBILE)));
  g_assert_false (copy_contains (fixture, CERTIFICATE, strlen (CERTIFICATE)));
  g_assert_false (copy_contains (fixture, "JFIF", 4));
  bytes = g_bytes_get_data (photo, &size);
  g_assert_cmpmem (bytes, 2, "\xff\xd8", 2);
  g_assert_false (copy_contains (fixture, bytes, 20));
  g_assert_false (copy_contains (fixture, bytes + size / 2, 64));
  bytes = g_bytes_get_data (proof, &size);
  g_assert_false (copy_contains (fixture, bytes, 20));
  g_assert_false (copy_contains (fixture, bytes + size / 2, 64));
}

static BkExamApplication *
make_application (BkProfile *profile, GBytes *scan)
{
  BkExamApplication *application = bk_exam_application_new (
    bk_profile_get_id (profile), "2026-registered-metrologist", 1, BK_EXAM_MODE_EXEMPT);
  g_autoptr (BkProofEntry)
    proof = bk_proof_entry_new (BK_PROOF_KIND_TITLE_CERTIFICATE, "职称证.jpg", scan);

  bk_exam_application_set_point_code (application, "2916");
  bk_exam_application_add_proof (application, proof);
  return application;
}

static BkProfile *
make_profile (GBytes *photo)
{
  BkProfile *profile = bk_test_profile_new_complete ("lisi");
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = bk_password_hash (PASSWORD, &error);

  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  bk_profile_set_email (profile, "lisi@example.cn");
  bk_profile_set_photo (profile, photo, "证件照.jpg", photo, TRUE, "{}");
  return profile;
}

static void
assert_everything_back (BkStore *store, BkProfile *profile, GBytes *photo, GBytes *proof)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) loaded = bk_store_load_profile (store, bk_profile_get_id (profile), &error);
  g_autoptr (GListModel) applications = NULL;
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkProofEntry) loaded_proof = NULL;
  g_autoptr (BkEducationEntry) education = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_id_number (loaded), ==, bk_profile_get_id_number (profile));
  g_assert_cmpstr (bk_profile_get_mobile (loaded), ==, MOBILE);
  g_assert_cmpstr (bk_profile_get_email (loaded), ==, "lisi@example.cn");
  g_assert_cmpstr (bk_profile_get_address (loaded), ==, bk_profile_get_address (profile));
  g_assert_cmpstr (bk_profile_get_ethnicity (loaded), ==, "汉族");
  g_assert_true (g_bytes_equal (bk_profile_get_photo_original (loaded), photo));
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (loaded), photo));
  education = g_list_model_get_item (bk_profile_get_education (loaded), 0);
  g_assert_cmpstr (bk_education_entry_get_certificate_number (education), ==, CERTIFICATE);

  applications = bk_store_list_applications (store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (applications), ==, 1);
  application = g_list_model_get_item (applications, 0);
  loaded_proof = g_list_model_get_item (bk_exam_application_get_proofs (application), 0);
  g_assert_true (g_bytes_equal (bk_proof_entry_get_bytes (loaded_proof), proof));
}

/* The list shows what it always showed, the ID number masked. */
static void
assert_list_masked (BkStore *store, BkProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = bk_store_list_profiles (store, &error);
  g_autoptr (BkProfileSummary) summary = NULL;
  g_autofree char *masked = bk_profile_mask_id_number (bk_profile_get_id_number (profile));

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  summary = g_list_model_get_item (list, 0);
  g_assert_cmpstr (bk_profile_summary_get_real_name (summary), ==, "李四");
  g_assert_cmpstr (bk_profile_summary_get_masked_id_number (summary), ==, masked);
  g_assert_cmpstr (masked, !=, bk_profile_get_id_number (profile));
}

static void
assert_locked_copy (Fixture *fixture, BkProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (fixture->copy, &error);
  g_autoptr (BkProfile) loaded = NULL;

  g_assert_no_error (error);
  assert_list_masked (store, profile);
  loaded = bk_store_load_profile (store, bk_profile_get_id (profile), &error);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED);
  g_assert_null (loaded);
  g_clear_error (&error);
  g_assert_false (
    bk_store_unlock_profile (store, bk_profile_get_id (profile), "wrong-horse-42", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A new profile protected before its first save, as the account page
 * does: nothing of it is readable in a copy of the file without the
 * password; with it, everything is back. */
static void
test_copied_file (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) photo = corpus_jpeg ("good-413x579.jpg");
  g_autoptr (GBytes) scan = corpus_jpeg ("bg-grey.jpg");
  g_autoptr (BkProfile) profile = make_profile (photo);
  g_autoptr (BkExamApplication) application = make_application (profile, scan);
  g_autoptr (BkStore) store = bk_store_open (fixture->path, &error);
  g_autoptr (BkStore) copied = NULL;

  g_assert_no_error (error);
  g_assert_true (
    bk_store_set_profile_password (store, bk_profile_get_id (profile), PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);
  /* The outbox holds the records as JSON: sealed too. */
  g_assert_cmpint (bk_store_count_outbox (store, NULL), >=, 5);

  /* Copied while the application runs: the WAL holds the latest pages. */
  copy_files (fixture);
  assert_copy_reveals_nothing (fixture, profile, photo, scan);
  assert_locked_copy (fixture, profile);

  copied = bk_store_open (fixture->copy, &error);
  g_assert_no_error (error);
  g_assert_true (bk_store_unlock_profile (copied, bk_profile_get_id (profile), PASSWORD, &error));
  g_assert_no_error (error);
  assert_everything_back (copied, profile, photo, scan);

  /* Locked again: the key is gone from the store. */
  bk_store_lock_profile (copied, bk_profile_get_id (profile));
  g_assert_null (bk_store_load_profile (copied, bk_profile_get_id (profile), &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&copied));
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A new password re-wraps the key: the old one no longer opens the
 * profile, the new one does, and the values are unchanged. */
static void
test_change_password (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) photo = corpus_jpeg ("good-413x579.jpg");
  g_autoptr (BkProfile) profile = make_profile (photo);
  g_autoptr (BkStore) store = bk_store_open (fixture->path, &error);
  const char *id = bk_profile_get_id (profile);

  g_assert_no_error (error);
  g_assert_true (bk_store_set_profile_password (store, id, PASSWORD, &error));
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_true (bk_store_set_profile_password (store, id, "new-password-77", &error));
  g_assert_no_error (error);
  bk_store_lock_profile (store, id);

  g_assert_false (bk_store_unlock_profile (store, id, PASSWORD, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_true (bk_store_unlock_profile (store, id, "new-password-77", &error));
  g_assert_no_error (error);
  {
    g_autoptr (BkProfile) loaded = bk_store_load_profile (store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bk_profile_get_mobile (loaded), ==, MOBILE);
    g_assert_true (g_bytes_equal (bk_profile_get_photo_original (loaded), photo));
  }
  /* A locked profile cannot be written over either. */
  bk_store_lock_profile (store, id);
  bk_profile_set_mobile (profile, "13800000000");
  g_assert_false (bk_store_save_profile (store, profile, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A file an older Baokao wrote (schema 4: every value plain, no keys): it
 * opens, its list works, and the profile's first unlock (checked against
 * its password hash) seals everything, WAL and free pages included. */
static void
test_migrate_plain_file (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) photo = corpus_jpeg ("good-413x579.jpg");
  g_autoptr (GBytes) scan = corpus_jpeg ("bg-grey.jpg");
  g_autoptr (BkProfile) profile = make_profile (photo);
  g_autoptr (BkExamApplication) application = make_application (profile, scan);
  g_autoptr (BkStore) store = bk_store_open (fixture->path, &error);
  g_autoptr (BkDatabase) db = NULL;
  const char *id = bk_profile_get_id (profile);
  const char *id_number = bk_profile_get_id_number (profile);

  /* Without a key the store writes what an older Baokao wrote. */
  g_assert_no_error (error);
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  db = bk_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (bk_database_exec (db,
                                   "DROP INDEX conflict_profile;"
                                   "ALTER TABLE conflict DROP COLUMN profile_id;"
                                   "DROP TABLE profile_key;"
                                   "ALTER TABLE profile DROP COLUMN id_number_masked;"
                                   "PRAGMA user_version = 4;",
                                   &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));
  copy_files (fixture);
  g_assert_true (copy_contains (fixture, id_number, strlen (id_number)));
  g_assert_true (copy_contains (fixture, MOBILE, strlen (MOBILE)));

  store = bk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  assert_list_masked (store, profile);
  g_assert_false (bk_store_unlock_profile (store, id, "wrong-horse-42", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_true (bk_store_unlock_profile (store, id, PASSWORD, &error));
  g_assert_no_error (error);
  assert_everything_back (store, profile, photo, scan);

  copy_files (fixture);
  assert_copy_reveals_nothing (fixture, profile, photo, scan);
  assert_locked_copy (fixture, profile);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The sync engine works on an unlocked profile as before: the outbox
 * batch it pushes is plain JSON, a pulled change is written sealed, and
 * the server's copy reads back plain; locked, nothing of it is read. */
static void
test_sync_while_unlocked (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) photo = corpus_jpeg ("good-413x579.jpg");
  g_autoptr (BkProfile) profile = make_profile (photo);
  g_autoptr (BkStore) store = bk_store_open (fixture->path, &error);
  g_autoptr (BkOutboxBatch) batch = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  g_autoptr (BkProfile) pulled = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *copy = NULL;
  const char *id = bk_profile_get_id (profile);
  const char *new_mobile = "13700001111";
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_true (bk_store_set_profile_password (store, id, PASSWORD, &error));
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  batch = bk_store_take_outbox_batch (store, id, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BkOutboxEntry *entry = batch->entries->pdata[i];

      if (g_str_equal (entry->entity, "profile"))
        found = strstr (entry->payload, bk_profile_get_id_number (profile)) != NULL;
      entry->acknowledged = TRUE;
    }
  g_assert_true (found);

  bk_profile_set_mobile (profile, new_mobile);
  bk_profile_set_version (profile, 5);
  payload = bk_profile_to_json (profile);
  g_ptr_array_add (changes, bk_remote_change_new ("profile", id, "update", 5, payload));
  g_assert_true (bk_store_settle_outbox (store, batch, &error));
  g_assert_true (bk_store_apply_pulled (store, id, changes, 7, &error));
  g_assert_no_error (error);
  pulled = bk_store_load_profile (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_mobile (pulled), ==, new_mobile);
  copy = bk_store_read_remote_copy (store, "profile", id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (copy, new_mobile));

  copy_files (fixture);
  g_assert_false (copy_contains (fixture, new_mobile, strlen (new_mobile)));
  g_assert_false (copy_contains (fixture, MOBILE, strlen (MOBILE)));

  bk_store_lock_profile (store, id);
  g_clear_pointer (&copy, g_free);
  copy = bk_store_read_remote_copy (store, "profile", id, &error);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED);
  g_assert_null (copy);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/at-rest/copied-file", Fixture, NULL, fixture_set_up, test_copied_file,
              fixture_tear_down);
  g_test_add ("/store/at-rest/change-password", Fixture, NULL, fixture_set_up, test_change_password,
              fixture_tear_down);
  g_test_add ("/store/at-rest/migrate-plain-file", Fixture, NULL, fixture_set_up,
              test_migrate_plain_file, fixture_tear_down);
  g_test_add ("/store/at-rest/sync-while-unlocked", Fixture, NULL, fixture_set_up,
              test_sync_while_unlocked, fixture_tear_down);
  return g_test_run ();
}
