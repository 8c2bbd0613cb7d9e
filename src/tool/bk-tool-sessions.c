/* bk-tool-sessions.c — `baokao-tool sessions`: list the exam sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bk-exam-session.h"
#include "bk-format.h"
#include "bk-tool.h"

int bk_tool_sessions_run (int argc, char **argv);

int
bk_tool_sessions_run (int argc, char **argv)
{
  g_autoptr (GOptionContext) options = bk_tool_option_context_new ("sessions", NULL);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (options, _ ("Lists the exam sessions this installation knows: "
                                            "id, exam year, name and exam dates."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return bk_tool_option_error ("sessions", error);
  if (argc > 1)
    {
      bk_tool_printerr ("%s\n", _ ("“sessions” takes no arguments; use “baokao-tool session ID” "
                                   "for one session."));
      return BK_TOOL_EXIT_USAGE;
    }

  sessions = bk_exam_session_load_all (&error);
  if (sessions == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      BkExamSession *session = sessions->pdata[i];
      const BkExamWindow *exam = bk_exam_session_get_window (session, "exam");
      g_autofree char *start = bk_format_date_time (exam->start);

      printf ("%-16s %u  %s  (%s)\n", bk_exam_session_get_id (session),
              bk_exam_session_get_exam_year (session), bk_exam_session_get_name (session), start);
    }
  return BK_TOOL_EXIT_OK;
}
