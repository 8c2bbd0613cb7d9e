/* main.c — baokao, the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-application.h"
#include "bk-i18n.h"

int
main (int argc, char **argv)
{
  g_autoptr (BkApplication) app = NULL;

  bk_i18n_init ();

  app = bk_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
