/* bk-ticket-window.c
 *
 * A barcode scanner types the ticket's QR code into the field as a
 * keyboard would, then Enter; so does whoever pastes the code the
 * authority sent. The ticket is verified against its session's key; the
 * name, ID and (when this computer has the candidate's profile) the photo
 * are shown for the invigilator to compare with the person and the ID.
 *
 * Printing and saving follow the ticket-printing window of the session:
 * outside it the window says when printing opens, or that it closed and
 * what that means (Shanghai: not printing in time is giving up the exam).
 * Printing goes through GtkPrintJob to a CUPS queue, never through
 * GtkPrintUnixDialog or GtkPrintOperation, which crash in GTK 4.8 when they
 * print to a named queue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "bk-admission-ticket.h"
#include "bk-clock.h"
#include "bk-format.h"
#include "bk-ticket-error.h"
#include "bk-ticket-pdf.h"
#include "bk-ticket-preview.h"
#include "bk-ticket-window.h"

struct _BkTicketWindow
{
  AdwWindow parent_instance;

  BkStore *store;
  BkAdmissionTicket *ticket;
  BkExamSession *session;
  GBytes *photo;
  gboolean printing_open;
  GCancellable *cancellable; /* of the photo lookup of the ticket shown */
  GListStore *printers;      /* of GtkPrinter */
  GtkStringList *printer_names;

  /* Template widgets */
  GtkEntry *code_entry;
  GtkLabel *result_label;
  GtkBox *candidate_box;
  GtkPicture *photo_picture;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkLabel *photo_label;
  GtkLabel *window_label;
  GtkBox *actions_box;
  GtkDropDown *printer_dropdown;
  GtkButton *print_button;
  BkTicketPreview *preview;
};

G_DEFINE_FINAL_TYPE (BkTicketWindow, bk_ticket_window, ADW_TYPE_WINDOW)

enum
{
  PRINTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void update_actions (BkTicketWindow *self);

static void
show_photo (BkTicketWindow *self, GBytes *jpeg)
{
  g_autoptr (GdkTexture) texture = NULL;

  g_clear_pointer (&self->photo, g_bytes_unref);
  if (jpeg != NULL)
    {
      self->photo = g_bytes_ref (jpeg);
      texture = gdk_texture_new_from_bytes (jpeg, NULL);
    }
  gtk_picture_set_paintable (self->photo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->photo_picture), texture != NULL);
  gtk_label_set_text (self->photo_label,
                      texture != NULL
                        ? _ ("Photo from this computer’s profile: compare it with the candidate "
                             "and with the photo on the ticket.")
                        : _ ("This computer has no profile with this ID number and a photo: "
                             "compare the candidate with the photo printed on the ticket and "
                             "the ID document. To print the ticket here, open or add the "
                             "candidate’s profile with the photo on this computer."));
  bk_ticket_preview_set_ticket (self->preview, self->ticket, self->session, self->photo);
  update_actions (self);
}

typedef struct
{
  BkTicketWindow *self;
  GListModel *summaries;
  guint next;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->self);
  g_clear_object (&lookup->summaries);
  g_free (lookup);
}

static void lookup_next (Lookup *lookup);

static void
profile_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lookup *lookup = user_data;
  g_autoptr (BkProfile) profile = bk_store_load_profile_finish (BK_STORE (source), result, NULL);

  if (g_cancellable_is_cancelled (lookup->self->cancellable))
    {
      lookup_free (lookup);
      return;
    }
  /* Only the standardised photo, which the ticket prints anyway: whoever
   * holds a valid ticket sees nothing of the password-protected profile
   * that the ticket does not show. */
  if (profile != NULL &&
      g_strcmp0 (bk_profile_get_id_number (profile), lookup->self->ticket->id_number) == 0 &&
      bk_profile_get_photo_standardised (profile) != NULL)
    {
      show_photo (lookup->self, bk_profile_get_photo_standardised (profile));
      lookup_free (lookup);
      return;
    }
  lookup_next (lookup);
}

static void
lookup_next (Lookup *lookup)
{
  g_autoptr (BkProfileSummary) summary = NULL;

  if (lookup->next >= g_list_model_get_n_items (lookup->summaries))
    {
      lookup_free (lookup);
      return;
    }
  summary = g_list_model_get_item (lookup->summaries, lookup->next++);
  bk_store_load_profile_async (lookup->self->store, bk_profile_summary_get_id (summary),
                               lookup->self->cancellable, profile_loaded_cb, lookup);
}

static void
profiles_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Lookup *lookup = user_data;

  lookup->summaries = bk_store_list_profiles_finish (BK_STORE (source), result, NULL);
  if (lookup->summaries == NULL || g_cancellable_is_cancelled (lookup->self->cancellable))
    {
      lookup_free (lookup);
      return;
    }
  lookup_next (lookup);
}

/* The ticket-printing window's rule, as of now; sets printing_open. */
static void
show_window_rule (BkTicketWindow *self)
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
update_actions (BkTicketWindow *self)
{
  gboolean shown = self->ticket != NULL;

  /* A ticket prints only with its photo, and only within the window. */
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), shown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->actions_box),
                            shown && self->printing_open && self->photo != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button),
                            g_list_model_get_n_items (G_LIST_MODEL (self->printers)) > 0);
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->print_button),
    g_list_model_get_n_items (G_LIST_MODEL (self->printers)) > 0
      ? NULL
      : _ ("No printer found: save the ticket as a PDF and print that, or add a printer in "
           "the system settings."));
}

static void
clear_ticket (BkTicketWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ticket, bk_admission_ticket_free);
  g_clear_object (&self->session);
  g_clear_pointer (&self->photo, g_bytes_unref);
  bk_ticket_preview_set_ticket (self->preview, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->window_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "success");
}

void
bk_ticket_window_check (BkTicketWindow *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (BK_IS_TICKET_WINDOW (self));
  g_return_if_fail (text != NULL);

  clear_ticket (self);
  self->ticket = bk_admission_ticket_verify (text, NULL, &error);
  if (self->ticket != NULL)
    self->session = bk_exam_session_load (self->ticket->session_id, &error);
  if (self->session == NULL)
    {
      g_clear_pointer (&self->ticket, bk_admission_ticket_free);
      gtk_label_set_text (self->result_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
      update_actions (self);
      return;
    }

  gtk_label_set_text (self->result_label,
                      _ ("Valid admission ticket, signed by the examination authority."));
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "success");
  gtk_label_set_text (self->name_label, self->ticket->candidate_name);
  /* TRANSLATORS: ID number, ticket number, room and seat on the admission ticket */
  details = g_strdup_printf (_ ("ID number %s\nTicket number %s\nRoom %03u, seat %02u\n%s"),
                             self->ticket->id_number, self->ticket->number, self->ticket->room,
                             self->ticket->seat, self->ticket->venue_name);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->candidate_box), TRUE);
  show_window_rule (self);
  show_photo (self, NULL);
  update_actions (self);

  if (self->store != NULL)
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      self->cancellable = g_cancellable_new ();
      lookup->self = g_object_ref (self);
      bk_store_list_profiles_async (self->store, self->cancellable, profiles_listed_cb, lookup);
    }
}

static void
code_activate_cb (BkTicketWindow *self)
{
  bk_ticket_window_check (self, gtk_editable_get_text (GTK_EDITABLE (self->code_entry)));
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

void
bk_ticket_window_save_async (BkTicketWindow *self,
                             const char *path,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (BK_IS_TICKET_WINDOW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, bk_ticket_window_save_async);
  if (self->ticket == NULL || !self->printing_open || self->photo == NULL)
    {
      g_task_return_new_error (task, BK_TICKET_ERROR, BK_TICKET_ERROR_RENDER, "%s",
                               _ ("This ticket cannot be printed now: it needs the candidate’s "
                                  "photo, and printing must be open."));
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->ticket = bk_admission_ticket_copy (self->ticket);
  job->session = g_object_ref (self->session);
  job->photo = self->photo != NULL ? g_bytes_ref (self->photo) : NULL;
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
bk_ticket_window_save_finish (BkTicketWindow *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = NULL;

  if (!bk_ticket_window_save_finish (self, result, &error))
    message = g_strdup (error->message);
  else
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_ ("Saved as “%s”. Print it on A4 paper, black and white or "
                                  "colour."),
                               name);
  gtk_label_set_text (self->result_label, message);
}

static void
save_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      char *path = g_file_get_path (file);

      if (path != NULL)
        bk_ticket_window_save_async (self, path, saved_cb, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_clicked_cb (BkTicketWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->ticket == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_ ("Save the Admission Ticket"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  /* TRANSLATORS: file name of a saved ticket; %s is the ticket number */
  name = g_strdup_printf (_ ("Admission ticket %s.pdf"), self->ticket->number);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Printing: the PDF goes to the chosen CUPS queue through GtkPrintJob. */

static void
job_sent_cb (GtkPrintJob *job, gpointer user_data, const GError *error)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (user_data);
  g_autofree char *message = NULL;

  if (error != NULL)
    /* TRANSLATORS: %s is the printing system's reason */
    message = g_strdup_printf (_ ("The ticket could not be printed (%s); check the printer, or "
                                  "save it as a PDF and print that."),
                               error->message);
  else
    /* TRANSLATORS: %s is a printer's name */
    message = g_strdup_printf (_ ("The ticket was sent to “%s”. Check the printed page: the "
                                  "photo, your details and the QR code must be clear."),
                               gtk_printer_get_name (gtk_print_job_get_printer (job)));
  gtk_label_set_text (self->result_label, message);
  g_unlink (g_object_get_data (G_OBJECT (job), "bk-path"));
  g_signal_emit (self, signals[PRINTED], 0, error == NULL);
  g_object_unref (self);
}

static void
print_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkPrinter) printer = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = NULL;
  GtkPrintJob *job;
  guint index = gtk_drop_down_get_selected (self->printer_dropdown);

  if (!bk_ticket_window_save_finish (self, result, &error))
    {
      gtk_label_set_text (self->result_label, error->message);
      return;
    }
  printer = g_list_model_get_item (G_LIST_MODEL (self->printers), index);
  if (printer == NULL)
    return;
  gtk_page_setup_set_paper_size (page_setup, a4);
  /* TRANSLATORS: the print job's title; %s is the ticket number */
  title = g_strdup_printf (_ ("Admission ticket %s"), self->ticket->number);
  job = gtk_print_job_new (title, printer, settings, page_setup);
  g_object_set_data_full (G_OBJECT (job), "bk-path", g_strdup (path), g_free);
  if (!gtk_print_job_set_source_file (job, path, &error))
    {
      gtk_label_set_text (self->result_label, error->message);
      g_object_unref (job);
      return;
    }
  gtk_print_job_send (job, job_sent_cb, g_object_ref (self), NULL);
  g_object_unref (job);
}

static void
print_clicked_cb (BkTicketWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "baokao", NULL);
  g_autofree char *name = NULL;
  char *path;

  if (self->ticket == NULL || gtk_drop_down_get_selected (self->printer_dropdown) >=
                                g_list_model_get_n_items (G_LIST_MODEL (self->printers)))
    return;
  g_mkdir_with_parents (dir, 0700);
  name = g_strdup_printf ("ticket-%s-print.pdf", self->ticket->number);
  path = g_build_filename (dir, name, NULL);
  gtk_label_set_text (self->result_label, _ ("Printing…"));
  bk_ticket_window_save_async (self, path, print_written_cb, path);
}

gboolean
bk_ticket_window_select_printer (BkTicketWindow *self, const char *name)
{
  g_return_val_if_fail (BK_IS_TICKET_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->printers)); i++)
    {
      g_autoptr (GtkPrinter) printer = g_list_model_get_item (G_LIST_MODEL (self->printers), i);

      if (g_str_equal (gtk_printer_get_name (printer), name))
        {
          gtk_drop_down_set_selected (self->printer_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
printer_found_cb (GtkPrinter *printer, gpointer user_data)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (user_data);

  /* Only printers that take a PDF as it is: the CUPS queues. */
  if (gtk_printer_accepts_pdf (printer) && !gtk_printer_is_virtual (printer))
    {
      g_list_store_append (self->printers, printer);
      gtk_string_list_append (self->printer_names, gtk_printer_get_name (printer));
      if (gtk_printer_is_default (printer))
        gtk_drop_down_set_selected (self->printer_dropdown,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->printers)) - 1);
      update_actions (self);
    }
  return FALSE;
}

static void
bk_ticket_window_dispose (GObject *object)
{
  BkTicketWindow *self = BK_TICKET_WINDOW (object);

  clear_ticket (self);
  g_clear_object (&self->store);
  g_clear_object (&self->printers);

  G_OBJECT_CLASS (bk_ticket_window_parent_class)->dispose (object);
}

static void
bk_ticket_window_class_init (BkTicketWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_ticket_window_dispose;

  /* The print job has left for the printer (TRUE) or failed (FALSE). */
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (BK_TYPE_TICKET_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-ticket-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, code_entry);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, candidate_box);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, photo_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, window_label);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, printer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, BkTicketWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, code_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
}

static void
bk_ticket_window_init (BkTicketWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->printers = g_list_store_new (GTK_TYPE_PRINTER);
  self->printer_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->printer_dropdown, G_LIST_MODEL (self->printer_names));
  g_object_unref (self->printer_names);
  gtk_enumerate_printers (printer_found_cb, g_object_ref (self), g_object_unref, FALSE);
  update_actions (self);
}

BkTicketWindow *
bk_ticket_window_new (GtkWindow *parent, BkStore *store)
{
  BkTicketWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_TICKET_WINDOW, "transient-for", parent, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  return self;
}
