/* bk-server-dev-ca.c
 *
 * The openssl program (Debian's openssl package, in scripts/deps' run
 * packages) rather than GnuTLS's C API: three commands say plainly what is
 * made, and --dev is not a production path. Keys are P-256, valid 30 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bk-server-dev-ca.h"
#include "bk-server-error.h"

static gboolean
openssl (const char *dir, GError **error, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *standard_error = NULL;
  int status = 0;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "openssl");
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (dir, (char **) argv->pdata, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     &standard_error, &status, error))
    {
      g_prefix_error (error, "running openssl (install the openssl package): ");
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG, "openssl %s failed: %s",
                   (char *) argv->pdata[1], standard_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_server_dev_ca_ensure (BkServerDevCa *ca, const char *dir, GError **error)
{
  static const char extensions[] = "basicConstraints = critical, CA:FALSE\n"
                                   "keyUsage = critical, digitalSignature\n"
                                   "extendedKeyUsage = serverAuth\n"
                                   "subjectAltName = IP:127.0.0.1, IP:::1, DNS:localhost\n"
                                   "subjectKeyIdentifier = hash\n"
                                   "authorityKeyIdentifier = keyid\n";
  g_autofree char *ext_file = NULL;

  g_return_val_if_fail (ca != NULL && dir != NULL, FALSE);

  ca->ca_file = g_build_filename (dir, "ca.pem", NULL);
  ca->cert_file = g_build_filename (dir, "server.pem", NULL);
  ca->key_file = g_build_filename (dir, "server.key", NULL);
  if (g_file_test (ca->ca_file, G_FILE_TEST_EXISTS) &&
      g_file_test (ca->cert_file, G_FILE_TEST_EXISTS) &&
      g_file_test (ca->key_file, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG, "cannot make %s: %s", dir,
                   g_strerror (errno));
      return FALSE;
    }
  ext_file = g_build_filename (dir, "server.ext", NULL);
  if (!g_file_set_contents (ext_file, extensions, -1, error))
    return FALSE;

  return openssl (dir, error, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                  "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                  "-days", "30", "-subj", "/CN=Baokao development CA (throwaway)", "-addext",
                  "basicConstraints=critical,CA:TRUE", "-addext",
                  "keyUsage=critical,keyCertSign,cRLSign", NULL) &&
         openssl (dir, error, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                  "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost",
                  NULL) &&
         openssl (dir, error, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey",
                  "ca.key", "-CAcreateserial", "-days", "30", "-extfile", "server.ext", "-out",
                  "server.pem", NULL);
}

void
bk_server_dev_ca_clear (BkServerDevCa *ca)
{
  g_return_if_fail (ca != NULL);

  g_clear_pointer (&ca->ca_file, g_free);
  g_clear_pointer (&ca->cert_file, g_free);
  g_clear_pointer (&ca->key_file, g_free);
}
