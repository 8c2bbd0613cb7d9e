/* bk-status-proofs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-proof-loader.h"
#include "bk-rows.h"
#include "bk-status-proofs.h"

struct _BkStatusProofs
{
  AdwPreferencesGroup parent_instance;

  BkExamApplication *application;
  BkProofLoader *loader;
  BkProofUploads *uploads;
  GPtrArray *file_rows;
  gboolean files_stale; /* the files changed while the group was not on screen */
  AdwActionRow *progress_row;
  GtkProgressBar *progress_bar;
  GtkButton *send_button;
};

G_DEFINE_FINAL_TYPE (BkStatusProofs, bk_status_proofs, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  ADDED,
  SEND_NOW,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows change only on screen: a hidden group is brought up to date when
 * it is mapped (adding rows to unmapped widgets upsets GTK 4.8's AT-SPI
 * bridge while a screen reader walks the tree). */
static void
update_files (BkStatusProofs *self)
{
  GListModel *proofs = self->application != NULL
                         ? bk_exam_application_get_proofs (self->application)
                         : NULL;
  guint n = proofs != NULL ? g_list_model_get_n_items (proofs) : 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->files_stale = TRUE;
      return;
    }
  self->files_stale = FALSE;

  for (guint i = 0; i < self->file_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->file_rows, i));
  g_ptr_array_set_size (self->file_rows, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (proofs, i);
      GtkWidget *row = bk_rows_new_plain ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_proof_kind_get_display_name (
                                                                  bk_proof_entry_get_kind (proof)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_proof_entry_get_file_name (proof));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->file_rows, row);
    }
}

static void
update_progress (BkStatusProofs *self)
{
  g_autofree char *text = NULL;
  guint total = self->uploads != NULL ? bk_proof_uploads_get_total (self->uploads) : 0;
  guint sent = self->uploads != NULL ? bk_proof_uploads_get_sent (self->uploads) : 0;
  const char *problem = self->uploads != NULL ? bk_proof_uploads_get_problem (self->uploads) : NULL;
  gboolean running = self->uploads != NULL && bk_proof_uploads_get_running (self->uploads);

  if (self->uploads == NULL)
    text = g_strdup (_ ("Your files are kept here and sent once you sign in to sync."));
  else if (running)
    /* TRANSLATORS: sending proof files: "Sending 1 of 3 files…" */
    text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Sending %u of %u file…", "Sending %u of %u files…", total),
      MIN (sent + 1, total), total);
  else if (problem != NULL)
    text = g_strdup (problem);
  else if (self->file_rows->len == 0)
    text = g_strdup (_ ("Add the proofs asked for: scans or photos (JPEG) or PDF files."));
  else
    text = g_strdup (_ ("Every file has reached the server. Your registration point looks at "
                        "them next."));
  adw_action_row_set_subtitle (self->progress_row, text);
  gtk_progress_bar_set_fraction (
    self->progress_bar,
    self->uploads != NULL ? bk_proof_uploads_get_fraction (self->uploads) : 1.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), self->uploads != NULL && !running);
}

static void
added_cb (BkStatusProofs *self)
{
  update_files (self);
  update_progress (self);
  g_signal_emit (self, signals[ADDED], 0);
}

static void
failed_cb (BkStatusProofs *self, const char *message)
{
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
add_file (BkStatusProofs *self, GFile *file)
{
  if (self->application != NULL)
    bk_proof_loader_add_file (self->loader, BK_PROOF_KIND_OTHER, file);
}

static void
add_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  add_file (BK_STATUS_PROOFS (widget), file);
}

static void
chosen_cb (GtkNativeDialog *dialog, int response, BkStatusProofs *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);

          add_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_cb (BkStatusProofs *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
    _ ("Choose Proofs"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
    GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Scans and PDF files"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
send_cb (BkStatusProofs *self)
{
  g_signal_emit (self, signals[SEND_NOW], 0);
}

void
bk_status_proofs_set_application (BkStatusProofs *self, BkExamApplication *application)
{
  g_return_if_fail (BK_IS_STATUS_PROOFS (self));

  g_set_object (&self->application, application);
  bk_proof_loader_set_application (self->loader, application);
  update_files (self);
  update_progress (self);
}

void
bk_status_proofs_set_uploads (BkStatusProofs *self, BkProofUploads *uploads)
{
  g_return_if_fail (BK_IS_STATUS_PROOFS (self));

  if (self->uploads != NULL)
    g_signal_handlers_disconnect_by_data (self->uploads, self);
  g_set_object (&self->uploads, uploads);
  if (uploads != NULL)
    g_signal_connect_swapped (uploads, "notify", G_CALLBACK (update_progress), self);
  update_progress (self);
}

static void
bk_status_proofs_map (GtkWidget *widget)
{
  BkStatusProofs *self = BK_STATUS_PROOFS (widget);

  GTK_WIDGET_CLASS (bk_status_proofs_parent_class)->map (widget);
  if (self->files_stale)
    {
      update_files (self);
      update_progress (self);
    }
}

static void
bk_status_proofs_dispose (GObject *object)
{
  BkStatusProofs *self = BK_STATUS_PROOFS (object);

  if (self->loader != NULL)
    bk_proof_loader_cancel (self->loader);
  g_clear_object (&self->loader);
  bk_status_proofs_set_uploads (self, NULL);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bk_status_proofs_parent_class)->dispose (object);
}

static void
bk_status_proofs_finalize (GObject *object)
{
  g_ptr_array_unref (BK_STATUS_PROOFS (object)->file_rows);

  G_OBJECT_CLASS (bk_status_proofs_parent_class)->finalize (object);
}

static void
bk_status_proofs_class_init (BkStatusProofsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_status_proofs_dispose;
  object_class->finalize = bk_status_proofs_finalize;
  widget_class->map = bk_status_proofs_map;

  gtk_widget_class_install_action (widget_class, "proofs.add-file", "s", add_file_action);

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[SEND_NOW] = g_signal_new ("send-now", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_status_proofs_init (BkStatusProofs *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_ ("_Add Proofs…"));

  self->file_rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Proofs Asked For"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (self),
    _ ("Add the proofs your registration point asks for; they are sent to the server as soon as "
       "you are online."));

  self->send_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Send Now")));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->send_button), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->send_button));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), buttons);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (choose_cb), self);
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_cb), self);

  self->progress_row = ADW_ACTION_ROW (bk_rows_new_plain ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _ ("Files Sent"));
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress_bar), 120, -1);
  adw_action_row_add_suffix (self->progress_row, GTK_WIDGET (self->progress_bar));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->progress_row));

  self->loader = bk_proof_loader_new ();
  g_signal_connect_object (self->loader, "added", G_CALLBACK (added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);
  update_progress (self);
}
