/* test-status-page.c — the Status step says where the application stands
 * at the time shown, not only what its state is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-clock.h"
#include "bk-i18n.h"
#include "bk-status-page.h"
#include "bk-step-page.h"
#include "bk-test-widgets.h"

/* GNU gettext caches translations: a program that changes LANGUAGE says so. */
extern int _nl_msg_cat_cntr;

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

/* The fee of a Liaoning 2020 level 1 application, as the server's copy in
 * the store says: due and not paid, then paid, in yuan as each language
 * writes it. */
static char *
fee_text (BkStore *store,
          BkExamApplication *application,
          const char *workflow,
          const char *language,
          const char *expected)
{
  gint64 until;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_remote_change_free);
  g_autofree char *payload = g_strdup_printf (
    "{\"id\":\"%s\",\"state\":\"confirmed\",\"session_id\":\"liaoning-2020\",\"level\":1,"
    "\"mode\":\"all\",\"workflow\":%s}",
    bk_exam_application_get_id (application), workflow);
  static gint64 version = 5;
  GtkWidget *page, *window;
  GString *out = g_string_new (NULL);

  g_ptr_array_add (changes,
                   bk_remote_change_new ("application", bk_exam_application_get_id (application),
                                         "update", version++, payload));
  g_assert_true (bk_store_apply_pulled (store, NULL, changes, version, &error));
  g_assert_no_error (error);

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  page = g_object_new (BK_TYPE_STATUS_PAGE, NULL);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), page);
  bk_step_page_set_application (BK_STEP_PAGE (page), application);
  bk_status_page_set_sync (BK_STATUS_PAGE (page), store, NULL);
  /* The page reads the store off the main thread. */
  until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_string_truncate (out, 0);
      g_main_context_iteration (NULL, FALSE);
      bk_test_collect_texts (page, out);
    }
  while (strstr (out->str, expected) == NULL && g_get_monotonic_time () < until);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
  return g_string_free (out, FALSE);
}

static void
test_fee (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baokao-test-status-fee-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "baokao.db", NULL);
  g_autoptr (BkStore) store = bk_store_open (path, &error);
  g_autoptr (BkExamApplication)
    application = bk_exam_application_new ("profile", "liaoning-2020", 1, BK_EXAM_MODE_ALL);
  g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 ("2020-08-20T09:00:00+08:00", NULL);
  const char *paid = "{\"confirmed_at\":\"2020-08-15T10:00:00+08:00\",\"payment\":{\"receipt\":"
                     "\"LN-0002\",\"amount_fen\":21500,\"paid_at\":\"2020-08-20T10:00:00+08:00\"}}";
  g_autofree char *due = NULL;
  g_autofree char *done = NULL;
  g_autofree char *done_zh = NULL;

  g_assert_no_error (error);
  bk_clock_set_now (now);
  bk_exam_application_restore (application, BK_COMMITMENT_YES, NULL, BK_APPLICATION_STATE_CONFIRMED,
                               NULL);
  due = fee_text (store, application, "{\"confirmed_at\":\"2020-08-15T10:00:00+08:00\"}", NULL,
                  "not paid yet");
  done = fee_text (store, application, paid, NULL, "paid on");
  done_zh = fee_text (store, application, paid, "zh_CN", "缴纳");
  bk_clock_set_now (NULL);
  g_test_message ("due:\n%s\npaid:\n%s\n%s", due, done, done_zh);

  g_assert_nonnull (strstr (due, "CNY 215.00, not paid yet"));
  g_assert_nonnull (strstr (due, "2020-08-26 24:00"));
  g_assert_nonnull (strstr (done, "CNY 215.00, paid on 2020-08-20 10:00 (receipt LN-0002)"));
  g_assert_nonnull (strstr (done_zh, "215.00元，已于2020年8月20日 10:00缴纳（收据号 LN-0002）"));

  g_clear_object (&store);
  g_spawn_sync (NULL, (char *[]){ "rm", "-rf", "--", dir, NULL }, NULL, G_SPAWN_SEARCH_PATH, NULL,
                NULL, NULL, NULL, NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  bk_i18n_init ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/status-page/draft-after-registration", test_draft_after_registration);
  g_test_add_func ("/ui/status-page/verdict-overdue", test_verdict_overdue);
  g_test_add_func ("/ui/status-page/fee", test_fee);

  return g_test_run ();
}
