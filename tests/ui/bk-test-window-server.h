/* bk-test-window-server.h — what the window tests against the real
 * baokao-server share: one application for the whole test program, a
 * server per test (started with --dev, its CA pinned in the settings),
 * the window opened as a person opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-application.h"
#include "bk-window.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir; /* the test's own folder; the server's state is in its "server" */
  char *url;
  char *ca_file;
  GSubprocess *server;
} BkTestWindowServer;

/* The program's application (registered, not unique), made once. */
BkApplication *bk_test_window_server_app (void);

/* Starts @server_binary for a test named by @prefix and points the
 * application's settings at it. */
void bk_test_window_server_set_up (BkTestWindowServer *self,
                                   const char *server_binary,
                                   const char *prefix);
/* Closes every window, stops the server, removes the folder (kept and
 * said when the test failed). */
void bk_test_window_server_tear_down (BkTestWindowServer *self);
/* The server's state folder (to start it again on its port). */
char *bk_test_window_server_state_dir (BkTestWindowServer *self);

/* The application's window, activated and mapped. */
BkWindow *bk_test_open_window (void);
/* Whether the window shows a profile's workspace, settled. */
gboolean bk_test_workspace_shown (BkWindow *window);
/* rm -rf @dir. */
void bk_test_remove_dir (const char *dir);

G_END_DECLS
