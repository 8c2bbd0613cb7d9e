/* bk-application-progress.c
 *
 * The server writes these members (docs/protocol.md); the client only
 * reads them, so a member it does not know, or one missing, is "not yet"
 * rather than an error: a newer server may write more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-application-progress.h"
#include "bk-core-error.h"

static const struct
{
  const char *code;
  const char *name;
} reasons[] = {
  { "records-verified", N_ ("your records were verified") },
  { "education-not-verified", N_ ("your education could not be verified") },
  { "major-not-qualifying", N_ ("your major does not qualify for this level") },
  { "work-years-short", N_ ("your years of work in metrology are too few") },
  { "work-certificate-missing", N_ ("a work certificate is missing") },
  { "proofs-unreadable", N_ ("the proofs you sent cannot be read") },
  { "identity-not-verified", N_ ("your identity could not be verified") },
  { "integrity-record", N_ ("you are recorded in the exam-integrity file") },
  { "originals-checked", N_ ("your originals were checked at the registration point") },
  { "other", N_ ("see the note from your registration point") },
};

const char *
bk_decision_reason_get_display_name (const char *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].code, reason))
      return _ (reasons[i].name);
  return NULL;
}

void
bk_application_progress_free (BkApplicationProgress *self)
{
  if (self == NULL)
    return;
  g_free (self->route);
  g_free (self->decision);
  g_free (self->decision_reason);
  g_free (self->decision_text);
  g_clear_pointer (&self->decided_at, g_date_time_unref);
  g_clear_pointer (&self->confirmed_at, g_date_time_unref);
  g_free (self->receipt);
  g_clear_pointer (&self->paid_at, g_date_time_unref);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->passes, g_array_unref);
  g_free (self);
}

static JsonObject *
object_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
             json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

static gint64
int_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static double
number_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0;
}

static gboolean
bool_member (JsonObject *o, const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* In China Standard Time, as the session's windows are written and shown. */
static GDateTime *
time_member (JsonObject *o, const char *name)
{
  const char *text = string_member (o, name);
  g_autoptr (GDateTime) t = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr (GTimeZone) china = g_time_zone_new_offset (8 * 3600);

  return t != NULL ? g_date_time_to_timezone (t, china) : NULL;
}

static void
read_decision (BkApplicationProgress *self, JsonObject *application)
{
  JsonArray *decisions = array_member (application, "decisions");
  guint n = decisions != NULL ? json_array_get_length (decisions) : 0;
  JsonNode *last = n > 0 ? json_array_get_element (decisions, n - 1) : NULL;
  JsonObject *o = last != NULL && JSON_NODE_HOLDS_OBJECT (last) ? json_node_get_object (last)
                                                                : NULL;
  const char *text = string_member (o, "text");

  if (o == NULL)
    return;
  self->decision = g_strdup (string_member (o, "decision"));
  self->decision_reason = g_strdup (string_member (o, "reason"));
  self->decision_text = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  self->decided_at = time_member (o, "at");
}

static void
read_scores (BkApplicationProgress *self, JsonObject *application)
{
  JsonObject *scores = object_member (application, "scores");
  JsonArray *subjects = array_member (scores, "subjects");
  JsonArray *passes = array_member (scores, "passes");

  if (scores == NULL || subjects == NULL)
    return;
  self->scores_year = (guint) int_member (scores, "year");
  for (guint i = 0; i < json_array_get_length (subjects); i++)
    {
      JsonNode *node = json_array_get_element (subjects, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BkSubjectScore score = { (guint) int_member (o, "subject"), number_member (o, "score"),
                               bool_member (o, "passed") };

      if (o != NULL)
        g_array_append_val (self->scores, score);
    }
  for (guint i = 0; passes != NULL && i < json_array_get_length (passes); i++)
    {
      JsonNode *node = json_array_get_element (passes, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BkExamResult pass = { (guint) int_member (o, "year"), (guint) int_member (o, "subject"),
                            number_member (o, "score") };

      if (o != NULL)
        g_array_append_val (self->passes, pass);
    }
}

BkApplicationProgress *
bk_application_progress_new_from_json (const char *json, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (BkApplicationProgress) self = g_new0 (BkApplicationProgress, 1);
  JsonObject *application, *workflow, *payment;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);

  self->scores = g_array_new (FALSE, FALSE, sizeof (BkSubjectScore));
  self->passes = g_array_new (FALSE, FALSE, sizeof (BkExamResult));
  root = json_parser_load_from_data (parser, json, -1, NULL) ? json_parser_get_root (parser) : NULL;
  application = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (application == NULL ||
      !bk_application_state_from_nick (string_member (application, "state"), &self->state))
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The server’s copy of the application cannot be read. Sync again; "
                              "if this stays, contact your registration point."));
      return NULL;
    }

  self->route = g_strdup (string_member (object_member (application, "verdict"), "route"));
  workflow = object_member (application, "workflow");
  self->spot_check_drawn = bool_member (workflow, "spot_check_drawn");
  self->proofs_requested = bool_member (workflow, "proofs_requested");
  self->confirmed_at = time_member (workflow, "confirmed_at");
  payment = object_member (workflow, "payment");
  if (payment != NULL)
    {
      self->paid = TRUE;
      self->paid_fen = (guint64) int_member (payment, "amount_fen");
      self->receipt = g_strdup (string_member (payment, "receipt"));
      self->paid_at = time_member (payment, "paid_at");
    }
  self->has_ticket = object_member (application, "ticket") != NULL;
  read_decision (self, application);
  read_scores (self, application);
  return g_steal_pointer (&self);
}

gboolean
bk_application_progress_wants_proofs (const BkApplicationProgress *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->state)
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
        return g_strcmp0 (self->route, "proofs") == 0;
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return TRUE;
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        /* Staff asked for more; cleared once proofs arrived. */
        return self->proofs_requested;
      default:
        return FALSE;
    }
}

gboolean
bk_application_progress_can_confirm (const BkApplicationProgress *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->state)
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        return !self->spot_check_drawn;
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return TRUE;
      default:
        return FALSE;
    }
}

char *
bk_application_progress_describe_decision (const BkApplicationProgress *self)
{
  const char *reason;
  g_autofree char *sentence = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->decision == NULL)
    return NULL;
  reason = self->decision_reason != NULL
             ? bk_decision_reason_get_display_name (self->decision_reason)
             : NULL;
  if (reason == NULL)
    reason = _ ("no reason was given");

  if (g_str_equal (self->decision, "pass"))
    /* TRANSLATORS: %s is a reason, e.g. "your records were verified" */
    sentence = g_strdup_printf (_ ("Your application passed the check: %s. The next step "
                                   "is shown at the top of this page."),
                                reason);
  else if (g_str_equal (self->decision, "fail") &&
           self->state == BK_APPLICATION_STATE_SPOT_CHECK_FAILED)
    sentence = g_strdup_printf (_ ("Your application did not pass the spot check: %s. Upload "
                                   "the proofs asked for below."),
                                reason);
  else if (g_str_equal (self->decision, "fail"))
    sentence = g_strdup_printf (_ ("Your application was not accepted: %s. If you think this is "
                                   "wrong, contact your registration point."),
                                reason);
  else if (bk_application_progress_wants_proofs (self))
    sentence = g_strdup_printf (_ ("Your registration point asks for more proofs: %s. Add them "
                                   "below and upload them."),
                                reason);
  else
    sentence = g_strdup_printf (_ ("Your registration point asked for more proofs: %s. They "
                                   "have arrived; your registration point looks at them next."),
                                reason);

  if (self->decision_text == NULL)
    return g_steal_pointer (&sentence);
  /* TRANSLATORS: the first %s is the decision's sentence, the second the
   * staff's own note, shown as they wrote it */
  return g_strdup_printf (_ ("%s Note from your registration point: “%s”"), sentence,
                          self->decision_text);
}

char *
bk_application_progress_describe_news (const BkApplicationProgress *before,
                                       const BkApplicationProgress *after)
{
  g_return_val_if_fail (after != NULL, NULL);

  if (after->scores_year != 0 && (before == NULL || before->scores_year != after->scores_year))
    return g_strdup (_ ("Your scores are published. Open Baokao to see them and what is left "
                        "to pass."));
  if (after->has_ticket && (before == NULL || !before->has_ticket))
    return g_strdup (_ ("Your admission ticket is ready. Open Baokao to print it."));
  if (after->decided_at != NULL && (before == NULL || before->decided_at == NULL ||
                                    !g_date_time_equal (before->decided_at, after->decided_at)))
    return bk_application_progress_describe_decision (after);
  if (before != NULL && before->state == after->state)
    return NULL;
  switch (after->state)
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
        return g_strdup (_ ("Your application passed the automatic check. Open Baokao to see "
                            "the next step."));
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return g_strdup (_ ("Your application needs proofs. Open Baokao to add and send them."));
      case BK_APPLICATION_STATE_LAPSED:
        return g_strdup (_ ("Your application could not be checked. Open Baokao to see why."));
      case BK_APPLICATION_STATE_CONFIRMED:
        return g_strdup (_ ("Your confirmation is recorded. Open Baokao to see the fee and the "
                            "next step."));
      default:
        return before != NULL ? g_strdup (_ ("Your application has moved on. Open Baokao to see "
                                             "where it stands."))
                              : NULL;
    }
}

BkScoreOutcome *
bk_application_progress_evaluate_scores (const BkApplicationProgress *self,
                                         BkExamSession *session,
                                         guint level,
                                         BkExamMode mode,
                                         GError **error)
{
  g_autoptr (GArray) results = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), NULL);

  if (self->scores_year == 0)
    return NULL;
  results = g_array_new (FALSE, FALSE, sizeof (BkExamResult));
  /* This year's every score (a fail counts for the window too) and the
   * passes of earlier years the server counted. */
  for (guint i = 0; i < self->scores->len; i++)
    {
      const BkSubjectScore *s = &g_array_index (self->scores, BkSubjectScore, i);
      BkExamResult r = { self->scores_year, s->subject, s->score };

      g_array_append_val (results, r);
    }
  for (guint i = 0; i < self->passes->len; i++)
    if (g_array_index (self->passes, BkExamResult, i).year != self->scores_year)
      g_array_append_val (results, g_array_index (self->passes, BkExamResult, i));
  return bk_score_outcome_evaluate (session, level, mode, (const BkExamResult *) results->data,
                                    results->len, error);
}
