/* bk-test-wait.h — waiting for one async call in a test program: runs
 * the main loop until the callback has the result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} BkTestWait;

/* g_auto (BkTestWait) wait = BK_TEST_WAIT_INIT; */
#define BK_TEST_WAIT_INIT                                                                          \
  {                                                                                                \
    g_main_loop_new (NULL, FALSE), NULL                                                            \
  }

void bk_test_wait_clear (BkTestWait *wait);
/* The GAsyncReadyCallback to pass, with the BkTestWait as user data. */
void bk_test_wait_done_cb (GObject *source, GAsyncResult *result, gpointer user_data);
/* Runs the loop until the call is done; the result stays @wait's. */
GAsyncResult *bk_test_wait_for (BkTestWait *wait);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BkTestWait, bk_test_wait_clear)

G_END_DECLS
