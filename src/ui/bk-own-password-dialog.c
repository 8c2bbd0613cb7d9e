/* bk-own-password-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-accessible.h"
#include "bk-own-password-dialog.h"

typedef struct
{
  GtkWidget *owner;
  char *password;
  BkOwnPasswordFunc func;
} Answer;

static gboolean
answer_cb (gpointer data)
{
  Answer *answer = data;

  answer->func (answer->owner, answer->password);
  memset (answer->password, 0, strlen (answer->password));
  g_free (answer->password);
  g_object_unref (answer->owner);
  g_free (answer);
  return G_SOURCE_REMOVE;
}

static void
destroyed_cb (GtkWidget *dialog, Answer *answer)
{
  g_idle_add (answer_cb, answer);
}

/* The owner hears the answer once the dialog is gone, so nothing of the
 * page changes under a closing dialog; the typed copy is wiped after. */
static void
response_cb (AdwMessageDialog *dialog, const char *response, GtkWidget *owner)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "password");
  Answer *answer;

  /* The field gives up the focus while it is whole: GTK 4.8 notified a
   * focus change to the freed row when the dialog went, under a screen
   * reader, and crashed. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (!g_str_equal (response, "accept"))
    return;
  answer = g_new0 (Answer, 1);
  answer->owner = g_object_ref (owner);
  answer->password = g_strdup (gtk_editable_get_text (entry));
  answer->func = (BkOwnPasswordFunc) g_object_get_data (G_OBJECT (dialog), "func");
  g_signal_connect (dialog, "destroy", G_CALLBACK (destroyed_cb), answer);
}

void
bk_own_password_dialog_present (GtkWidget *owner,
                                const char *heading,
                                const char *body,
                                const char *accept_label,
                                BkOwnPasswordFunc func)
{
  GtkRoot *root;
  GtkWidget *entry, *list;
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
  /* A password row rather than a GtkPasswordEntry: GTK 4.8's password
   * entry misbehaves when a screen reader sets its text (as BkWindow's
   * unlock dialog). */
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _ ("Password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "password", entry);
  g_object_set_data (G_OBJECT (dialog), "func", (gpointer) func);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  bk_accessible_name_controls (GTK_WIDGET (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
