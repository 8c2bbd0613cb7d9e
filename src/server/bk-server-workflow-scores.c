/* bk-server-workflow-scores.c — scores of an application, with core's
 * pass mark and rolling certificate window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-score-outcome.h"
#include "bk-server-workflow-private.h"

/* The passes another application of the candidate's brings: same level
 * and mode, an earlier exam year. */
static void
add_earlier_passes (JsonObject *other, guint level, const char *mode, guint year, GArray *into)
{
  JsonObject *scores = bk_server_workflow_get_object (other, "scores");
  JsonNode *node = scores != NULL ? json_object_get_member (scores, "subjects") : NULL;
  JsonArray *subjects;
  gint64 other_year = bk_server_workflow_get_int (scores, "year", 0);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      bk_server_workflow_get_int (other, "level", 0) != level ||
      g_strcmp0 (bk_server_workflow_get_string (other, "mode"), mode) != 0 || other_year < 1900 ||
      other_year >= year)
    return;
  subjects = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (subjects); i++)
    {
      JsonNode *element = json_array_get_element (subjects, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *score = item != NULL ? json_object_get_member (item, "score") : NULL;
      BkExamResult result = { .year = other_year,
                              .subject = bk_server_workflow_get_int (item, "subject", 0) };

      if (score == NULL || !JSON_NODE_HOLDS_VALUE (score) ||
          !bk_server_workflow_get_bool (item, "passed") ||
          (json_node_get_value_type (score) != G_TYPE_DOUBLE &&
           json_node_get_value_type (score) != G_TYPE_INT64))
        continue;
      result.score = json_node_get_double (score);
      g_array_append_val (into, result);
    }
}

gboolean
bk_server_workflow_publish_scores (JsonObject *application,
                                   BkExamSession *session,
                                   GArray *results,
                                   GPtrArray *earlier,
                                   gint64 now,
                                   BkServerWorkflowRefusal *refusal)
{
  g_autoptr (GArray) all = NULL;
  g_autoptr (BkScoreOutcome) outcome = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) to_sit = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (now);
  const BkExamWindow *exam = bk_exam_session_get_window (session, "exam");
  BkApplicationState state = bk_server_workflow_get_state (application);
  JsonObject *scores;
  JsonArray *list;
  BkExamMode mode;
  guint level;

  g_return_val_if_fail (application != NULL && results != NULL && refusal != NULL, FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);

  if (exam == NULL || exam->end == NULL || g_date_time_compare (when, exam->end) < 0)
    return bk_server_workflow_refuse (refusal, 409, "window_not_open",
                                      "Scores of %s can be imported once its exam is over.",
                                      bk_exam_session_get_id (session));
  if (g_strcmp0 (bk_server_workflow_get_string (
                   bk_server_workflow_get_object (
                     bk_server_workflow_get_object (application, "workflow"), "lapsed"),
                   "code"),
                 "payment_missed") == 0)
    return bk_server_workflow_refuse (refusal, 409, "not_paid",
                                      "The application's fee was never paid: it lapsed when the "
                                      "payment window closed.");
  if (state != BK_APPLICATION_STATE_CONFIRMED && state != BK_APPLICATION_STATE_TICKET_PRINTED &&
      state != BK_APPLICATION_STATE_EXAM_TAKEN && state != BK_APPLICATION_STATE_SCORES_PUBLISHED)
    return bk_server_workflow_refuse (
      refusal, 409, "not_confirmed",
      "The application (state %s) was never confirmed: it has no scores.",
      bk_server_workflow_get_string (application, "state"));
  if (g_strcmp0 (bk_server_workflow_queue (application, session), "payment-due") == 0)
    return bk_server_workflow_refuse (refusal, 409, "not_paid",
                                      "The application's fee was never paid.");
  if (!bk_server_workflow_level_and_mode (application, session, &level, &mode))
    return bk_server_workflow_refuse (refusal, 409, "invalid_application",
                                      "The application names no level and mode of the session.");
  to_sit = bk_exam_session_get_subjects_to_sit (session, level, mode);
  if (results->len != to_sit->len)
    return bk_server_workflow_refuse (refusal, 422, "wrong_subjects",
                                      "Give one score for each subject sat (%u), no more.",
                                      to_sit->len);
  for (guint i = 0; i < results->len; i++)
    {
      BkExamResult *result = &g_array_index (results, BkExamResult, i);
      const BkExamSubject *subject = bk_exam_session_get_subject (session, level, result->subject);
      gboolean sat = FALSE;

      for (guint j = 0; j < to_sit->len; j++)
        sat |= g_array_index (to_sit, guint, j) == result->subject;
      if (!sat || subject == NULL)
        return bk_server_workflow_refuse (refusal, 422, "wrong_subjects",
                                          "Subject %u is not one the candidate sat.",
                                          result->subject);
      if (result->score < 0 || result->score > subject->full_score)
        return bk_server_workflow_refuse (refusal, 422, "invalid_score",
                                          "A score of subject %u must be 0 to %g.", result->subject,
                                          (double) subject->full_score);
      result->year = bk_exam_session_get_exam_year (session);
    }
  all = g_array_copy (results);
  for (guint i = 0; earlier != NULL && i < earlier->len; i++)
    add_earlier_passes (earlier->pdata[i], level,
                        bk_server_workflow_get_string (application, "mode"),
                        bk_exam_session_get_exam_year (session), all);
  outcome = bk_score_outcome_evaluate (session, level, mode, (BkExamResult *) all->data, all->len,
                                       &error);
  if (outcome == NULL)
    return bk_server_workflow_refuse (refusal, 422, "invalid_score", "%s", error->message);

  scores = json_object_new ();
  list = json_array_new ();
  for (guint i = 0; i < results->len; i++)
    {
      BkExamResult *result = &g_array_index (results, BkExamResult, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "subject", result->subject);
      json_object_set_double_member (item, "score", result->score);
      json_object_set_boolean_member (
        item, "passed", bk_score_outcome_is_pass (session, level, result->subject, result->score));
      json_array_add_object_element (list, item);
    }
  json_object_set_int_member (scores, "year", bk_exam_session_get_exam_year (session));
  json_object_set_array_member (scores, "subjects", list);
  json_object_set_int_member (scores, "window_years", outcome->window_years);
  json_object_set_boolean_member (scores, "certificate_earned", outcome->certificate_earned);
  json_object_set_int_member (scores, "certificate_year", outcome->certificate_year);
  list = json_array_new ();
  for (guint i = 0; i < outcome->remaining->len; i++)
    json_array_add_int_element (list, g_array_index (outcome->remaining, guint, i));
  json_object_set_array_member (scores, "remaining", list);
  json_object_set_int_member (scores, "last_year", outcome->last_year);
  /* Every pass that counts, earlier years' included. */
  list = json_array_new ();
  for (guint i = 0; i < outcome->passed->len; i++)
    {
      BkExamResult *result = &g_array_index (outcome->passed, BkExamResult, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "year", result->year);
      json_object_set_int_member (item, "subject", result->subject);
      json_object_set_double_member (item, "score", result->score);
      json_array_add_object_element (list, item);
    }
  json_object_set_array_member (scores, "passes", list);
  json_object_set_object_member (application, "scores", scores);
  /* The ticket step (not yet on the server) would record the states in
   * between; scores say the exam was sat. */
  json_object_set_string_member (
    application, "state", bk_application_state_to_nick (BK_APPLICATION_STATE_SCORES_PUBLISHED));
  return TRUE;
}
