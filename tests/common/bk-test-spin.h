/* bk-test-spin.h — waiting in the C tests by spinning the main loop, for an async
 * answer, for a line from a child process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Fails the test: @user_data names what it waited for. */
gboolean bk_test_spin_timed_out (gpointer user_data);

/* Spins the main loop until @done (checked each iteration), at most 20 s. */
#define BK_TEST_SPIN_UNTIL(done)                                                                   \
  G_STMT_START                                                                                     \
  {                                                                                                \
    guint timeout_ = g_timeout_add_seconds (20, bk_test_spin_timed_out, (gpointer) #done);         \
    while (!(done))                                                                                \
      g_main_context_iteration (NULL, TRUE);                                                       \
    g_source_remove (timeout_);                                                                    \
  }                                                                                                \
  G_STMT_END

/* A GAsyncReadyCallback that keeps a reference to the result in the
 * GAsyncResult * that @user_data points to. */
void bk_test_spin_keep_result (GObject *source, GAsyncResult *result, gpointer user_data);

/* The next line of @out, which must start with @prefix, without it. */
char *bk_test_spin_read_line (GDataInputStream *out, const char *prefix);

G_END_DECLS
