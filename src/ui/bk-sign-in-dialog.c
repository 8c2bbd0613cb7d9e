/* bk-sign-in-dialog.c
 *
 * Built in code: a few rows, a message and a button. The dialog stays
 * open until the profile is here, so nothing typed is lost to a wrong
 * password or a server that is down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-sign-in-dialog.h"
#include "bk-store-error.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"

struct _BkSignInDialog
{
  AdwWindow parent_instance;

  BkWindowSync *sync;
  BkStore *store;
  GCancellable *cancellable;

  GtkWidget *server_row; /* shown when no server address is set */
  GtkWidget *user_name_row;
  GtkWidget *password_row;
  GtkWidget *problem;
  GtkWidget *button;
  GtkWidget *spinner;
};

G_DEFINE_FINAL_TYPE (BkSignInDialog, bk_sign_in_dialog, ADW_TYPE_WINDOW)

static guint signed_in_signal;

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_busy (BkSignInDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
show_problem (BkSignInDialog *self, const char *message, GtkWidget *row)
{
  gtk_label_set_text (GTK_LABEL (self->problem), message);
  gtk_widget_set_visible (self->problem, message != NULL);
  gtk_widget_remove_css_class (self->user_name_row, "error");
  gtk_widget_remove_css_class (self->password_row, "error");
  gtk_widget_remove_css_class (self->server_row, "error");
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static char *
describe (const GError *error)
{
  if (g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NETWORK) ||
      g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_TIMEOUT))
    return g_strdup (_ ("The server cannot be reached. Check the server address and that this "
                        "computer is online, then press Sign In again."));
  if (error->domain == BK_SYNC_ERROR)
    return bk_sync_messages_describe (error);
  if (error->domain == BK_STORE_ERROR)
    return bk_store_error_describe (error);
  return g_strdup (error->message);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkSignInDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autofree char *message = NULL;
  g_autofree char *code = NULL;

  profile = bk_window_sync_sign_in_here_finish (BK_WINDOW_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (profile == NULL)
    {
      message = describe (error);
      code = bk_sync_error_dup_server_code (error);
      show_problem (self, message,
                    g_strcmp0 (code, "wrong_credentials") == 0 ? self->password_row : NULL);
      return;
    }
  g_signal_emit (self, signed_in_signal, 0, profile, text_of (self->password_row));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sign_in_cb (BkSignInDialog *self)
{
  g_autofree char *url = NULL;
  const char *user_name = text_of (self->user_name_row);
  const char *password = text_of (self->password_row);

  if (!gtk_widget_get_sensitive (self->button))
    return; /* already on its way */
  if (gtk_widget_get_visible (self->server_row))
    url = g_strstrip (g_strdup (text_of (self->server_row)));
  else
    url = g_settings_get_string (bk_window_sync_get_settings (self->sync), "server-url");

  if (url[0] == '\0')
    show_problem (self,
                  _ ("Type the server address the registration point gave you; it starts with "
                     "https://."),
                  self->server_row);
  else if (user_name[0] == '\0')
    show_problem (self, _ ("Type the user name of your account."), self->user_name_row);
  else if (password[0] == '\0')
    show_problem (self, _ ("Type the password of your account."), self->password_row);
  else
    {
      show_problem (self, NULL, NULL);
      set_busy (self, TRUE);
      bk_window_sync_sign_in_here_async (self->sync, self->store, url, user_name, password,
                                         self->cancellable, signed_in_cb, g_object_ref (self));
    }
}

static GtkWidget *
add_row (GtkWidget *list, GtkWidget *row, const char *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* GObject */

static void
bk_sign_in_dialog_dispose (GObject *object)
{
  BkSignInDialog *self = BK_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->sync);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bk_sign_in_dialog_parent_class)->dispose (object);
}

static void
bk_sign_in_dialog_finalize (GObject *object)
{
  BkSignInDialog *self = BK_SIGN_IN_DIALOG (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bk_sign_in_dialog_parent_class)->finalize (object);
}

static void
bk_sign_in_dialog_class_init (BkSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_sign_in_dialog_dispose;
  object_class->finalize = bk_sign_in_dialog_finalize;

  signed_in_signal = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, BK_TYPE_PROFILE,
                                   G_TYPE_STRING);
}

static void
bk_sign_in_dialog_init (BkSignInDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *intro, *list, *buttons;

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _ ("Sign In on This Computer"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);

  intro = gtk_label_new (_ ("Sign in with the user name and password of the account you made on "
                            "another computer or at the help desk. Your profile is brought to "
                            "this computer and protected here with the same password."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (content), intro);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->server_row = add_row (list, adw_entry_row_new (), _ ("Server address"));
  self->user_name_row = add_row (list, adw_entry_row_new (), _ ("User name"));
  self->password_row = add_row (list, adw_password_entry_row_new (), _ ("Password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->password_row), TRUE);
  gtk_box_append (GTK_BOX (content), list);

  self->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem), 0);
  gtk_widget_add_css_class (self->problem, "error");
  gtk_widget_set_visible (self->problem, FALSE);
  gtk_box_append (GTK_BOX (content), self->problem);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  self->button = gtk_button_new_with_mnemonic (_ ("_Sign In"));
  gtk_widget_add_css_class (self->button, "suggested-action");
  gtk_widget_add_css_class (self->button, "pill");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (sign_in_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->spinner);
  gtk_box_append (GTK_BOX (buttons), self->button);
  gtk_box_append (GTK_BOX (content), buttons);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->button);
}

/* Public API */

BkSignInDialog *
bk_sign_in_dialog_new (GtkWindow *parent, BkWindowSync *sync, BkStore *store)
{
  BkSignInDialog *self;
  g_autofree char *url = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_WINDOW_SYNC (sync), NULL);
  g_return_val_if_fail (BK_IS_STORE (store), NULL);

  self = g_object_new (BK_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->sync = g_object_ref (sync);
  self->store = g_object_ref (store);
  url = g_settings_get_string (bk_window_sync_get_settings (sync), "server-url");
  gtk_widget_set_visible (self->server_row, url[0] == '\0');
  bk_accessible_name_controls (GTK_WIDGET (self));
  gtk_widget_grab_focus (url[0] == '\0' ? self->server_row : self->user_name_row);
  return self;
}
