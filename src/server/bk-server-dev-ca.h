/* bk-server-dev-ca.h — a throwaway CA and server certificate for --dev
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *ca_file;   /* what a client pins */
  char *cert_file; /* the server's certificate, for 127.0.0.1 and localhost */
  char *key_file;
} BkServerDevCa;

/* Makes the CA and a server certificate signed by it in @dir (with the
 * openssl program) unless they are there already. */
gboolean bk_server_dev_ca_ensure (BkServerDevCa *ca, const char *dir, GError **error);
void bk_server_dev_ca_clear (BkServerDevCa *ca);

G_END_DECLS
