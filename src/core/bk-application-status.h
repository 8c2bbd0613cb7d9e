/* bk-application-status.h — where an application stands at a given time:
 * its state read against the session's windows and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-application-progress.h"
#include "bk-application-state.h"
#include "bk-exam-application.h"
#include "bk-exam-session.h"
#include "bk-core-enums.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION_STATUS (bk_application_status_get_type ())

/* The stages a candidate sees, in order (the Shanghai workflow). */
typedef enum
{
  BK_APPLICATION_STAGE_APPLY,
  BK_APPLICATION_STAGE_SUBMIT,
  BK_APPLICATION_STAGE_VERIFICATION,
  BK_APPLICATION_STAGE_REVIEW,
  BK_APPLICATION_STAGE_CONFIRMATION,
  BK_APPLICATION_STAGE_TICKET,
  BK_APPLICATION_STAGE_EXAM,
  BK_APPLICATION_STAGE_SCORES,
  BK_APPLICATION_STAGE_CERTIFICATE,
  BK_APPLICATION_STAGE_DONE, /* past the last stage: certified */
} BkApplicationStage;

#define BK_APPLICATION_N_STAGES BK_APPLICATION_STAGE_DONE

/* Where @now falls in the window of the current step. */
typedef enum
{
  BK_WINDOW_PHASE_NONE, /* the step has no window (or the session is unknown) */
  BK_WINDOW_PHASE_NOT_OPEN,
  BK_WINDOW_PHASE_OPEN,
  BK_WINDOW_PHASE_CLOSED,
} BkWindowPhase;

/* Read-only fields; the texts are translated. */
typedef struct
{
  BkApplicationState state;
  BkApplicationStage stage;
  const char *window_step; /* nullable: "register", "verification", … */
  BkWindowPhase phase;
  GDateTime *opens;    /* nullable: the step's window opens */
  GDateTime *deadline; /* nullable: the step's window closes */
  gboolean can_act;    /* the candidate can (and should) do the next step now */
  gboolean can_submit; /* a draft inside the registration window: the commitment can be
                        * signed and the application submitted */
  gboolean failed;     /* the registration has not succeeded (terminated, lapsed, or the
                        * candidate's window closed before the step was done) */
  gboolean overdue;    /* the authority's window closed without a result: ask the point */
  char *title;         /* e.g. "Registration closed" */
  char *stage_text;    /* for the current stage: "You are here", "Closed", … */
  char *message;       /* where the application stands, with the dates that matter */
  char *next_step;     /* what to do next; never NULL */
} BkApplicationStatus;

GType bk_application_status_get_type (void) G_GNUC_CONST;

/* Works the status out from @application's state and commitment, the
 * windows of @session (NULL: unknown session) and @now. */
BkApplicationStatus *
bk_application_status_new (BkExamApplication *application, BkExamSession *session, GDateTime *now);
/* The same, following the server's copy of the application, @progress
 * (nullable: none pulled yet): its state, whether the spot check drew it,
 * whether its ticket was issued. */
BkApplicationStatus *bk_application_status_new_from_server (BkExamApplication *application,
                                                            const BkApplicationProgress *progress,
                                                            BkExamSession *session,
                                                            GDateTime *now);
BkApplicationStatus *bk_application_status_copy (const BkApplicationStatus *self);
void bk_application_status_free (BkApplicationStatus *self);

/* Translated, e.g. "Verification (automatic or manual check)". */
const char *bk_application_stage_get_display_name (BkApplicationStage stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkApplicationStatus, bk_application_status_free)

G_END_DECLS
