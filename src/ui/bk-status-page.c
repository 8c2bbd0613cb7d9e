/* bk-status-page.c
 *
 * The stages follow the Shanghai workflow in domain.md: apply, submit,
 * verification (automatic or manual), spot-check review, confirmation,
 * admission ticket, exam, scores, certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-format.h"
#include "bk-sessions.h"
#include "bk-status-page.h"
#include "bk-step-page.h"
#include "bk-rows.h"

typedef enum
{
  STAGE_APPLY,
  STAGE_SUBMIT,
  STAGE_VERIFICATION,
  STAGE_REVIEW,
  STAGE_CONFIRMATION,
  STAGE_TICKET,
  STAGE_EXAM,
  STAGE_SCORES,
  STAGE_CERTIFICATE,
  N_STAGES,
} Stage;

static const char *const stage_names[N_STAGES] = {
  N_ ("Fill in and apply"), N_ ("Submit"),       N_ ("Verification (automatic or manual check)"),
  N_ ("Spot-check review"), N_ ("Confirmation"), N_ ("Print the admission ticket"),
  N_ ("Sit the exam"),      N_ ("Scores"),       N_ ("Certificate"),
};

struct _BkStatusPage
{
  AdwBin parent_instance;

  BkExamApplication *application;
  GtkWidget *stage_rows[N_STAGES];

  /* Template widgets */
  GtkLabel *state_label;
  AdwActionRow *next_row;
  AdwActionRow *deadline_row;
  AdwPreferencesGroup *stages_group;
};

static void bk_status_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkStatusPage,
                               bk_status_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_status_page_step_page_init))

/* The stage the application is in, and whether it failed there. */
static Stage
current_stage (BkApplicationState state, gboolean *failed)
{
  *failed = bk_application_state_is_failure (state);

  switch (state)
    {
      case BK_APPLICATION_STATE_DRAFT:
        return STAGE_APPLY;
      case BK_APPLICATION_STATE_SUBMITTED:
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_FAILED:
      case BK_APPLICATION_STATE_PROOFS_SUBMITTED:
      case BK_APPLICATION_STATE_TERMINATED:
        return STAGE_VERIFICATION;
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return STAGE_REVIEW;
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return STAGE_CONFIRMATION;
      case BK_APPLICATION_STATE_CONFIRMED:
        return STAGE_TICKET;
      case BK_APPLICATION_STATE_TICKET_PRINTED:
        return STAGE_EXAM;
      case BK_APPLICATION_STATE_EXAM_TAKEN:
        return STAGE_SCORES;
      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
        return STAGE_CERTIFICATE;
      case BK_APPLICATION_STATE_CERTIFIED:
        return N_STAGES;
      case BK_APPLICATION_STATE_LAPSED:
      default:
        *failed = TRUE;
        return STAGE_APPLY;
    }
}

static void
set_stage_row (GtkWidget *row, const char *icon_name, const char *state_text)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state_text);
}

static void
update (BkStatusPage *self)
{
  BkApplicationState state;
  BkCommitment commitment;
  BkExamSession *session;
  const char *next;
  const char *step;
  const BkExamWindow *window = NULL;
  gboolean failed;
  Stage stage;

  if (self->application == NULL)
    return;

  state = bk_exam_application_get_state (self->application);
  commitment = bk_exam_application_get_commitment (self->application);
  session = bk_sessions_lookup (bk_exam_application_get_session_id (self->application));
  stage = current_stage (state, &failed);

  gtk_label_set_text (self->state_label, bk_application_state_get_display_name (state));
  next = bk_application_state_get_next_step (state, commitment);
  adw_action_row_set_subtitle (self->next_row, next != NULL ? next : _ ("Nothing more to do."));

  step = bk_application_state_get_window_step (state, commitment);
  if (session != NULL && step != NULL)
    window = bk_exam_session_get_window (session, step);
  if (window != NULL)
    {
      g_autoptr (GDateTime) now = bk_clock_get_now ();
      gboolean not_yet = g_date_time_compare (now, window->start) < 0;
      gboolean over = g_date_time_compare (now, window->end) >= 0;
      g_autofree char *relative = bk_clock_describe_relative (not_yet ? window->start
                                                                      : window->end);
      const char *missed = bk_application_state_describe_missed_window (step);
      g_autofree char *when = g_strdup_printf (
        /* TRANSLATORS: a window's name and when it opens or closes, e.g.
         * "Eligibility verification closes in 6 days (2026-04-14 16:00)" */
        not_yet ? _ ("%s opens %s")
        : over  ? _ ("%s closed %s")
                : _ ("%s closes %s"),
        bk_exam_window_get_step_name (step), relative);
      g_autofree char *text = g_strconcat (when, missed != NULL ? "\n" : "",
                                           missed != NULL ? missed : "", NULL);
      adw_action_row_set_subtitle (self->deadline_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), FALSE);

  for (Stage s = 0; s < N_STAGES; s++)
    {
      if (s < stage)
        set_stage_row (self->stage_rows[s], "emblem-ok-symbolic", _ ("Done"));
      else if (s == stage && failed)
        set_stage_row (self->stage_rows[s], "dialog-error-symbolic", _ ("Did not pass"));
      else if (s == stage)
        set_stage_row (self->stage_rows[s], "media-playback-start-symbolic", _ ("You are here"));
      else
        set_stage_row (self->stage_rows[s], "content-loading-symbolic", _ ("To come"));
    }
}

static void
bk_status_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  update (BK_STATUS_PAGE (page));
}

static void
bk_status_page_set_application (BkStepPage *page, BkExamApplication *application)
{
  BkStatusPage *self = BK_STATUS_PAGE (page);

  g_set_object (&self->application, application);
  update (self);
}

static void
bk_status_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_status_page_set_profile;
  iface->set_application = bk_status_page_set_application;
}

static void
bk_status_page_dispose (GObject *object)
{
  BkStatusPage *self = BK_STATUS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_STATUS_PAGE);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bk_status_page_parent_class)->dispose (object);
}

static void
bk_status_page_class_init (BkStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_status_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, stages_group);
}

static void
bk_status_page_init (BkStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Stage s = 0; s < N_STAGES; s++)
    {
      GtkWidget *row = bk_rows_new_plain ();
      GtkWidget *icon = gtk_image_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", s + 1, _ (stage_names[s]));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "icon", icon);
      adw_preferences_group_add (self->stages_group, row);
      self->stage_rows[s] = row;
    }
}
