/* main.c — baokao-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-i18n.h"
#include "bk-tool.h"

int
main (int argc, char **argv)
{
  bk_i18n_init ();

  return bk_tool_run (argc, argv);
}
