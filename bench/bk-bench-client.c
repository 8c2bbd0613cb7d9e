/* bk-bench-client.c — the load client of bench/server
 *
 * One thread per simulated client, each with its own account: it pushes a
 * batch of changes from its own records (an update of its profile and new
 * education rows under it) with a fresh Idempotency-Key, then pulls its
 * feed from its cursor, and again, until the time is up. Requests go over
 * HTTPS with the server's CA pinned (peer verification on), one request per
 * connection as the server answers. Written in C with libcurl because a
 * Python client does not reach the ceiling's rate on this machine.
 *
 *   bk-bench-client URL CAFILE ACCOUNTS SECONDS BATCH INTERVAL
 *
 * INTERVAL 0: each client starts its next round as soon as the last ends
 * (the most the server takes); INTERVAL > 0: a round every INTERVAL
 * seconds per client (a steady load, where latency is the server's, not
 * the queue's).
 * Each client first opens its connection (the TLS handshake, with a GET
 * of /v1/health that is not counted) and all start together, so that the
 * latencies are those of requests, not of handshakes.
 * ACCOUNTS has a line "TOKEN PROFILE_ID VERSION" per client. Prints one
 * JSON object: counts, errors, conflicts and p50/p99 latencies (ms) of
 * pushes and pulls, and the seconds measured.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <curl/curl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the clients wait for each other before the measured part. */
static struct
{
  GMutex lock;
  GCond all_ready;
  guint waiting, clients;
  gint64 started, length, deadline; /* µs */
} start;

static void
wait_for_the_others (void)
{
  g_mutex_lock (&start.lock);
  if (++start.waiting == start.clients)
    {
      start.started = g_get_monotonic_time ();
      start.deadline = start.started + start.length;
      g_cond_broadcast (&start.all_ready);
    }
  while (start.waiting < start.clients)
    g_cond_wait (&start.all_ready, &start.lock);
  g_mutex_unlock (&start.lock);
}

typedef struct
{
  const char *url;
  const char *ca_file;
  char *token;
  char *profile_id;
  gint64 version;
  gint64 deadline;
  gint64 interval; /* µs */
  guint batch;

  gint64 cursor;
  GArray *push_ms; /* double */
  GArray *pull_ms;
  guint errors;
  guint conflicts;
  guint64 changes;
} Client;

static size_t
collect (char *data, size_t size, size_t n, void *user_data)
{
  g_string_append_len (user_data, data, size * n);
  return size * n;
}

/* One request; its time in ms, or a negative number on failure. */
static double
perform (Client *client, CURL *curl, const char *path, const char *body, GString *answer)
{
  g_autofree char *url = g_strconcat (client->url, path, NULL);
  g_autofree char *auth = g_strdup_printf ("Authorization: Bearer %s", client->token);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *key = g_strdup_printf ("Idempotency-Key: %s", uuid);
  struct curl_slist *headers = NULL;
  gint64 started;
  long status = 0;
  CURLcode code;

  headers = curl_slist_append (headers, auth);
  if (body != NULL)
    {
      headers = curl_slist_append (headers, "Content-Type: application/json");
      headers = curl_slist_append (headers, key);
      headers = curl_slist_append (headers, "Expect:");
    }
  g_string_truncate (answer, 0);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  if (body != NULL)
    curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
  else
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);
  started = g_get_monotonic_time ();
  code = curl_easy_perform (curl);
  curl_slist_free_all (headers);
  if (code != CURLE_OK)
    {
      if (client->errors++ < 3)
        fprintf (stderr, "bk-bench-client: %s: %s\n", path, curl_easy_strerror (code));
      return -1;
    }
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200)
    {
      if (client->errors++ < 3)
        fprintf (stderr, "bk-bench-client: %s: %ld %.200s\n", path, status, answer->str);
      return -1;
    }
  return (g_get_monotonic_time () - started) / 1000.0;
}

static char *
push_body (Client *client)
{
  GString *body = g_string_new ("{\"changes\":[");

  g_string_append_printf (body,
                          "{\"entity\":\"profile\",\"entity_id\":\"%s\",\"operation\":\"update\","
                          "\"version\":%" G_GINT64_FORMAT ",\"payload\":{\"id\":\"%s\","
                          "\"name\":\"张三\",\"mobile\":\"13800000000\"}}",
                          client->profile_id, client->version + 1, client->profile_id);
  for (guint i = 1; i < client->batch; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      g_string_append_printf (body,
                              ",{\"entity\":\"education\",\"entity_id\":\"%s\",\"operation\":"
                              "\"insert\",\"version\":1,\"payload\":{\"id\":\"%s\","
                              "\"profile_id\":\"%s\",\"school\":\"中国计量大学\","
                              "\"major\":\"测控技术与仪器\",\"degree\":\"bachelor\","
                              "\"graduated_on\":\"2015-07-01\"}}",
                              id, id, client->profile_id);
    }
  g_string_append (body, "]}");
  return g_string_free (body, FALSE);
}

static gpointer
run (gpointer data)
{
  Client *client = data;
  CURL *curl = curl_easy_init ();
  g_autoptr (GString) answer = g_string_new (NULL);

  curl_easy_setopt (curl, CURLOPT_CAINFO, client->ca_file);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);

  gint64 round;

  /* The handshake, not measured; then every client starts at once. */
  perform (client, curl, "/v1/health", NULL, answer);
  wait_for_the_others ();
  client->deadline = start.deadline;
  round = g_get_monotonic_time () + g_random_int_range (0, client->interval + 1);
  if (client->interval > 0)
    {
      g_usleep (round - g_get_monotonic_time ()); /* spread the clients' starts */
      /* Paced, each client offers its rounds for the whole length from
       * its own first one: the offered rate is reached (the spread cost
       * up to one round a client before, 10-20 % of it in 10 s). */
      client->deadline = round + start.length;
    }
  while (g_get_monotonic_time () < client->deadline)
    {
      g_autofree char *body = push_body (client);
      g_autofree char *path = NULL;
      const char *next;
      double ms = perform (client, curl, "/v1/changes", body, answer);

      if (ms >= 0)
        {
          g_array_append_val (client->push_ms, ms);
          client->changes += client->batch;
          if (strstr (answer->str, "\"status\":409") != NULL)
            client->conflicts++;
          else
            client->version++;
        }
      path = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=1000", client->cursor);
      ms = perform (client, curl, path, NULL, answer);
      if (ms >= 0)
        {
          g_array_append_val (client->pull_ms, ms);
          next = strstr (answer->str, "\"next\":");
          if (next != NULL)
            client->cursor = g_ascii_strtoll (next + 7, NULL, 10);
        }
      round += client->interval;
      if (client->interval > 0 && round > g_get_monotonic_time ())
        g_usleep (round - g_get_monotonic_time ());
    }
  curl_easy_cleanup (curl);
  return NULL;
}

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted, double p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, double, MIN (sorted->len - 1, (guint) (p * sorted->len)));
}

static void
print_kind (const char *name, GArray *all)
{
  g_array_sort (all, compare);
  printf ("\"%s\":{\"count\":%u,\"p50_ms\":%.2f,\"p99_ms\":%.2f}", name, all->len,
          percentile (all, 0.50), percentile (all, 0.99));
}

int
main (int argc, char **argv)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) clients = g_ptr_array_new ();
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  g_autoptr (GArray) push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 changes = 0;
  guint errors = 0, conflicts = 0;
  double seconds;

  if (argc != 7 || !g_file_get_contents (argv[3], &text, NULL, NULL))
    {
      fprintf (stderr, "usage: bk-bench-client URL CAFILE ACCOUNTS SECONDS BATCH INTERVAL\n");
      return 2;
    }
  curl_global_init (CURL_GLOBAL_ALL);
  start.length = (gint64) (g_ascii_strtod (argv[4], NULL) * G_USEC_PER_SEC);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], " ", 3);
      Client *client;

      if (g_strv_length (fields) != 3)
        continue;
      client = g_new0 (Client, 1);
      client->url = argv[1];
      client->ca_file = argv[2];
      client->token = g_strdup (fields[0]);
      client->profile_id = g_strdup (fields[1]);
      client->version = g_ascii_strtoll (fields[2], NULL, 10);
      client->batch = MAX (1, atoi (argv[5]));
      client->interval = (gint64) (g_ascii_strtod (argv[6], NULL) * G_USEC_PER_SEC);
      client->push_ms = g_array_new (FALSE, FALSE, sizeof (double));
      client->pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_ptr_array_add (clients, client);
    }
  start.clients = clients->len;
  for (guint i = 0; i < clients->len; i++)
    g_ptr_array_add (threads, g_thread_new ("client", run, clients->pdata[i]));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);
  seconds = (g_get_monotonic_time () - start.started) / (double) G_USEC_PER_SEC;
  /* Paced: each client's window is the length, wherever it started. */
  if (clients->len > 0 && ((Client *) clients->pdata[0])->interval > 0)
    seconds = start.length / (double) G_USEC_PER_SEC;

  for (guint i = 0; i < clients->len; i++)
    {
      Client *client = clients->pdata[i];

      g_array_append_vals (push_ms, client->push_ms->data, client->push_ms->len);
      g_array_append_vals (pull_ms, client->pull_ms->data, client->pull_ms->len);
      changes += client->changes;
      errors += client->errors;
      conflicts += client->conflicts;
    }
  printf ("{\"seconds\":%.3f,\"clients\":%u,\"changes\":%" G_GUINT64_FORMAT
          ",\"errors\":%u,\"conflicts\":%u,",
          seconds, clients->len, changes, errors, conflicts);
  print_kind ("push", push_ms);
  printf (",");
  print_kind ("pull", pull_ms);
  printf ("}\n");
  curl_global_cleanup ();
  return 0;
}
