/* bk-staff-window-export.c — the help desk's list of the point, exported
 * as .xlsx or CSV through a file chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-staff-export.h"
#include "bk-staff-labels.h"
#include "bk-staff-window-private.h"

static void
exported_list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  const char *path = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (BkStaffListing)
    listing = bk_staff_client_list_finish (BK_STAFF_CLIENT (source), result, &error);
  gboolean written;

  if (listing == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_str_has_suffix (path, ".xlsx"))
    written = bk_staff_export_xlsx (G_LIST_MODEL (listing->items), path, &error);
  else
    written = bk_staff_export_csv (G_LIST_MODEL (listing->items), path, &error);
  if (!written)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
bk_staff_window_export_async (BkStaffWindow *self,
                              const char *path,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_STAFF_WINDOW (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, bk_staff_window_get_cancellable (self), callback, user_data);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* The point's whole list, whatever queue is shown. */
  bk_staff_client_list_async (bk_staff_window_get_client (self), "all",
                              bk_staff_window_get_cancellable (self), exported_list_cb, task);
}

gboolean
bk_staff_window_export_finish (BkStaffWindow *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffWindow *self = BK_STAFF_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!bk_staff_window_export_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = error->domain == G_IO_ERROR ? g_strdup (error->message)
                                            : bk_staff_labels_describe_error (error);
    }
  else
    message = g_strdup (_ ("The point's list was exported."));
  bk_staff_window_show_status (self, message);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  BkStaffWindow *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    bk_staff_window_export_async (self, path, export_done_cb, NULL);
  g_object_unref (dialog);
}

static void export(BkStaffWindow *self, const char *file_name)
{
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_ ("Export the Point's List"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
bk_staff_window_export_csv (BkStaffWindow *self)
{
  export(self, "applications.csv");
}

void
bk_staff_window_export_xlsx (BkStaffWindow *self)
{
  export(self, "applications.xlsx");
}
