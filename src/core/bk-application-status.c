/* bk-application-status.c
 *
 * The state alone does not say where an application stands: a draft after
 * registration closed is not "in progress", and an application waiting for
 * a verdict after its window closed needs the candidate to ask. So the
 * status reads the state against the session's windows at a given time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-status.h"
#include "bk-format.h"

G_DEFINE_BOXED_TYPE (BkApplicationStatus,
                     bk_application_status,
                     bk_application_status_copy,
                     bk_application_status_free)

/* Who has to act in the current step's window, and so what a closed
 * window means. */
typedef enum
{
  ACTOR_NONE,
  ACTOR_CANDIDATE, /* missing the window fails the registration */
  ACTOR_AUTHORITY, /* a closed window without a result: ask the point */
  ACTOR_EXAM,      /* the candidate sits the exam; afterwards scores follow */
} Actor;

static const char *const stage_names[BK_APPLICATION_N_STAGES] = {
  N_ ("Fill in and apply"), N_ ("Submit"),       N_ ("Verification (automatic or manual check)"),
  N_ ("Spot-check review"), N_ ("Confirmation"), N_ ("Print the admission ticket"),
  N_ ("Sit the exam"),      N_ ("Scores"),       N_ ("Certificate"),
};

const char *
bk_application_stage_get_display_name (BkApplicationStage stage)
{
  g_return_val_if_fail (stage < BK_APPLICATION_N_STAGES, NULL);

  return _ (stage_names[stage]);
}

BkApplicationStatus *
bk_application_status_copy (const BkApplicationStatus *self)
{
  BkApplicationStatus *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->opens = self->opens != NULL ? g_date_time_ref (self->opens) : NULL;
  copy->deadline = self->deadline != NULL ? g_date_time_ref (self->deadline) : NULL;
  copy->title = g_strdup (self->title);
  copy->stage_text = g_strdup (self->stage_text);
  copy->message = g_strdup (self->message);
  copy->next_step = g_strdup (self->next_step);
  return copy;
}

void
bk_application_status_free (BkApplicationStatus *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->opens, g_date_time_unref);
  g_clear_pointer (&self->deadline, g_date_time_unref);
  g_free (self->title);
  g_free (self->stage_text);
  g_free (self->message);
  g_free (self->next_step);
  g_free (self);
}

/* Whether @step's window of @session has closed at @now. */
static gboolean
window_closed (BkExamSession *session, const char *step, GDateTime *now)
{
  const BkExamWindow *window = session != NULL ? bk_exam_session_get_window (session, step) : NULL;

  return window != NULL && window->end != NULL && g_date_time_compare (now, window->end) >= 0;
}

/* The stage, the window step and who acts in it, for @state at @now;
 * @progress (nullable) is what the server wrote beside the state. */
static void
place_state (BkApplicationState state,
             BkCommitment commitment,
             const BkApplicationProgress *progress,
             BkExamSession *session,
             GDateTime *now,
             BkApplicationStage *stage,
             const char **step,
             Actor *actor)
{
  const BkExamWindow *review = NULL;

  *step = NULL;
  *actor = ACTOR_NONE;
  switch (state)
    {
      case BK_APPLICATION_STATE_DRAFT:
        *stage = BK_APPLICATION_STAGE_APPLY;
        *step = "register";
        *actor = ACTOR_CANDIDATE;
        break;
      case BK_APPLICATION_STATE_SUBMITTED:
        *stage = BK_APPLICATION_STAGE_VERIFICATION;
        *step = "verification";
        /* Without the commitment, the candidate uploads proofs. */
        *actor = commitment == BK_COMMITMENT_NO ? ACTOR_CANDIDATE : ACTOR_AUTHORITY;
        break;
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
        *stage = BK_APPLICATION_STAGE_VERIFICATION;
        *step = "verification";
        *actor = ACTOR_CANDIDATE;
        break;
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
        *stage = BK_APPLICATION_STAGE_VERIFICATION;
        *step = "verification";
        *actor = ACTOR_AUTHORITY;
        break;
      case BK_APPLICATION_STATE_TERMINATED:
        *stage = BK_APPLICATION_STAGE_VERIFICATION;
        break;
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
        /* Where the fee is paid after verification (Liaoning: confirmed with
         * the submission), paying in time is the candidate's next step. */
        if (session != NULL && !bk_exam_session_is_free (session) &&
            bk_exam_session_get_window (session, "payment") != NULL)
          {
            *stage = BK_APPLICATION_STAGE_CONFIRMATION;
            *step = "payment";
            *actor = ACTOR_CANDIDATE;
            break;
          }
        /* Sampled or not, the spot check runs in its window; an application
         * it left alone goes on to confirmation, which the candidate does.
         * One the server drew waits for the review's result, whatever the
         * time: it cannot be confirmed before. */
        if (session != NULL)
          review = bk_exam_session_get_window (session, "spot-check-review");
        if ((progress != NULL && progress->spot_check_drawn) ||
            (review != NULL && review->end != NULL && g_date_time_compare (now, review->end) < 0))
          {
            *stage = BK_APPLICATION_STAGE_REVIEW;
            *step = "spot-check-review";
            *actor = ACTOR_AUTHORITY;
          }
        else
          {
            *stage = BK_APPLICATION_STAGE_CONFIRMATION;
            *step = "confirmation";
            *actor = ACTOR_CANDIDATE;
          }
        break;
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        *stage = BK_APPLICATION_STAGE_REVIEW;
        *step = "spot-check-review";
        *actor = ACTOR_CANDIDATE;
        break;
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        *stage = BK_APPLICATION_STAGE_CONFIRMATION;
        *step = "confirmation";
        *actor = ACTOR_CANDIDATE;
        break;
      case BK_APPLICATION_STATE_CONFIRMED:
        /* The server issues the ticket and has no word of its printing:
         * once its window is over, a candidate with a ticket sits the
         * exam; nothing was missed. */
        if (progress != NULL && progress->has_ticket &&
            window_closed (session, "ticket-printing", now))
          {
            *stage = BK_APPLICATION_STAGE_EXAM;
            *step = "exam";
            *actor = ACTOR_EXAM;
            break;
          }
        *stage = BK_APPLICATION_STAGE_TICKET;
        *step = "ticket-printing";
        *actor = ACTOR_CANDIDATE;
        break;
      case BK_APPLICATION_STATE_TICKET_PRINTED:
        *stage = BK_APPLICATION_STAGE_EXAM;
        *step = "exam";
        *actor = ACTOR_EXAM;
        break;
      case BK_APPLICATION_STATE_EXAM_TAKEN:
        *stage = BK_APPLICATION_STAGE_SCORES;
        *step = "scores";
        *actor = ACTOR_AUTHORITY;
        break;
      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
        *stage = BK_APPLICATION_STAGE_CERTIFICATE;
        break;
      case BK_APPLICATION_STATE_CERTIFIED:
        *stage = BK_APPLICATION_STAGE_DONE;
        break;
      case BK_APPLICATION_STATE_LAPSED:
      default:
        *stage = BK_APPLICATION_STAGE_APPLY;
        break;
    }
}

/* "your registration point, 上海市计量协会培训部 (telephone 54042022 / 54045035)" */
static char *
describe_point (BkExamApplication *application, BkExamSession *session)
{
  const char *code = bk_exam_application_get_point_code (application);
  GPtrArray *points = session != NULL ? bk_exam_session_get_points (session) : NULL;

  for (guint i = 0; points != NULL && *code != '\0' && i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (point->code, code) == 0 || g_strcmp0 (point->name, code) == 0)
        {
          g_autofree char *phones = g_strjoinv (" / ", point->phones);

          /* TRANSLATORS: the point's name and its telephone numbers */
          return g_strdup_printf (_ ("your registration point, %s (telephone %s)"), point->name,
                                  phones);
        }
    }
  return g_strdup (_ ("your registration point"));
}

static void
set_draft_texts (BkApplicationStatus *self, const BkExamWindow *window)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (window == NULL || window->end == NULL)
    {
      /* Fails closed, as the submission does. */
      self->title = g_strdup (_ ("Registration not published"));
      self->stage_text = g_strdup (_ ("Not open"));
      self->message = g_strdup (_ ("This exam session has no published registration window, "
                                   "so nothing can be submitted for it yet."));
      self->next_step = g_strdup (_ ("Ask your registration point when registration opens."));
      return;
    }

  start = bk_format_date_time (window->start);
  end = bk_format_deadline (window->end);
  switch (self->phase)
    {
      case BK_WINDOW_PHASE_NOT_OPEN:
        self->title = g_strdup (_ ("Registration not open yet"));
        self->stage_text = g_strdup (_ ("Not open yet"));
        /* TRANSLATORS: the start and end of the registration window */
        self->message = g_strdup_printf (_ ("Registration opens on %s and closes on %s."), start,
                                         end);
        self->next_step = g_strdup (_ ("Prepare your application now; sign the commitment and "
                                       "submit it once registration opens."));
        break;
      case BK_WINDOW_PHASE_OPEN:
        self->title = g_strdup (bk_application_state_get_display_name (self->state));
        self->stage_text = g_strdup (_ ("You are here"));
        /* TRANSLATORS: the end of the registration window */
        self->message = g_strdup_printf (_ ("Registration is open until %s."), end);
        self->next_step =
          g_strdup (bk_application_state_get_next_step (self->state, BK_COMMITMENT_UNSET));
        break;
      case BK_WINDOW_PHASE_CLOSED:
      case BK_WINDOW_PHASE_NONE:
      default:
        self->title = g_strdup (_ ("Registration closed"));
        self->stage_text = g_strdup (_ ("Closed"));
        /* TRANSLATORS: the end of the registration window */
        self->message = g_strdup_printf (_ ("Registration closed on %s before this application "
                                            "was submitted. There is no late registration."),
                                         end);
        self->next_step = g_strdup (_ ("Apply in a later exam session: choose it in step 4."));
        break;
    }
}

/* What to do next in @step's window: the step says it better than the
 * state where the state spans several steps (a passed check waits for
 * the spot-check review, then is confirmed; a confirmed application with
 * its ticket goes on to the exam). */
static const char *
next_step_in (BkApplicationState state, const char *step, BkCommitment commitment)
{
  if (g_strcmp0 (step, "confirmation") == 0)
    return bk_application_state_get_next_step (BK_APPLICATION_STATE_SPOT_CHECK_PASSED, commitment);
  if (g_strcmp0 (step, "exam") == 0)
    return bk_application_state_get_next_step (BK_APPLICATION_STATE_TICKET_PRINTED, commitment);
  return bk_application_state_get_next_step (state, commitment);
}

static void
set_step_texts (BkApplicationStatus *self,
                const BkExamWindow *window,
                Actor actor,
                BkCommitment commitment,
                const char *point)
{
  const char *name = bk_exam_window_get_step_name (self->window_step);
  const char *next = g_str_equal (self->window_step, "payment")
                       ? _ ("Pay the fee online before the payment window closes; whoever does "
                            "not pay in time has given up the exam.")
                       : next_step_in (self->state, self->window_step, commitment);
  g_autofree char *start = bk_format_date_time (window->start);
  g_autofree char *end = window->end != NULL ? bk_format_deadline (window->end) : NULL;

  self->title = g_strdup (bk_application_state_get_display_name (self->state));
  switch (self->phase)
    {
      case BK_WINDOW_PHASE_NOT_OPEN:
        self->stage_text = g_strdup (_ ("You are here"));
        if (end != NULL && !window->approximate)
          /* TRANSLATORS: a window's name, its start and its end, e.g.
           * "Confirmation opens on 2026-04-17 10:00 and closes on 2026-04-18 16:00." */
          self->message = g_strdup_printf (_ ("%s opens on %s and closes on %s."), name, start,
                                           end);
        else
          /* TRANSLATORS: a window's name and its approximate start */
          self->message = g_strdup_printf (_ ("%s is expected from about %s."), name, start);
        break;

      case BK_WINDOW_PHASE_OPEN:
        self->stage_text = g_strdup (_ ("You are here"));
        if (end == NULL)
          /* TRANSLATORS: a window's name */
          self->message = g_strdup_printf (_ ("%s is under way."), name);
        else if (actor == ACTOR_AUTHORITY)
          /* TRANSLATORS: a window's name and its end, e.g. "Eligibility verification
           * runs until 2026-04-14 16:00." */
          self->message = g_strdup_printf (_ ("%s runs until %s."), name, end);
        else
          /* TRANSLATORS: a window's name and its end */
          self->message = g_strdup_printf (_ ("%s is open until %s; do this step before then."),
                                           name, end);
        break;

      case BK_WINDOW_PHASE_CLOSED:
      case BK_WINDOW_PHASE_NONE:
      default:
        if (actor == ACTOR_CANDIDATE)
          {
            const char *missed = bk_application_state_describe_missed_window (self->window_step);

            self->failed = TRUE;
            g_free (self->title);
            self->title = g_strdup (_ ("Deadline missed"));
            self->stage_text = g_strdup (_ ("Missed"));
            /* TRANSLATORS: a window's name, its end, then what missing it means */
            self->message = g_strdup_printf (_ ("%s closed on %s. %s"), name, end,
                                             missed != NULL ? missed : "");
            /* TRANSLATORS: %s is "your registration point, NAME (telephone …)" */
            self->next_step = g_strdup_printf (_ ("If you did this step in time, contact %s."),
                                               point);
          }
        else if (actor == ACTOR_AUTHORITY)
          {
            self->overdue = TRUE;
            self->stage_text = g_strdup (_ ("No result yet"));
            /* TRANSLATORS: a window's name and its end, e.g. "Eligibility verification
             * closed on 2026-04-14 16:00, and no result has arrived yet." */
            self->message = g_strdup_printf (_ ("%s closed on %s, and no result has arrived yet."),
                                             name, end);
            /* TRANSLATORS: %s is "your registration point, NAME (telephone …)" */
            self->next_step = g_strdup_printf (_ ("Contact %s and ask about your application."),
                                               point);
          }
        else
          {
            self->stage_text = g_strdup (_ ("Done"));
            /* TRANSLATORS: the end of the exam */
            self->message = g_strdup_printf (_ ("The exam ended on %s."), end);
            self->next_step = g_strdup (
              bk_application_state_get_next_step (BK_APPLICATION_STATE_EXAM_TAKEN, commitment));
          }
        break;
    }
  if (self->next_step == NULL)
    self->next_step = g_strdup (next != NULL ? next : _ ("Nothing more to do."));
}

static void
set_final_texts (BkApplicationStatus *self, BkCommitment commitment, const char *point)
{
  const char *next = bk_application_state_get_next_step (self->state, commitment);

  self->title = g_strdup (bk_application_state_get_display_name (self->state));
  switch (self->state)
    {
      case BK_APPLICATION_STATE_TERMINATED:
        self->failed = TRUE;
        self->stage_text = g_strdup (_ ("Did not pass"));
        self->message = g_strdup (_ ("The manual check did not pass, so the registration has "
                                     "ended."));
        /* TRANSLATORS: %s is "your registration point, NAME (telephone …)" */
        self->next_step = g_strdup_printf (_ ("Ask %s for the reason; you can apply again in a "
                                              "later exam session."),
                                           point);
        break;
      case BK_APPLICATION_STATE_LAPSED:
        self->failed = TRUE;
        self->stage_text = g_strdup (_ ("Did not pass"));
        self->message = g_strdup (_ ("A time window was missed, so the registration has not "
                                     "succeeded."));
        /* TRANSLATORS: %s is "your registration point, NAME (telephone …)" */
        self->next_step = g_strdup_printf (_ ("Apply in a later exam session; if you think this "
                                              "is wrong, contact %s."),
                                           point);
        break;
      default:
        self->stage_text = g_strdup (_ ("You are here"));
        self->next_step = g_strdup (next != NULL ? next : _ ("Nothing more to do."));
        break;
    }
}

BkApplicationStatus *
bk_application_status_new (BkExamApplication *application, BkExamSession *session, GDateTime *now)
{
  return bk_application_status_new_from_server (application, NULL, session, now);
}

BkApplicationStatus *
bk_application_status_new_from_server (BkExamApplication *application,
                                       const BkApplicationProgress *progress,
                                       BkExamSession *session,
                                       GDateTime *now)
{
  g_autoptr (BkApplicationStatus) self = g_new0 (BkApplicationStatus, 1);
  g_autofree char *point = NULL;
  BkCommitment commitment;
  const BkExamWindow *window = NULL;
  const char *step;
  Actor actor;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (application), NULL);
  g_return_val_if_fail (session == NULL || BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  /* The server's state is the newer: the local copy waits for a pull, or
   * for the push of a change of the candidate's (a proof) to be met. */
  self->state = progress != NULL ? progress->state : bk_exam_application_get_state (application);
  commitment = bk_exam_application_get_commitment (application);
  point = describe_point (application, session);
  place_state (self->state, commitment, progress, session, now, &self->stage, &step, &actor);
  self->window_step = step;

  if (step != NULL && session != NULL)
    window = bk_exam_session_get_window (session, step);
  if (window != NULL)
    {
      self->opens = g_date_time_ref (window->start);
      self->deadline = window->end != NULL ? g_date_time_ref (window->end) : NULL;
      if (g_date_time_compare (now, window->start) < 0)
        self->phase = BK_WINDOW_PHASE_NOT_OPEN;
      else if (window->end == NULL || g_date_time_compare (now, window->end) < 0)
        self->phase = BK_WINDOW_PHASE_OPEN;
      else
        self->phase = BK_WINDOW_PHASE_CLOSED;
    }

  if (self->state == BK_APPLICATION_STATE_DRAFT && session != NULL)
    {
      /* A register window without an end accepts nothing. */
      if (window != NULL && window->end == NULL)
        self->phase = BK_WINDOW_PHASE_NONE;
      set_draft_texts (self, self->phase == BK_WINDOW_PHASE_NONE ? NULL : window);
      self->can_submit = self->phase == BK_WINDOW_PHASE_OPEN;
      self->can_act = self->can_submit;
      self->failed = self->phase == BK_WINDOW_PHASE_CLOSED;
    }
  else if (step == NULL)
    set_final_texts (self, commitment, point);
  else if (window == NULL)
    {
      const char *next = next_step_in (self->state, step, commitment);

      self->title = g_strdup (bk_application_state_get_display_name (self->state));
      self->stage_text = g_strdup (_ ("You are here"));
      if (session == NULL)
        self->message = g_strdup (_ ("The exam session of this application is not known on this "
                                     "computer, so its deadlines cannot be shown."));
      self->next_step = g_strdup (next != NULL ? next : _ ("Nothing more to do."));
    }
  else
    {
      set_step_texts (self, window, actor, commitment, point);
      self->can_act = self->phase == BK_WINDOW_PHASE_OPEN &&
                      (actor == ACTOR_CANDIDATE || actor == ACTOR_EXAM);
    }

  return g_steal_pointer (&self);
}
