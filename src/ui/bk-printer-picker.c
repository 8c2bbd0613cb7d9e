/* bk-printer-picker.c
 *
 * What the ticket sheet (one ticket) and the help desk's tickets window
 * (a point's batch) share. Printing goes through GtkPrintJob to a CUPS
 * queue, never through GtkPrintUnixDialog or GtkPrintOperation, which
 * crash in GTK 4.8 when they print to a named queue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include "bk-printer-picker.h"

struct _BkPrinterPicker
{
  GObject parent_instance;

  GtkDropDown *dropdown; /* weak */
  GListStore *printers;  /* of GtkPrinter */
  GtkStringList *names;
  gboolean finding;
};

G_DEFINE_FINAL_TYPE (BkPrinterPicker, bk_printer_picker, G_TYPE_OBJECT)

enum
{
  FOUND,
  DONE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static gboolean
printer_found_cb (GtkPrinter *printer, gpointer user_data)
{
  BkPrinterPicker *self = user_data;

  if (!gtk_printer_accepts_pdf (printer) || gtk_printer_is_virtual (printer))
    return FALSE;
  g_list_store_append (self->printers, printer);
  gtk_string_list_append (self->names, gtk_printer_get_name (printer));
  if (gtk_printer_is_default (printer) && self->dropdown != NULL)
    gtk_drop_down_set_selected (self->dropdown,
                                g_list_model_get_n_items (G_LIST_MODEL (self->printers)) - 1);
  g_signal_emit (self, signals[FOUND], 0);
  return FALSE;
}

static void
printers_done_cb (gpointer user_data)
{
  BkPrinterPicker *self = user_data;

  g_signal_emit (self, signals[DONE], 0);
  g_object_unref (self);
}

void
bk_printer_picker_find (BkPrinterPicker *self)
{
  g_return_if_fail (BK_IS_PRINTER_PICKER (self));

  if (self->finding)
    return;
  self->finding = TRUE;
  gtk_enumerate_printers (printer_found_cb, g_object_ref (self), printers_done_cb, FALSE);
}

guint
bk_printer_picker_get_n_printers (BkPrinterPicker *self)
{
  g_return_val_if_fail (BK_IS_PRINTER_PICKER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->printers));
}

static GtkPrinter *
dup_selected (BkPrinterPicker *self)
{
  if (self->dropdown == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->printers),
                                gtk_drop_down_get_selected (self->dropdown));
}

gboolean
bk_printer_picker_has_selection (BkPrinterPicker *self)
{
  g_autoptr (GtkPrinter) printer = NULL;

  g_return_val_if_fail (BK_IS_PRINTER_PICKER (self), FALSE);

  printer = dup_selected (self);
  return printer != NULL;
}

gboolean
bk_printer_picker_select (BkPrinterPicker *self, const char *name)
{
  g_return_val_if_fail (BK_IS_PRINTER_PICKER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; self->dropdown != NULL && i < bk_printer_picker_get_n_printers (self); i++)
    {
      g_autoptr (GtkPrinter) printer = g_list_model_get_item (G_LIST_MODEL (self->printers), i);

      if (g_str_equal (gtk_printer_get_name (printer), name))
        {
          gtk_drop_down_set_selected (self->dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
job_sent_cb (GtkPrintJob *job, gpointer user_data, const GError *error)
{
  g_autoptr (GTask) task = user_data;

  g_unlink (g_task_get_task_data (task));
  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_pointer (task, g_strdup (gtk_printer_get_name (gtk_print_job_get_printer (job))),
                           g_free);
}

void
bk_printer_picker_print_async (BkPrinterPicker *self,
                               const char *title,
                               const char *path,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GtkPrinter) printer = NULL;
  g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GtkPrintJob) job = NULL;
  g_autoptr (GError) error = NULL;
  GTask *task;

  g_return_if_fail (BK_IS_PRINTER_PICKER (self));
  g_return_if_fail (title != NULL && path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, bk_printer_picker_print_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  printer = dup_selected (self);
  if (printer == NULL)
    {
      g_unlink (path);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _ ("No printer is chosen. Choose a printer, then print again."));
      g_object_unref (task);
      return;
    }
  gtk_page_setup_set_paper_size (page_setup, a4);
  job = gtk_print_job_new (title, printer, settings, page_setup);
  if (!gtk_print_job_set_source_file (job, path, &error))
    {
      g_unlink (path);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  gtk_print_job_send (job, job_sent_cb, task, NULL);
}

char *
bk_printer_picker_print_finish (BkPrinterPicker *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
bk_printer_picker_dispose (GObject *object)
{
  BkPrinterPicker *self = BK_PRINTER_PICKER (object);

  g_clear_weak_pointer (&self->dropdown);
  g_clear_object (&self->printers);
  g_clear_object (&self->names);
  G_OBJECT_CLASS (bk_printer_picker_parent_class)->dispose (object);
}

static void
bk_printer_picker_class_init (BkPrinterPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_printer_picker_dispose;
  signals[FOUND] = g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                NULL, G_TYPE_NONE, 0);
}

static void
bk_printer_picker_init (BkPrinterPicker *self)
{
  self->printers = g_list_store_new (GTK_TYPE_PRINTER);
  self->names = gtk_string_list_new (NULL);
}

BkPrinterPicker *
bk_printer_picker_new (GtkDropDown *dropdown)
{
  BkPrinterPicker *self;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), NULL);

  self = g_object_new (BK_TYPE_PRINTER_PICKER, NULL);
  g_set_weak_pointer (&self->dropdown, dropdown);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (self->names));
  return self;
}
