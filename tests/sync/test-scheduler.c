/* test-scheduler.c — BkSyncScheduler with the real baokao-server --dev
 * (started here, its CA pinned) and a real store: sync at start and after
 * a change, back-off while the server cannot be reached, a stop that
 * needs the user (a revoked token) and the resume when they sign in, the
 * network coming back. The network monitor is the one stand-in: the test
 * cannot take this machine's network away (TestMonitor below).
 *
 * usage: test-scheduler BAOKAO_SERVER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

#include "bk-password.h"
#include "bk-sync-error.h"
#include "bk-sync-scheduler.h"
#include "bk-sync-session.h"
#include "bk-test-profiles.h"
#include "bk-test-spin.h"

static const char *server_binary;

/* A network monitor whose network the test turns on and off. */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject parent_instance;
  gboolean available;
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor,
                               test_monitor,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_monitor_initable_iface_init)
                                 G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                        test_monitor_iface_init))

enum
{
  MONITOR_PROP_0,
  MONITOR_PROP_AVAILABLE,
  MONITOR_PROP_METERED,
  MONITOR_PROP_CONNECTIVITY,
};

static void
test_monitor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
      case MONITOR_PROP_AVAILABLE:
        g_value_set_boolean (value, self->available);
        break;
      case MONITOR_PROP_METERED:
        g_value_set_boolean (value, FALSE);
        break;
      case MONITOR_PROP_CONNECTIVITY:
        g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                                 : G_NETWORK_CONNECTIVITY_LOCAL);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
test_monitor_initable_init (GInitable *initable, GCancellable *cancellable, GError **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set_available (TestMonitor *self, gboolean available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* The fixture: a server, a store with a candidate's profile, a client
 * signed in, a scheduler with short delays. */

typedef struct
{
  char *dir;
  GSubprocess *server;
  char *url;
  char *ca_file;
  BkStore *store;
  BkProfile *profile;
  BkHttpClient *http;
  BkSyncClient *client;
  TestMonitor *monitor;
  BkSyncScheduler *scheduler;
  guint syncing; /* how many times "status" turned SYNCING */
} Fixture;

static void
status_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  Fixture *fixture = user_data;

  if (bk_sync_scheduler_get_status (fixture->scheduler) == BK_SYNC_STATUS_SYNCING)
    fixture->syncing++;
}

static void
sign_in (Fixture *fixture, BkSyncClient *client)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  bk_sync_client_sign_in_async (client, "lisi", "correct horse", NULL, bk_test_spin_keep_result,
                                &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_sign_in_finish (client, result, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *state = NULL;
  g_autofree char *db = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *listening = NULL;

  fixture->dir = g_dir_make_tmp ("baokao-test-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  state = g_build_filename (fixture->dir, "server", NULL);
  g_subprocess_launcher_setenv (launcher, "BAOKAO_SERVER_TEST_FAST_HASH", "1", TRUE);
  fixture->server = g_subprocess_launcher_spawn (launcher, &error, server_binary, "--dev", "--port",
                                                 "0", "--state-dir", state, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->server));
  listening = bk_test_spin_read_line (out, "listening on ");
  fixture->url = g_strdup (listening);
  fixture->ca_file = bk_test_spin_read_line (out, "CA certificate for clients: ");

  db = g_build_filename (fixture->dir, "baokao.db", NULL);
  fixture->store = bk_store_open (db, &error);
  g_assert_no_error (error);
  fixture->profile = bk_test_profile_new_complete ("lisi");
  g_assert_true (bk_store_save_profile (fixture->store, fixture->profile, &error));
  g_assert_no_error (error);

  fixture->http = bk_http_client_new ();
  bk_http_client_set_ca_file (fixture->http, fixture->ca_file);
  fixture->client = bk_sync_client_new (fixture->store, fixture->http, fixture->url);
  bk_sync_client_set_profile_id (fixture->client, bk_profile_get_id (fixture->profile));
  bk_sync_client_register_async (fixture->client, "李四", "resident-id",
                                 bk_profile_get_id_number (fixture->profile), "13800000000", "lisi",
                                 "correct horse", NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_register_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  sign_in (fixture, fixture->client);

  fixture->monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  fixture->scheduler = bk_sync_scheduler_new (fixture->client,
                                              G_NETWORK_MONITOR (fixture->monitor));
  bk_sync_scheduler_set_delays (fixture->scheduler, 50, 50, 400);
  g_signal_connect (fixture->scheduler, "notify::status", G_CALLBACK (status_cb), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  g_assert_finalize_object (fixture->scheduler);
  g_object_unref (fixture->monitor);
  g_object_unref (fixture->client);
  g_object_unref (fixture->http);
  g_object_unref (fixture->profile);
  g_assert_finalize_object (fixture->store);
  g_subprocess_send_signal (fixture->server, SIGTERM);
  g_subprocess_wait (fixture->server, NULL, NULL);
  g_object_unref (fixture->server);
  g_free (fixture->url);
  g_free (fixture->ca_file);
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", fixture->dir, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->dir);
}

static gint64
outbox (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 count = bk_store_count_outbox (fixture->store, &error);

  g_assert_no_error (error);
  return count;
}

static void
set_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is (Fixture *fixture, BkSyncStatus status)
{
  return bk_sync_scheduler_get_status (fixture->scheduler) == status;
}

/* At start, then shortly after a change: online, last synced set, the
 * outbox empty. */
static void
test_start_and_change (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  GDateTime *first;

  bk_sync_scheduler_start (fixture->scheduler);
  BK_TEST_SPIN_UNTIL (is (fixture, BK_SYNC_STATUS_ONLINE));
  first = bk_sync_scheduler_get_last_synced (fixture->scheduler);
  g_assert_nonnull (first);
  g_assert_null (bk_sync_scheduler_get_problem (fixture->scheduler));
  g_assert_cmpint (outbox (fixture), ==, 0);

  bk_profile_set_mobile (fixture->profile, "13900000000");
  g_assert_true (bk_store_save_profile (fixture->store, fixture->profile, &error));
  g_assert_cmpint (outbox (fixture), ==, 1);
  bk_sync_scheduler_note_change (fixture->scheduler);
  BK_TEST_SPIN_UNTIL (fixture->syncing == 2 && is (fixture, BK_SYNC_STATUS_ONLINE));
  g_assert_cmpint (outbox (fixture), ==, 0);
}

/* The server cannot be reached: offline, with what to do, retried with
 * back-off; Sync Now once it can be reached again. */
static void
test_unreachable_backs_off (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetSocketAddress)
    any = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *closed = NULL;
  g_autoptr (GError) error = NULL;

  /* A port nobody listens on: bound, then closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_true (g_socket_bind (socket, G_SOCKET_ADDRESS (any), TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  closed = g_strdup_printf ("https://127.0.0.1:%u",
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  bk_sync_client_set_server_url (fixture->client, closed);

  bk_sync_scheduler_start (fixture->scheduler);
  BK_TEST_SPIN_UNTIL (fixture->syncing >= 3 && is (fixture, BK_SYNC_STATUS_OFFLINE));
  g_assert_nonnull (
    strstr (bk_sync_scheduler_get_problem (fixture->scheduler), "cannot be reached"));
  g_assert_null (bk_sync_scheduler_get_last_synced (fixture->scheduler));
  g_assert_cmpint (outbox (fixture), ==, 5);

  bk_sync_client_set_server_url (fixture->client, fixture->url);
  bk_sync_scheduler_sync_now (fixture->scheduler);
  BK_TEST_SPIN_UNTIL (is (fixture, BK_SYNC_STATUS_ONLINE));
  g_assert_null (bk_sync_scheduler_get_problem (fixture->scheduler));
  g_assert_cmpint (outbox (fixture), ==, 0);
}

/* A revoked token stops (no retries) and says to sign in; signing in
 * again resumes by itself. */
static void
test_revoked_token_stops (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (BkSyncClient)
    elsewhere = bk_sync_client_new (fixture->store, fixture->http, fixture->url);
  g_autoptr (GAsyncResult) result = NULL;
  guint syncing;
  gboolean waited = FALSE;

  bk_sync_client_set_token (elsewhere, bk_sync_client_get_token (fixture->client));
  bk_sync_client_sign_out_async (elsewhere, NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_client_sign_out_finish (elsewhere, result, NULL));

  bk_sync_scheduler_start (fixture->scheduler);
  BK_TEST_SPIN_UNTIL (is (fixture, BK_SYNC_STATUS_STOPPED));
  g_assert_nonnull (strstr (bk_sync_scheduler_get_problem (fixture->scheduler), "Sign in again"));
  syncing = fixture->syncing;
  g_timeout_add_once (300, set_true, &waited);
  BK_TEST_SPIN_UNTIL (waited);
  g_assert_cmpuint (fixture->syncing, ==, syncing); /* no retries */
  g_assert_cmpint (outbox (fixture), ==, 5);

  sign_in (fixture, fixture->client);
  BK_TEST_SPIN_UNTIL (is (fixture, BK_SYNC_STATUS_ONLINE));
  g_assert_cmpint (outbox (fixture), ==, 0);
}

/* Started without a network: offline and nothing tried; when the network
 * comes back, it syncs. */
static void
test_network_comes_back (Fixture *fixture, gconstpointer user_data)
{
  test_monitor_set_available (fixture->monitor, FALSE);
  bk_sync_scheduler_start (fixture->scheduler);
  g_assert_true (is (fixture, BK_SYNC_STATUS_OFFLINE));
  g_assert_cmpuint (fixture->syncing, ==, 0);
  test_monitor_set_available (fixture->monitor, TRUE);
  BK_TEST_SPIN_UNTIL (is (fixture, BK_SYNC_STATUS_ONLINE));
  g_assert_cmpint (outbox (fixture), ==, 0);
}

/* The wait doubles, with jitter between half and all of it, is capped,
 * and is never shorter than Retry-After. */
static void
test_backoff (void)
{
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 1, -1, 0.0), ==, 1000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 1, -1, 0.999), >=, 1990);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 4, -1, 0.0), ==, 8000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 4, -1, 0.999), <=, 16000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 40, -1, 0.999), <=, 600000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 40, -1, 0.0), ==, 300000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 1, 7, 0.5), ==, 7000);
  g_assert_cmpuint (bk_sync_scheduler_backoff (2000, 600000, 10, 7, 0.0), >=, 7000);
}

/* A port nobody listens on: bound, then closed. */
static char *
closed_port_url (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetSocketAddress)
    any = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, G_SOCKET_ADDRESS (any), TRUE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);
  return g_strdup_printf ("https://127.0.0.1:%u",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

/* A new candidate registers while the server cannot be reached: the
 * profile is there (saved before), the registration waits in memory and
 * the scheduler retries it with its back-off, then signs in and pushes
 * the profile under the new account, by itself. */
static void
test_sign_up_retried (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("wangwu");
  g_autofree char *closed = closed_port_url ();
  g_autoptr (BkSyncClient) client = bk_sync_client_new (fixture->store, fixture->http, closed);
  g_autoptr (BkSyncScheduler) scheduler = NULL;
  gint64 waiting;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  waiting = outbox (fixture);
  bk_sync_client_set_profile_id (client, bk_profile_get_id (profile));

  bk_sync_client_sign_up_async (client, "王五", "resident-id", "11010519800101077X", "13800000000",
                                "wangwu", "correct horse", NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_false (bk_sync_client_sign_up_finish (client, result, &error));
  g_assert_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NETWORK);
  g_assert_true (bk_sync_client_get_signing_up (client));
  g_assert_null (bk_sync_client_get_token (client));

  scheduler = bk_sync_scheduler_new (client, G_NETWORK_MONITOR (fixture->monitor));
  bk_sync_scheduler_set_delays (scheduler, 50, 50, 400);
  bk_sync_scheduler_start (scheduler);
  BK_TEST_SPIN_UNTIL (bk_sync_scheduler_get_status (scheduler) == BK_SYNC_STATUS_OFFLINE &&
                      bk_sync_scheduler_get_problem (scheduler) != NULL);
  g_assert_nonnull (strstr (bk_sync_scheduler_get_problem (scheduler), "cannot be reached"));

  /* The server can be reached: the next retry registers, signs in, syncs. */
  bk_sync_client_set_server_url (client, fixture->url);
  BK_TEST_SPIN_UNTIL (bk_sync_scheduler_get_status (scheduler) == BK_SYNC_STATUS_ONLINE);
  g_assert_nonnull (bk_sync_client_get_token (client));
  g_assert_false (bk_sync_client_get_signing_up (client));
  g_assert_null (bk_sync_scheduler_get_problem (scheduler));
  g_assert_cmpint (outbox (fixture), ==, waiting - 5); /* wangwu's five; lisi's wait */
}

/* A sign-up the server refuses (here: the user name is someone else's,
 * so the sign-in after it is refused) is not kept for a retry: the user
 * corrects it. Signing out forgets one that waits. */
static void
test_sign_up_refused_or_signed_out (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) signed_out = NULL;
  g_autofree char *closed = closed_port_url ();
  g_autoptr (BkSyncClient)
    client = bk_sync_client_new (fixture->store, fixture->http, fixture->url);
  g_autofree char *server_code = NULL;

  bk_sync_client_sign_up_async (client, "王五", "resident-id", "11010519800101077X", "13800000000",
                                "lisi", "another password", NULL, bk_test_spin_keep_result,
                                &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_false (bk_sync_client_sign_up_finish (client, result, &error));
  server_code = bk_sync_error_dup_server_code (error);
  g_assert_cmpstr (server_code, ==, "wrong_credentials");
  g_assert_false (bk_sync_client_get_signing_up (client));
  g_clear_object (&result);
  g_clear_error (&error);

  bk_sync_client_set_server_url (client, closed);
  bk_sync_client_sign_up_async (client, "王五", "resident-id", "11010519800101077X", "13800000000",
                                "wangwu", "correct horse", NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_false (bk_sync_client_sign_up_finish (client, result, NULL));
  g_assert_true (bk_sync_client_get_signing_up (client));
  bk_sync_client_sign_out_async (client, NULL, bk_test_spin_keep_result, &signed_out);
  g_assert_false (bk_sync_client_get_signing_up (client));
  BK_TEST_SPIN_UNTIL (signed_out != NULL);
}

/* One profile's session: signed in, the token is kept (here in memory:
 * the test has no keyring, so "persistent" is FALSE and the window says
 * so) and sync runs; closing it (a profile switch) stops its sync and
 * forgets its token in this session, but a new session of the profile
 * finds the kept one and syncs at once; signing out forgets it. */
static void
test_session (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (BkTokenStore) tokens = bk_token_store_new ();
  g_autoptr (BkSyncSession) session = NULL;
  g_autoptr (BkSyncSession) again = NULL;
  g_autoptr (BkSyncSession) after = NULL;
  const char *id = bk_profile_get_id (fixture->profile);
  BkSyncScheduler *scheduler;

  session = bk_sync_session_new (fixture->store, fixture->http, tokens,
                                 G_NETWORK_MONITOR (fixture->monitor), fixture->url, id, "lisi");
  scheduler = bk_sync_session_get_scheduler (session);
  bk_sync_session_start (session);
  BK_TEST_SPIN_UNTIL (bk_sync_scheduler_get_status (scheduler) == BK_SYNC_STATUS_STOPPED);
  g_assert_nonnull (strstr (bk_sync_scheduler_get_problem (scheduler), "Sign in"));

  bk_sync_session_sign_in_async (session, "correct horse", NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_session_sign_in_finish (session, result, &error));
  g_assert_no_error (error);
  BK_TEST_SPIN_UNTIL (bk_sync_scheduler_get_status (scheduler) == BK_SYNC_STATUS_ONLINE);
  g_assert_cmpint (outbox (fixture), ==, 0);
  g_assert_false (bk_sync_session_get_persistent (session));

  bk_sync_session_close (session);
  g_assert_null (bk_sync_client_get_token (bk_sync_session_get_client (session)));
  bk_profile_set_mobile (fixture->profile, "13900000001");
  g_assert_true (bk_store_save_profile (fixture->store, fixture->profile, &error));
  bk_sync_scheduler_note_change (scheduler); /* closed: nothing runs */
  g_assert_cmpint (bk_sync_scheduler_get_status (scheduler), ==, BK_SYNC_STATUS_STOPPED);

  again = bk_sync_session_new (fixture->store, fixture->http, tokens,
                               G_NETWORK_MONITOR (fixture->monitor), fixture->url, id, "lisi");
  bk_sync_session_start (again);
  BK_TEST_SPIN_UNTIL (outbox (fixture) == 0 &&
                      bk_sync_scheduler_get_status (bk_sync_session_get_scheduler (again)) ==
                        BK_SYNC_STATUS_ONLINE);

  g_clear_object (&result);
  bk_sync_session_sign_out_async (again, NULL, bk_test_spin_keep_result, &result);
  BK_TEST_SPIN_UNTIL (result != NULL);
  g_assert_true (bk_sync_session_sign_out_finish (again, result, &error));
  g_assert_no_error (error);
  after = bk_sync_session_new (fixture->store, fixture->http, tokens,
                               G_NETWORK_MONITOR (fixture->monitor), fixture->url, id, "lisi");
  bk_sync_session_start (after);
  BK_TEST_SPIN_UNTIL (bk_sync_scheduler_get_status (bk_sync_session_get_scheduler (after)) ==
                      BK_SYNC_STATUS_STOPPED);
  g_assert_null (bk_sync_client_get_token (bk_sync_session_get_client (after)));
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
  g_assert_cmpint (argc, ==, 2);
  server_binary = argv[1];

  g_test_add_func ("/scheduler/backoff", test_backoff);
  add ("/scheduler/start-and-change", test_start_and_change);
  add ("/scheduler/unreachable-backs-off", test_unreachable_backs_off);
  add ("/scheduler/revoked-token-stops", test_revoked_token_stops);
  add ("/scheduler/network-comes-back", test_network_comes_back);
  add ("/scheduler/sign-up-retried", test_sign_up_retried);
  add ("/scheduler/sign-up-refused-or-signed-out", test_sign_up_refused_or_signed_out);
  add ("/scheduler/session", test_session);
  return g_test_run ();
}
