/* bk-application-page.c
 *
 * Signing is the candidate's own act: neither choice is preselected, and
 * signing asks them to type their own name. Deadlines are told relative to
 * today (BkClock, settable in tests) with what missing them means.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-application-page.h"
#include "bk-application-status.h"
#include "bk-clock.h"
#include "bk-eligibility.h"
#include "bk-field-error-row.h"
#include "bk-format.h"
#include "bk-localized.h"
#include "bk-own-password-dialog.h"
#include "bk-password.h"
#include "bk-proof-loader.h"
#include "bk-sessions.h"
#include "bk-step-page.h"
#include "bk-rows.h"
#include "bk-submission.h"
#include "bk-window-row.h"

static const char *const proof_kinds[] = {
  BK_PROOF_KIND_WORK_CERTIFICATE,
  BK_PROOF_KIND_EDUCATION_CERTIFICATE,
  BK_PROOF_KIND_TITLE_CERTIFICATE,
  BK_PROOF_KIND_VERIFICATION_OFFICER_CERTIFICATE,
  BK_PROOF_KIND_OTHER,
};

struct _BkApplicationPage
{
  AdwBin parent_instance;

  BkProfile *profile;
  BkExamApplication *application;
  BkExamSession *session;        /* the application's; owned by bk-sessions */
  BkEligibilityVerdict *verdict; /* for the application's choice; NULL if unknown */
  BkApplicationStatus *status;   /* where it stands now; decides signing and submitting */
  GPtrArray *deadline_rows;      /* rows added to deadlines_group */
  BkProofLoader *proof_loader;   /* reads the proofs chosen for this profile and application */
  gboolean loading;

  /* Template widgets */
  AdwComboRow *point_row;
  GtkStringList *point_names;
  AdwActionRow *point_details_row;
  AdwPreferencesGroup *commitment_group;
  GtkToggleButton *use_commitment_check;
  GtkToggleButton *no_commitment_check;
  AdwEntryRow *signature_row;
  BkFieldErrorRow *signature_error;
  GtkButton *sign_button;
  GtkLabel *signed_label;
  AdwPreferencesGroup *proofs_group;
  AdwComboRow *proof_kind_row;
  GtkStringList *proof_kind_names;
  GtkButton *add_proof_button;
  GtkListBox *proofs_list;
  AdwPreferencesGroup *deadlines_group;
  GtkLabel *review_label;
  GtkLabel *submit_error;
  GtkButton *submit_button;
};

static void bk_application_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkApplicationPage,
                               bk_application_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_application_page_step_page_init))

/* A draft inside the registration window (worked out in core). */
static gboolean
can_submit (BkApplicationPage *self)
{
  return self->status != NULL && self->status->can_submit;
}

static gboolean
is_editable (BkApplicationPage *self)
{
  return self->application != NULL &&
         bk_application_state_is_editable (bk_exam_application_get_state (self->application));
}

static const char *
point_key (const BkExamPoint *point)
{
  /* Liaoning's departments have no codes; their names are unique. */
  return point->code != NULL ? point->code : point->name;
}

static BkEligibilityVerdict *
current_verdict (BkApplicationPage *self)
{
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;

  if (self->session == NULL || self->profile == NULL)
    return NULL;
  eligibility_case =
    bk_profile_to_eligibility_case (self->profile, bk_exam_session_get_id (self->session),
                                    bk_exam_application_get_level (self->application),
                                    bk_exam_application_get_mode (self->application));
  return bk_eligibility_evaluate (self->session, eligibility_case, NULL);
}

static void
update_point_details (BkApplicationPage *self)
{
  GPtrArray *points = self->session != NULL ? bk_exam_session_get_points (self->session) : NULL;
  guint index = adw_combo_row_get_selected (self->point_row);
  const BkExamPoint *point;
  g_autofree char *phones = NULL;
  g_autofree char *details = NULL;

  if (points == NULL || index >= points->len)
    {
      adw_action_row_set_subtitle (self->point_details_row, "");
      return;
    }
  point = g_ptr_array_index (points, index);
  phones = g_strjoinv (" / ", point->phones);
  /* TRANSLATORS: a registration point's address, telephone and opening hours */
  details = g_strdup_printf (_ ("%s\nTelephone %s%s%s"), point->address, phones,
                             point->hours != NULL ? "\n" : "",
                             point->hours != NULL ? point->hours : "");
  adw_action_row_set_subtitle (self->point_details_row, details);
}

static void
update_commitment (BkApplicationPage *self)
{
  BkCommitment commitment = bk_exam_application_get_commitment (self->application);
  GDateTime *signed_at = bk_exam_application_get_commitment_signed_at (self->application);
  gboolean allowed = self->verdict == NULL || self->verdict->commitment_allowed;
  gboolean editable = can_submit (self);

  self->loading = TRUE;
  gtk_toggle_button_set_active (self->use_commitment_check, commitment == BK_COMMITMENT_YES);
  gtk_toggle_button_set_active (self->no_commitment_check, commitment == BK_COMMITMENT_NO);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->use_commitment_check), editable && allowed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->no_commitment_check), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signature_row), editable);
  if (!allowed)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->use_commitment_check),
                                 _ ("Not open to you: candidates in the examination integrity "
                                    "file bring proofs and a stamped registration form."));

  if (commitment != BK_COMMITMENT_UNSET && signed_at != NULL)
    {
      g_autofree char *when = bk_format_date_time (signed_at);
      g_autofree char *text = g_strdup_printf (
        commitment == BK_COMMITMENT_YES
          /* TRANSLATORS: %s is the date and time of signing */
          ? _ ("You signed the commitment on %s.")
          /* TRANSLATORS: %s is the date and time of the choice */
          : _ ("On %s you chose to apply without the commitment: upload your proofs below."),
        when);
      gtk_label_set_text (self->signed_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->signed_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->signed_label), FALSE);
}

static void
update_sign_button (BkApplicationPage *self)
{
  gboolean chosen = gtk_toggle_button_get_active (self->use_commitment_check) ||
                    gtk_toggle_button_get_active (self->no_commitment_check);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->signature_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_button),
                            can_submit (self) && chosen && *typed != '\0');
}

static void
remove_proof_cb (GtkButton *button, BkApplicationPage *self)
{
  bk_exam_application_remove_proof (self->application,
                                    g_object_get_data (G_OBJECT (button), "proof"));
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
}

static GtkWidget *
create_proof_row (gpointer item, gpointer user_data)
{
  BkApplicationPage *self = user_data;
  BkProofEntry *proof = item;
  GtkWidget *row = bk_rows_new_plain ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GBytes *bytes = bk_proof_entry_get_bytes (proof);
  g_autofree char *size = g_format_size (bytes != NULL ? g_bytes_get_size (bytes) : 0);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: a proof's kind and size, e.g. "Work certificate · 1.2 MB" */
  subtitle = g_strdup_printf (
    _ ("%s · %s"), bk_proof_kind_get_display_name (bk_proof_entry_get_kind (proof)), size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_proof_entry_get_file_name (proof));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove this proof"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove this proof"), -1);
  gtk_widget_set_sensitive (remove, is_editable (self));
  g_object_set_data (G_OBJECT (remove), "proof", proof);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_proof_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
update_deadlines (BkApplicationPage *self)
{
  GPtrArray *windows;
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  for (guint i = 0; i < self->deadline_rows->len; i++)
    adw_preferences_group_remove (self->deadlines_group,
                                  g_ptr_array_index (self->deadline_rows, i));
  g_ptr_array_set_size (self->deadline_rows, 0);

  if (self->session == NULL)
    return;

  windows = bk_exam_session_get_windows (self->session);
  for (guint i = 0; i < windows->len; i++)
    {
      GtkWidget *row = bk_window_row_new (g_ptr_array_index (windows, i), now);

      adw_preferences_group_add (self->deadlines_group, row);
      g_ptr_array_add (self->deadline_rows, row);
    }
}

static void
update_review (BkApplicationPage *self)
{
  const BkEligibilityVerdict *verdict = self->verdict;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *masked = bk_profile_get_masked_id_number (self->profile);
  BkCommitment commitment = bk_exam_application_get_commitment (self->application);
  const char *point = bk_exam_application_get_point_code (self->application);
  gboolean editable = is_editable (self);

  g_string_append_printf (text, _ ("Candidate: %s (%s)"), bk_profile_get_real_name (self->profile),
                          masked);
  if (self->session != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Session: %s"), bk_exam_session_get_name (self->session));
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Level: %s, %s"),
                              bk_exam_session_get_level_name (
                                self->session, bk_exam_application_get_level (self->application)),
                              bk_exam_application_get_mode (self->application) == BK_EXAM_MODE_ALL
                                ? _ ("all subjects")
                                : _ ("one subject exempted"));
    }
  if (verdict != NULL)
    {
      g_autofree char *fee = bk_format_yuan (verdict->fee_fen);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Eligibility: %s"),
                              verdict->eligible ? _ ("eligible") : _ ("not eligible"));
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Fee: %s"), fee);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Registration point: %s"),
                          point != NULL && *point != '\0' ? point : _ ("not chosen"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Commitment: %s"),
                          commitment == BK_COMMITMENT_YES  ? _ ("signed")
                          : commitment == BK_COMMITMENT_NO ? _ ("not used, proofs uploaded")
                                                           : _ ("not decided"));
  g_string_append_c (text, '\n');
  g_string_append_printf (
    text, _ ("Status: %s"),
    self->status != NULL
      ? self->status->title
      : bk_application_state_get_display_name (bk_exam_application_get_state (self->application)));
  gtk_label_set_text (self->review_label, text->str);

  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), can_submit (self));
  /* Say why a draft cannot be submitted (registration not open or closed). */
  if (editable && !can_submit (self) && self->status != NULL && self->status->message != NULL)
    {
      gtk_label_set_text (self->submit_error, self->status->message);
      gtk_widget_set_visible (GTK_WIDGET (self->submit_error), TRUE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_proof_button), editable);
}

static void update_all (BkApplicationPage *self);

static void
point_changed_cb (BkApplicationPage *self)
{
  GPtrArray *points;
  guint index;

  update_point_details (self);
  if (self->loading || !is_editable (self) || self->session == NULL)
    return;

  points = bk_exam_session_get_points (self->session);
  index = adw_combo_row_get_selected (self->point_row);
  if (index < points->len)
    {
      bk_exam_application_set_point_code (self->application,
                                          point_key (g_ptr_array_index (points, index)));
      update_review (self);
      bk_step_page_emit_changed (BK_STEP_PAGE (self));
    }
}

static void
commitment_choice_cb (BkApplicationPage *self)
{
  if (self->loading)
    return;
  update_sign_button (self);
}

static void
signature_changed_cb (BkApplicationPage *self)
{
  bk_field_error_row_show (self->signature_error, GTK_WIDGET (self->signature_row), NULL);
  update_sign_button (self);
}

static void
sign (BkApplicationPage *self, BkCommitment choice)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (self->session == NULL)
    return;
  now = bk_clock_get_now ();
  if (!bk_submission_sign_commitment (self->application, self->session, now, choice, &error))
    {
      bk_field_error_row_show (self->signature_error, GTK_WIDGET (self->signature_row), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->signature_row), "");
  update_all (self);
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
}

/* The commitment is the candidate's own promise: their profile's password,
 * typed by them (bk-own-password-dialog.h), never staff's session. */
static void
commitment_typed (GtkWidget *widget, const char *password)
{
  BkApplicationPage *self = BK_APPLICATION_PAGE (widget);
  const char *hash = self->profile != NULL ? bk_profile_get_password_hash (self->profile) : NULL;

  if (hash == NULL || !bk_password_verify (hash, password))
    bk_field_error_row_show_text (self->signature_error, GTK_WIDGET (self->signature_row),
                                  _ ("That is not your password. Sign again and type the "
                                     "password of this profile yourself."));
  else
    sign (self, BK_COMMITMENT_YES);
}

static void
sign_clicked_cb (BkApplicationPage *self)
{
  g_autofree char *typed =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->signature_row))));

  if (g_strcmp0 (typed, bk_profile_get_real_name (self->profile)) != 0)
    bk_field_error_row_show_text (self->signature_error, GTK_WIDGET (self->signature_row),
                                  _ ("Type your real name exactly as in your account, to show "
                                     "that you sign yourself."));
  else if (!gtk_toggle_button_get_active (self->use_commitment_check))
    sign (self, BK_COMMITMENT_NO);
  else
    bk_own_password_dialog_present (
      GTK_WIDGET (self), _ ("Sign the Commitment?"),
      _ ("With the commitment (告知承诺) you promise yourself that what you entered is true; no "
         "one may sign it for you. Type your password to sign."),
      _ ("_Sign Commitment"), commitment_typed);
}

static void
add_proof_file (BkApplicationPage *self, GFile *file)
{
  guint kind = adw_combo_row_get_selected (self->proof_kind_row);

  bk_proof_loader_add_file (self->proof_loader,
                            proof_kinds[MIN (kind, G_N_ELEMENTS (proof_kinds) - 1)], file);
}

/* "application.add-proof-file" with a path: what the file chooser does,
 * for tests and scripts. */
static void
add_proof_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BkApplicationPage *self = BK_APPLICATION_PAGE (widget);
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (is_editable (self))
    add_proof_file (self, file);
}

static void
proof_chosen_cb (GtkNativeDialog *dialog, int response, BkApplicationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        add_proof_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_proof_cb (BkApplicationPage *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Choose a Proof"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (proof_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_submit_error (BkApplicationPage *self, const GError *error)
{
  gtk_label_set_text (self->submit_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->submit_error), error != NULL);
}

/* The same application, to try the submission checks on without
 * submitting it. */
static BkExamApplication *
copy_application (BkExamApplication *application)
{
  BkExamApplication *copy = bk_exam_application_new (
    bk_exam_application_get_profile_id (application),
    bk_exam_application_get_session_id (application), bk_exam_application_get_level (application),
    bk_exam_application_get_mode (application));
  GListModel *proofs = bk_exam_application_get_proofs (application);

  bk_exam_application_set_point_code (copy, bk_exam_application_get_point_code (application));
  bk_exam_application_restore (copy, bk_exam_application_get_commitment (application),
                               bk_exam_application_get_commitment_signed_at (application),
                               bk_exam_application_get_state (application),
                               bk_exam_application_get_submitted_at (application));
  for (guint i = 0; i < g_list_model_get_n_items (proofs); i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (proofs, i);

      bk_exam_application_add_proof (copy, proof);
    }
  return copy;
}

static const char *
point_name (BkApplicationPage *self)
{
  GPtrArray *points = bk_exam_session_get_points (self->session);
  const char *chosen = bk_exam_application_get_point_code (self->application);

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);

      if (g_strcmp0 (chosen, point_key (point)) == 0)
        return point->name;
    }
  return chosen;
}

/* What the candidate confirms: the whole application, one line a fact. */
static char *
submission_summary (BkApplicationPage *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *masked = bk_profile_get_masked_id_number (self->profile);
  guint level = bk_exam_application_get_level (self->application);
  BkExamMode mode = bk_exam_application_get_mode (self->application);
  g_autoptr (GArray) numbers = bk_exam_session_get_subjects_to_sit (self->session, level, mode);
  g_autoptr (GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subject_list = NULL;
  g_autofree char *fee = NULL;

  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    {
      const BkExamSubject *subject =
        bk_exam_session_get_subject (self->session, level, g_array_index (numbers, guint, i));

      if (subject != NULL)
        g_ptr_array_add (subjects,
                         g_strdup (bk_localized_pick (subject->name_zh, subject->name_en)));
    }
  g_ptr_array_add (subjects, NULL);
  /* TRANSLATORS: separates the items of a list, e.g. "photo, work history" */
  subject_list = g_strjoinv (_ (", "), (char **) subjects->pdata);

  g_string_append_printf (text, _ ("Candidate: %s (%s)"), bk_profile_get_real_name (self->profile),
                          masked);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Session: %s"), bk_exam_session_get_name (self->session));
  g_string_append_c (text, '\n');
  g_string_append_printf (
    text, _ ("Level: %s, %s"), bk_exam_session_get_level_name (self->session, level),
    mode == BK_EXAM_MODE_ALL ? _ ("all subjects") : _ ("one subject exempted"));
  g_string_append_c (text, '\n');
  /* TRANSLATORS: the subjects the candidate will sit, as a list */
  g_string_append_printf (text, _ ("Subjects: %s"), subject_list);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Registration point: %s"), point_name (self));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _ ("Commitment: %s"),
                          bk_exam_application_get_commitment (self->application) ==
                              BK_COMMITMENT_YES
                            ? _ ("signed")
                            : _ ("not used, proofs uploaded"));
  if (self->verdict != NULL)
    {
      fee = bk_format_yuan (self->verdict->fee_fen);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _ ("Fee: %s"), fee);
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _ ("Once submitted, the application and what it is based on (identity, "
                            "photo, education and work) can no longer be changed here."));
  return g_string_free (text, FALSE);
}

static void
submit_response_cb (AdwMessageDialog *dialog, const char *response, BkApplicationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();

  if (!g_str_equal (response, "submit") || self->session == NULL || self->application == NULL)
    return;

  /* Checked again: time has passed since the question. */
  if (!bk_submission_submit (self->application, self->profile, self->session, now, &error))
    {
      show_submit_error (self, error);
      return;
    }

  show_submit_error (self, NULL);
  update_all (self);
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "workspace.show-step", "s", "status");
}

/* Submitting cannot be undone here: the checks run first on a copy, and
 * only an application that would pass is shown for confirmation. */
static void
submit_clicked_cb (BkApplicationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (BkExamApplication) trial = NULL;
  g_autofree char *summary = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (self->session == NULL || self->application == NULL)
    return;

  trial = copy_application (self->application);
  if (!bk_submission_submit (trial, self->profile, self->session, now, &error))
    {
      show_submit_error (self, error);
      return;
    }
  show_submit_error (self, NULL);

  summary = submission_summary (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Submit Your Application?"), summary));
  /* The window's title names it for screen readers and tests. */
  gtk_window_set_title (GTK_WINDOW (dialog), _ ("Submit Your Application?"));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Go Back"), "submit",
                                    _ ("_Submit Application"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  bk_accessible_name_controls (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_points (BkApplicationPage *self)
{
  GPtrArray *points;
  const char *chosen = bk_exam_application_get_point_code (self->application);
  guint selected = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;
  gtk_string_list_splice (self->point_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->point_names)), NULL);
  points = self->session != NULL ? bk_exam_session_get_points (self->session) : NULL;
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const BkExamPoint *point = g_ptr_array_index (points, i);
      g_autofree char *label = point->city != NULL
                                 ? g_strdup_printf ("%s · %s", point->city, point->name)
                                 : g_strdup (point->name);

      gtk_string_list_append (self->point_names, label);
      if (g_strcmp0 (chosen, point_key (point)) == 0)
        selected = i;
    }
  /* The candidate picks the point of their city; only where the session
   * has a single point (Shanghai's 2916) is it chosen for them. */
  if (selected == GTK_INVALID_LIST_POSITION && points != NULL && points->len == 1 &&
      is_editable (self))
    {
      selected = 0;
      bk_exam_application_set_point_code (self->application,
                                          point_key (g_ptr_array_index (points, 0)));
    }
  adw_combo_row_set_selected (self->point_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->point_row), is_editable (self));
  self->loading = FALSE;
  update_point_details (self);
}

static void
update_all (BkApplicationPage *self)
{
  const BkEligibilityVerdict *verdict;
  gboolean needs_proofs;

  if (self->application == NULL || self->profile == NULL)
    return;

  /* The verdict is worked out once here; the parts below share it. */
  self->session = bk_sessions_lookup (bk_exam_application_get_session_id (self->application));
  {
    g_autoptr (GDateTime) now = bk_clock_get_now ();

    g_clear_pointer (&self->status, bk_application_status_free);
    self->status = bk_application_status_new (self->application, self->session, now);
  }
  g_clear_pointer (&self->verdict, bk_eligibility_verdict_free);
  self->verdict = current_verdict (self);
  verdict = self->verdict;
  needs_proofs = bk_exam_application_get_commitment (self->application) == BK_COMMITMENT_NO ||
                 (verdict != NULL && verdict->verification != BK_VERIFICATION_ROUTE_AUTOMATIC);

  load_points (self);
  update_commitment (self);
  update_sign_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->proofs_group), needs_proofs);
  if (verdict != NULL && verdict->verification == BK_VERIFICATION_ROUTE_ON_SITE)
    adw_preferences_group_set_description (
      self->proofs_group, _ ("Your records cannot be checked online: upload what you have, and "
                             "bring the originals and a registration form stamped by your "
                             "employer to your verification point."));
  else
    adw_preferences_group_set_description (
      self->proofs_group, _ ("Upload a scan or photo of each proof: a work certificate, your "
                             "education, title or verification-officer certificate."));
  gtk_list_box_bind_model (self->proofs_list, bk_exam_application_get_proofs (self->application),
                           create_proof_row, self, NULL);
  update_deadlines (self);
  update_review (self);
}

static void
bk_application_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkApplicationPage *self = BK_APPLICATION_PAGE (page);

  if (self->profile != profile)
    bk_proof_loader_cancel (self->proof_loader);
  g_set_object (&self->profile, profile);
  update_all (self);
}

static void
bk_application_page_set_application (BkStepPage *page, BkExamApplication *application)
{
  BkApplicationPage *self = BK_APPLICATION_PAGE (page);

  bk_proof_loader_set_application (self->proof_loader, application);
  g_set_object (&self->application, application);
  update_all (self);
}

static void
bk_application_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_application_page_set_profile;
  iface->set_application = bk_application_page_set_application;
}

static void
bk_application_page_dispose (GObject *object)
{
  BkApplicationPage *self = BK_APPLICATION_PAGE (object);

  if (self->proof_loader != NULL)
    bk_proof_loader_cancel (self->proof_loader);
  g_clear_object (&self->proof_loader);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_APPLICATION_PAGE);
  g_clear_object (&self->profile);
  g_clear_object (&self->application);
  g_clear_pointer (&self->deadline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->verdict, bk_eligibility_verdict_free);
  g_clear_pointer (&self->status, bk_application_status_free);

  G_OBJECT_CLASS (bk_application_page_parent_class)->dispose (object);
}

static void
bk_application_page_class_init (BkApplicationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_application_page_dispose;

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-application-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, point_row);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, point_names);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, point_details_row);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, commitment_group);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, use_commitment_check);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, no_commitment_check);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, signature_row);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, signature_error);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, sign_button);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, signed_label);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, proofs_group);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, proof_kind_row);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, proof_kind_names);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, add_proof_button);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, proofs_list);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, submit_error);
  gtk_widget_class_bind_template_child (widget_class, BkApplicationPage, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, point_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, commitment_choice_cb);
  gtk_widget_class_bind_template_callback (widget_class, signature_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_proof_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);

  gtk_widget_class_install_action (widget_class, "application.add-proof-file", "s",
                                   add_proof_file_action);
}

static void
bk_application_page_init (BkApplicationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->deadline_rows = g_ptr_array_new ();
  self->proof_loader = bk_proof_loader_new ();
  /* A proof added to the application, or a file that could not be. */
  g_signal_connect_object (self->proof_loader, "added", G_CALLBACK (bk_step_page_emit_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->proof_loader, "failed", G_CALLBACK (bk_step_page_emit_error), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (proof_kinds); i++)
    gtk_string_list_append (self->proof_kind_names,
                            bk_proof_kind_get_display_name (proof_kinds[i]));
}
