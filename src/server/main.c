/* main.c — baokao-server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "bk-i18n.h"
#include "bk-server.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autofree char *address = NULL;
  gboolean version = FALSE;
  int port = 8443;
  GOptionEntry entries[] = { { "address", 'a', 0, G_OPTION_ARG_STRING, &address,
                               "Address to listen on (default 127.0.0.1)", "ADDRESS" },
                             { "port", 'p', 0, G_OPTION_ARG_INT, &port,
                               "Port to listen on; 0 picks a free one (default 8443)", "PORT" },
                             { "version", 'V', 0, G_OPTION_ARG_NONE, &version,
                               "Print the version and exit", NULL },
                             { NULL } };

  bk_i18n_init ();

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

  if (port < 0 || port > 65535)
    {
      fprintf (stderr, "baokao-server: port %d is out of range (0–65535)\n", port);
      return 2;
    }

  server = bk_server_new ();
  if (!bk_server_listen (server, address != NULL ? address : "127.0.0.1", port, &error))
    {
      fprintf (stderr, "baokao-server: %s\n", error->message);
      return 1;
    }

  /* Tests read this line to learn the port when they pass --port 0. */
  printf ("listening on %s:%u\n", address != NULL ? address : "127.0.0.1",
          bk_server_get_port (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
