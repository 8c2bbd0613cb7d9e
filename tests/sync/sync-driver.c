/* sync-driver.c — the sync client as a program, for the tests in Python
 * that start the real server (and a fault proxy) around it
 *
 *   sync-driver STORE add-profile USER_NAME      prints the new profile's id
 *   sync-driver STORE edit PROFILE_ID REAL_NAME [TIMES]   saved TIMES times, numbered
 *   sync-driver STORE register REAL_NAME ID_NUMBER USER_NAME PASSWORD
 *   sync-driver STORE sign-in USER_NAME PASSWORD prints the token
 *   sync-driver STORE sign-out
 *   sync-driver STORE sync | push | pull
 *
 * The server's address, its CA, the token and the profile open on this
 * computer come from BK_SERVER, BK_CA, BK_TOKEN and BK_PROFILE (unset: a
 * computer with no profile of the account yet, which only pulls);
 * BK_LOW_SPEED_TIME shortens the stall timeout, BK_MAX_BODY_BYTES caps an
 * answer's body, BK_CANCEL_AFTER_MS cancels the command after that many
 * milliseconds. The last line of standard output is a JSON object:
 * {"pushed": N, "pulled": N} (and "profile", the profile pulled, when
 * BK_PROFILE was unset), {"token": …}, {"id": …}, or {"error": {"domain",
 * "code", "server_code", "message", "problem" (what the user is told, in
 * their language), "transient", "retry_after"}} (then the exit status is
 * 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "bk-i18n.h"
#include "bk-password.h"
#include "bk-store-error.h"
#include "bk-sync-client.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"
#include "bk-test-profiles.h"
#include "bk-test-wait.h"

static int
report (BkSyncClient *client, JsonBuilder *builder, GError *error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      g_autofree char *server_code = bk_sync_error_dup_server_code (error);
      g_autofree char *problem = bk_sync_messages_describe (error);

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, g_quark_to_string (error->domain));
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, error->code);
      json_builder_set_member_name (builder, "server_code");
      json_builder_add_string_value (builder, server_code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, problem);
      json_builder_set_member_name (builder, "transient");
      json_builder_add_boolean_value (builder, bk_sync_error_is_transient (error));
      json_builder_set_member_name (builder, "retry_after");
      json_builder_add_int_value (builder,
                                  client != NULL ? bk_sync_client_get_retry_after (client) : -1);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  g_print ("%s\n", text);
  if (error != NULL)
    g_object_unref (builder);
  return error != NULL ? 1 : 0;
}

static JsonBuilder *
one_member (const char *name, const char *value)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  return builder;
}

static int
local_command (BkStore *store, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autoptr (JsonBuilder) builder = NULL;

  if (g_str_equal (argv[2], "add-profile") && argc == 4)
    {
      profile = bk_test_profile_new_complete (argv[3]);
      if (bk_store_save_profile (store, profile, &error))
        builder = one_member ("id", bk_profile_get_id (profile));
    }
  else if (g_str_equal (argv[2], "edit") && (argc == 5 || argc == 6))
    {
      int times = argc == 6 ? atoi (argv[5]) : 1;

      profile = bk_store_load_profile (store, argv[3], &error);
      /* A profile pulled onto this computer gets its password here, as the
       * window asks for one before it is shown. */
      if (profile != NULL && !bk_store_profile_is_protected (profile))
        {
          g_autofree char *hash = bk_password_hash ("correct horse", &error);

          bk_profile_set_password_hash (profile, hash);
        }
      for (int i = 0; profile != NULL && i < times && error == NULL; i++)
        {
          g_autofree char *name = times == 1 ? g_strdup (argv[4])
                                             : g_strdup_printf ("%s%d", argv[4], i);

          bk_profile_set_real_name (profile, name);
          bk_store_save_profile (store, profile, &error);
        }
      if (profile != NULL && error == NULL)
        builder = one_member ("id", bk_profile_get_id (profile));
    }
  else
    {
      g_printerr ("unknown command %s\n", argv[2]);
      return 2;
    }
  return report (NULL, builder, error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkHttpClient) http = NULL;
  g_autoptr (BkSyncClient) client = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  g_auto (BkTestWait) wait = BK_TEST_WAIT_INIT;
  const char *command = argc > 2 ? argv[2] : "";
  const char *low_speed = g_getenv ("BK_LOW_SPEED_TIME");
  const char *max_body = g_getenv ("BK_MAX_BODY_BYTES");
  const char *cancel_after = g_getenv ("BK_CANCEL_AFTER_MS");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  int status;

  bk_i18n_init ();
  if (argc < 3)
    {
      g_printerr ("usage: sync-driver STORE COMMAND [ARGS…]\n");
      return 2;
    }
  store = bk_store_open (argv[1], &error);
  if (store == NULL)
    return report (NULL, NULL, error);
  if (g_str_equal (command, "add-profile") || g_str_equal (command, "edit"))
    return local_command (store, argc, argv);

  http = bk_http_client_new ();
  bk_http_client_set_ca_file (http, g_getenv ("BK_CA"));
  if (low_speed != NULL)
    bk_http_client_set_timeouts (http, 5, atoi (low_speed));
  if (max_body != NULL)
    bk_http_client_set_max_body_bytes (http, g_ascii_strtoull (max_body, NULL, 10));
  if (cancel_after != NULL)
    g_timeout_add_once (atoi (cancel_after), (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  client = bk_sync_client_new (store, http, g_getenv ("BK_SERVER"));
  bk_sync_client_set_token (client, g_getenv ("BK_TOKEN"));
  bk_sync_client_set_profile_id (client, g_getenv ("BK_PROFILE"));

  if (g_str_equal (command, "register") && argc == 7)
    {
      bk_sync_client_register_async (client, argv[3], "resident-id", argv[4], "13800000000",
                                     argv[5], argv[6], NULL, bk_test_wait_done_cb, &wait);
      if (bk_sync_client_register_finish (client, bk_test_wait_for (&wait), &error))
        builder = one_member ("status", "accepted");
    }
  else if (g_str_equal (command, "sign-in") && argc == 5)
    {
      bk_sync_client_sign_in_async (client, argv[3], argv[4], NULL, bk_test_wait_done_cb, &wait);
      if (bk_sync_client_sign_in_finish (client, bk_test_wait_for (&wait), &error))
        builder = one_member ("token", bk_sync_client_get_token (client));
    }
  else if (g_str_equal (command, "sign-out"))
    {
      bk_sync_client_sign_out_async (client, NULL, bk_test_wait_done_cb, &wait);
      if (bk_sync_client_sign_out_finish (client, bk_test_wait_for (&wait), &error))
        builder = one_member ("status", "signed-out");
    }
  else if (g_str_equal (command, "sync") || g_str_equal (command, "push") ||
           g_str_equal (command, "pull"))
    {
      guint pushed = 0, pulled = 0;
      gboolean ok;

      if (g_str_equal (command, "sync"))
        bk_sync_client_sync_async (client, cancellable, bk_test_wait_done_cb, &wait);
      else if (g_str_equal (command, "push"))
        bk_sync_client_push_async (client, cancellable, bk_test_wait_done_cb, &wait);
      else
        bk_sync_client_pull_async (client, cancellable, bk_test_wait_done_cb, &wait);
      if (g_str_equal (command, "sync"))
        ok = bk_sync_client_sync_finish (client, bk_test_wait_for (&wait), &pushed, &pulled,
                                         &error);
      else
        {
          gint64 moved = bk_sync_client_transfer_finish (client, bk_test_wait_for (&wait), &error);

          ok = moved >= 0;
          if (g_str_equal (command, "push"))
            pushed = MAX (moved, 0);
          else
            pulled = MAX (moved, 0);
        }
      if (ok)
        {
          builder = json_builder_new ();
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "pushed");
          json_builder_add_int_value (builder, pushed);
          json_builder_set_member_name (builder, "pulled");
          json_builder_add_int_value (builder, pulled);
          if (g_getenv ("BK_PROFILE") == NULL && bk_sync_client_get_profile_id (client) != NULL)
            {
              json_builder_set_member_name (builder, "profile");
              json_builder_add_string_value (builder, bk_sync_client_get_profile_id (client));
            }
          json_builder_end_object (builder);
        }
    }
  else
    {
      g_printerr ("unknown command %s\n", command);
      return 2;
    }
  status = report (client, builder, error);
  return status;
}
