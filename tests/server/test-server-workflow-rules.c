/* test-server-workflow-rules.c — the workflow's pure rules, without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-workflow.h"

#define APP_1 "00000000-0000-4000-8000-000000000001"
#define APP_3 "00000000-0000-4000-8000-000000000003"

static void
test_parse_yuan (void)
{
  static const struct
  {
    const char *text;
    guint64 fen;
  } good[] = { { "208", 20800 }, { "208.5", 20850 }, { "208.05", 20805 }, { "0", 0 } };
  static const char *const bad[] = { "", ".5", "5.", "1.234", "-1", "1e3", "abc", "1.2.3", " 5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint64 fen = 1;

      g_assert_true (bk_server_workflow_parse_yuan (good[i].text, &fen));
      g_assert_cmpuint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint64 fen = 0;

      g_assert_false (bk_server_workflow_parse_yuan (bad[i], &fen));
    }
}

static void
test_spot_check_draw (void)
{
  /* SHA-256("7:" APP_1) gives 83 and "7:" APP_3 gives 31 (mod 100), as
   * docs/protocol.md's Python line computes them. */
  g_assert_false (bk_server_workflow_spot_check_drawn (7, 50, APP_1));
  g_assert_true (bk_server_workflow_spot_check_drawn (7, 84, APP_1));
  g_assert_true (bk_server_workflow_spot_check_drawn (7, 50, APP_3));
  g_assert_false (bk_server_workflow_spot_check_drawn (7, 31, APP_3));
  g_assert_false (bk_server_workflow_spot_check_drawn (7, 0, APP_3));
  g_assert_true (bk_server_workflow_spot_check_drawn (7, 100, APP_1));
}

static JsonObject *
application (const char *json)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static gint64
unix_time (const char *iso)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static void
test_windows (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", &error);
  BkServerWorkflowRefusal refusal = { 0 };

  g_assert_no_error (error);
  g_assert_false (bk_server_workflow_check_window (
    session, "confirmation", unix_time ("2026-04-17T09:59:59+08:00"), &refusal));
  g_assert_cmpstr (refusal.code, ==, "window_not_open");
  g_assert_cmpstr (refusal.opens_at, ==, "2026-04-17T10:00:00+08");
  g_assert_cmpstr (refusal.closes_at, ==, "2026-04-18T16:00:00+08");
  bk_server_workflow_refusal_clear (&refusal);
  g_assert_true (bk_server_workflow_check_window (
    session, "confirmation", unix_time ("2026-04-17T10:00:00+08:00"), &refusal));
  /* The end is exclusive: 16:00 is closed. */
  g_assert_false (bk_server_workflow_check_window (
    session, "confirmation", unix_time ("2026-04-18T16:00:00+08:00"), &refusal));
  g_assert_cmpstr (refusal.code, ==, "window_closed");
  bk_server_workflow_refusal_clear (&refusal);
  g_assert_false (bk_server_workflow_check_window (session, "payment", 0, &refusal));
  g_assert_cmpstr (refusal.code, ==, "no_window");
  bk_server_workflow_refusal_clear (&refusal);
}

static void
test_submission_outside_window_lapses (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", &error);
  g_autoptr (JsonObject) app = application (
    "{\"id\": \"" APP_1 "\", \"state\": \"submitted\", \"level\": 2, \"mode\": \"all\", "
    "\"point_code\": \"2916\", \"commitment\": \"yes\"}");
  BkServerWorkflowFacts facts = {
    .session = session,
    .submitted_at = unix_time ("2026-04-13T16:00:00+08:00"),
    .spot_check_rate = 100,
  };

  g_assert_no_error (error);
  g_date_clear (&facts.integrity_until, 1);
  g_assert_true (bk_server_workflow_needs_advance (app));
  g_assert_true (bk_server_workflow_advance (app, &facts, facts.submitted_at, NULL));
  g_assert_cmpstr (bk_server_workflow_get_string (app, "state"), ==, "lapsed");
  g_assert_cmpstr (
    bk_server_workflow_get_string (json_object_get_object_member (app, "verdict"), "code"), ==,
    "window_closed");
  g_assert_false (bk_server_workflow_needs_advance (app));
  /* Nothing further moves it. */
  g_assert_false (bk_server_workflow_advance (app, &facts, facts.submitted_at, NULL));
}

static void
test_decision_needs_a_queue (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", &error);
  g_autoptr (JsonObject) app = application (
    "{\"id\": \"" APP_1 "\", \"state\": \"automatic-check-passed\", \"commitment\": \"yes\", "
    "\"workflow\": {\"spot_check_drawn\": false}}");
  BkServerWorkflowFacts facts = { .session = session };
  BkServerWorkflowRefusal refusal = { 0 };

  g_assert_no_error (error);
  g_assert_null (bk_server_workflow_queue (app, session));
  g_assert_false (bk_server_workflow_decide (app, &facts, "pass", "records-verified", NULL, "staff",
                                             unix_time ("2026-04-15T12:00:00+08:00"), &refusal));
  g_assert_cmpuint (refusal.status, ==, 409);
  g_assert_cmpstr (refusal.code, ==, "not_awaiting_decision");
  bk_server_workflow_refusal_clear (&refusal);
  g_assert_cmpstr (bk_server_workflow_get_string (app, "state"), ==, "automatic-check-passed");
  g_assert_false (json_object_has_member (app, "decisions"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/workflow/parse-yuan", test_parse_yuan);
  g_test_add_func ("/server/workflow/spot-check-draw", test_spot_check_draw);
  g_test_add_func ("/server/workflow/windows", test_windows);
  g_test_add_func ("/server/workflow/submission-outside-window-lapses",
                   test_submission_outside_window_lapses);
  g_test_add_func ("/server/workflow/decision-needs-a-queue", test_decision_needs_a_queue);
  return g_test_run ();
}
