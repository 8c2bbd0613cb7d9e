/* bk-sessions.c
 *
 * The session files are small and never change while Baokao runs, so the
 * pages share one loaded copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-clock.h"
#include "bk-sessions.h"

static GPtrArray *sessions;
static GError *load_error;

static int
newest_first (gconstpointer a, gconstpointer b)
{
  BkExamSession *sa = *(BkExamSession **) a;
  BkExamSession *sb = *(BkExamSession **) b;

  return (int) bk_exam_session_get_exam_year (sb) - (int) bk_exam_session_get_exam_year (sa);
}

GPtrArray *
bk_sessions_get_all (GError **error)
{
  if (sessions == NULL && load_error == NULL)
    {
      sessions = bk_exam_session_load_all (&load_error);
      if (sessions != NULL)
        g_ptr_array_sort (sessions, newest_first);
    }

  if (sessions == NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }
  return sessions;
}

BkExamSession *
bk_sessions_lookup (const char *id)
{
  GPtrArray *all = bk_sessions_get_all (NULL);

  for (guint i = 0; all != NULL && id != NULL && i < all->len; i++)
    if (g_str_equal (bk_exam_session_get_id (g_ptr_array_index (all, i)), id))
      return g_ptr_array_index (all, i);
  return NULL;
}

BkExamSession *
bk_sessions_get_default (void)
{
  GPtrArray *all = bk_sessions_get_all (NULL);
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  BkExamSession *best = NULL;
  GDateTime *best_end = NULL;

  if (all == NULL || all->len == 0)
    return NULL;

  for (guint i = 0; i < all->len; i++)
    {
      BkExamSession *session = g_ptr_array_index (all, i);
      const BkExamWindow *window = bk_exam_session_get_window (session, "register");

      if (window == NULL || g_date_time_compare (window->end, now) < 0)
        continue;
      if (best == NULL || g_date_time_compare (window->end, best_end) < 0)
        {
          best = session;
          best_end = window->end;
        }
    }

  return best != NULL ? best : g_ptr_array_index (all, 0);
}
