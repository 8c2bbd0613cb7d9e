/* bk-status-page.c
 *
 * The stages follow the Shanghai workflow in domain.md: apply, submit,
 * verification (automatic or manual), spot-check review, confirmation,
 * admission ticket, exam, scores, certificate.
 *
 * From "submitted" on, the server writes the application's way (its
 * state, the staff's decisions, confirmation, payment, ticket, scores):
 * the page reads the server's copy the store keeps, again after each pull
 * that brought changes, and tells the candidate of news with a desktop
 * notification when the window is in the background or hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-application-reminder.h"
#include "bk-application-status.h"
#include "bk-clock.h"
#include "bk-format.h"
#include "bk-own-password-dialog.h"
#include "bk-password.h"
#include "bk-proof-uploads.h"
#include "bk-rows.h"
#include "bk-sessions.h"
#include "bk-status-page.h"
#include "bk-status-proofs.h"
#include "bk-status-scores.h"
#include "bk-store-remote.h"
#include "bk-step-page.h"
#include "bk-sync-client-files.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"

/* How often the page looks whether a reminder is due (seconds). */
#define REMINDER_CHECK_SECONDS 900

struct _BkStatusPage
{
  AdwBin parent_instance;

  BkProfile *profile;
  BkExamApplication *application;
  BkStore *store;
  BkSyncScheduler *scheduler;
  BkProofUploads *uploads;
  BkApplicationProgress *progress; /* the server's copy, NULL before one came */
  gboolean progress_read;          /* the store was read once for this application */
  gboolean confirming;
  char *confirm_note; /* nullable: what became of the last confirmation sent */
  char *last_news;    /* what the last notification said */
  char *reminded;     /* "STEP/DATE" of the last reminder sent */
  guint reminder_id;
  GCancellable *cancellable;
  GtkWidget *stage_rows[BK_APPLICATION_N_STAGES];

  /* Template widgets */
  GtkLabel *state_label;
  AdwActionRow *next_row;
  AdwActionRow *deadline_row;
  AdwPreferencesGroup *acts_group;
  AdwActionRow *decision_row;
  AdwActionRow *confirm_row;
  GtkButton *confirm_button;
  AdwActionRow *fee_row;
  BkStatusProofs *proofs;
  BkStatusScores *scores;
  AdwPreferencesGroup *stages_group;
};

static void bk_status_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkStatusPage,
                               bk_status_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_status_page_step_page_init))

static void refresh (BkStatusPage *self);

static BkExamSession *
session_of (BkStatusPage *self)
{
  return self->application != NULL
           ? bk_sessions_lookup (bk_exam_application_get_session_id (self->application))
           : NULL;
}

/* A desktop notification, unless the candidate is looking at the window. */
static void
notify (BkStatusPage *self, const char *id, const char *title, const char *body, gboolean always)
{
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr (GNotification) notification = NULL;

  g_free (self->last_news);
  self->last_news = g_strdup (body);
  if (!always && GTK_IS_WINDOW (root) && gtk_widget_get_visible (GTK_WIDGET (root)) &&
      gtk_window_is_active (GTK_WINDOW (root)))
    return;
  /* Notifications go over D-Bus: none without the application's bus. */
  if (app == NULL || !g_application_get_is_registered (app) ||
      g_application_get_dbus_object_path (app) == NULL)
    return;
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (app, id, notification);
}

static void
check_reminder (BkStatusPage *self)
{
  BkExamSession *session = session_of (self);
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  g_autofree char *day = NULL;
  const char *step = NULL;

  if (session == NULL)
    return;
  message = bk_application_reminder_for (bk_exam_application_get_state (self->application),
                                         self->progress, session, now, &step);
  if (message == NULL)
    return;
  day = g_date_time_format (now, "%F");
  key = g_strdup_printf ("%s/%s/%s", bk_exam_application_get_id (self->application), step, day);
  if (g_strcmp0 (key, self->reminded) == 0)
    return;
  g_free (self->reminded);
  self->reminded = g_steal_pointer (&key);
  notify (self, "reminder", _ ("A Window Closes Tomorrow"), message, TRUE);
}

static void update (BkStatusPage *self);

static gboolean
reminder_timeout_cb (gpointer user_data)
{
  BkStatusPage *self = user_data;

  /* Windows open and close as time passes: the texts and the reminder too. */
  update (self);
  return G_SOURCE_CONTINUE;
}

static void
set_stage_row (GtkWidget *row, const char *icon_name, const char *state_text)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state_text);
}

/* What the confirmation window means for this application now. */
static char *
describe_confirmation (BkStatusPage *self, BkExamSession *session, GDateTime *now)
{
  const BkExamWindow *window = session != NULL
                                 ? bk_exam_session_get_window (session, "confirmation")
                                 : NULL;
  g_autofree char *opens = NULL;
  g_autofree char *closes = NULL;

  if (self->progress->confirmed_at != NULL)
    {
      g_autofree char *when = bk_format_date_time (self->progress->confirmed_at);

      /* TRANSLATORS: %s is a date and time */
      return g_strdup_printf (_ ("You confirmed your application on %s. Nothing more to do "
                                 "here."),
                              when);
    }
  if (self->confirm_note != NULL)
    return g_strdup (self->confirm_note);
  if (window == NULL)
    return g_strdup (_ ("This session has no confirmation step: nothing to do here."));
  opens = bk_format_date_time (window->start);
  closes = window->end != NULL ? bk_format_deadline (window->end) : g_strdup ("—");
  if (g_date_time_compare (now, window->start) < 0)
    return g_strdup_printf (_ ("Confirmation opens at %s and closes at %s. Come back then to "
                               "check your details and confirm; until then there is nothing to "
                               "do."),
                            opens, closes);
  if (!bk_exam_window_contains (window, now))
    return g_strdup_printf (_ ("Confirmation closed at %s without your confirmation, so the "
                               "application counts as given up. If you think this is wrong, "
                               "contact your registration point."),
                            closes);
  return g_strdup_printf (_ ("Check your details, then confirm by %s with your password. Without "
                             "it the application counts as given up."),
                          closes);
}

static char *
describe_fee (BkStatusPage *self, BkExamSession *session)
{
  guint64 fen;
  g_autofree char *amount = NULL;
  const BkExamWindow *window;

  if (bk_exam_session_is_free (session))
    return g_strdup (_ ("The exam is free: there is nothing to pay."));
  fen = bk_exam_session_get_fee_fen (session, bk_exam_application_get_level (self->application),
                                     bk_exam_application_get_mode (self->application));
  amount = bk_format_yuan (self->progress->paid ? self->progress->paid_fen : fen);
  if (self->progress->paid)
    {
      g_autofree char *when = self->progress->paid_at != NULL
                                ? bk_format_date_time (self->progress->paid_at)
                                : g_strdup ("—");

      /* TRANSLATORS: %s: an amount, a date and time, a receipt number */
      return g_strdup_printf (_ ("%s, paid on %s (receipt %s). Nothing more to pay."), amount, when,
                              self->progress->receipt != NULL ? self->progress->receipt : "—");
    }
  window = bk_exam_session_get_window (session, "payment");
  if (window != NULL && window->end != NULL)
    {
      g_autofree char *opens = bk_format_date_time (window->start);
      g_autofree char *closes = bk_format_deadline (window->end);

      /* TRANSLATORS: %s: an amount, then two dates and times */
      return g_strdup_printf (_ ("%s, not paid yet. Pay it between %s and %s, once your "
                                 "application is confirmed; there is no late payment."),
                              amount, opens, closes);
    }
  return g_strdup_printf (_ ("%s, not paid yet. Your registration point tells you how to pay."),
                          amount);
}

static void
update_acts (BkStatusPage *self, BkExamSession *session, GDateTime *now)
{
  g_autofree char *decision = NULL;
  g_autofree char *confirmation = NULL;
  g_autofree char *fee = NULL;
  const BkExamWindow *window = session != NULL
                                 ? bk_exam_session_get_window (session, "confirmation")
                                 : NULL;
  gboolean confirm_shown, proofs_shown;

  if (self->progress == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->acts_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->proofs), FALSE);
      bk_status_scores_set (self->scores, NULL, NULL, 0, 0);
      return;
    }

  decision = bk_application_progress_describe_decision (self->progress);
  if (decision != NULL)
    adw_action_row_set_subtitle (self->decision_row, decision);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_row), decision != NULL);

  confirm_shown = bk_application_progress_can_confirm (self->progress) ||
                  self->progress->confirmed_at != NULL;
  if (confirm_shown)
    {
      confirmation = describe_confirmation (self, session, now);
      adw_action_row_set_subtitle (self->confirm_row, confirmation);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), confirm_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button),
                          bk_application_progress_can_confirm (self->progress));
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            self->scheduler != NULL && !self->confirming && window != NULL &&
                              bk_exam_window_contains (window, now));

  if (session != NULL)
    {
      fee = describe_fee (self, session);
      adw_action_row_set_subtitle (self->fee_row, fee);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fee_row), session != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->acts_group), TRUE);

  proofs_shown = bk_application_progress_wants_proofs (self->progress) ||
                 (self->progress->state == BK_APPLICATION_STATE_PROOFS_SUBMITTED &&
                  g_list_model_get_n_items (bk_exam_application_get_proofs (self->application)) >
                    0);
  gtk_widget_set_visible (GTK_WIDGET (self->proofs), proofs_shown);

  bk_status_scores_set (self->scores, self->progress, session,
                        bk_exam_application_get_level (self->application),
                        bk_exam_application_get_mode (self->application));
}

static void
update (BkStatusPage *self)
{
  g_autoptr (BkApplicationStatus) status = NULL;
  g_autoptr (GDateTime) now = NULL;
  BkExamSession *session;

  if (self->application == NULL)
    return;

  /* Worked out in core from the state (the server's, once pulled), the
   * session's windows and the clock. */
  now = bk_clock_get_now ();
  session = session_of (self);
  status = bk_application_status_new_from_server (self->application, self->progress, session, now);

  gtk_label_set_text (self->state_label, status->title);
  adw_action_row_set_subtitle (self->next_row, status->next_step);
  /* The state alone does not say that staff asked for more. */
  if (self->progress != NULL && bk_application_progress_wants_proofs (self->progress))
    adw_action_row_set_subtitle (self->next_row,
                                 _ ("Add the proofs your registration point asks for below, in "
                                    "the verification window; they are sent with the next "
                                    "sync."));
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
  update_acts (self, session, now);
  check_reminder (self);
}

/* The files the server asks for go once the records they hang on are
 * there: after each sync. */
static void
send_proofs (BkStatusPage *self)
{
  if (self->uploads != NULL && self->application != NULL &&
      g_list_model_get_n_items (bk_exam_application_get_proofs (self->application)) > 0)
    bk_proof_uploads_run (self->uploads, bk_exam_application_get_proofs (self->application));
}

/* The application as the pull left it in the store: its state and
 * version (so the next save of a proof is based on the server's). */
static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkStatusPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel)
    applications = bk_store_list_applications_finish (BK_STORE (source), result, &error);

  if (applications == NULL || self->application == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (applications); i++)
    {
      g_autoptr (BkExamApplication) stored = g_list_model_get_item (applications, i);

      if (!g_str_equal (bk_exam_application_get_id (stored),
                        bk_exam_application_get_id (self->application)) ||
          bk_exam_application_get_version (stored) <=
            bk_exam_application_get_version (self->application))
        continue;
      bk_exam_application_set_version (self->application, bk_exam_application_get_version (stored));
      bk_exam_application_restore (
        self->application, bk_exam_application_get_commitment (self->application),
        bk_exam_application_get_commitment_signed_at (self->application),
        bk_exam_application_get_state (stored), bk_exam_application_get_submitted_at (stored));
    }
  update (self);
}

typedef struct
{
  BkStatusPage *self;
  char *application_id;
} Read;

static void
read_free (Read *read)
{
  g_object_unref (read->self);
  g_free (read->application_id);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Read, read_free)

/* The server's copy as the store has it; news is told once the page knew
 * what came before. */
static void
read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Read) read = user_data;
  BkStatusPage *self = read->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = bk_store_read_remote_copy_finish (BK_STORE (source), result, &error);
  g_autoptr (BkApplicationProgress) progress = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->application == NULL ||
      !g_str_equal (read->application_id, bk_exam_application_get_id (self->application)))
    return;
  if (json != NULL)
    progress = bk_application_progress_new_from_json (json, &error);
  if (error != NULL)
    g_message ("The server’s copy of the application was not read: %s", error->message);
  if (progress != NULL && self->progress_read)
    {
      g_autofree char *news = bk_application_progress_describe_news (self->progress, progress);

      if (news != NULL)
        notify (self, "status", _ ("News of Your Application"), news, FALSE);
    }
  self->progress_read = TRUE;
  if (progress != NULL)
    {
      g_clear_pointer (&self->progress, bk_application_progress_free);
      self->progress = g_steal_pointer (&progress);
      if (self->progress->confirmed_at != NULL)
        g_clear_pointer (&self->confirm_note, g_free);
    }
  if (self->profile != NULL && bk_profile_get_id (self->profile) != NULL)
    bk_store_list_applications_async (self->store, bk_profile_get_id (self->profile),
                                      self->cancellable, listed_cb, g_object_ref (self));
  update (self);
}

/* Reads the server's copy of the application again, off the main thread. */
static void
refresh (BkStatusPage *self)
{
  Read *read;

  if (self->store == NULL || self->application == NULL)
    return;
  read = g_new0 (Read, 1);
  read->self = g_object_ref (self);
  read->application_id = g_strdup (bk_exam_application_get_id (self->application));
  bk_store_read_remote_copy_async (self->store, "application", read->application_id,
                                   self->cancellable, read_cb, read);
}

static void
pulled_cb (BkStatusPage *self, guint n)
{
  refresh (self);
  send_proofs (self);
}

static void
confirmed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkStatusPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;

  self->confirming = FALSE;
  g_clear_pointer (&self->confirm_note, g_free);
  if (bk_sync_client_confirm_finish (BK_SYNC_CLIENT (source), result, &error))
    {
      self->confirm_note = g_strdup (_ ("Your confirmation reached the server; it shows here "
                                        "with the next sync."));
      if (self->scheduler != NULL)
        bk_sync_scheduler_sync_now (self->scheduler);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      code = bk_sync_error_dup_server_code (error);
      if (g_strcmp0 (code, "window_not_open") == 0 || g_strcmp0 (code, "window_closed") == 0 ||
          g_strcmp0 (code, "no_window") == 0 || g_strcmp0 (code, "already_confirmed") == 0)
        /* The page says what the window means; the pull brings the rest. */
        bk_sync_scheduler_sync_now (self->scheduler);
      else if (g_strcmp0 (code, "conflict") == 0 || g_strcmp0 (code, "not_ready_to_confirm") == 0)
        {
          self->confirm_note = g_strdup (_ ("Your application changed on the server since it "
                                            "was last synced. Wait for the sync, then confirm "
                                            "again."));
          bk_sync_scheduler_sync_now (self->scheduler);
        }
      else
        self->confirm_note = bk_sync_messages_describe (error);
    }
  update (self);
}

/* The candidate's own act: their password, typed, then the server. */
static void
confirm_with_password (BkStatusPage *self, const char *password)
{
  const char *hash = self->profile != NULL ? bk_profile_get_password_hash (self->profile) : NULL;

  if (self->scheduler == NULL || self->application == NULL || self->confirming)
    return;
  if (hash == NULL || !bk_password_verify (hash, password))
    {
      bk_step_page_emit_error (BK_STEP_PAGE (self),
                               _ ("That is not your password. Type the password of this profile "
                                  "to confirm."));
      return;
    }
  self->confirming = TRUE;
  g_clear_pointer (&self->confirm_note, g_free);
  self->confirm_note = g_strdup (_ ("Sending your confirmation…"));
  update (self);
  bk_sync_client_confirm_async (bk_sync_scheduler_get_client (self->scheduler),
                                bk_exam_application_get_id (self->application),
                                bk_exam_application_get_version (self->application),
                                self->cancellable, confirmed_cb, g_object_ref (self));
}

/* "status.confirm" with the password: what the dialog does (tests, scripts). */
static void
confirm_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  confirm_with_password (BK_STATUS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
confirm_typed (GtkWidget *self, const char *password)
{
  confirm_with_password (BK_STATUS_PAGE (self), password);
}

static void
confirm_clicked_cb (BkStatusPage *self)
{
  bk_own_password_dialog_present (
    GTK_WIDGET (self), _ ("Confirm Your Application?"),
    _ ("Confirming (核对确认) says that you checked the details of your application and "
       "will sit the exam. Type your password to confirm."),
    _ ("_Confirm Application"), confirm_typed);
}

static void
proofs_added_cb (BkStatusPage *self)
{
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
  update (self);
}

static void
proofs_failed_cb (BkStatusPage *self, const char *message)
{
  bk_step_page_emit_error (BK_STEP_PAGE (self), message);
}

static void
send_now_cb (BkStatusPage *self)
{
  /* A sync pushes the proof records, then the pull's end sends the files. */
  if (self->scheduler != NULL)
    bk_sync_scheduler_sync_now (self->scheduler);
  send_proofs (self);
}

void
bk_status_page_set_sync (BkStatusPage *self, BkStore *store, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_STATUS_PAGE (self));
  g_return_if_fail (store == NULL || BK_IS_STORE (store));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  if (self->uploads != NULL)
    bk_proof_uploads_cancel (self->uploads);
  g_clear_object (&self->uploads);
  g_set_object (&self->store, store);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    {
      self->uploads = bk_proof_uploads_new (bk_sync_scheduler_get_client (scheduler));
      g_signal_connect_swapped (scheduler, "pulled", G_CALLBACK (pulled_cb), self);
      /* Each sync is a moment to look at the clock again. */
      g_signal_connect_swapped (scheduler, "notify::last-synced", G_CALLBACK (update), self);
    }
  bk_status_proofs_set_uploads (self->proofs, self->uploads);
  refresh (self);
  send_proofs (self);
}

BkProofUploads *
bk_status_page_get_uploads (BkStatusPage *self)
{
  g_return_val_if_fail (BK_IS_STATUS_PAGE (self), NULL);

  return self->uploads;
}

const char *
bk_status_page_get_last_news (BkStatusPage *self)
{
  g_return_val_if_fail (BK_IS_STATUS_PAGE (self), NULL);

  return self->last_news;
}

static void
bk_status_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkStatusPage *self = BK_STATUS_PAGE (page);

  g_set_object (&self->profile, profile);
  update (self);
}

static void
bk_status_page_set_application (BkStepPage *page, BkExamApplication *application)
{
  BkStatusPage *self = BK_STATUS_PAGE (page);

  /* The workspace reads the application again after each sync: the
   * same application (by id) keeps what the page knew of the server's
   * copy, so the news in what the sync brought is still told. */
  if (application == NULL || self->application == NULL ||
      g_strcmp0 (bk_exam_application_get_id (application),
                 bk_exam_application_get_id (self->application)) != 0)
    {
      g_clear_pointer (&self->progress, bk_application_progress_free);
      g_clear_pointer (&self->confirm_note, g_free);
      self->progress_read = FALSE;
    }
  g_set_object (&self->application, application);
  bk_status_proofs_set_application (self->proofs, application);
  refresh (self);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reminder_id, g_source_remove);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  if (self->uploads != NULL)
    bk_proof_uploads_cancel (self->uploads);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_STATUS_PAGE);
  g_clear_object (&self->uploads);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->application);
  g_clear_object (&self->profile);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, bk_application_progress_free);

  G_OBJECT_CLASS (bk_status_page_parent_class)->dispose (object);
}

static void
bk_status_page_finalize (GObject *object)
{
  BkStatusPage *self = BK_STATUS_PAGE (object);

  g_free (self->confirm_note);
  g_free (self->last_news);
  g_free (self->reminded);

  G_OBJECT_CLASS (bk_status_page_parent_class)->finalize (object);
}

static void
bk_status_page_class_init (BkStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_status_page_dispose;
  object_class->finalize = bk_status_page_finalize;

  g_type_ensure (BK_TYPE_STATUS_PROOFS);
  g_type_ensure (BK_TYPE_STATUS_SCORES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, acts_group);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, fee_row);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, proofs);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, scores);
  gtk_widget_class_bind_template_child (widget_class, BkStatusPage, stages_group);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_install_action (widget_class, "status.confirm", "s", confirm_action);
}

static void
bk_status_page_init (BkStatusPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

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
  gtk_widget_set_visible (GTK_WIDGET (self->acts_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->proofs), FALSE);
  g_signal_connect_swapped (self->proofs, "added", G_CALLBACK (proofs_added_cb), self);
  g_signal_connect_swapped (self->proofs, "failed", G_CALLBACK (proofs_failed_cb), self);
  g_signal_connect_swapped (self->proofs, "send-now", G_CALLBACK (send_now_cb), self);
  self->reminder_id = g_timeout_add_seconds (REMINDER_CHECK_SECONDS, reminder_timeout_cb, self);
}
