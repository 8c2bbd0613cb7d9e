/* bk-application-state.h — the states of an application (Shanghai workflow)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-core-enums.h"

G_BEGIN_DECLS

/* Whether the candidate uses the commitment system (告知承诺制). Only the
 * candidate sets it: it starts unset and is never preset.
 * Nicks: "unset", "yes", "no". */
typedef enum
{
  BK_COMMITMENT_UNSET,
  BK_COMMITMENT_YES,
  BK_COMMITMENT_NO,
} BkCommitment;

/* In workflow order. Nicks in parentheses are the store's values.
 *
 *   draft → submitted
 *   submitted → automatic-check-passed | automatic-check-failed   (commitment yes)
 *   submitted → proofs-submitted                                  (commitment no)
 *   automatic-check-failed → proofs-submitted
 *   proofs-submitted → manual-check-passed | terminated
 *   automatic-check-passed, manual-check-passed
 *       → spot-check-passed | spot-check-failed | confirmed (not sampled)
 *   spot-check-failed → proofs-submitted
 *   spot-check-passed → confirmed → ticket-printed → exam-taken
 *       → scores-published → certified
 *   any state before confirmed → lapsed   (a window was missed)
 *   confirmed → lapsed                    (ticket not printed in time)
 */
typedef enum
{
  BK_APPLICATION_STATE_DRAFT,                  /* "draft" */
  BK_APPLICATION_STATE_SUBMITTED,              /* "submitted" */
  BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED, /* "automatic-check-passed" */
  BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED, /* "automatic-check-failed" */
  BK_APPLICATION_STATE_PROOFS_SUBMITTED,       /* "proofs-submitted" */
  BK_APPLICATION_STATE_MANUAL_CHECK_PASSED,    /* "manual-check-passed" */
  BK_APPLICATION_STATE_TERMINATED,             /* "terminated": manual check failed */
  BK_APPLICATION_STATE_SPOT_CHECK_PASSED,      /* "spot-check-passed" */
  BK_APPLICATION_STATE_SPOT_CHECK_FAILED,      /* "spot-check-failed" */
  BK_APPLICATION_STATE_CONFIRMED,              /* "confirmed": no more changes */
  BK_APPLICATION_STATE_TICKET_PRINTED,         /* "ticket-printed" */
  BK_APPLICATION_STATE_EXAM_TAKEN,             /* "exam-taken" */
  BK_APPLICATION_STATE_SCORES_PUBLISHED,       /* "scores-published" */
  BK_APPLICATION_STATE_CERTIFIED,              /* "certified" */
  BK_APPLICATION_STATE_LAPSED,                 /* "lapsed": a window was missed */
} BkApplicationState;

#define BK_APPLICATION_STATE_LAST BK_APPLICATION_STATE_LAPSED

const char *bk_commitment_to_nick (BkCommitment commitment);
gboolean bk_commitment_from_nick (const char *nick, BkCommitment *commitment);

const char *bk_application_state_to_nick (BkApplicationState state);
gboolean bk_application_state_from_nick (const char *nick, BkApplicationState *state);

/* Translated short name, e.g. "Automatic check passed". */
const char *bk_application_state_get_display_name (BkApplicationState state);

/* Whether @from may move to @to. @commitment decides the branch after
 * "submitted" (yes: automatic check; no: proofs). */
gboolean bk_application_state_can_transition (BkApplicationState from,
                                              BkApplicationState to,
                                              BkCommitment commitment);

/* Whether the candidate may still change the application's data (point,
 * commitment, level, mode): only in a draft. */
gboolean bk_application_state_is_editable (BkApplicationState state);

/* Whether the candidate must upload proofs now (commitment no after
 * submission, a failed automatic check or a failed spot check). */
gboolean bk_application_state_needs_proofs (BkApplicationState state, BkCommitment commitment);

/* No transition leaves it (terminated, certified, lapsed). */
gboolean bk_application_state_is_final (BkApplicationState state);
/* Terminated or lapsed: the registration did not succeed. */
gboolean bk_application_state_is_failure (BkApplicationState state);

/* A translated sentence: what the candidate does next, e.g. "Upload the
 * proofs (such as a work certificate) for manual verification." NULL when
 * nothing is left to do. */
const char *bk_application_state_get_next_step (BkApplicationState state, BkCommitment commitment);

/* The session window (BkExamWindow.step: "register", "verification",
 * "spot-check-review", "confirmation", "ticket-printing", "exam",
 * "scores") within which the next step must happen, or NULL. */
const char *
bk_application_state_get_window_step (BkApplicationState state, BkCommitment commitment);

/* Translated: what happens when the window @step is missed, e.g. for
 * "confirmation": "Without confirmation the registration has not
 * succeeded." NULL for an unknown step. */
const char *bk_application_state_describe_missed_window (const char *step);

G_END_DECLS
