/* bk-compat.h — the one place where newer GTK and libadwaita APIs are
 * chosen over the Debian 12 floor (GTK 4.8, libadwaita 1.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The widget's foreground colour; gtk_widget_get_color() is 4.10, and the
 * style context that 4.8 offers is deprecated from 4.10 on. */
static inline void
bk_compat_widget_get_color (GtkWidget *widget, GdkRGBA *color)
{
#if GTK_CHECK_VERSION(4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/* Asks for one file to open. GtkFileDialog is 4.10; GtkFileChooserNative,
 * its 4.8 counterpart, is deprecated from 4.10 on. @filters is a list of
 * GtkFileFilter, the first one chosen at the start. The result, from
 * bk_compat_open_file_finish(), is NULL without an error when the person
 * closes the dialog. */
#if GTK_CHECK_VERSION(4, 10, 0)
static inline void
bk_compat_open_file_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  GFile *file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (file == NULL && g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_clear_error (&error);
      g_task_return_pointer (task, NULL, NULL);
    }
  else if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
  g_object_unref (task);
}
#else
static inline void
bk_compat_open_file_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  GTask *task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)),
                           g_object_unref);
  else
    g_task_return_pointer (task, NULL, NULL);
  g_object_unref (task);
}
#endif

static inline void
bk_compat_open_file (GtkWindow *parent,
                     const char *title,
                     GListModel *filters,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GtkFileFilter) first = g_list_model_get_item (filters, 0);

  g_task_set_source_tag (task, bk_compat_open_file);
#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, filters);
    gtk_file_dialog_set_default_filter (dialog, first);
    gtk_file_dialog_open (dialog, parent, cancellable, bk_compat_open_file_cb, task);
  }
#else
  {
    GtkFileChooserNative *native =
      gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);

    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
      {
        g_autoptr (GtkFileFilter) filter = g_list_model_get_item (filters, i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      }
    if (first != NULL)
      gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), first);
    /* The task keeps the dialog alive until it answers. */
    g_task_set_task_data (task, native, g_object_unref);
    g_signal_connect (native, "response", G_CALLBACK (bk_compat_open_file_response_cb), task);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static inline GFile *
bk_compat_open_file_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

G_END_DECLS
