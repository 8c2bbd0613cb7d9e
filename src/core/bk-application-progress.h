/* bk-application-progress.h — what the server wrote into an application
 * (docs/protocol.md, "What the server writes into an application"): the
 * staff's last decision, confirmation, payment, ticket and scores, read
 * from the server's copy of the application as the store keeps it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-application-state.h"
#include "bk-score-outcome.h"

G_BEGIN_DECLS

/* One subject's published score. */
typedef struct
{
  guint subject;
  double score;
  gboolean passed;
} BkSubjectScore;

/* Read-only fields. Who decided (the staff account) is never kept. */
typedef struct
{
  BkApplicationState state;
  char *route; /* nullable: "automatic", "proofs", "on-site" */
  gboolean spot_check_drawn;
  gboolean proofs_requested;
  char *decision;        /* nullable: the last staff decision, "pass", "fail", "more-proofs" */
  char *decision_reason; /* nullable: its reason code, "work-certificate-missing", … */
  char *decision_text;   /* nullable: the staff's own words, shown as written */
  GDateTime *decided_at; /* nullable */
  GDateTime *confirmed_at;
  gboolean paid;
  guint64 paid_fen;
  char *receipt;      /* nullable */
  GDateTime *paid_at; /* nullable */
  gboolean has_ticket;
  guint scores_year; /* 0: no scores yet */
  GArray *scores;    /* of BkSubjectScore; empty without scores */
  GArray *passes;    /* of BkExamResult: every pass that counts, with its year */
} BkApplicationProgress;

/* Reads the server's payload of an application (JSON text). Members that
 * are absent read as "not yet"; a payload that is not an object, or has no
 * known state, is BK_CORE_ERROR_INVALID_DATA. */
BkApplicationProgress *bk_application_progress_new_from_json (const char *json, GError **error);
void bk_application_progress_free (BkApplicationProgress *self);

/* Whether the candidate is asked for proofs now: the automatic check sent
 * the application to the proofs route, or staff asked for more. */
gboolean bk_application_progress_wants_proofs (const BkApplicationProgress *self);
/* Whether confirming (核对确认) is the candidate's next act. */
gboolean bk_application_progress_can_confirm (const BkApplicationProgress *self);

/* Translated, e.g. "Your work certificate is missing"; NULL for an unknown code. */
const char *bk_decision_reason_get_display_name (const char *reason);
/* The last decision in a sentence with what to do next (translated);
 * NULL without a decision. */
char *bk_application_progress_describe_decision (const BkApplicationProgress *self);

/* What the server brought that the candidate should hear of, comparing
 * @after with @before (nullable: nothing known before): a new decision, a
 * new state, the ticket, the scores. A translated sentence saying what
 * to do, or NULL when nothing is new. */
char *bk_application_progress_describe_news (const BkApplicationProgress *before,
                                             const BkApplicationProgress *after);

/* The rolling certificate window worked out by core from the passes:
 * NULL without scores. */
BkScoreOutcome *bk_application_progress_evaluate_scores (const BkApplicationProgress *self,
                                                         BkExamSession *session,
                                                         guint level,
                                                         BkExamMode mode,
                                                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkApplicationProgress, bk_application_progress_free)

G_END_DECLS
