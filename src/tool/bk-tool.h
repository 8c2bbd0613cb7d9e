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

/* Everything the tool prints goes through these: the text is made valid
 * UTF-8 (arguments, file names and input need not be), so a terminal, a
 * script or a JSON reader always gets readable output. */
char *bk_tool_make_valid (const char *text);
void bk_tool_print (const char *format, ...) G_GNUC_PRINTF (1, 2);
void bk_tool_printerr (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* A subcommand's option context, its usage line naming the command once:
 * "baokao-tool COMMAND [OPTION…] @parameters". */
GOptionContext *bk_tool_option_context_new (const char *command, const char *parameters);
/* Prints an option parsing error and where to read about the options;
 * returns BK_TOOL_EXIT_USAGE. */
int bk_tool_option_error (const char *command, const GError *error);

G_END_DECLS
