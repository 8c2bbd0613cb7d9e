/* bk-test-server.h — the real baokao-server --dev for the C tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @binary --dev with its state in @state_dir (the same CA and accounts
 * when started again there) on @port ("0": a free one), cheap password
 * hashes; its address and its CA file (nullable) once it listens. */
GSubprocess *bk_test_server_start (
  const char *binary, const char *state_dir, const char *port, char **url, char **ca_file);

/* "https://127.0.0.1:PORT/" → "PORT". */
char *bk_test_server_port (const char *url);

/* Points the XDG data, config, cache and state folders (where the window
 * opens its store) into a new temporary folder named after @prefix,
 * never the user's own; returns that folder. */
char *bk_test_isolate_xdg_dirs (const char *prefix);

/* Ends @server (SIGTERM) and waits for it. */
void bk_test_server_stop (GSubprocess *server);

G_END_DECLS
