/* test-token-store.c — BkTokenStore with a keyring (libsecret's file
 * backend, a real file) and without one (no session bus to find a
 * keyring on): the token is kept either way, and the caller is told when
 * it lives in memory only
 *
 * Run as "test-token-store keyring" or "test-token-store no-keyring"; the
 * environment of each is set in meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-test-wait.h"
#include "bk-token-store.h"

#define SERVER "https://127.0.0.1:8443"

static void
save (BkTokenStore *store, BkTestWait *wait, const char *user, const char *token)
{
  g_autoptr (GError) error = NULL;

  bk_token_store_save_async (store, SERVER, user, token, NULL, bk_test_wait_done_cb, wait);
  g_assert_true (bk_token_store_save_finish (store, bk_test_wait_for (wait), &error));
  g_assert_no_error (error);
}

static char *
lookup (BkTokenStore *store, BkTestWait *wait, const char *user)
{
  g_autoptr (GError) error = NULL;
  char *token;

  bk_token_store_lookup_async (store, SERVER, user, NULL, bk_test_wait_done_cb, wait);
  token = bk_token_store_lookup_finish (store, bk_test_wait_for (wait), &error);
  g_assert_no_error (error);
  return token;
}

static void
forget (BkTokenStore *store, BkTestWait *wait, const char *user)
{
  g_autoptr (GError) error = NULL;

  bk_token_store_forget_async (store, SERVER, user, NULL, bk_test_wait_done_cb, wait);
  g_assert_true (bk_token_store_forget_finish (store, bk_test_wait_for (wait), &error));
  g_assert_no_error (error);
}

static void
notified_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* With a keyring: kept beyond this object (as beyond this run), per
 * server and user; signing out forgets it. */
static void
test_keyring (void)
{
  g_auto (BkTestWait) wait = BK_TEST_WAIT_INIT;
  g_autoptr (BkTokenStore) store = bk_token_store_new ();
  g_autoptr (BkTokenStore) later = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *gone = NULL;

  save (store, &wait, "lisi", "token-one");
  g_assert_true (bk_token_store_get_persistent (store));
  later = bk_token_store_new ();
  found = lookup (later, &wait, "lisi");
  g_assert_cmpstr (found, ==, "token-one");
  other = lookup (later, &wait, "wangwu");
  g_assert_null (other);
  forget (later, &wait, "lisi");
  gone = lookup (store, &wait, "lisi");
  g_assert_null (gone);
}

/* Without a keyring: saving works, for this run only, and "persistent"
 * turns FALSE (notified) so the window can say so. */
static void
test_no_keyring (void)
{
  g_auto (BkTestWait) wait = BK_TEST_WAIT_INIT;
  g_autoptr (BkTokenStore) store = bk_token_store_new ();
  g_autoptr (BkTokenStore) next_run = bk_token_store_new ();
  g_autofree char *found = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *gone = NULL;
  guint notified = 0;

  g_signal_connect (store, "notify::persistent", G_CALLBACK (notified_cb), &notified);
  save (store, &wait, "lisi", "token-one");
  g_assert_false (bk_token_store_get_persistent (store));
  g_assert_cmpuint (notified, ==, 1);
  found = lookup (store, &wait, "lisi");
  g_assert_cmpstr (found, ==, "token-one");
  elsewhere = lookup (next_run, &wait, "lisi");
  g_assert_null (elsewhere);
  forget (store, &wait, "lisi");
  gone = lookup (store, &wait, "lisi");
  g_assert_null (gone);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (argc > 1 && g_str_equal (argv[1], "no-keyring"))
    g_test_add_func ("/token-store/no-keyring", test_no_keyring);
  else
    {
      /* A keyring file of this run's own, before libsecret first looks. */
      dir = g_dir_make_tmp ("baokao-test-keyring-XXXXXX", NULL);
      g_assert_nonnull (dir);
      file = g_build_filename (dir, "keyring", NULL);
      g_setenv ("SECRET_FILE_TEST_PATH", file, TRUE);
      g_test_add_func ("/token-store/keyring", test_keyring);
    }
  status = g_test_run ();
  if (file != NULL)
    {
      g_unlink (file);
      g_rmdir (dir);
    }
  return status;
}
