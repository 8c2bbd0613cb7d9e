/* bk-tool-session.c — `baokao-tool session ID`: timetable and windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bk-exam-session.h"
#include "bk-format.h"
#include "bk-tool.h"

int bk_tool_session_run (int argc, char **argv);

static void
print_levels (BkExamSession *session)
{
  for (guint level = 1; level <= 2; level++)
    {
      GPtrArray *subjects = bk_exam_session_get_subjects (session, level);
      g_autofree char *fee_all = NULL;
      g_autofree char *fee_exempt = NULL;

      if (subjects == NULL)
        continue;
      printf ("\n%s\n", bk_exam_session_get_level_name (session, level));
      for (guint i = 0; i < subjects->len; i++)
        {
          const BkExamSubject *s = subjects->pdata[i];
          g_autofree char *start = bk_format_date_time (s->start);
          g_autofree char *end = g_date_time_format (s->end, "%H:%M");
          g_autofree char *fee = bk_format_yuan (s->fee_fen);

          /* TRANSLATORS: a subject line: number, name, kind, start, end time, full score, fee */
          printf (_ ("  %u. %s (%s) — %s–%s, full score %g, fee %s\n"), s->number,
                  bk_exam_subject_get_name (s), s->subjective ? _ ("subjective") : _ ("objective"),
                  start, end, s->full_score, fee);
        }
      fee_all = bk_format_yuan (bk_exam_session_get_fee_fen (session, level, BK_EXAM_MODE_ALL));
      fee_exempt =
        bk_format_yuan (bk_exam_session_get_fee_fen (session, level, BK_EXAM_MODE_EXEMPT));
      /* TRANSLATORS: %s is a fee, %u a number of consecutive exam years */
      printf (_ ("  All subjects: fee %s; pass all within %u consecutive exam years.\n"), fee_all,
              bk_exam_session_get_score_window_years (session, level, BK_EXAM_MODE_ALL));
      /* TRANSLATORS: %u a subject number, %s a fee, %u a number of consecutive exam years */
      printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "  One subject exempted (subject %u): fee %s; pass within %u exam "
                     "year.\n",
                     "  One subject exempted (subject %u): fee %s; pass within %u "
                     "consecutive exam years.\n",
                     bk_exam_session_get_score_window_years (session, level, BK_EXAM_MODE_EXEMPT)),
        bk_exam_session_get_exempt_subject (session, level), fee_exempt,
        bk_exam_session_get_score_window_years (session, level, BK_EXAM_MODE_EXEMPT));
    }
}

static void
print_windows (BkExamSession *session)
{
  GPtrArray *windows = bk_exam_session_get_windows (session);

  printf ("\n%s\n", _ ("Windows:"));
  for (guint i = 0; i < windows->len; i++)
    {
      const BkExamWindow *w = windows->pdata[i];
      g_autofree char *start = bk_format_date_time (w->start);
      g_autofree char *end = w->end != NULL ? bk_format_deadline (w->end) : NULL;
      printf ("  %-28s %s – %s%s", bk_exam_window_get_step_name (w->step), start,
              end != NULL ? end : _ ("(no end given)"), w->approximate ? _ (" (approximate)") : "");
      if (bk_exam_window_get_note (w) != NULL)
        printf ("  [%s]", bk_exam_window_get_note (w));
      printf ("\n");
    }
}

static void
print_points (BkExamSession *session)
{
  GPtrArray *points = bk_exam_session_get_points (session);

  printf ("\n%s\n", _ ("Venues:"));
  for (guint i = 0; i < bk_exam_session_get_n_venues (session); i++)
    printf ("  %s\n", bk_exam_session_get_venue (session, i));

  printf ("\n%s\n", _ ("Registration and verification points:"));
  for (guint i = 0; i < points->len; i++)
    {
      const BkExamPoint *p = points->pdata[i];
      g_autofree char *phones = g_strjoinv (" / ", p->phones);

      printf ("  %s%s%s%s%s — %s — %s", p->code != NULL ? p->code : "", p->code != NULL ? " " : "",
              p->city != NULL ? p->city : "", p->city != NULL ? " " : "", p->name, p->address,
              phones);
      if (p->hours != NULL)
        printf (" — %s", p->hours);
      if (p->open_during[0] != NULL)
        {
          g_autoptr (GString) steps = g_string_new (NULL);

          for (guint j = 0; p->open_during[j] != NULL; j++)
            g_string_append_printf (steps, "%s%s", j > 0 ? _ ("; ") : "",
                                    bk_exam_window_get_step_name (p->open_during[j]));
          /* TRANSLATORS: %s lists window steps, e.g. “Registration; Confirmation” */
          printf (_ (" (open during: %s)"), steps->str);
        }
      printf ("\n");
    }
  if (bk_exam_session_get_n_contacts (session) > 0)
    {
      printf ("\n%s\n", _ ("Contacts:"));
      for (guint i = 0; i < bk_exam_session_get_n_contacts (session); i++)
        {
          const char *phone;
          const char *name = bk_exam_session_get_contact (session, i, &phone);

          printf ("  %s: %s\n", name, phone);
        }
    }
}

int
bk_tool_session_run (int argc, char **argv)
{
  g_autoptr (GOptionContext) options = bk_tool_option_context_new ("session", _ ("ID"));
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *cutoff = NULL;

  g_option_context_set_summary (options, _ ("Prints the timetable, windows, fees, venues and "
                                            "points of an exam session."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return bk_tool_option_error ("session", error);
  if (argc != 2)
    {
      bk_tool_printerr ("%s\n",
                        _ ("Give one session id; run “baokao-tool sessions” to list them."));
      return BK_TOOL_EXIT_USAGE;
    }

  session = bk_exam_session_load (argv[1], &error);
  if (session == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }

  cutoff = bk_format_date (bk_exam_session_get_cutoff (session));
  printf ("%s (%s)\n", bk_exam_session_get_name (session), bk_exam_session_get_id (session));
  if (bk_exam_session_get_source (session) != NULL)
    printf ("%s\n", bk_exam_session_get_source (session));
  /* TRANSLATORS: %u is the exam year, %s the cutoff date for counting work */
  printf (_ ("Exam year %u; work is counted up to %s.\n"), bk_exam_session_get_exam_year (session),
          cutoff);
  /* TRANSLATORS: %g is a percentage */
  printf (_ ("Pass mark: %g%% of each subject's full score.\n"),
          bk_exam_session_get_pass_mark_percent (session));
  if (bk_exam_session_is_free (session))
    printf ("%s\n", _ ("The exam is free."));
  print_levels (session);
  if (bk_exam_session_get_timetable_note (session) != NULL)
    printf ("  (%s)\n", bk_exam_session_get_timetable_note (session));
  print_windows (session);
  print_points (session);
  return BK_TOOL_EXIT_OK;
}
