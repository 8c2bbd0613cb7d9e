/* bk-staff-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-state.h"
#include "bk-format.h"
#include "bk-sessions.h"
#include "bk-staff-labels.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"

typedef struct
{
  const char *name;
  const char *label;
} Label;

static const Label queues[] = {
  { "manual-verification", N_ ("Manual Verification") },
  { "spot-check", N_ ("Spot-Check Review") },
  { "proofs-received", N_ ("Proofs Received") },
  { "on-site", N_ ("On-Site Checks") },
  { "payment-due", N_ ("Payments Due") },
};

const char *const bk_staff_decisions[] = { "pass", "more-proofs", "fail", NULL };

static const Label decisions[] = {
  { "pass", N_ ("Pass") },
  { "more-proofs", N_ ("More Proofs Needed") },
  { "fail", N_ ("Fail") },
};

const char *const bk_staff_reasons[] = {
  "records-verified",
  "originals-checked",
  "education-not-verified",
  "major-not-qualifying",
  "work-years-short",
  "work-certificate-missing",
  "proofs-unreadable",
  "identity-not-verified",
  "integrity-record",
  "other",
  NULL,
};

static const Label reasons[] = {
  { "records-verified", N_ ("Records verified") },
  { "originals-checked", N_ ("Originals checked at the point") },
  { "education-not-verified", N_ ("Education could not be verified") },
  { "major-not-qualifying", N_ ("Major does not qualify") },
  { "work-years-short", N_ ("Too few years of work") },
  { "work-certificate-missing", N_ ("Work certificate missing") },
  { "proofs-unreadable", N_ ("Proofs cannot be read") },
  { "identity-not-verified", N_ ("Identity could not be verified") },
  { "integrity-record", N_ ("In the exam-integrity file") },
  { "other", N_ ("Other (say what in the note)") },
};

static const char *
lookup (const Label *labels, gsize n, const char *name)
{
  for (gsize i = 0; name != NULL && i < n; i++)
    if (g_str_equal (labels[i].name, name))
      return _ (labels[i].label);
  return NULL;
}

const char *
bk_staff_labels_queue (const char *queue)
{
  return lookup (queues, G_N_ELEMENTS (queues), queue);
}

const char *
bk_staff_labels_decision (const char *decision)
{
  return lookup (decisions, G_N_ELEMENTS (decisions), decision);
}

const char *
bk_staff_labels_reason (const char *reason)
{
  return lookup (reasons, G_N_ELEMENTS (reasons), reason);
}

const char *
bk_staff_labels_state (const char *state)
{
  BkApplicationState value;

  if (state == NULL)
    return "";
  if (!bk_application_state_from_nick (state, &value))
    return state;
  return bk_application_state_get_display_name (value);
}

/* The same words as the account page's ID type row. */
static const Label id_types[] = {
  { "resident-id", N_ ("Resident identity card") },
  { "hk-macau-taiwan", N_ ("Hong Kong, Macau or Taiwan residents’ document") },
  { "passport", N_ ("Passport") },
  { "military", N_ ("Military officer card") },
};

const char *
bk_staff_labels_id_type (const char *id_type)
{
  const char *label = lookup (id_types, G_N_ELEMENTS (id_types), id_type);

  return label != NULL ? label : id_type;
}

static const Label routes[] = {
  { "automatic", N_ ("Automatic check") },
  { "proofs", N_ ("Proofs for manual verification") },
  { "on-site", N_ ("On-site check with originals") },
};

const char *
bk_staff_labels_route (const char *route)
{
  const char *label = lookup (routes, G_N_ELEMENTS (routes), route);

  return label != NULL ? label : route;
}

char *
bk_staff_labels_point (const char *session_id, const char *point_code)
{
  BkExamSession *session = session_id != NULL ? bk_sessions_lookup (session_id) : NULL;
  GPtrArray *points = session != NULL ? bk_exam_session_get_points (session) : NULL;
  const char *point_name = NULL;

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->code, point_code) == 0 || g_strcmp0 (point->name, point_code) == 0)
        point_name = point->name;
    }
  if (point_name != NULL && g_strcmp0 (point_name, point_code) != 0)
    /* TRANSLATORS: the help desk's subtitle: the session's name, the
     * point's name and its code, e.g. "Shanghai 2026 · 徐汇区 (2916)" */
    return g_strdup_printf (_ ("%s · %s (%s)"), bk_exam_session_get_name (session), point_name,
                            point_code);
  /* TRANSLATORS: the help desk's subtitle: the session's name, the point's name */
  return g_strdup_printf (_ ("%s · %s"),
                          session != NULL ? bk_exam_session_get_name (session) : session_id,
                          point_code != NULL ? point_code : "");
}

static void
add_line (GString *text, char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
  g_free (line);
}

char *
bk_staff_labels_verdict (const BkEligibilityVerdict *verdict)
{
  GString *text = g_string_new (NULL);
  gboolean exempt;

  g_return_val_if_fail (verdict != NULL, NULL);

  exempt = verdict->mode == BK_EXAM_MODE_EXEMPT;
  if (verdict->eligible)
    add_line (text, g_strdup_printf (
                      exempt
                        /* TRANSLATORS: for staff; %u is the level, 1 or 2 */
                        ? _ ("The candidate is eligible for level %u with one subject exempted.")
                        /* TRANSLATORS: for staff; %u is the level, 1 or 2 */
                        : _ ("The candidate is eligible for level %u, all subjects."),
                      verdict->level));
  else
    add_line (text,
              g_strdup_printf (
                exempt
                  /* TRANSLATORS: for staff; %u is the level, 1 or 2 */
                  ? _ ("The candidate is not eligible for level %u with one subject exempted.")
                  /* TRANSLATORS: for staff; %u is the level, 1 or 2 */
                  : _ ("The candidate is not eligible for level %u, all subjects."),
                verdict->level));
  if (g_date_valid (&verdict->cutoff) && verdict->required_work_years == 0 &&
      verdict->required_metrology_years == 0)
    add_line (text, g_strdup (_ ("No rule of this level fits the candidate's education: check "
                                 "the education records and their proofs.")));
  else if (g_date_valid (&verdict->cutoff))
    {
      g_autofree char *cutoff = bk_format_date (&verdict->cutoff);
      g_autofree char *work = bk_format_span (&verdict->cutoff, verdict->counted_work_days);
      g_autofree char *metrology = bk_format_span (&verdict->cutoff,
                                                   verdict->counted_metrology_days);

      if (verdict->required_work_years > 0)
        add_line (text, g_strdup_printf (
                          /* TRANSLATORS: for staff; a date, a duration, a number of years */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Work counted up to %s: %s; the rule needs %u year.",
                                       "Work counted up to %s: %s; the rule needs %u years.",
                                       verdict->required_work_years),
                          cutoff, work, verdict->required_work_years));
      if (verdict->required_metrology_years > 0)
        add_line (text,
                  g_strdup_printf (
                    /* TRANSLATORS: for staff; a date, a duration, a number of years */
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Metrology work counted up to %s: %s; the rule needs %u year.",
                                 "Metrology work counted up to %s: %s; the rule needs %u years.",
                                 verdict->required_metrology_years),
                    cutoff, metrology, verdict->required_metrology_years));
    }
  if (!verdict->eligible && g_date_valid (&verdict->eligible_from))
    {
      g_autofree char *from = bk_format_date (&verdict->eligible_from);

      /* TRANSLATORS: for staff; %s is a date */
      add_line (text, g_strdup_printf (_ ("With the same records the candidate meets the "
                                          "requirements on %s."),
                                       from));
    }
  if (verdict->eligible)
    {
      /* TRANSLATORS: for staff; %s is how the application is verified,
       * e.g. "Proofs for manual verification" */
      add_line (text, g_strdup_printf (_ ("Verification: %s."),
                                       bk_staff_labels_route (
                                         bk_verification_route_to_nick (verdict->verification))));
      if (!verdict->commitment_allowed)
        add_line (text, g_strdup (_ ("The candidate may not use the commitment system.")));
    }
  return g_string_free (text, FALSE);
}

/* The server's codes a staff member can act on (docs/protocol.md). */
static const Label errors[] = {
  { "wrong_credentials",
    N_ ("The user name or the password is wrong. Check both and sign in again.") },
  { "not_staff",
    N_ ("This is not a staff account. Sign in with the staff account your point was given.") },
  { "conflict",
    N_ ("The application changed on the server since you opened it. Open it again and check "
        "what changed.") },
  { "window_not_open",
    N_ ("The window for this step has not opened yet. Try again when it opens.") },
  { "window_closed", N_ ("The window for this step has closed; it cannot be done now.") },
  { "no_window", N_ ("This session has no window for this step.") },
  { "not_awaiting_decision",
    N_ ("The application waits in no queue now. Refresh the list to see where it is.") },
  { "not_awaiting_payment",
    N_ ("The application does not wait for a payment (not confirmed yet, or paid already).") },
  { "no_fee", N_ ("This session is free: there is no payment to record.") },
  { "wrong_amount",
    N_ ("The amount is not the fee for this level and mode. Check the fee and enter it again.") },
  { "not_found", N_ ("The server has no such application at your point. Refresh the list.") },
  { "forbidden", N_ ("Your account may not do this. Ask the registration authority.") },
};

char *
bk_staff_labels_describe_error (const GError *error)
{
  g_autofree char *code = NULL;
  const char *label;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == BK_SYNC_ERROR)
    code = bk_sync_error_dup_server_code (error);
  label = lookup (errors, G_N_ELEMENTS (errors), code);
  if (label != NULL)
    return g_strdup (label);
  /* Not the candidate's wording: staff have no changes kept to send. */
  if (g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NETWORK) ||
      g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TIMEOUT))
    return g_strdup (_ ("The server cannot be reached. Check the network and the server address "
                        "in Preferences, then try again."));
  if (g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN))
    return g_strdup (_ ("Your sign-in has expired or was ended. Sign out, then sign in again."));
  if (g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_CERTIFICATE) ||
      g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_ADDRESS) ||
      g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_UNAVAILABLE))
    return bk_sync_messages_describe (error);
  return g_strdup_printf (_ ("The server refused this (%s). Note the time and ask the "
                             "registration authority."),
                          code != NULL ? code : error->message);
}
