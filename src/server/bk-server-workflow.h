/* bk-server-workflow.h — an application's way from submission to scores
 *
 * Pure functions over an application's payload (a JSON object, changed in
 * place) and what the server knows beside it: they decide each move with
 * core (eligibility verdict, state machine, windows, fees, score outcome)
 * and touch no database, so every storage implementation and every server
 * process moves applications the same way. bk-server-workflow-store.c
 * reads the facts and writes the result.
 *
 * What the server writes into an application (members a candidate's push
 * cannot change, see bk-server-change.c): "state", "verdict" (the
 * automatic check), "decisions" (staff decisions, oldest first), "scores",
 * "ticket" (the signed admission ticket) and "workflow" (the spot-check draw, proofs seen,
 * confirmation and payment).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bk-application-state.h"
#include "bk-exam-session.h"
#include "bk-profile.h"

G_BEGIN_DECLS

/* What the server knows beside the application. */
typedef struct
{
  BkExamSession *session; /* NULL: a session the server does not know (nothing moves) */
  BkProfile *profile;     /* rebuilt from the pushed records; NULL if there is none */
  gint64 submitted_at;    /* when the submission was pushed (Unix seconds) */
  gint64 proof_mark;      /* grows with every proof pushed for the application */
  GDate integrity_until;  /* the candidate's record in the exam-integrity file lasts to this
                           * day; invalid when there is none */
  guint spot_check_rate;  /* percent */
  guint64 spot_check_seed;
} BkServerWorkflowFacts;

/* An answer refused by the workflow: HTTP status, stable code, English
 * message, and for a window the times it opens and closes (ISO 8601). */
typedef struct
{
  guint status;
  const char *code;
  char *message;
  char *opens_at;
  char *closes_at;
} BkServerWorkflowRefusal;

void bk_server_workflow_refusal_clear (BkServerWorkflowRefusal *refusal);
/* The refusal as the JSON error body {code, message[, opens_at, closes_at]}. */
char *bk_server_workflow_refusal_to_json (const BkServerWorkflowRefusal *refusal);

/* Whether @application_id is drawn for the spot-check review: the first 8
 * bytes of SHA-256("SEED:ID"), big-endian, modulo 100, below @rate. */
gboolean bk_server_workflow_spot_check_drawn (guint64 seed, guint rate, const char *application_id);

/* TRUE inside @session's window @step at @now; otherwise fills @refusal
 * (409 window_not_open / window_closed; a session without that window
 * refuses with 409 no_window). */
gboolean bk_server_workflow_check_window (BkExamSession *session,
                                          const char *step,
                                          gint64 now,
                                          BkServerWorkflowRefusal *refusal);

/* The server's own moves: the automatic check of a submitted application,
 * and proofs pushed after the server asked for them. TRUE when
 * @application changed; @detail (nullable) gets what happened. */
gboolean bk_server_workflow_advance (JsonObject *application,
                                     const BkServerWorkflowFacts *facts,
                                     gint64 now,
                                     GString *detail);

/* Whether the server waits for the application: it was submitted but not
 * checked, or waits for proofs. */
gboolean bk_server_workflow_needs_advance (JsonObject *application);

/* Moves @application to lapsed when its candidate owes a step
 * (confirmation; payment, where the session has fees) whose window in
 * @session (nullable) has closed at @now; "workflow.lapsed" says which
 * ({code: confirmation_missed / payment_missed, message, at}). TRUE when
 * it moved; @detail (nullable) gets what happened. */
gboolean bk_server_workflow_lapse_missed (JsonObject *application,
                                          BkExamSession *session,
                                          gint64 now,
                                          GString *detail);

/* The staff queue the application is in ("manual-verification",
 * "proofs-received", "on-site", "spot-check", "payment-due"), or NULL. */
const char *bk_server_workflow_queue (JsonObject *application, BkExamSession *session);
#define BK_SERVER_WORKFLOW_N_QUEUES 5
extern const char *const bk_server_workflow_queues[BK_SERVER_WORKFLOW_N_QUEUES + 1];

/* Reason codes a decision may give. */
extern const char *const bk_server_workflow_reasons[];

/* A staff decision ("pass", "fail", "more-proofs") on an application of
 * the staff's point, in the window of its queue. */
gboolean bk_server_workflow_decide (JsonObject *application,
                                    const BkServerWorkflowFacts *facts,
                                    const char *decision,
                                    const char *reason,
                                    const char *text,
                                    const char *staff_id,
                                    gint64 now,
                                    BkServerWorkflowRefusal *refusal);

/* The candidate's confirmation (核对确认), in the confirmation window. */
gboolean bk_server_workflow_confirm (JsonObject *application,
                                     BkExamSession *session,
                                     gint64 now,
                                     BkServerWorkflowRefusal *refusal);

/* A payment of the session's fee for the application's level and mode,
 * in the payment window; @recorded_by is the staff account or "import". */
gboolean bk_server_workflow_pay (JsonObject *application,
                                 BkExamSession *session,
                                 const char *receipt,
                                 guint64 amount_fen,
                                 const char *recorded_by,
                                 gint64 now,
                                 BkServerWorkflowRefusal *refusal);

/* "208", "208.5" or "208.00" yuan in fen; FALSE for anything else. */
gboolean bk_server_workflow_parse_yuan (const char *text, guint64 *fen);

/* Scores of this session's exam ({subject, score} pairs), after the exam:
 * pass per subject, and the rolling certificate window from core with the
 * passes of the same level and mode in @earlier (of JsonObject: the
 * candidate's other applications; those of later years do not count). */
gboolean bk_server_workflow_publish_scores (JsonObject *application,
                                            BkExamSession *session,
                                            GArray *results,
                                            GPtrArray *earlier,
                                            gint64 now,
                                            BkServerWorkflowRefusal *refusal);

/* Whether @application waits for its admission ticket: confirmed (core's
 * diagram goes on to ticket-printed), paid where @session has fees, and
 * with no ticket yet. */
gboolean bk_server_workflow_awaits_ticket (JsonObject *application, BkExamSession *session);

/* Issues the admission ticket of @application for seat @seat of room @room
 * of venue @venue: made with core for the candidate of @profile, signed
 * with @secret_key and written as the server-owned "ticket" member (the
 * signed text and the fields the client shows). The state stays
 * "confirmed": printing the ticket is the candidate's step. */
gboolean bk_server_workflow_issue_ticket (JsonObject *application,
                                          BkExamSession *session,
                                          BkProfile *profile,
                                          guint venue,
                                          guint room,
                                          guint seat,
                                          const guint8 *secret_key,
                                          gint64 now,
                                          BkServerWorkflowRefusal *refusal);

/* The string member @member of @object (may be NULL), or NULL when it is
 * absent, null or not a string: a pushed payload's values are not trusted. */
const char *bk_server_workflow_get_string (JsonObject *object, const char *member);

/* The application's state (DRAFT when it has none or an unknown one). */
BkApplicationState bk_server_workflow_get_state (JsonObject *application);

G_END_DECLS
