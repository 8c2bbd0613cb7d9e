/* bk-bench-ceiling.c — the ceiling for bench/server
 *
 * A bare libsoup server with the same TLS setup as baokao-server (libsoup
 * 3 over glib-networking, the same certificate, connections kept between
 * requests as baokao-server keeps them) that answers every request with a
 * fixed JSON reply and touches no database: what the HTTP and TLS layers
 * alone can do on this machine.
 *
 *   bk-bench-ceiling CERT KEY      prints "listening on https://127.0.0.1:PORT/"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>

static void
handle (SoupServer *server,
        SoupServerMessage *msg,
        const char *path,
        GHashTable *query,
        gpointer user_data)
{
  const char *reply = soup_server_message_get_method (msg) == SOUP_METHOD_POST
                        ? "{\"results\":[]}"
                        : "{\"changes\":[],\"next\":0,\"more\":false}";

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, reply,
                                    strlen (reply));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bk-bench-ceiling CERT KEY\n");
      return 2;
    }
  certificate = g_tls_certificate_new_from_files (argv[1], argv[2], &error);
  if (certificate == NULL)
    {
      fprintf (stderr, "bk-bench-ceiling: %s\n", error->message);
      return 1;
    }
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, handle, NULL, NULL);
  /* The same listen backlog as baokao-server (GSocket's default is 10). */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  if (socket == NULL || !g_socket_bind (socket, address, TRUE, &error) ||
      (g_socket_set_listen_backlog (socket, 1024), !g_socket_listen (socket, &error)) ||
      !soup_server_listen_socket (server, socket, SOUP_SERVER_LISTEN_HTTPS, &error) ||
      (bound = g_socket_get_local_address (socket, &error)) == NULL)
    {
      fprintf (stderr, "bk-bench-ceiling: %s\n", error->message);
      return 1;
    }
  printf ("listening on https://127.0.0.1:%u/\n",
          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  fflush (stdout);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
