/* bk-application-reminder.c
 *
 * A window's end is exclusive: one that ends at midnight closes at 24:00
 * of the day before, and that day is its last; the reminder comes the day
 * before the last day, so that a whole day is left to act.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-reminder.h"
#include "bk-format.h"

/* The candidate's own step that is not done, or NULL. */
static const char *
pending_step (BkApplicationState state,
              const BkApplicationProgress *progress,
              BkExamSession *session)
{
  if (state == BK_APPLICATION_STATE_DRAFT)
    return "register";
  if (progress == NULL)
    return NULL;
  if (bk_application_progress_wants_proofs (progress))
    return "verification";
  if (bk_application_progress_can_confirm (progress))
    return "confirmation";
  if (progress->state == BK_APPLICATION_STATE_CONFIRMED && !bk_exam_session_is_free (session) &&
      !progress->paid && bk_exam_session_get_window (session, "payment") != NULL)
    return "payment";
  if (progress->state == BK_APPLICATION_STATE_CONFIRMED && progress->has_ticket &&
      state != BK_APPLICATION_STATE_TICKET_PRINTED)
    return "ticket-printing";
  return NULL;
}

static gboolean
is_day_before_last (const BkExamWindow *window, GDateTime *now)
{
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GDateTime) local_now = NULL;
  int y, m, d, ny, nm, nd;

  if (window->end == NULL || !bk_exam_window_contains (window, now))
    return FALSE;
  /* The last moment inside the window, and the day before it. */
  last = g_date_time_add (window->end, -G_TIME_SPAN_SECOND);
  {
    g_autoptr (GDateTime) day_before = g_date_time_add_days (last, -1);

    g_date_time_get_ymd (day_before, &y, &m, &d);
  }
  local_now = g_date_time_to_timezone (now, g_date_time_get_timezone (window->end));
  g_date_time_get_ymd (local_now, &ny, &nm, &nd);
  return y == ny && m == nm && d == nd;
}

char *
bk_application_reminder_for (BkApplicationState state,
                             const BkApplicationProgress *progress,
                             BkExamSession *session,
                             GDateTime *now,
                             const char **step)
{
  const char *pending;
  const BkExamWindow *window;
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  pending = pending_step (state, progress, session);
  window = pending != NULL ? bk_exam_session_get_window (session, pending) : NULL;
  if (window == NULL || !is_day_before_last (window, now))
    return NULL;
  if (step != NULL)
    *step = pending;

  deadline = bk_format_deadline (window->end);
  if (g_str_equal (pending, "register"))
    /* TRANSLATORS: %s is a date and time, e.g. 2026-04-13 16:00 */
    return g_strdup_printf (_ ("Registration closes at %s: sign the commitment and submit your "
                               "application before then."),
                            deadline);
  if (g_str_equal (pending, "verification"))
    return g_strdup_printf (_ ("Verification closes at %s: add the proofs asked for and upload "
                               "them before then."),
                            deadline);
  if (g_str_equal (pending, "confirmation"))
    return g_strdup_printf (_ ("Confirmation closes at %s: confirm your application before then, "
                               "or it counts as given up."),
                            deadline);
  if (g_str_equal (pending, "payment"))
    return g_strdup_printf (_ ("Payment closes at %s: pay the fee before then; there is no late "
                               "payment."),
                            deadline);
  return g_strdup_printf (_ ("Ticket printing closes at %s: print your admission ticket before "
                             "then."),
                          deadline);
}
