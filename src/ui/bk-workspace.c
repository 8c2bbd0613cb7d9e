/* bk-workspace.c
 *
 * Every change a page makes is saved shortly after (a debounce, so typing
 * a name is one write, not twenty), off the main thread, and once more when
 * the window closes, so nothing is lost if the candidate stops halfway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-account-page.h"
#include "bk-application-page.h"
#include "bk-eligibility-page.h"
#include "bk-photo-page.h"
#include "bk-primary-menu-button.h"
#include "bk-profile-page.h"
#include "bk-sessions.h"
#include "bk-status-page.h"
#include "bk-step-page.h"
#include "bk-step-sidebar.h"
#include "bk-store-error.h"
#include "bk-sync-banner.h"
#include "bk-sync-indicator.h"
#include "bk-ticket-step-page.h"
#include "bk-workspace.h"

#define SAVE_DELAY_MS 400

struct _BkWorkspace
{
  AdwBin parent_instance;

  BkStore *store;
  BkProfile *profile;
  BkExamApplication *application; /* the one the steps work on */
  GCancellable *cancellable;
  guint save_source;
  BkSyncScheduler *scheduler; /* the open profile's, when it syncs */
  gboolean saving;
  gboolean dirty; /* changed while a save was running */

  /* Template widgets */
  GtkWidget *back_button;
  GtkWidget *locked_banner;
  GtkWidget *sidebar;
  AdwWindowTitle *title;
  GtkStack *steps;
  GtkButton *next_button;
  BkSyncIndicator *sync_indicator;
  BkSyncBanner *sync_banner;
  BkTicketStepPage *ticket_page;
};

G_DEFINE_FINAL_TYPE (BkWorkspace, bk_workspace, ADW_TYPE_BIN)

enum
{
  CLOSED,
  ERROR,
  SAVED,
  PASSWORD_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_save (BkWorkspace *self);

/* Worth a row in the profile list: the candidate has chosen a password
 * (the store writes no profile without one: on a shared PC it would be
 * open to anyone) and typed something that identifies the profile (kept
 * even before it has a user name, so a half-filled account page is not
 * lost). */
static gboolean
profile_has_content (BkProfile *profile)
{
  const char *fields[] = {
    bk_profile_get_real_name (profile),
    bk_profile_get_id_number (profile),
    bk_profile_get_user_name (profile),
  };

  if (!bk_store_profile_is_protected (profile))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL && *fields[i] != '\0')
      return TRUE;
  return FALSE;
}

static void
update_title (BkWorkspace *self)
{
  const char *name;
  g_autofree char *subtitle = NULL;
  int completeness;

  if (self->profile == NULL)
    return;

  name = bk_profile_get_real_name (self->profile);
  completeness = bk_profile_get_completeness (self->profile, NULL);
  adw_window_title_set_title (self->title,
                              name != NULL && *name != '\0' ? name : _ ("New Profile"));
  /* TRANSLATORS: how much of the profile is filled in, e.g. "Profile 85% complete" */
  subtitle = g_strdup_printf (_ ("Profile %d%% complete"), completeness);
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void
report_store_error (BkWorkspace *self, GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  message = bk_store_error_describe (error);
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
application_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_store_save_application_finish (BK_STORE (source), result, &error))
    {
      self->saving = FALSE;
      report_store_error (self, error);
      return;
    }

  self->saving = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  if (self->dirty)
    schedule_save (self);
}

/* The application refers to the profile, so it is written after it. */
static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_store_save_profile_finish (BK_STORE (source), result, &error))
    {
      self->saving = FALSE;
      report_store_error (self, error);
      return;
    }

  if (self->application != NULL)
    {
      bk_store_save_application_async (self->store, self->application, self->cancellable,
                                       application_saved_cb, g_object_ref (self));
      return;
    }

  self->saving = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  if (self->dirty)
    schedule_save (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BkWorkspace *self = user_data;

  self->save_source = 0;
  if (self->store == NULL || self->profile == NULL || !profile_has_content (self->profile))
    return G_SOURCE_REMOVE;

  if (self->saving)
    {
      self->dirty = TRUE;
      return G_SOURCE_REMOVE;
    }

  self->saving = TRUE;
  self->dirty = FALSE;
  bk_store_save_profile_async (self->store, self->profile, self->cancellable, saved_cb,
                               g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_save (BkWorkspace *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
profile_changed_cb (BkWorkspace *self)
{
  update_title (self);
  schedule_save (self);
}

/* What the store writes back after a save (version, timestamps) is no
 * change of the candidate's, and saving again for it would only repeat
 * the save. */
static void
profile_notify_cb (BkWorkspace *self, GParamSpec *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "version") || g_str_equal (name, "created-at") ||
      g_str_equal (name, "updated-at"))
    return;
  profile_changed_cb (self);
}

static void
page_error_cb (BkWorkspace *self, const char *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
back_clicked_cb (BkWorkspace *self)
{
  bk_workspace_flush (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

/* The visible step's neighbour in the sidebar's order, or NULL. */
static GtkWidget *
neighbour_step (BkWorkspace *self, gboolean forward)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->steps);

  /* A step that has nothing to show yet (the ticket) is passed over. */
  do
    page = page == NULL ? NULL
           : forward    ? gtk_widget_get_next_sibling (page)
                        : gtk_widget_get_prev_sibling (page);
  while (page != NULL && !gtk_widget_get_visible (page));
  return page;
}

static void
update_step_buttons (BkWorkspace *self)
{
  GtkWidget *next = neighbour_step (self, TRUE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.previous-step",
                                 neighbour_step (self, FALSE) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workspace.next-step", next != NULL);
  if (next == NULL)
    bk_accessible_set_button_label (self->next_button, _ ("_Next Step"), _ ("Next Step"));
  else
    {
      /* TRANSLATORS: the button to the next step, e.g. "Next: 2. Profile" */
      g_autofree char *label = g_strdup_printf (
        _ ("_Next: %s"), gtk_stack_page_get_title (gtk_stack_get_page (self->steps, next)));
      g_autofree char *name = g_strdup_printf (
        _ ("Next: %s"), gtk_stack_page_get_title (gtk_stack_get_page (self->steps, next)));

      bk_accessible_set_button_label (self->next_button, label, name);
    }
}

/* Each page gets the profile when it is shown, so a page computes its
 * verdicts (completeness, eligibility) from the latest data. */
static void
step_changed_cb (BkWorkspace *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->steps);

  if (page != NULL && self->profile != NULL && BK_IS_STEP_PAGE (page))
    bk_step_page_set_profile (BK_STEP_PAGE (page), self->profile);
  update_step_buttons (self);
}

static void
move_step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BkWorkspace *self = BK_WORKSPACE (widget);
  GtkWidget *target = neighbour_step (self, g_str_equal (action_name, "workspace.next-step"));

  if (target != NULL)
    gtk_stack_set_visible_child (self->steps, target);
}

static void
for_each_page (BkWorkspace *self, void (*func) (BkWorkspace *, BkStepPage *))
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BK_IS_STEP_PAGE (child))
      func (self, BK_STEP_PAGE (child));
}

static void
password_set_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_store_set_profile_password_finish (BK_STORE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report_store_error (self, error);
}

/* The profile's data is sealed with a key the password opens: the store
 * makes (or re-wraps) it before the save that follows the new hash. */
static void
password_chosen_cb (BkWorkspace *self, const char *password)
{
  if (self->store != NULL && self->profile != NULL)
    bk_store_set_profile_password_async (self->store, bk_profile_get_id (self->profile), password,
                                         self->cancellable, password_set_cb, g_object_ref (self));
  /* And for the account on the server (the window's sync). */
  g_signal_emit (self, signals[PASSWORD_CHOSEN], 0, password);
}

static void
connect_page (BkWorkspace *self, BkStepPage *page)
{
  if (BK_IS_ACCOUNT_PAGE (page))
    g_signal_connect_swapped (page, "password-chosen", G_CALLBACK (password_chosen_cb), self);
  g_signal_connect_swapped (page, "changed", G_CALLBACK (profile_changed_cb), self);
  g_signal_connect_swapped (page, "error", G_CALLBACK (page_error_cb), self);
}

static void
give_profile (BkWorkspace *self, BkStepPage *page)
{
  bk_step_page_set_profile (page, self->profile);
}

static void
give_application (BkWorkspace *self, BkStepPage *page)
{
  bk_step_page_set_application (page, self->application);
}

static gboolean
is_locked (BkWorkspace *self)
{
  return self->application != NULL &&
         !bk_application_state_is_editable (bk_exam_application_get_state (self->application));
}

static void
give_locked (BkWorkspace *self, BkStepPage *page)
{
  bk_step_page_set_locked (page, is_locked (self));
}

/* A submitted application can no longer change, nor can what it was
 * worked out from; the banner says so and what to do instead. */
static void
update_locked (BkWorkspace *self)
{
  gtk_widget_set_visible (self->locked_banner, is_locked (self));
  for_each_page (self, give_locked);
}

static void
use_application (BkWorkspace *self, BkExamApplication *application)
{
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_set_object (&self->application, application);
  if (application != NULL)
    g_signal_connect_swapped (application, "notify::state", G_CALLBACK (update_locked), self);
  for_each_page (self, give_application);
  update_locked (self);
}

/* A new application for the session that is open now (or opens next),
 * level 1, all subjects; saved after the profile once something changes. */
static BkExamApplication *
new_draft (BkWorkspace *self)
{
  BkExamSession *session = bk_sessions_get_default ();

  return bk_exam_application_new (bk_profile_get_id (self->profile),
                                  session != NULL ? bk_exam_session_get_id (session) : "", 1,
                                  BK_EXAM_MODE_ALL);
}

/* The profile's latest application, or a new draft. */
static void
applications_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) applications = NULL;
  g_autoptr (BkExamApplication) application = NULL;
  guint n;

  applications = bk_store_list_applications_finish (BK_STORE (source), result, &error);
  if (applications == NULL)
    {
      report_store_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (applications);
  application = n > 0 ? g_list_model_get_item (applications, n - 1) : new_draft (self);
  use_application (self, application);
}

static void
load_application (BkWorkspace *self)
{
  g_autoptr (BkExamApplication) draft = NULL;

  if (bk_profile_get_version (self->profile) > 0)
    {
      bk_store_list_applications_async (self->store, bk_profile_get_id (self->profile),
                                        self->cancellable, applications_loaded_cb,
                                        g_object_ref (self));
      return;
    }

  draft = new_draft (self);
  use_application (self, draft);
}

/* "workspace.show-step" with a step's name: pages move the candidate on,
 * e.g. to the status after submitting. */
static void
show_step_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BkWorkspace *self = BK_WORKSPACE (widget);

  gtk_stack_set_visible_child_name (self->steps, g_variant_get_string (parameter, NULL));
}

static void
bk_workspace_dispose (GObject *object)
{
  BkWorkspace *self = BK_WORKSPACE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WORKSPACE);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_clear_object (&self->application);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bk_workspace_parent_class)->dispose (object);
}

static void
bk_workspace_class_init (BkWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_workspace_dispose;

  /* The candidate went back to the list of profiles. */
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
  /* Something failed that the window should tell: a translated sentence. */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The profile (and its application) reached the store: a change to sync. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  /* The candidate chose a password on the account page (as typed). */
  signals[PASSWORD_CHOSEN] = g_signal_new ("password-chosen", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_STRING);

  g_type_ensure (BK_TYPE_PRIMARY_MENU_BUTTON);
  g_type_ensure (BK_TYPE_ACCOUNT_PAGE);
  g_type_ensure (BK_TYPE_PROFILE_PAGE);
  g_type_ensure (BK_TYPE_PHOTO_PAGE);
  g_type_ensure (BK_TYPE_ELIGIBILITY_PAGE);
  g_type_ensure (BK_TYPE_APPLICATION_PAGE);
  g_type_ensure (BK_TYPE_STATUS_PAGE);
  g_type_ensure (BK_TYPE_STEP_SIDEBAR);
  g_type_ensure (BK_TYPE_SYNC_BANNER);
  g_type_ensure (BK_TYPE_SYNC_INDICATOR);
  g_type_ensure (BK_TYPE_TICKET_STEP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, back_button);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, locked_banner);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, title);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, steps);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, sync_banner);
  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, ticket_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_bind_template_child (widget_class, BkWorkspace, next_button);
  /* Read with gtk_widget_get_template_child (): the page the sync hands its scheduler to. */
  gtk_widget_class_bind_template_child_full (widget_class, "status_page", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "workspace.show-step", "s", show_step_action);
  gtk_widget_class_install_action (widget_class, "workspace.previous-step", NULL, move_step_action);
  gtk_widget_class_install_action (widget_class, "workspace.next-step", NULL, move_step_action);
}

/* Alt+Page Down / Alt+Page Up move between the steps wherever the focus
 * is in the window (a managed scope, like an accelerator), so the keyboard
 * alone can go through the whole application. */
static void
add_step_shortcuts (BkWorkspace *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, GDK_ALT_MASK),
                      gtk_named_action_new ("workspace.next-step")));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, GDK_ALT_MASK),
                      gtk_named_action_new ("workspace.previous-step")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void conflicts_resolved_cb (BkWorkspace *self);

static void
bk_workspace_init (BkWorkspace *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_name_controls (GTK_WIDGET (self));
  add_step_shortcuts (self);
  for_each_page (self, connect_page);
  /* The ticket's step appears after a sync, maybe next to the step on show. */
  g_signal_connect_swapped (self->ticket_page, "notify::visible", G_CALLBACK (update_step_buttons),
                            self);
  g_signal_connect_swapped (self->sync_banner, "conflicts-resolved",
                            G_CALLBACK (conflicts_resolved_cb), self);
}

void
bk_workspace_set_store (BkWorkspace *self, BkStore *store)
{
  g_return_if_fail (BK_IS_WORKSPACE (self));

  g_set_object (&self->store, store);
  bk_ticket_step_page_set_store (self->ticket_page, store);
}

void
bk_workspace_set_profile (BkWorkspace *self, BkProfile *profile)
{
  g_return_if_fail (BK_IS_WORKSPACE (self));
  g_return_if_fail (BK_IS_PROFILE (profile));

  bk_workspace_flush (self);
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_set_object (&self->profile, profile);
  g_signal_connect_swapped (profile, "notify", G_CALLBACK (profile_notify_cb), self);
  g_signal_connect_swapped (bk_profile_get_education (profile), "items-changed",
                            G_CALLBACK (profile_changed_cb), self);
  g_signal_connect_swapped (bk_profile_get_work (profile), "items-changed",
                            G_CALLBACK (profile_changed_cb), self);

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  g_clear_object (&self->application);
  update_locked (self);
  bk_sync_banner_set_profile (self->sync_banner, self->store, bk_profile_get_id (profile));
  for_each_page (self, give_profile);
  load_application (self);
  update_title (self);
  update_step_buttons (self);
  /* A new profile starts at its account; an existing one at its profile. */
  gtk_stack_set_visible_child_name (self->steps,
                                    bk_profile_get_version (profile) == 0 ? "account" : "profile");
}

/* A sync is done: what it pulled (the server's verdict, a decision, the
 * ticket) reaches the pages at once, through the application read again
 * from the store. Not while a change of the candidate's waits to be
 * saved: the next sync brings it then. */
/* The photo page shows a profile's photo when it is given the profile. */
static void
give_photo (BkWorkspace *self, BkStepPage *page)
{
  if (!BK_IS_PHOTO_PAGE (page))
    return;
  bk_step_page_set_profile (page, NULL);
  bk_step_page_set_profile (page, self->profile);
}

static void
photo_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (BkProfile) stored = bk_store_load_profile_finish (BK_STORE (source), result, NULL);

  if (stored == NULL || self->profile == NULL ||
      g_strcmp0 (bk_profile_get_id (stored), bk_profile_get_id (self->profile)) != 0 ||
      bk_profile_get_photo_original (self->profile) != NULL ||
      bk_profile_get_photo_original (stored) == NULL)
    return;
  bk_profile_set_photo (
    self->profile, bk_profile_get_photo_original (stored), bk_profile_get_photo_file_name (stored),
    bk_profile_get_photo_standardised (stored), bk_profile_get_photo_accepted (stored),
    bk_profile_get_photo_report (stored));
  for_each_page (self, give_photo);
}

static void
synced_cb (BkWorkspace *self)
{
  /* A photo the sync downloaded (from the candidate's other computer)
   * comes into the open profile, which would otherwise save without it
   * and so remove it. */
  if (self->profile != NULL && self->store != NULL && bk_profile_get_version (self->profile) > 0 &&
      bk_profile_get_photo_original (self->profile) == NULL)
    bk_store_load_profile_async (self->store, bk_profile_get_id (self->profile), self->cancellable,
                                 photo_loaded_cb, g_object_ref (self));
  if (self->profile == NULL || self->store == NULL || self->save_source != 0 || self->saving ||
      self->dirty || bk_profile_get_version (self->profile) == 0)
    return;
  load_application (self);
}

static void
reloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWorkspace) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = bk_store_load_profile_finish (BK_STORE (source), result, &error);
  g_autofree char *step = NULL;

  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_store_error (self, error);
      return;
    }
  step = g_strdup (gtk_stack_get_visible_child_name (self->steps));
  bk_workspace_set_profile (self, profile);
  gtk_stack_set_visible_child_name (self->steps, step);
  if (self->scheduler != NULL)
    bk_sync_scheduler_note_change (self->scheduler);
}

/* The user chose between their values and the server's: the pages show
 * the record as the store now holds it (an edit not yet saved loses to
 * that later choice), and the choice goes to the server soon. */
static void
conflicts_resolved_cb (BkWorkspace *self)
{
  if (self->profile == NULL || self->store == NULL)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  bk_store_load_profile_async (self->store, bk_profile_get_id (self->profile), self->cancellable,
                               reloaded_cb, g_object_ref (self));
}

BkProfile *
bk_workspace_get_profile (BkWorkspace *self)
{
  g_return_val_if_fail (BK_IS_WORKSPACE (self), NULL);

  return self->profile;
}

void
bk_workspace_set_sync_scheduler (BkWorkspace *self, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_WORKSPACE (self));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    g_signal_connect_swapped (scheduler, "notify::last-synced", G_CALLBACK (synced_cb), self);

  bk_sync_indicator_set_scheduler (self->sync_indicator, scheduler);
  bk_sync_banner_set_scheduler (self->sync_banner, scheduler);
  bk_ticket_step_page_set_scheduler (self->ticket_page, scheduler);
  bk_status_page_set_sync (BK_STATUS_PAGE (gtk_widget_get_template_child (
                             GTK_WIDGET (self), BK_TYPE_WORKSPACE, "status_page")),
                           self->store, scheduler);
}

void
bk_workspace_focus_first_field (BkWorkspace *self)
{
  GtkWidget *page;

  g_return_if_fail (BK_IS_WORKSPACE (self));

  page = gtk_stack_get_visible_child (self->steps);
  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

void
bk_workspace_flush (BkWorkspace *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BK_IS_WORKSPACE (self));

  if (self->save_source == 0 && !self->dirty)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL || self->profile == NULL || !profile_has_content (self->profile))
    return;

  /* Synchronous on purpose: the window is about to go away. */
  if (!bk_store_save_profile (self->store, self->profile, &error) ||
      (self->application != NULL &&
       !bk_store_save_application (self->store, self->application, &error)))
    {
      g_autofree char *message = bk_store_error_describe (error);
      g_signal_emit (self, signals[ERROR], 0, message);
    }
}
