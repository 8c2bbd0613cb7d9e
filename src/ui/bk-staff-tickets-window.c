/* bk-staff-tickets-window.c
 *
 * Printing goes through BkPrinterPicker (a GtkPrintJob to a CUPS queue),
 * as the ticket sheet's does. The PDF is drawn on a worker
 * thread: a point prints hundreds of pages. Staff have no candidate's
 * photo, so each page's photo box asks for one to be glued on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bk-core-error.h"
#include "bk-printer-picker.h"
#include "bk-staff-labels.h"
#include "bk-staff-tickets-window.h"
#include "bk-sync-protocol.h"
#include "bk-ticket-error.h"
#include "bk-ticket-pdf.h"

struct _BkStaffTicketsWindow
{
  AdwWindow parent_instance;

  BkStaffClient *client;
  GCancellable *cancellable;
  BkPrinterPicker *printers;
  GtkWidget *print_button;
  GtkLabel *status;
};

G_DEFINE_FINAL_TYPE (BkStaffTicketsWindow, bk_staff_tickets_window, ADW_TYPE_WINDOW)

enum
{
  PRINTERS_FOUND,
  PRINTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Writing the PDF */

typedef struct
{
  char *path;
  GPtrArray *signed_texts; /* of char * */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->signed_texts);
  g_free (job);
}

static void
write_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  WriteJob *job = data;
  g_autoptr (BkTicketPdf) pdf = NULL;
  GError *error = NULL;

  pdf = bk_ticket_pdf_new (job->path, &error);
  for (guint i = 0; pdf != NULL && i < job->signed_texts->len; i++)
    {
      /* Verified as a scanner would: a ticket the authority did not sign
       * is not printed. The session comes from the ticket itself. */
      g_autoptr (BkAdmissionTicket)
        ticket = bk_admission_ticket_verify (job->signed_texts->pdata[i], NULL, &error);
      g_autoptr (BkExamSession) session = NULL;

      if (ticket == NULL)
        break;
      session = bk_exam_session_load (ticket->session_id, &error);
      if (session == NULL || !bk_ticket_pdf_add (pdf, ticket, session, NULL, &error))
        break;
    }
  if (error == NULL && pdf != NULL && bk_ticket_pdf_get_n_pages (pdf) == 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _ ("The point has no admission tickets yet: they are issued when the "
                            "authority allocates the seats. Try again after that."));
  if (error == NULL && !bk_ticket_pdf_finish (pdf, &error))
    g_assert (error != NULL);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, bk_ticket_pdf_get_n_pages (pdf));
}

static void
tickets_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject)
    answer = bk_staff_client_object_finish (BK_STAFF_CLIENT (source), result, &error);
  JsonNode *tickets = answer != NULL ? json_object_get_member (answer, "tickets") : NULL;
  WriteJob *job;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job = g_task_get_task_data (task);
  for (guint i = 0; tickets != NULL && JSON_NODE_HOLDS_ARRAY (tickets) &&
                    i < json_array_get_length (json_node_get_array (tickets));
       i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (tickets), i);
      const char *text = JSON_NODE_HOLDS_OBJECT (node)
                           ? bk_sync_protocol_string (json_node_get_object (node), "signed", NULL)
                           : NULL;

      if (text != NULL)
        g_ptr_array_add (job->signed_texts, g_strdup (text));
    }
  g_task_run_in_thread (task, write_thread);
}

void
bk_staff_tickets_window_write_async (BkStaffTicketsWindow *self,
                                     const char *path,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  GTask *task;
  WriteJob *job;

  g_return_if_fail (BK_IS_STAFF_TICKETS_WINDOW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  job = g_new0 (WriteJob, 1);
  job->path = g_strdup (path);
  job->signed_texts = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  bk_staff_client_tickets_async (self->client, self->cancellable, tickets_cb, task);
}

guint
bk_staff_tickets_window_write_finish (BkStaffTicketsWindow *self,
                                      GAsyncResult *result,
                                      GError **error)
{
  gssize pages;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  pages = g_task_propagate_int (G_TASK (result), error);
  return pages > 0 ? (guint) pages : 0;
}

static char *
describe (const GError *error)
{
  if (error->domain == G_IO_ERROR || error->domain == BK_TICKET_ERROR ||
      error->domain == BK_CORE_ERROR)
    return g_strdup (error->message);
  return bk_staff_labels_describe_error (error);
}

/* Printing */

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkStaffTicketsWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *printer = bk_printer_picker_print_finish (BK_PRINTER_PICKER (source), result,
                                                             &error);
  g_autofree char *message = NULL;

  if (printer == NULL)
    /* TRANSLATORS: %s is the printing system's reason */
    message = g_strdup_printf (_ ("The tickets could not be printed (%s). Check the printer, or "
                                  "save them as a PDF and print that."),
                               error->message);
  else
    /* TRANSLATORS: %s is a printer's name */
    message = g_strdup_printf (_ ("The tickets were sent to “%s”. Glue each candidate's photo "
                                  "into the box on their ticket, or ask them to bring one."),
                               printer);
  gtk_label_set_text (self->status, message);
  gtk_widget_set_sensitive (self->print_button, TRUE);
  g_signal_emit (self, signals[PRINTED], 0, printer != NULL);
}

static void
print_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffTicketsWindow *self = BK_STAFF_TICKETS_WINDOW (source);
  g_autofree char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint pages = bk_staff_tickets_window_write_finish (self, result, &error);

  if (pages == 0)
    {
      if (error != NULL)
        message = describe (error);
      gtk_label_set_text (self->status, message != NULL ? message : "");
      gtk_widget_set_sensitive (self->print_button, TRUE);
      g_unlink (path);
      return;
    }
  /* TRANSLATORS: %u is the number of tickets */
  message = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Printing %u ticket…", "Printing %u tickets…", pages), pages);
  gtk_label_set_text (self->status, message);
  bk_printer_picker_print_async (self->printers, _ ("Admission tickets of the point"), path,
                                 printed_cb, g_object_ref (self));
}

static void
print_clicked_cb (BkStaffTicketsWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "baokao", NULL);
  g_autofree char *name = g_strdup_printf ("point-tickets-%d.pdf", (int) getpid ());
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!bk_printer_picker_has_selection (self->printers))
    return;
  g_mkdir_with_parents (dir, 0700);
  gtk_widget_set_sensitive (self->print_button, FALSE);
  gtk_label_set_text (self->status, _ ("Fetching the point's tickets…"));
  bk_staff_tickets_window_write_async (self, path, print_written_cb, g_strdup (path));
}

static void
printer_found_cb (BkStaffTicketsWindow *self)
{
  gtk_widget_set_sensitive (self->print_button, TRUE);
}

static void
printers_done_cb (BkStaffTicketsWindow *self)
{
  if (bk_printer_picker_get_n_printers (self->printers) == 0)
    gtk_label_set_text (self->status,
                        _ ("No printer found: save the tickets as a PDF and print that, or add a "
                           "printer in the system's settings."));
  g_signal_emit (self, signals[PRINTERS_FOUND], 0);
}

gboolean
bk_staff_tickets_window_select_printer (BkStaffTicketsWindow *self, const char *name)
{
  g_return_val_if_fail (BK_IS_STAFF_TICKETS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return bk_printer_picker_select (self->printers, name);
}

/* Saving */

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffTicketsWindow *self = BK_STAFF_TICKETS_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint pages = bk_staff_tickets_window_write_finish (self, result, &error);

  if (pages == 0)
    message = error != NULL ? describe (error) : NULL;
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Saved %u ticket. Print it on A4 paper.",
                                            "Saved %u tickets. Print them on A4 paper.", pages),
                               pages);
  gtk_label_set_text (self->status, message != NULL ? message : "");
}

static void
save_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  BkStaffTicketsWindow *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    bk_staff_tickets_window_write_async (self, path, saved_cb, NULL);
  g_object_unref (dialog);
}

static void
save_clicked_cb (BkStaffTicketsWindow *self)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_ ("Save the Point's Tickets"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "tickets.pdf");
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
bk_staff_tickets_window_dispose (GObject *object)
{
  BkStaffTicketsWindow *self = BK_STAFF_TICKETS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->printers);
  /* A task still holding this window may outlive the help desk's window,
   * which is gone by then: forget it now, not at finalisation. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  G_OBJECT_CLASS (bk_staff_tickets_window_parent_class)->dispose (object);
}

static void
bk_staff_tickets_window_class_init (BkStaffTicketsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_tickets_window_dispose;
  signals[PRINTERS_FOUND] = g_signal_new ("printers-found", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
bk_staff_tickets_window_init (BkStaffTicketsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *save = gtk_button_new_with_mnemonic (_ ("_Save as PDF…"));
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  self->cancellable = g_cancellable_new ();
  self->printers = bk_printer_picker_new (GTK_DROP_DOWN (dropdown));
  g_signal_connect_object (self->printers, "found", G_CALLBACK (printer_found_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->printers, "done", G_CALLBACK (printers_done_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Print the Point's Tickets"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _ ("Every admission ticket issued at this point, a page each, in ticket-number order, for "
       "candidates without a printer. Each is checked against the authority's key first."));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Printer"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Printer"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), group);
  self->print_button = gtk_button_new_with_mnemonic (_ ("_Print"));
  gtk_widget_add_css_class (self->print_button, "suggested-action");
  gtk_widget_set_sensitive (self->print_button, FALSE);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (print_clicked_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (buttons), self->print_button);
  gtk_box_append (GTK_BOX (box), buttons);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Printing Status"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), box);
  adw_window_set_content (ADW_WINDOW (self), content);
  bk_printer_picker_find (self->printers);
}

BkStaffTicketsWindow *
bk_staff_tickets_window_new (GtkWindow *parent, BkStaffClient *client)
{
  BkStaffTicketsWindow *self;

  g_return_val_if_fail (BK_IS_STAFF_CLIENT (client), NULL);

  self = g_object_new (BK_TYPE_STAFF_TICKETS_WINDOW, "transient-for", parent, "destroy-with-parent",
                       TRUE, NULL);
  self->client = g_object_ref (client);
  return self;
}
