/* bk-test-wait.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-test-wait.h"

void
bk_test_wait_clear (BkTestWait *wait)
{
  g_clear_object (&wait->result);
  g_clear_pointer (&wait->loop, g_main_loop_unref);
}

void
bk_test_wait_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTestWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

GAsyncResult *
bk_test_wait_for (BkTestWait *wait)
{
  g_clear_object (&wait->result);
  g_main_loop_run (wait->loop);
  return wait->result;
}
