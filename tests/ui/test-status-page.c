/* test-status-page.c — the Status step says where the application stands
 * at the time shown, not only what its state is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-clock.h"
#include "bk-status-page.h"
#include "bk-step-page.h"
#include "bk-test-widgets.h"

static char *
page_text_at (BkExamApplication *application, const char *iso)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);
  GtkWidget *page = g_object_new (BK_TYPE_STATUS_PAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GString *out = g_string_new (NULL);

  bk_clock_set_now (now);
  gtk_window_set_child (GTK_WINDOW (window), page);
  bk_step_page_set_application (BK_STEP_PAGE (page), application);
  bk_test_collect_texts (page, out);
  gtk_window_destroy (GTK_WINDOW (window));
  bk_clock_set_now (NULL);
  return g_string_free (out, FALSE);
}

/* Issue 8: a draft past the registration window still said "You are here"
 * and "submit it before registration closes". */
static void
test_draft_after_registration (void)
{
  g_autoptr (BkExamApplication)
    application = bk_exam_application_new ("profile", "shanghai-2026", 2, BK_EXAM_MODE_ALL);
  g_autofree char *open = page_text_at (application, "2026-04-08T10:00:00+08:00");
  g_autofree char *closed = page_text_at (application, "2026-05-01T10:00:00+08:00");

  g_test_message ("open:\n%s\nclosed:\n%s", open, closed);
  g_assert_nonnull (strstr (open, "You are here"));
  g_assert_nonnull (strstr (open, "submit it before registration closes"));

  g_assert_null (strstr (closed, "You are here"));
  g_assert_null (strstr (closed, "submit it before registration closes"));
  g_assert_nonnull (strstr (closed, "Registration closed"));
  g_assert_nonnull (strstr (closed, "later exam session"));
}

/* Submitted, verification closed, no verdict yet: ask the point. */
static void
test_verdict_overdue (void)
{
  g_autoptr (BkExamApplication)
    application = bk_exam_application_new ("profile", "shanghai-2026", 2, BK_EXAM_MODE_ALL);
  g_autofree char *text = NULL;

  bk_exam_application_set_point_code (application, "2916");
  bk_exam_application_restore (application, BK_COMMITMENT_YES, NULL, BK_APPLICATION_STATE_SUBMITTED,
                               NULL);
  text = page_text_at (application, "2026-04-20T10:00:00+08:00");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "no result has arrived yet"));
  g_assert_nonnull (strstr (text, "Contact your registration point"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/status-page/draft-after-registration", test_draft_after_registration);
  g_test_add_func ("/ui/status-page/verdict-overdue", test_verdict_overdue);

  return g_test_run ();
}
