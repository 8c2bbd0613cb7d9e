/* bk-test-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "bk-test-server.h"
#include "bk-test-spin.h"

GSubprocess *
bk_test_server_start (
  const char *binary, const char *state_dir, const char *port, char **url, char **ca_file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *ca = NULL;
  GSubprocess *server;

  g_subprocess_launcher_setenv (launcher, "BAOKAO_SERVER_TEST_FAST_HASH", "1", TRUE);
  server = g_subprocess_launcher_spawn (launcher, &error, binary, "--dev", "--port", port,
                                        "--state-dir", state_dir, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  *url = bk_test_spin_read_line (out, "listening on ");
  ca = bk_test_spin_read_line (out, "CA certificate for clients: ");
  if (ca_file != NULL)
    *ca_file = g_steal_pointer (&ca);
  return server;
}

char *
bk_test_server_port (const char *url)
{
  const char *colon = strrchr (url, ':');

  g_assert_nonnull (colon);
  return g_strndup (colon + 1, strspn (colon + 1, "0123456789"));
}

char *
bk_test_isolate_xdg_dirs (const char *prefix)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *home = g_dir_make_tmp (template, &error);
  const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[i], NULL);

      g_setenv (xdg[i], dir, TRUE);
    }
  return home;
}

void
bk_test_server_stop (GSubprocess *server)
{
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}
