/* bk-server-workflow.c
 *
 * The state diagram is core's (bk-application-state.h); every move here
 * is checked with bk_application_state_can_transition(). See the
 * "Workflow" section of docs/protocol.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "bk-eligibility.h"
#include "bk-server-workflow-private.h"

const char *const bk_server_workflow_queues[BK_SERVER_WORKFLOW_N_QUEUES + 1] = {
  "manual-verification", "proofs-received", "on-site", "spot-check", "payment-due", NULL,
};

const char *const bk_server_workflow_reasons[] = {
  "records-verified",         /* the records and proofs agree */
  "education-not-verified",   /* the education could not be verified */
  "major-not-qualifying",     /* the major or discipline does not qualify */
  "work-years-short",         /* not enough (metrology) work */
  "work-certificate-missing", /* no or an unusable work certificate */
  "proofs-unreadable",        /* the proofs cannot be read */
  "identity-not-verified",    /* the identity document could not be verified */
  "integrity-record",         /* recorded in the exam-integrity file */
  "originals-checked",        /* originals seen on site */
  "other",                    /* the text says what */
  NULL,
};

void
bk_server_workflow_refusal_clear (BkServerWorkflowRefusal *refusal)
{
  g_clear_pointer (&refusal->message, g_free);
  g_clear_pointer (&refusal->opens_at, g_free);
  g_clear_pointer (&refusal->closes_at, g_free);
}

char *
bk_server_workflow_refusal_to_json (const BkServerWorkflowRefusal *refusal)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, refusal->code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, refusal->message);
  if (refusal->opens_at != NULL)
    {
      json_builder_set_member_name (builder, "opens_at");
      json_builder_add_string_value (builder, refusal->opens_at);
    }
  if (refusal->closes_at != NULL)
    {
      json_builder_set_member_name (builder, "closes_at");
      json_builder_add_string_value (builder, refusal->closes_at);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
bk_server_workflow_refuse (
  BkServerWorkflowRefusal *refusal, guint status, const char *code, const char *format, ...)
{
  va_list args;

  refusal->status = status;
  refusal->code = code;
  va_start (args, format);
  refusal->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

char *
bk_server_workflow_iso_time (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format_iso8601 (time);
}

const char *
bk_server_workflow_get_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
bk_server_workflow_get_object (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The server's bookkeeping member, made when missing. */
JsonObject *
bk_server_workflow_of (JsonObject *application)
{
  JsonObject *workflow = bk_server_workflow_get_object (application, "workflow");

  if (workflow == NULL)
    {
      workflow = json_object_new ();
      json_object_set_object_member (application, "workflow", workflow);
    }
  return workflow;
}

gint64
bk_server_workflow_get_int (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

gboolean
bk_server_workflow_get_bool (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

BkApplicationState
bk_server_workflow_get_state (JsonObject *application)
{
  BkApplicationState state = BK_APPLICATION_STATE_DRAFT;

  g_return_val_if_fail (application != NULL, BK_APPLICATION_STATE_DRAFT);
  if (!bk_application_state_from_nick (bk_server_workflow_get_string (application, "state"),
                                       &state))
    return BK_APPLICATION_STATE_DRAFT;
  return state;
}

BkCommitment
bk_server_workflow_get_commitment (JsonObject *application)
{
  BkCommitment commitment = BK_COMMITMENT_UNSET;

  if (!bk_commitment_from_nick (bk_server_workflow_get_string (application, "commitment"),
                                &commitment))
    return BK_COMMITMENT_UNSET;
  return commitment;
}

/* Moves the state along core's diagram; FALSE (nothing changed) when
 * core does not allow it. */
static gboolean
move (JsonObject *application, BkApplicationState to)
{
  BkApplicationState from = bk_server_workflow_get_state (application);

  if (!bk_application_state_can_transition (from, to,
                                            bk_server_workflow_get_commitment (application)))
    return FALSE;
  json_object_set_string_member (application, "state", bk_application_state_to_nick (to));
  return TRUE;
}

gboolean
bk_server_workflow_spot_check_drawn (guint64 seed, guint rate, const char *application_id)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *text = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  guint64 value = 0;

  g_return_val_if_fail (application_id != NULL, FALSE);

  text = g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", seed, application_id);
  g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 0; i < 8; i++)
    value = (value << 8) | digest[i];
  return value % 100 < rate;
}

static gboolean
session_has_window (BkExamSession *session, const char *step)
{
  return session != NULL && bk_exam_session_get_window (session, step) != NULL;
}

/* A passed check: drawn for the spot-check review or not (only where the
 * session has that review). */
static void
draw_spot_check (JsonObject *application, const BkServerWorkflowFacts *facts)
{
  JsonObject *workflow = bk_server_workflow_of (application);
  gboolean drawn =
    session_has_window (facts->session, "spot-check-review") &&
    bk_server_workflow_spot_check_drawn (facts->spot_check_seed, facts->spot_check_rate,
                                         bk_server_workflow_get_string (application, "id"));

  json_object_set_boolean_member (workflow, "spot_check_drawn", drawn);
}

gboolean
bk_server_workflow_check_window (BkExamSession *session,
                                 const char *step,
                                 gint64 now,
                                 BkServerWorkflowRefusal *refusal)
{
  const BkExamWindow *window;
  g_autoptr (GDateTime) when = NULL;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (step != NULL && refusal != NULL, FALSE);

  window = bk_exam_session_get_window (session, step);
  if (window == NULL)
    return bk_server_workflow_refuse (
      refusal, 409, "no_window",
      "The session %s has no %s window: this step does not happen in it.",
      bk_exam_session_get_id (session), step);
  when = g_date_time_new_from_unix_utc (now);
  if (bk_exam_window_contains (window, when))
    return TRUE;
  refusal->opens_at = g_date_time_format_iso8601 (window->start);
  refusal->closes_at = window->end != NULL ? g_date_time_format_iso8601 (window->end) : NULL;
  if (g_date_time_compare (when, window->start) < 0)
    return bk_server_workflow_refuse (refusal, 409, "window_not_open",
                                      "The %s window of %s opens at %s: try again then.", step,
                                      bk_exam_session_get_id (session), refusal->opens_at);
  return bk_server_workflow_refuse (refusal, 409, "window_closed",
                                    "The %s window of %s closed at %s: there is no late %s.", step,
                                    bk_exam_session_get_id (session), refusal->closes_at, step);
}

/* The point named is one of the session's (Liaoning's have no codes:
 * their names), as bk_submission_submit() checks it. */
static gboolean
point_known (BkExamSession *session, const char *chosen)
{
  GPtrArray *points = bk_exam_session_get_points (session);

  for (guint i = 0; chosen != NULL && i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->code, chosen) == 0 || g_strcmp0 (point->name, chosen) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A submission the server cannot accept: the registration did not succeed. */
static gboolean
lapse (JsonObject *application, JsonObject *verdict, const char *code, const char *reason)
{
  JsonArray *reasons = json_array_new ();

  json_array_add_string_element (reasons, reason);
  json_object_set_boolean_member (verdict, "eligible", FALSE);
  json_object_set_string_member (verdict, "code", code);
  json_object_set_array_member (verdict, "reasons", reasons);
  json_object_set_null_member (verdict, "route");
  return move (application, BK_APPLICATION_STATE_LAPSED);
}

/* Recorded in the exam-integrity file on the day of the submission. */
static gboolean
in_integrity_file (const BkServerWorkflowFacts *facts)
{
  const BkExamWindow *window = bk_exam_session_get_window (facts->session, "register");
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (facts->submitted_at);
  g_autoptr (GDateTime) local = NULL;
  GDate day;

  if (!g_date_valid (&facts->integrity_until) || window == NULL)
    return FALSE;
  /* The day in the session's zone (its windows carry it). */
  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (window->start));
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_compare (&day, &facts->integrity_until) <= 0;
}

/* As the application checks before it lets a candidate submit: with
 * *@message saying what is missing when not. */
static gboolean
profile_complete (BkProfile *profile, char **message)
{
  g_autoptr (GPtrArray) missing = NULL;
  g_autofree char *list = NULL;

  if (bk_profile_get_completeness (profile, &missing) == 100)
    return TRUE;
  g_ptr_array_add (missing, NULL);
  list = g_strjoinv (", ", (char **) missing->pdata);
  *message = g_strdup_printf ("The profile is not complete (missing: %s): complete it and "
                              "submit a new application.",
                              list);
  return FALSE;
}

static gboolean
automatic_check (JsonObject *application,
                 const BkServerWorkflowFacts *facts,
                 gint64 now,
                 GString *detail)
{
  g_autoptr (JsonObject) verdict = json_object_new ();
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  g_autoptr (BkEligibilityVerdict) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *checked_at = bk_server_workflow_iso_time (now);
  BkServerWorkflowRefusal refusal = { 0 };
  BkCommitment commitment = bk_server_workflow_get_commitment (application);
  BkExamMode mode = BK_EXAM_MODE_ALL;
  gint64 level = bk_server_workflow_get_int (application, "level", 0);
  g_autofree char *incomplete = NULL;
  BkApplicationState to;
  gboolean moved = FALSE;

  if (!bk_server_workflow_check_window (facts->session, "register", facts->submitted_at, &refusal))
    {
      moved = lapse (application, verdict, refusal.code, refusal.message);
      bk_server_workflow_refusal_clear (&refusal);
    }
  else if (!point_known (facts->session, bk_server_workflow_get_string (application, "point_code")))
    moved = lapse (application, verdict, "unknown_point",
                   "The registration point is not one of the session's.");
  else if ((level != 1 && level != 2) ||
           !bk_exam_session_has_level (facts->session, (guint) level) ||
           !bk_exam_mode_from_nick (bk_server_workflow_get_string (application, "mode"), &mode) ||
           commitment == BK_COMMITMENT_UNSET || facts->profile == NULL)
    moved = lapse (application, verdict, "invalid_application",
                   "The application names no level, mode, commitment choice or profile the "
                   "session accepts.");
  else if (!profile_complete (facts->profile, &incomplete))
    moved = lapse (application, verdict, "profile_incomplete", incomplete);
  else
    {
      eligibility_case = bk_profile_to_eligibility_case (
        facts->profile, bk_exam_session_get_id (facts->session), level, mode);
      eligibility_case->integrity_record = in_integrity_file (facts);
      result = bk_eligibility_evaluate (facts->session, eligibility_case, &error);
    }
  if (eligibility_case != NULL && result == NULL)
    moved = lapse (application, verdict, "invalid_application", error->message);
  else if (result != NULL)
    {
      node = bk_eligibility_verdict_to_json (result);
      json_object_unref (verdict);
      verdict = json_object_ref (json_node_get_object (node));
      json_object_set_string_member (verdict, "route",
                                     bk_verification_route_to_nick (result->verification));

      /* Commitment: a pass with nothing left to check; otherwise proofs
       * (or originals on site) for a manual check. */
      if (commitment == BK_COMMITMENT_NO)
        to = BK_APPLICATION_STATE_PROOFS_SUBMITTED;
      else if (result->eligible && result->commitment_allowed &&
               result->verification == BK_VERIFICATION_ROUTE_AUTOMATIC)
        to = BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED;
      else
        to = BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED;
      moved = move (application, to);
      if (to == BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED)
        draw_spot_check (application, facts);
      if (to == BK_APPLICATION_STATE_PROOFS_SUBMITTED)
        json_object_set_int_member (bk_server_workflow_of (application), "proof_mark",
                                    facts->proof_mark);
    }
  json_object_set_string_member (verdict, "checked_at", checked_at);
  json_object_set_object_member (application, "verdict", json_object_ref (verdict));
  if (detail != NULL)
    g_string_append_printf (detail, "automatic check: %s",
                            bk_server_workflow_get_string (application, "state"));
  return moved;
}

static const char *
route_of (JsonObject *application)
{
  return bk_server_workflow_get_string (bk_server_workflow_get_object (application, "verdict"),
                                        "route");
}

gboolean
bk_server_workflow_needs_advance (JsonObject *application)
{
  switch (bk_server_workflow_get_state (application))
    {
      case BK_APPLICATION_STATE_SUBMITTED:
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return TRUE;
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        return bk_server_workflow_get_bool (bk_server_workflow_get_object (application, "workflow"),
                                            "proofs_requested");
      default:
        return FALSE;
    }
}

/* Proofs pushed after the server asked for them (after a failed automatic
 * check or spot check, or a staff's "more proofs needed"). */
static gboolean
proofs_received (JsonObject *application, const BkServerWorkflowFacts *facts, GString *detail)
{
  BkApplicationState state = bk_server_workflow_get_state (application);
  JsonObject *workflow = bk_server_workflow_get_object (application, "workflow");
  gboolean on_site = g_strcmp0 (route_of (application), "on-site") == 0;

  if (facts->proof_mark <= bk_server_workflow_get_int (workflow, "proof_mark", 0))
    return FALSE;
  if ((state == BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED && !on_site) ||
      state == BK_APPLICATION_STATE_SPOT_CHECK_FAILED)
    {
      if (!move (application, BK_APPLICATION_STATE_PROOFS_SUBMITTED))
        return FALSE;
    }
  else if (state != BK_APPLICATION_STATE_PROOFS_SUBMITTED ||
           !bk_server_workflow_get_bool (workflow, "proofs_requested"))
    return FALSE;
  workflow = bk_server_workflow_of (application);
  json_object_set_int_member (workflow, "proof_mark", facts->proof_mark);
  json_object_set_boolean_member (workflow, "proofs_requested", FALSE);
  if (detail != NULL)
    g_string_append (detail, detail->len > 0 ? ", proofs received" : "proofs received");
  return TRUE;
}

gboolean
bk_server_workflow_advance (JsonObject *application,
                            const BkServerWorkflowFacts *facts,
                            gint64 now,
                            GString *detail)
{
  gboolean moved = FALSE;

  g_return_val_if_fail (application != NULL && facts != NULL, FALSE);

  if (facts->session == NULL)
    return FALSE; /* checked once the admin adds the session */
  if (bk_server_workflow_get_state (application) == BK_APPLICATION_STATE_SUBMITTED)
    moved = automatic_check (application, facts, now, detail);
  /* Proofs pushed before the submission count at once. */
  return proofs_received (application, facts, detail) || moved;
}

const char *
bk_server_workflow_queue (JsonObject *application, BkExamSession *session)
{
  JsonObject *workflow;
  gboolean on_site;

  g_return_val_if_fail (application != NULL, NULL);

  workflow = bk_server_workflow_get_object (application, "workflow");
  on_site = g_strcmp0 (route_of (application), "on-site") == 0;
  switch (bk_server_workflow_get_state (application))
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
        return on_site ? "on-site" : NULL;
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        if (bk_server_workflow_get_bool (workflow, "proofs_requested"))
          return NULL; /* waiting for the candidate */
        if (on_site)
          return "on-site";
        return json_object_has_member (application, "decisions") ? "proofs-received"
                                                                 : "manual-verification";
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        return bk_server_workflow_get_bool (workflow, "spot_check_drawn") ? "spot-check" : NULL;
      case BK_APPLICATION_STATE_CONFIRMED:
        if (session != NULL && !bk_exam_session_is_free (session) &&
            bk_server_workflow_get_object (workflow, "payment") == NULL)
          return "payment-due";
        return NULL;
      default:
        return NULL;
    }
}

static void
record_decision (JsonObject *application,
                 const char *queue,
                 const char *decision,
                 const char *reason,
                 const char *text,
                 const char *staff_id,
                 const char *from,
                 gint64 now)
{
  JsonNode *node = json_object_get_member (application, "decisions");
  JsonObject *entry = json_object_new ();
  g_autofree char *at = bk_server_workflow_iso_time (now);
  JsonArray *decisions;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      decisions = json_array_new ();
      json_object_set_array_member (application, "decisions", decisions);
    }
  else
    decisions = json_node_get_array (node);
  json_object_set_string_member (entry, "at", at);
  json_object_set_string_member (entry, "by", staff_id);
  json_object_set_string_member (entry, "queue", queue);
  json_object_set_string_member (entry, "decision", decision);
  json_object_set_string_member (entry, "reason", reason);
  json_object_set_string_member (entry, "text", text != NULL ? text : "");
  json_object_set_string_member (entry, "from", from);
  json_object_set_string_member (entry, "to", bk_server_workflow_get_string (application, "state"));
  json_array_add_object_element (decisions, entry);
}

gboolean
bk_server_workflow_decide (JsonObject *application,
                           const BkServerWorkflowFacts *facts,
                           const char *decision,
                           const char *reason,
                           const char *text,
                           const char *staff_id,
                           gint64 now,
                           BkServerWorkflowRefusal *refusal)
{
  g_autofree char *from = NULL;
  const char *queue;
  gboolean spot_check, pass, more;

  g_return_val_if_fail (application != NULL && facts != NULL && refusal != NULL, FALSE);
  g_return_val_if_fail (decision != NULL && reason != NULL && staff_id != NULL, FALSE);

  queue = bk_server_workflow_queue (application, facts->session);
  if (queue == NULL || g_str_equal (queue, "payment-due"))
    return bk_server_workflow_refuse (
      refusal, 409, "not_awaiting_decision",
      "This application (state %s) waits for no decision: list the queues again.",
      bk_server_workflow_get_string (application, "state"));
  spot_check = g_str_equal (queue, "spot-check");
  if (!bk_server_workflow_check_window (
        facts->session, spot_check ? "spot-check-review" : "verification", now, refusal))
    return FALSE;

  from = g_strdup (bk_server_workflow_get_string (application, "state"));
  pass = g_str_equal (decision, "pass");
  more = g_str_equal (decision, "more-proofs");
  if (spot_check)
    /* A failed review sends the candidate back to proofs and a manual check. */
    move (application,
          pass ? BK_APPLICATION_STATE_SPOT_CHECK_PASSED : BK_APPLICATION_STATE_SPOT_CHECK_FAILED);
  else
    {
      /* Originals seen on site are the proofs of an on-site check. */
      if (bk_server_workflow_get_state (application) == BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED)
        move (application, BK_APPLICATION_STATE_PROOFS_SUBMITTED);
      if (pass)
        {
          move (application, BK_APPLICATION_STATE_MANUAL_CHECK_PASSED);
          draw_spot_check (application, facts);
        }
      else if (!more)
        move (application, BK_APPLICATION_STATE_TERMINATED);
    }
  if (more || (spot_check && !pass))
    {
      JsonObject *workflow = bk_server_workflow_of (application);

      json_object_set_int_member (workflow, "proof_mark", facts->proof_mark);
      json_object_set_boolean_member (workflow, "proofs_requested", !spot_check);
    }
  record_decision (application, queue, decision, reason, text, staff_id, from, now);
  return TRUE;
}

/* Lapsed for a missed window (bk-server-workflow-lapse.c): a late step is
 * refused with that window's "closed". */
static gboolean
missed (JsonObject *application)
{
  return bk_server_workflow_get_state (application) == BK_APPLICATION_STATE_LAPSED &&
         bk_server_workflow_get_object (bk_server_workflow_get_object (application, "workflow"),
                                        "lapsed") != NULL;
}

gboolean
bk_server_workflow_confirm (JsonObject *application,
                            BkExamSession *session,
                            gint64 now,
                            BkServerWorkflowRefusal *refusal)
{
  BkApplicationState state;
  g_autofree char *at = NULL;

  g_return_val_if_fail (application != NULL && refusal != NULL, FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);

  state = bk_server_workflow_get_state (application);
  if (state == BK_APPLICATION_STATE_CONFIRMED)
    return bk_server_workflow_refuse (refusal, 409, "already_confirmed",
                                      "This application is confirmed already.");
  if (missed (application) &&
      !bk_server_workflow_check_window (session, "confirmation", now, refusal))
    return FALSE;
  if (!(state == BK_APPLICATION_STATE_SPOT_CHECK_PASSED ||
        ((state == BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED ||
          state == BK_APPLICATION_STATE_MANUAL_CHECK_PASSED) &&
         !bk_server_workflow_get_bool (bk_server_workflow_get_object (application, "workflow"),
                                       "spot_check_drawn"))))
    return bk_server_workflow_refuse (
      refusal, 409, "not_ready_to_confirm",
      "This application (state %s) cannot be confirmed yet: it must pass "
      "verification (and the spot-check review, when drawn) first.",
      bk_server_workflow_get_string (application, "state"));
  if (!bk_server_workflow_check_window (session, "confirmation", now, refusal))
    return FALSE;
  move (application, BK_APPLICATION_STATE_CONFIRMED);
  at = bk_server_workflow_iso_time (now);
  json_object_set_string_member (bk_server_workflow_of (application), "confirmed_at", at);
  return TRUE;
}

gboolean
bk_server_workflow_level_and_mode (JsonObject *application,
                                   BkExamSession *session,
                                   guint *level,
                                   BkExamMode *mode)
{
  gint64 value = bk_server_workflow_get_int (application, "level", 0);

  *level = (value == 1 || value == 2) ? (guint) value : 0;
  return *level != 0 && bk_exam_session_has_level (session, *level) &&
         bk_exam_mode_from_nick (bk_server_workflow_get_string (application, "mode"), mode);
}

gboolean
bk_server_workflow_pay (JsonObject *application,
                        BkExamSession *session,
                        const char *receipt,
                        guint64 amount_fen,
                        const char *recorded_by,
                        gint64 now,
                        BkServerWorkflowRefusal *refusal)
{
  JsonObject *payment;
  g_autofree char *at = NULL;
  BkExamMode mode;
  guint level;
  guint64 fee;

  g_return_val_if_fail (application != NULL && refusal != NULL, FALSE);
  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (receipt != NULL && recorded_by != NULL, FALSE);

  if (bk_exam_session_is_free (session))
    return bk_server_workflow_refuse (refusal, 409, "no_fee",
                                      "The session %s is free: there is nothing to pay.",
                                      bk_exam_session_get_id (session));
  if (missed (application) && !bk_server_workflow_check_window (session, "payment", now, refusal))
    return FALSE;
  if (g_strcmp0 (bk_server_workflow_queue (application, session), "payment-due") != 0)
    return bk_server_workflow_refuse (
      refusal, 409, "not_awaiting_payment",
      "This application (state %s) is not waiting for a payment: it is paid "
      "already or not confirmed yet.",
      bk_server_workflow_get_string (application, "state"));
  if (!bk_server_workflow_check_window (session, "payment", now, refusal))
    return FALSE;
  if (!bk_server_workflow_level_and_mode (application, session, &level, &mode))
    return bk_server_workflow_refuse (refusal, 409, "invalid_application",
                                      "The application names no level and mode of the session.");
  fee = bk_exam_session_get_fee_fen (session, level, mode);
  if (amount_fen != fee)
    return bk_server_workflow_refuse (refusal, 422, "wrong_amount",
                                      "The fee for this level and mode is %" G_GUINT64_FORMAT
                                      ".%02u yuan: record "
                                      "the amount paid exactly.",
                                      fee / 100, (guint) (fee % 100));
  at = bk_server_workflow_iso_time (now);
  payment = json_object_new ();
  json_object_set_string_member (payment, "receipt", receipt);
  json_object_set_int_member (payment, "amount_fen", (gint64) amount_fen);
  json_object_set_string_member (payment, "paid_at", at);
  json_object_set_string_member (payment, "recorded_by", recorded_by);
  json_object_set_object_member (bk_server_workflow_of (application), "payment", payment);
  return TRUE;
}

gboolean
bk_server_workflow_parse_yuan (const char *text, guint64 *fen)
{
  g_auto (GStrv) parts = NULL;
  guint64 yuan = 0, cents = 0;
  gsize decimals;

  g_return_val_if_fail (fen != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;
  parts = g_strsplit (text, ".", -1);
  if (g_strv_length (parts) > 2 || *parts[0] == '\0' ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 1000000, &yuan, NULL))
    return FALSE;
  if (parts[1] != NULL)
    {
      decimals = strlen (parts[1]);
      if (decimals < 1 || decimals > 2 || !g_ascii_isdigit (parts[1][0]) ||
          !g_ascii_string_to_unsigned (parts[1], 10, 0, 99, &cents, NULL))
        return FALSE;
      if (decimals == 1)
        cents *= 10;
    }
  *fen = yuan * 100 + cents;
  return TRUE;
}
