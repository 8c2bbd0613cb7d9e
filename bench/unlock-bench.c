/* unlock-bench.c — times unlocking an encrypted profile (issue 13: under
 * 300 ms, most of it the key derivation), beside loading the same profile
 * from a plain store as before encryption, and the one-off migration of a
 * plain profile at its first unlock.
 *
 *   unlock-bench DIRECTORY PHOTO RUNS
 *
 * Makes its stores in DIRECTORY: the demo-sized profile of 李四 (two
 * education records, a work period, PHOTO as both photos, an application
 * with a 180 KiB proof). Each run opens the store afresh, as the window
 * does after starting. Prints one JSON line: the best of RUNS for each
 * figure, in milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "bk-password.h"
#include "bk-profile-key-table.h"
#include "bk-store.h"
#include "bk-test-profiles.h"

#define PASSWORD "correct-horse-42"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static BkProfile *
make_profile (GBytes *photo, BkExamApplication **application)
{
  g_autoptr (GError) error = NULL;
  BkProfile *profile = bk_test_profile_new_complete ("lisi");
  g_autofree char *hash = bk_password_hash (PASSWORD, &error);
  g_autofree guint8 *scan = g_malloc (180 * 1024);
  g_autoptr (GBytes) proof_bytes = NULL;
  g_autoptr (BkProofEntry) proof = NULL;

  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, hash);
  bk_profile_set_photo (profile, photo, "证件照.jpg", photo, TRUE, "{}");
  randombytes_buf (scan, 180 * 1024);
  scan[0] = 0xff, scan[1] = 0xd8;
  proof_bytes = g_bytes_new (scan, 180 * 1024);
  proof = bk_proof_entry_new (BK_PROOF_KIND_WORK_CERTIFICATE, "工作证明.jpg", proof_bytes);
  *application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 1,
                                          BK_EXAM_MODE_EXEMPT);
  bk_exam_application_add_proof (*application, proof);
  return profile;
}

/* A store at @path with the profile, sealed when @encrypted. */
static char *
make_store (const char *path, GBytes *photo, gboolean encrypted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (path, &error);
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkProfile) profile = make_profile (photo, &application);

  g_assert_no_error (error);
  if (encrypted)
    g_assert_true (
      bk_store_set_profile_password (store, bk_profile_get_id (profile), PASSWORD, &error));
  g_assert_true (bk_store_save_profile (store, profile, &error));
  g_assert_true (bk_store_save_application (store, application, &error));
  g_assert_no_error (error);
  return g_strdup (bk_profile_get_id (profile));
}

static void
remove_store (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) photo = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *sealed_path = NULL;
  g_autofree char *plain_id = NULL;
  g_autofree char *sealed_id = NULL;
  double derive = G_MAXDOUBLE, unlock = G_MAXDOUBLE, load_sealed = G_MAXDOUBLE;
  double load_plain = G_MAXDOUBLE, migrate = G_MAXDOUBLE;
  guint64 opslimit;
  gsize memlimit;
  char *contents = NULL;
  gsize length = 0;
  int runs;

  if (argc != 4 || (runs = atoi (argv[3])) < 1)
    {
      g_printerr ("usage: unlock-bench DIRECTORY PHOTO RUNS\n");
      return 2;
    }
  g_assert_true (sodium_init () >= 0);
  g_file_get_contents (argv[2], &contents, &length, &error);
  g_assert_no_error (error);
  photo = g_bytes_new_take (contents, length);
  plain_path = g_build_filename (argv[1], "plain.db", NULL);
  sealed_path = g_build_filename (argv[1], "sealed.db", NULL);
  plain_id = make_store (plain_path, photo, FALSE);
  sealed_id = make_store (sealed_path, photo, TRUE);
  bk_profile_key_table_get_limits (&opslimit, &memlimit);

  for (int run = 0; run < runs; run++)
    {
      guint8 salt[crypto_pwhash_SALTBYTES], key[32];
      g_autoptr (BkStore) plain = bk_store_open (plain_path, &error);
      g_autoptr (BkStore) sealed = bk_store_open (sealed_path, &error);
      g_autoptr (BkProfile) a = NULL;
      g_autoptr (BkProfile) b = NULL;
      double t0, t1, t2;

      g_assert_no_error (error);
      randombytes_buf (salt, sizeof salt);
      t0 = now_ms ();
      g_assert_cmpint (crypto_pwhash (key, sizeof key, PASSWORD, strlen (PASSWORD), salt, opslimit,
                                      memlimit, crypto_pwhash_ALG_ARGON2ID13),
                       ==, 0);
      derive = MIN (derive, now_ms () - t0);

      t0 = now_ms ();
      a = bk_store_load_profile (plain, plain_id, &error);
      g_assert_no_error (error);
      load_plain = MIN (load_plain, now_ms () - t0);

      t0 = now_ms ();
      g_assert_true (bk_store_unlock_profile (sealed, sealed_id, PASSWORD, &error));
      t1 = now_ms ();
      b = bk_store_load_profile (sealed, sealed_id, &error);
      t2 = now_ms ();
      g_assert_no_error (error);
      g_assert_cmpstr (bk_profile_get_id_number (a), ==, bk_profile_get_id_number (b));
      unlock = MIN (unlock, t1 - t0);
      load_sealed = MIN (load_sealed, t2 - t1);
    }

  /* The first unlock of a plain profile seals it: once per profile. */
  for (int run = 0; run < runs; run++)
    {
      g_autofree char *path = g_build_filename (argv[1], "migrate.db", NULL);
      g_autofree char *id = make_store (path, photo, FALSE);
      g_autoptr (BkStore) store = bk_store_open (path, &error);
      double t0 = now_ms ();

      g_assert_true (bk_store_unlock_profile (store, id, PASSWORD, &error));
      g_assert_no_error (error);
      migrate = MIN (migrate, now_ms () - t0);
      g_clear_object (&store);
      remove_store (path);
    }
  remove_store (plain_path);
  remove_store (sealed_path);

  g_print ("{\"derive_ms\": %.1f, \"unlock_ms\": %.1f, \"load_sealed_ms\": %.1f, "
           "\"load_plain_ms\": %.1f, \"migrate_ms\": %.1f, \"opslimit\": %" G_GUINT64_FORMAT
           ", \"memlimit\": %" G_GSIZE_FORMAT ", \"photo_bytes\": %" G_GSIZE_FORMAT "}\n",
           derive, unlock, load_sealed, load_plain, migrate, opslimit, memlimit, length);
  return 0;
}
