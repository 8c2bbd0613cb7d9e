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

#include "bk-application-status.h"
#include "bk-clock.h"
#include "bk-sessions.h"
#include "bk-status-page.h"
#include "bk-step-page.h"
#include "bk-rows.h"

struct _BkStatusPage
{
  AdwBin parent_instance;

  BkExamApplication *application;
  GtkWidget *stage_rows[BK_APPLICATION_N_STAGES];

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
  g_autoptr (BkApplicationStatus) status = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (self->application == NULL)
    return;

  /* Worked out in core from the state, the session's windows and the clock. */
  now = bk_clock_get_now ();
  status = bk_application_status_new (
    self->application, bk_sessions_lookup (bk_exam_application_get_session_id (self->application)),
    now);

  gtk_label_set_text (self->state_label, status->title);
  adw_action_row_set_subtitle (self->next_row, status->next_step);
  if (status->message != NULL)
    adw_action_row_set_subtitle (self->deadline_row, status->message);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_row), status->message != NULL);

  for (BkApplicationStage s = 0; s < BK_APPLICATION_N_STAGES; s++)
    {
      if (s < status->stage)
        set_stage_row (self->stage_rows[s], "emblem-ok-symbolic", _ ("Done"));
      else if (s == status->stage && status->failed)
        set_stage_row (self->stage_rows[s], "dialog-error-symbolic", status->stage_text);
      else if (s == status->stage && status->overdue)
        set_stage_row (self->stage_rows[s], "dialog-warning-symbolic", status->stage_text);
      else if (s == status->stage)
        set_stage_row (self->stage_rows[s], "media-playback-start-symbolic", status->stage_text);
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

  for (BkApplicationStage s = 0; s < BK_APPLICATION_N_STAGES; s++)
    {
      GtkWidget *row = bk_rows_new_plain ();
      GtkWidget *icon = gtk_image_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", s + 1,
                                                bk_application_stage_get_display_name (s));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "icon", icon);
      adw_preferences_group_add (self->stages_group, row);
      self->stage_rows[s] = row;
    }
}
