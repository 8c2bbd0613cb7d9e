/* sync-bench.c — times the sync client against a running server and the
 * longest stall of the main loop meanwhile (run by bench/sync.py)
 *
 *   sync-bench SEED_STORE EMPTY_STORE PUSHED PULLED
 *
 * Makes a profile in SEED_STORE with PUSHED - 1 later versions (real
 * outbox rows, written in one transaction as the store writes them),
 * times pushing them; pushes more versions up to PULLED changes in all
 * (not timed), then times pulling all of them into EMPTY_STORE. BK_SERVER,
 * BK_CA and BK_TOKEN say where. A 1 ms timeout source measures how late
 * the main loop dispatches it while each runs, and then while nothing
 * runs (the machine's own noise). Prints one JSON line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <time.h>

#include "bk-database.h"
#include "bk-sync-client.h"
#include "bk-test-profiles.h"

/* The longest gap between two ticks of the main loop on the clock, and the
 * most CPU time the main thread spent between two ticks: a stall longer
 * than that is this process waiting for a core (other processes on the
 * cores), not work that held the loop. */
typedef struct
{
  gint64 last;
  gint64 last_cpu;
  gint64 longest;
  gint64 longest_cpu;
} Stall;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (stall->last != 0)
    {
      stall->longest = MAX (stall->longest, now - stall->last);
      stall->longest_cpu = MAX (stall->longest_cpu, cpu - stall->last_cpu);
    }
  stall->last = now;
  stall->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The same tick with nothing running, for @seconds: the stalls this
 * machine causes by itself (other processes on its cores). */
static double
idle_stall (double seconds)
{
  Stall stall = { 0, 0 };
  gboolean done = FALSE;
  guint tick = g_timeout_add (1, tick_cb, &stall);

  g_timeout_add ((guint) (seconds * 1000), quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return MAX (0, stall.longest - 1000) / 1e3;
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs @start on @client, spinning the loop with the 1 ms tick; returns
 * the changes moved, and the time and the longest gap between ticks. */
static gint64
measure (BkSyncClient *client,
         void (*start) (BkSyncClient *, GCancellable *, GAsyncReadyCallback, gpointer),
         double *seconds,
         double *stall_ms,
         double *busy_ms)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  Stall stall = { 0, 0 };
  guint tick = g_timeout_add (1, tick_cb, &stall);
  gint64 started = g_get_monotonic_time ();
  gint64 moved;

  start (client, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  *seconds = (g_get_monotonic_time () - started) / 1e6;
  g_source_remove (tick);
  /* A tick is due every millisecond: the stall is the gap beyond that. */
  *stall_ms = MAX (0, stall.longest - 1000) / 1e3;
  *busy_ms = stall.longest_cpu / 1e3;
  moved = bk_sync_client_transfer_finish (client, result, &error);
  if (moved < 0)
    g_error ("%s", error->message);
  return moved;
}

/* Versions @from to @to of @profile as outbox updates, in one transaction. */
static void
add_versions (const char *path, BkProfile *profile, gint64 from, gint64 to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkDatabase) db = bk_database_open (path, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created_at = g_date_time_format_iso8601 (now);

  g_assert_no_error (error);
  g_assert_true (bk_database_begin (db, &error));
  stmt = bk_database_prepare (db,
                              "INSERT INTO outbox (profile_id, entity, entity_id, operation, "
                              "version, payload, created_at) "
                              "VALUES (?1, 'profile', ?1, 'update', ?, ?, ?)",
                              &error);
  g_assert_no_error (error);
  for (gint64 v = from; v <= to; v++)
    {
      g_autofree char *name = g_strdup_printf ("李四%" G_GINT64_FORMAT, v);
      g_autofree char *json = NULL;

      bk_profile_set_real_name (profile, name);
      json = bk_profile_to_json (profile);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, bk_profile_get_id (profile), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, v);
      sqlite3_bind_text (stmt, 3, json, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_TRANSIENT);
      g_assert_true (bk_database_step_done (db, stmt, &error));
    }
  g_assert_true (bk_database_commit (db, &error));
}

static BkSyncClient *
client_for (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (path, &error);
  g_autoptr (BkHttpClient) http = bk_http_client_new ();
  BkSyncClient *client;

  g_assert_no_error (error);
  bk_http_client_set_ca_file (http, g_getenv ("BK_CA"));
  client = bk_sync_client_new (store, http, g_getenv ("BK_SERVER"));
  bk_sync_client_set_token (client, g_getenv ("BK_TOKEN"));
  return client;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkSyncClient) seed = NULL;
  g_autoptr (BkSyncClient) empty = NULL;
  g_autoptr (BkProfile) profile = bk_test_profile_new ("lisi");
  gint64 pushed_count, pulled_count, to_push, to_pull;
  double push_s, push_stall, push_busy, pull_s, pull_stall, pull_busy, setup_s, setup_stall,
    setup_busy, idle;

  if (argc != 5)
    {
      g_printerr ("usage: sync-bench SEED_STORE EMPTY_STORE PUSHED PULLED\n");
      return 2;
    }
  to_push = atoi (argv[3]);
  to_pull = atoi (argv[4]);

  seed = client_for (argv[1]);
  g_assert_true (bk_store_save_profile (bk_sync_client_get_store (seed), profile, &error));
  g_assert_no_error (error);
  bk_sync_client_set_profile_id (seed, bk_profile_get_id (profile));
  add_versions (argv[1], profile, 2, to_push);
  pushed_count = measure (seed, bk_sync_client_push_async, &push_s, &push_stall, &push_busy);
  g_assert_cmpint (pushed_count, ==, to_push);

  add_versions (argv[1], profile, to_push + 1, to_pull);
  measure (seed, bk_sync_client_push_async, &setup_s, &setup_stall, &setup_busy);

  empty = client_for (argv[2]);
  pulled_count = measure (empty, bk_sync_client_pull_async, &pull_s, &pull_stall, &pull_busy);
  g_assert_cmpint (pulled_count, ==, to_pull);

  idle = idle_stall (pull_s);
  g_print ("{\"pushed\": %" G_GINT64_FORMAT ", \"push_seconds\": %.3f, \"push_stall_ms\": %.1f, "
           "\"pulled\": %" G_GINT64_FORMAT ", \"pull_seconds\": %.3f, \"pull_stall_ms\": %.1f, "
           "\"push_busy_ms\": %.1f, \"pull_busy_ms\": %.1f, \"idle_stall_ms\": %.1f}\n",
           pushed_count, push_s, push_stall, pulled_count, pull_s, pull_stall, push_busy, pull_busy,
           idle);
  return 0;
}
