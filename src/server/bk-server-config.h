/* bk-server-config.h — baokao-server's configuration (a GKeyFile)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-server-limits.h"

G_BEGIN_DECLS

typedef struct
{
  char *address; /* default 127.0.0.1 */
  guint port;    /* default 8443 */
  char *certificate;
  char *key;
  char *database;  /* a libpq connection string or a SQLite file; default STATE/server.sqlite */
  char *state_dir; /* default $XDG_STATE_HOME/baokao-server */
  char *ticket_signing_key; /* [tickets] signing-key: the authority's secret key file */
  BkServerLimits limits;
} BkServerConfig;

void bk_server_config_init (BkServerConfig *config);
/* Reads @path's [server], [limits], [workflow] and [tickets] groups over what @config holds; an
 * unknown key is an error, so a typing mistake does not go unnoticed. */
gboolean bk_server_config_load (BkServerConfig *config, const char *path, GError **error);
void bk_server_config_clear (BkServerConfig *config);

G_END_DECLS
