/* bk-tool.h — baokao-tool, the command-line companion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
enum
{
  BK_TOOL_EXIT_OK = 0,
  BK_TOOL_EXIT_NEGATIVE = 1, /* the answer is "no": not eligible, photo refused */
  BK_TOOL_EXIT_USAGE = 2,    /* bad arguments or malformed input */
};

int bk_tool_run (int argc, char **argv);

G_END_DECLS
