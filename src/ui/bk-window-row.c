/* bk-window-row.c — one window of a session (registration, payment, …) as a
 * row: its dates, whether it is open, and what missing it means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-state.h"
#include "bk-clock.h"
#include "bk-format.h"
#include "bk-rows.h"
#include "bk-window-row.h"

GtkWidget *
bk_window_row_new (const BkExamWindow *window, GDateTime *now)
{
  GtkWidget *row = bk_rows_new_plain ();
  g_autofree char *start = bk_format_date_time (window->start);
  /* The source gives no end for some windows (Liaoning's scores). */
  g_autofree char *end = window->end != NULL ? bk_format_deadline (window->end) : NULL;
  gboolean not_yet = g_date_time_compare (now, window->start) < 0;
  gboolean over = window->end != NULL && g_date_time_compare (now, window->end) >= 0;
  g_autofree char *relative = NULL;
  const char *missed = bk_application_state_describe_missed_window (window->step);
  g_autofree char *range = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (window != NULL && now != NULL, NULL);

  if (not_yet)
    relative = bk_clock_describe_relative (window->start);
  else if (window->end != NULL)
    relative = bk_clock_describe_deadline (window->end);
  /* TRANSLATORS: when a window opens or closes, e.g. "Open now; closes in
   * 6 days (2026-04-14 16:00)" */
  when = not_yet    ? g_strdup_printf (_ ("Opens %s"), relative)
         : over     ? g_strdup_printf (_ ("Closed %s"), relative)
         : relative ? g_strdup_printf (_ ("Open now; closes %s"), relative)
                    : g_strdup (_ ("Open now"));
  if (end != NULL)
    /* TRANSLATORS: a window's start and end */
    range = g_strdup_printf (_ ("%s – %s"), start, end);
  else
    /* TRANSLATORS: a window with no end given: "From 2020-12-01 09:00" */
    range = g_strdup_printf (_ ("From %s"), start);
  subtitle = g_strdup_printf ("%s\n%s%s%s", range, when, missed != NULL ? "\n" : "",
                              missed != NULL ? missed : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 bk_exam_window_get_step_name (window->step));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (bk_exam_window_contains (window, now))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("media-record-symbolic"));
  return row;
}
