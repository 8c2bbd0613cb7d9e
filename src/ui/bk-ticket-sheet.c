/* bk-ticket-sheet.c
 *
 * What the Check or Print a Ticket window and the candidate's own ticket
 * step share: the ticket drawn as it prints (BkTicketPreview), the rule of
 * the session's ticket-printing window, and printing or saving it.
 *
 * Printing and saving follow the ticket-printing window of the session:
 * outside it the sheet says when printing opens, or that it closed and
 * what that means (Shanghai: not printing in time is giving up the exam).
 * Printing goes through BkPrinterPicker (a GtkPrintJob to a CUPS queue),
 * which the help desk's batch of tickets uses too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-clock.h"
#include "bk-format.h"
#include "bk-printer-picker.h"
#include "bk-ticket-error.h"
#include "bk-ticket-pdf.h"
#include "bk-ticket-preview.h"
#include "bk-ticket-sheet.h"

struct _BkTicketSheet
{
  GtkWidget parent_instance;

  BkAdmissionTicket *ticket;
  BkExamSession *session;
  GBytes *photo;
  gboolean printing_open;
  BkPrinterPicker *printers; /* looked for once a ticket shows */

  /* Template widgets */
  GtkLabel *window_label;
  GtkLabel *message_label;
  GtkBox *actions_box;
  GtkDropDown *printer_dropdown;
  GtkButton *print_button;
  BkTicketPreview *preview;
};

G_DEFINE_FINAL_TYPE (BkTicketSheet, bk_ticket_sheet, GTK_TYPE_WIDGET)

enum
{
  PRINTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
show_message (BkTicketSheet *self, const char *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* The ticket-printing window's rule, as of now; sets printing_open. */
static void
show_window_rule (BkTicketSheet *self)
{
  const BkExamWindow *window = bk_exam_session_get_window (self->session, "ticket-printing");
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  const char *note;
  g_autofree char *text = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  self->printing_open = window == NULL || bk_exam_window_contains (window, now);
  gtk_widget_set_visible (GTK_WIDGET (self->window_label), window != NULL);
  if (window == NULL)
    return;
  note = bk_exam_window_get_note (window);
  start = bk_format_date_time (window->start);
  end = bk_format_deadline (window->end);
  if (g_date_time_compare (now, window->start) < 0)
    /* TRANSLATORS: first %s is a date and time, second a deadline */
    text = g_strdup_printf (_ ("Printing opens on %s and closes at %s; come back then to print "
                               "or save the ticket."),
                            start, end);
  else if (self->printing_open)
    /* TRANSLATORS: %s is a deadline such as “12 June 2026, 16:00” */
    text = g_strdup_printf (_ ("Print the ticket before %s."), end);
  else
    /* TRANSLATORS: %s is the deadline that passed */
    text = g_strdup_printf (_ ("Printing closed at %s: the ticket can no longer be printed or "
                               "saved here. Ask your registration point what you can do."),
                            end);
  if (note != NULL)
    {
      /* TRANSLATORS: the printing window's rule, then the session's note on
       * it (“Whoever does not print the ticket in time has given up the exam”) */
      g_autofree char *with_note = g_strdup_printf (_ ("%s %s."), text, note);

      g_free (text);
      text = g_steal_pointer (&with_note);
    }
  gtk_label_set_text (self->window_label, text);
}

static void
update_actions (BkTicketSheet *self)
{
  gboolean shown = self->ticket != NULL;
  gboolean any_printer = bk_printer_picker_get_n_printers (self->printers) > 0;

  /* A ticket prints only with its photo, and only within the window. */
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), shown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->actions_box), bk_ticket_sheet_get_can_print (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), any_printer);
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->print_button),
    any_printer ? NULL
                : _ ("No printer found: save the ticket as a PDF and print that, or add a printer "
                     "in the system settings."));
}

/* Writing the PDF, in a worker thread. */

typedef struct
{
  BkAdmissionTicket *ticket;
  BkExamSession *session;
  GBytes *photo;
  char *path;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  bk_admission_ticket_free (job->ticket);
  g_object_unref (job->session);
  g_clear_pointer (&job->photo, g_bytes_unref);
  g_free (job->path);
  g_free (job);
}

static void
save_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autoptr (BkTicketPdf) pdf = NULL;
  GError *error = NULL;

  pdf = bk_ticket_pdf_new (job->path, &error);
  if (pdf == NULL || !bk_ticket_pdf_add (pdf, job->ticket, job->session, job->photo, &error) ||
      !bk_ticket_pdf_finish (pdf, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTicketSheet *self = BK_TICKET_SHEET (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = NULL;

  if (!bk_ticket_sheet_save_finish (self, result, &error))
    message = g_strdup (error->message);
  else
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_ ("Saved as “%s”. Print it on A4 paper, black and white or "
                                  "colour."),
                               name);
  show_message (self, message);
}

static void
save_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  BkTicketSheet *self = BK_TICKET_SHEET (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      char *path = g_file_get_path (file);

      if (path != NULL)
        bk_ticket_sheet_save_async (self, path, saved_cb, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_clicked_cb (BkTicketSheet *self)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile)
    folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  g_autofree char *name = NULL;

  if (self->ticket == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_ ("Save the Admission Ticket"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  /* TRANSLATORS: file name of a saved ticket; %s is the ticket number */
  name = g_strdup_printf (_ ("Admission ticket %s.pdf"), self->ticket->number);
  /* Where a person keeps documents, not the folder the program started in. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Printing: the PDF goes to the chosen CUPS queue (BkPrinterPicker). */

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkTicketSheet) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *printer = bk_printer_picker_print_finish (BK_PRINTER_PICKER (source), result,
                                                             &error);
  g_autofree char *message = NULL;

  if (printer == NULL)
    /* TRANSLATORS: %s is the printing system's reason */
    message = g_strdup_printf (_ ("The ticket could not be printed (%s); check the printer, or "
                                  "save it as a PDF and print that."),
                               error->message);
  else
    /* TRANSLATORS: %s is a printer's name */
    message = g_strdup_printf (_ ("The ticket was sent to “%s”. Check the printed page: the "
                                  "photo, your details and the QR code must be clear."),
                               printer);
  show_message (self, message);
  g_signal_emit (self, signals[PRINTED], 0, printer != NULL);
}

static void
print_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTicketSheet *self = BK_TICKET_SHEET (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  if (!bk_ticket_sheet_save_finish (self, result, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (self->ticket == NULL)
    {
      g_unlink (path);
      return;
    }
  /* TRANSLATORS: the print job's title; %s is the ticket number */
  title = g_strdup_printf (_ ("Admission ticket %s"), self->ticket->number);
  bk_printer_picker_print_async (self->printers, title, path, printed_cb, g_object_ref (self));
}

static void
print_clicked_cb (BkTicketSheet *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "baokao", NULL);
  g_autofree char *name = NULL;
  char *path;

  if (self->ticket == NULL || !bk_printer_picker_has_selection (self->printers))
    return;
  g_mkdir_with_parents (dir, 0700);
  name = g_strdup_printf ("ticket-%s-print.pdf", self->ticket->number);
  path = g_build_filename (dir, name, NULL);
  show_message (self, _ ("Printing…"));
  bk_ticket_sheet_save_async (self, path, print_written_cb, path);
}

static void
bk_ticket_sheet_dispose (GObject *object)
{
  BkTicketSheet *self = BK_TICKET_SHEET (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_TICKET_SHEET);
  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_object (&self->printers);

  G_OBJECT_CLASS (bk_ticket_sheet_parent_class)->dispose (object);
}

static void
bk_ticket_sheet_class_init (BkTicketSheetClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_ticket_sheet_dispose;

  /* The print job has left for the printer (TRUE) or failed (FALSE). */
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (BK_TYPE_TICKET_PREVIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-ticket-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, window_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, message_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, actions_box);
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, printer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, print_button);
  gtk_widget_class_bind_template_child (widget_class, BkTicketSheet, preview);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
bk_ticket_sheet_init (BkTicketSheet *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  self->printers = bk_printer_picker_new (self->printer_dropdown);
  g_signal_connect_object (self->printers, "found", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

GtkWidget *
bk_ticket_sheet_new (void)
{
  return g_object_new (BK_TYPE_TICKET_SHEET, NULL);
}

void
bk_ticket_sheet_set_ticket (BkTicketSheet *self,
                            const BkAdmissionTicket *ticket,
                            BkExamSession *session,
                            GBytes *photo)
{
  g_return_if_fail (BK_IS_TICKET_SHEET (self));
  g_return_if_fail (ticket == NULL || BK_IS_EXAM_SESSION (session));

  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->photo, g_bytes_unref);
  show_message (self, NULL);
  if (ticket != NULL)
    {
      self->ticket = bk_admission_ticket_copy (ticket);
      self->session = g_object_ref (session);
      self->photo = photo != NULL ? g_bytes_ref (photo) : NULL;
      show_window_rule (self);
      bk_printer_picker_find (self->printers);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->window_label), FALSE);
  bk_ticket_preview_set_ticket (self->preview, self->ticket, self->session, self->photo);
  update_actions (self);
}

gboolean
bk_ticket_sheet_get_can_print (BkTicketSheet *self)
{
  g_return_val_if_fail (BK_IS_TICKET_SHEET (self), FALSE);

  return self->ticket != NULL && self->printing_open && self->photo != NULL;
}

void
bk_ticket_sheet_save_async (BkTicketSheet *self,
                            const char *path,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (BK_IS_TICKET_SHEET (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, bk_ticket_sheet_save_async);
  if (!bk_ticket_sheet_get_can_print (self))
    {
      g_task_return_new_error (task, BK_TICKET_ERROR, BK_TICKET_ERROR_RENDER, "%s",
                               _ ("This ticket cannot be printed now: it needs the candidate’s "
                                  "photo, and printing must be open."));
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->ticket = bk_admission_ticket_copy (self->ticket);
  job->session = g_object_ref (self->session);
  job->photo = g_bytes_ref (self->photo);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
bk_ticket_sheet_save_finish (BkTicketSheet *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bk_ticket_sheet_select_printer (BkTicketSheet *self, const char *name)
{
  g_return_val_if_fail (BK_IS_TICKET_SHEET (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return bk_printer_picker_select (self->printers, name);
}
