/* bk-staff-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-state.h"
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
