/* main.c — baokao-server
 *
 *   baokao-server [--config FILE] [--dev] [--insecure-http] [--database PATH|CONNINFO] …
 *   baokao-server admin create-staff|create-admin --user-name NAME … (password on stdin)
 *   baokao-server admin add-session FILE.json | import-payments FILE.csv | import-scores FILE.csv
 *   baokao-server admin import-integrity FILE.csv
 *   baokao-server admin allocate-seats SESSION_ID [--dev]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/resource.h>

#include "bk-i18n.h"
#include "bk-clock.h"
#include "bk-password.h"
#include "bk-server-admin.h"
#include "bk-server-config.h"
#include "bk-server-dev-ca.h"
#include "bk-server-lapse-timer.h"
#include "bk-server-gate.h"
#include "bk-server-seats.h"
#include "bk-server-store.h"
#include "bk-server-workflow-store.h"
#include "bk-server.h"

/* How long SIGTERM waits for requests in flight before stopping anyway. */
#define SHUTDOWN_GRACE_SECONDS 30

typedef struct
{
  GMainLoop *loop;
  BkServer *server;
  gint64 deadline;
  gboolean stopping;
} Shutdown;

static gboolean
drain_cb (gpointer user_data)
{
  Shutdown *shutdown = user_data;

  if (bk_server_get_requests_in_flight (shutdown->server) > 0 &&
      g_get_monotonic_time () < shutdown->deadline)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (shutdown->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
terminate_cb (gpointer user_data)
{
  Shutdown *shutdown = user_data;

  if (!shutdown->stopping)
    {
      shutdown->stopping = TRUE;
      fprintf (stderr, "<5>stopping: no new connections; finishing %u requests in flight\n",
               bk_server_get_requests_in_flight (shutdown->server));
      bk_server_stop_accepting (shutdown->server);
      shutdown->deadline = g_get_monotonic_time () + SHUTDOWN_GRACE_SECONDS * G_USEC_PER_SEC;
      g_timeout_add (20, drain_cb, shutdown);
    }
  return G_SOURCE_CONTINUE;
}

/* Descriptors kept for everything but connections: the database and its
 * WAL files per worker thread, the log, the listening socket, the main
 * loop's wakeups. */
#define RESERVED_FILES 128

/* Raises the soft limit on open files to the hard one (a user's session
 * often starts with 1024), lowers the connection cap if even that is too
 * few, and says how many connections the server takes. */
static void
fit_open_files (BkServerLimits *limits)
{
  struct rlimit rl;
  guint64 usable;

  if (getrlimit (RLIMIT_NOFILE, &rl) != 0)
    return;
  if (rl.rlim_cur < rl.rlim_max)
    {
      rlim_t soft = rl.rlim_cur;

      rl.rlim_cur = rl.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &rl) != 0)
        rl.rlim_cur = soft;
    }
  usable = rl.rlim_cur == RLIM_INFINITY ? G_MAXUINT : rl.rlim_cur;
  usable = usable > RESERVED_FILES + BK_SERVER_GATE_REFUSING
             ? usable - RESERVED_FILES - BK_SERVER_GATE_REFUSING
             : 1;
  if (limits->max_connections > usable)
    {
      fprintf (stderr,
               "<4>max-connections=%u is more than %" G_GUINT64_FORMAT
               " open files allow: taking %" G_GUINT64_FORMAT
               "; raise LimitNOFILE= (systemd) or the hard limit\n",
               limits->max_connections, (guint64) rl.rlim_cur, usable);
      limits->max_connections = usable;
    }
  fprintf (stderr,
           "<5>open files limit %" G_GUINT64_FORMAT ": taking up to %u connections at once, "
           "answering %d more with 503\n",
           (guint64) rl.rlim_cur, limits->max_connections, BK_SERVER_GATE_REFUSING);
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The configured database — a libpq connection string or a SQLite file —
 * or else STATE/server.sqlite. */
static BkServerStore *
open_database (BkServerConfig *config, GError **error)
{
  g_autofree char *path = NULL;

  if (config->database != NULL)
    path = g_strdup (config->database);
  else
    {
      if (g_mkdir_with_parents (config->state_dir, 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "cannot make %s: %s",
                       config->state_dir, g_strerror (errno));
          return NULL;
        }
      path = g_build_filename (config->state_dir, "server.sqlite", NULL);
    }
  return bk_server_store_open (path, error);
}

/* BAOKAO_SERVER_TEST_COMMIT_DELAY=KEY:MILLISECONDS (read only with --dev):
 * the push with that Idempotency-Key commits late, as a slow concurrent
 * transaction would; nothing else can make one slow on demand. */
static void
set_commit_delay (BkServerStore *store, const char *value)
{
  const char *colon = strrchr (value, ':');
  guint64 milliseconds = 0;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 1, 60000, &milliseconds, NULL))
    {
      fprintf (stderr, "<4>BAOKAO_SERVER_TEST_COMMIT_DELAY is not KEY:MILLISECONDS: ignored\n");
      return;
    }
  {
    g_autofree char *key = g_strndup (value, colon - value);

    bk_server_store_set_commit_delay (store, key, milliseconds);
    fprintf (stderr,
             "<4>BAOKAO_SERVER_TEST_COMMIT_DELAY: the push with key %s commits %u ms late "
             "(tests only)\n",
             key, (guint) milliseconds);
  }
}

static gboolean
load_config (BkServerConfig *config,
             const char *config_file,
             const char *database,
             const char *state_dir,
             GError **error)
{
  if (config_file != NULL && !bk_server_config_load (config, config_file, error))
    return FALSE;
  if (database != NULL)
    set_str (&config->database, database);
  if (state_dir != NULL)
    set_str (&config->state_dir, state_dir);
  return TRUE;
}

static char *
read_password (void)
{
  char line[1024];
  gsize length;

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  length = strlen (line);
  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';
  return g_strdup (line);
}

/* baokao-server admin allocate-seats SESSION_ID: the key from the
 * configuration, or the development key only with --dev. */
static int
allocate_seats (int argc,
                char **argv,
                const char *config_file,
                const char *database_path,
                const char *state_dir,
                gboolean dev)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerDatabase) database = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES];
  BkServerConfig config;
  int status = 1;

  if (argc != 3)
    {
      fprintf (stderr, "baokao-server admin: allocate-seats needs one session id\n");
      return 2;
    }
  bk_server_config_init (&config);
  if (!load_config (&config, config_file, database_path, state_dir, &error) ||
      !bk_server_seats_load_key (config.ticket_signing_key, dev, secret_key, &error) ||
      (database = (BkServerDatabase *) open_database (&config, &error)) == NULL)
    fprintf (stderr, "baokao-server admin: %s\n", error->message);
  else
    status = bk_server_seats_allocate (database, &config.limits, argv[2], secret_key,
                                       g_date_time_to_unix (now));
  sodium_memzero (secret_key, sizeof secret_key);
  bk_server_config_clear (&config);
  return status;
}

/* baokao-server admin create-staff|create-admin */
static int
admin_main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerDatabase) database = NULL;
  g_autoptr (BkServerAccount) account = NULL;
  g_autofree char *config_file = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *user_name = NULL;
  g_autofree char *real_name = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *point_code = NULL;
  g_autofree char *password = NULL;
  BkServerConfig config;
  gboolean created = FALSE;
  gboolean dev = FALSE;
  const char *command;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, "Configuration file", "FILE" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path,
      "SQLite database file, or a PostgreSQL connection string", "PATH|CONNINFO" },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir, "State directory", "DIR" },
    { "user-name", 0, 0, G_OPTION_ARG_STRING, &user_name, "The account's user name", "NAME" },
    { "real-name", 0, 0, G_OPTION_ARG_STRING, &real_name, "The person's name", "NAME" },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_id, "Staff: the session id", "ID" },
    { "point", 0, 0, G_OPTION_ARG_STRING, &point_code, "Staff: the point's code", "CODE" },
    { "dev", 0, 0, G_OPTION_ARG_NONE, &dev,
      "allocate-seats: sign with the development key when the configuration names none", NULL },
    { NULL },
  };

  context = g_option_context_new ("create-staff|create-admin (the password is read from standard "
                                  "input) | add-session FILE.json | import-payments FILE.csv | "
                                  "import-scores FILE.csv | import-integrity FILE.csv | "
                                  "allocate-seats SESSION_ID");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "baokao-server admin: %s\n", error->message);
      return 2;
    }
  command = argc > 1 ? argv[1] : "";
  if (g_str_equal (command, "allocate-seats"))
    return allocate_seats (argc, argv, config_file, database_path, state_dir, dev);
  if (bk_server_admin_is_workflow_command (command))
    {
      g_autoptr (GDateTime) now = bk_clock_get_now ();
      int status;

      if (argc != 3)
        {
          fprintf (stderr, "baokao-server admin: %s needs one file\n", command);
          return 2;
        }
      bk_server_config_init (&config);
      if (!load_config (&config, config_file, database_path, state_dir, &error) ||
          (database = (BkServerDatabase *) open_database (&config, &error)) == NULL)
        {
          fprintf (stderr, "baokao-server admin: %s\n", error->message);
          status = 1;
        }
      else
        status = bk_server_admin_run (database, &config.limits, command, argv[2],
                                      g_date_time_to_unix (now));
      bk_server_config_clear (&config);
      return status;
    }
  if ((!g_str_equal (command, "create-staff") && !g_str_equal (command, "create-admin")) ||
      argc != 2)
    {
      fprintf (stderr, "baokao-server admin: use create-staff, create-admin, add-session, "
                       "import-payments, import-scores, import-integrity or allocate-seats\n");
      return 2;
    }
  if (user_name == NULL || real_name == NULL ||
      (g_str_equal (command, "create-staff") && (session_id == NULL || point_code == NULL)))
    {
      fprintf (stderr, "baokao-server admin: %s needs --user-name and --real-name%s\n", command,
               g_str_equal (command, "create-staff") ? ", --session and --point" : "");
      return 2;
    }

  bk_server_config_init (&config);
  if (!load_config (&config, config_file, database_path, state_dir, &error) ||
      (database = (BkServerDatabase *) open_database (&config, &error)) == NULL)
    {
      fprintf (stderr, "baokao-server admin: %s\n", error->message);
      bk_server_config_clear (&config);
      return 1;
    }
  bk_server_config_clear (&config);

  password = read_password ();
  account = bk_server_account_new ();
  account->id = g_uuid_string_random ();
  account->user_name = g_strdup (user_name);
  account->real_name = g_strdup (real_name);
  account->role = g_str_equal (command, "create-staff") ? BK_SERVER_ROLE_STAFF
                                                        : BK_SERVER_ROLE_ADMIN;
  account->session_id = g_strdup (session_id);
  account->point_code = g_strdup (point_code);
  account->password_hash = bk_password_hash (password, &error);
  if (account->password_hash == NULL ||
      !bk_server_database_create_account (database, account, &created, &error))
    {
      fprintf (stderr, "baokao-server admin: %s\n", error->message);
      return 1;
    }
  if (!created)
    {
      fprintf (stderr, "baokao-server admin: the user name “%s” is taken: choose another\n",
               user_name);
      return 1;
    }
  printf ("created %s %s (%s)\n", bk_server_role_to_nick (account->role), user_name, account->id);
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerDatabase) database = NULL;
  g_autoptr (BkServer) server = NULL;
  BkServerLapseTimer *lapse_timer = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autofree char *config_file = NULL;
  g_autofree char *address = NULL;
  g_autofree char *database_path = NULL;
  g_autofree char *state_dir = NULL;
  BkServerConfig config;
  BkServerDevCa ca = { 0 };
  Shutdown shutdown = { 0 };
  gboolean version = FALSE;
  gboolean dev = FALSE;
  gboolean insecure = FALSE;
  int port = -1;
  int status = 0;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, "Configuration file (a key file)",
      "FILE" },
    { "address", 'a', 0, G_OPTION_ARG_STRING, &address, "Address to listen on (default 127.0.0.1)",
      "ADDRESS" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "Port to listen on; 0 picks a free one (default 8443)", "PORT" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path,
      "SQLite database file (default STATE/server.sqlite), or a PostgreSQL connection string "
      "(postgresql://… or \"host=… dbname=…\")",
      "PATH|CONNINFO" },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
      "State directory (default $XDG_STATE_HOME/baokao-server)", "DIR" },
    { "dev", 0, 0, G_OPTION_ARG_NONE, &dev,
      "Development: make a throwaway CA and certificate in the state directory", NULL },
    { "insecure-http", 0, 0, G_OPTION_ARG_NONE, &insecure,
      "Serve plain HTTP (only on a loopback address)", NULL },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL },
  };

  bk_i18n_init ();

  if (argc > 1 && g_str_equal (argv[1], "admin"))
    return admin_main (argc - 1, argv + 1);

  context = g_option_context_new ("— the Baokao registration server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "baokao-server: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      printf ("baokao-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (port != -1 && (port < 0 || port > 65535))
    {
      fprintf (stderr, "baokao-server: port %d is out of range (0–65535)\n", port);
      return 2;
    }

  bk_server_config_init (&config);
  if (!load_config (&config, config_file, database_path, state_dir, &error))
    {
      fprintf (stderr, "baokao-server: %s\n", error->message);
      status = 2;
      goto out;
    }
  if (address != NULL)
    set_str (&config.address, address);
  if (port != -1)
    config.port = port;
  if (dev && g_strcmp0 (g_getenv ("BAOKAO_SERVER_TEST_FAST_HASH"), "1") == 0)
    {
      /* Read only with --dev: a real server never hashes cheaply. */
      config.limits.fast_password_hash = TRUE;
      fprintf (stderr, "<4>BAOKAO_SERVER_TEST_FAST_HASH=1: passwords are hashed at the lowest "
                       "cost (tests only)\n");
    }
  if (dev && g_strcmp0 (g_getenv ("BAOKAO_SERVER_TEST_NO_PUSH_SWEEP"), "1") == 0)
    {
      config.limits.no_push_sweep = TRUE;
      fprintf (stderr, "<4>BAOKAO_SERVER_TEST_NO_PUSH_SWEEP=1: no automatic check after a push "
                       "(tests only)\n");
    }

  if (dev)
    {
      g_autofree char *dir = g_build_filename (config.state_dir, "dev-tls", NULL);

      if (!bk_server_dev_ca_ensure (&ca, dir, &error))
        {
          fprintf (stderr, "baokao-server: %s\n", error->message);
          status = 1;
          goto out;
        }
      set_str (&config.certificate, ca.cert_file);
      set_str (&config.key, ca.key_file);
    }

  if (config.certificate != NULL || config.key != NULL)
    {
      if (config.certificate == NULL || config.key == NULL)
        {
          fprintf (stderr, "baokao-server: set both certificate= and key= in [server]\n");
          status = 2;
          goto out;
        }
      certificate = g_tls_certificate_new_from_files (config.certificate, config.key, &error);
      if (certificate == NULL)
        {
          fprintf (stderr, "baokao-server: the certificate or key cannot be used: %s\n",
                   error->message);
          status = 1;
          goto out;
        }
      if (insecure)
        {
          fprintf (stderr, "baokao-server: --insecure-http goes without a certificate: drop one "
                           "of them\n");
          status = 2;
          goto out;
        }
    }
  else if (!insecure)
    {
      fprintf (stderr, "baokao-server: no certificate: set certificate= and key= in [server] of "
                       "the configuration (--config), or use --dev for a throwaway one\n");
      status = 2;
      goto out;
    }
  else
    {
      g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (config.address);

      if (inet == NULL || !g_inet_address_get_is_loopback (inet))
        {
          fprintf (stderr,
                   "baokao-server: plain HTTP is allowed only on a loopback address "
                   "(127.0.0.1 or ::1): configure a certificate to listen on %s\n",
                   config.address);
          status = 2;
          goto out;
        }
    }

  database = (BkServerDatabase *) open_database (&config, &error);
  if (database == NULL)
    {
      fprintf (stderr, "baokao-server: the database cannot be opened: %s\n", error->message);
      status = 1;
      goto out;
    }
  if (dev && g_getenv ("BAOKAO_SERVER_TEST_COMMIT_DELAY") != NULL)
    set_commit_delay (BK_SERVER_STORE (database), g_getenv ("BAOKAO_SERVER_TEST_COMMIT_DELAY"));

  /* Checks a server that stopped between a push and its check left undone. */
  {
    g_autoptr (GDateTime) now = bk_clock_get_now ();

    if (!bk_server_workflow_sweep (database, &config.limits, NULL, NULL, NULL,
                                   g_date_time_to_unix (now), &error))
      {
        fprintf (stderr, "<4>the workflow could not catch up: %s\n", error->message);
        g_clear_error (&error);
      }
  }

  fit_open_files (&config.limits);
  server = bk_server_new (database, &config.limits);
  if (!bk_server_listen (server, config.address, config.port, certificate, &error))
    {
      fprintf (stderr, "baokao-server: %s\n", error->message);
      status = 1;
      goto out;
    }

  /* SIGTERM is handled before the server says it listens: a supervisor
   * (or a test) may stop it as soon as it has read that line. */
  loop = g_main_loop_new (NULL, FALSE);
  shutdown.loop = loop;
  shutdown.server = server;
  g_unix_signal_add (SIGTERM, terminate_cb, &shutdown);
  g_unix_signal_add (SIGINT, terminate_cb, &shutdown);

  /* Tests and administrators read these lines: the first gives the URL
   * (the port, when --port 0), the second the CA file to pin with --dev. */
  {
    g_autofree char *host = strchr (config.address, ':') != NULL
                              ? g_strdup_printf ("[%s]", config.address)
                              : g_strdup (config.address);

    printf ("listening on %s://%s:%u/\n", certificate != NULL ? "https" : "http", host,
            bk_server_get_port (server));
  }
  if (dev)
    printf ("CA certificate for clients: %s\n", ca.ca_file);
  fflush (stdout);

  /* Applications lapse when their window closes, with no request
   * arriving; a safety sweep each hour. */
  lapse_timer = bk_server_lapse_timer_new (database, &config.limits, 3600);
  g_main_loop_run (loop);
  g_clear_pointer (&lapse_timer, bk_server_lapse_timer_free);
  fprintf (stderr, "<5>stopped\n");

out:
  bk_server_dev_ca_clear (&ca);
  bk_server_config_clear (&config);
  return status;
}
