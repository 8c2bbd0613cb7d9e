/* bk-own-password-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-own-password-dialog.h"

static void
response_cb (AdwMessageDialog *dialog, const char *response, GtkWidget *owner)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "password");
  BkOwnPasswordFunc func = (BkOwnPasswordFunc) g_object_get_data (G_OBJECT (dialog), "func");

  if (g_str_equal (response, "accept"))
    func (owner, gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
}

void
bk_own_password_dialog_present (GtkWidget *owner,
                                const char *heading,
                                const char *body,
                                const char *accept_label,
                                BkOwnPasswordFunc func)
{
  GtkRoot *root;
  GtkWidget *entry;
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (heading != NULL && body != NULL && accept_label != NULL);
  g_return_if_fail (func != NULL);

  root = gtk_widget_get_root (owner);
  text = g_strdup_printf ("%s\n\n%s", body,
                          _ ("Type it yourself, also when staff help you at this computer: only "
                             "you may type this password, never a staff member."));
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, text));
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Password"), -1);
  g_object_set (entry, "activates-default", TRUE, NULL);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "password", entry);
  g_object_set_data (G_OBJECT (dialog), "func", (gpointer) func);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Not Now"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  bk_accessible_name_controls (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
