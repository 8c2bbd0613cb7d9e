/* bk-preferences-window.c
 *
 * The two settings sync needs, as the registration point gives them
 * (`baokao-server --dev` prints both): the server's https:// address and,
 * for a server whose certificate a private CA signed, that CA's file.
 * Each is written to GSettings as it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-preferences-window.h"

struct _BkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  AdwEntryRow *address_row;
  AdwEntryRow *ca_file_row;
  GtkLabel *address_problem;
  GtkSpinButton *idle_lock_spin;
  GtkSwitch *background_switch;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
address_changed_cb (GtkEditable *editable, gpointer user_data)
{
  BkPreferencesWindow *self = user_data;
  gboolean valid = bk_preferences_window_address_is_valid (gtk_editable_get_text (editable));

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->address_problem), !valid);
}

static void
chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  BkPreferencesWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->ca_file_row), path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (GtkButton *button, gpointer user_data)
{
  BkPreferencesWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_ ("Choose the Server's CA File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"),
                                               _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The setting is in seconds (tests use a short one); the row in minutes. */
static gboolean
minutes_from_seconds (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant) / 60.0);
  return TRUE;
}

static GVariant *
seconds_from_minutes (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_int32 ((gint32) (g_value_get_double (value) * 60.0 + 0.5));
}

static AdwPreferencesGroup *
privacy_group (BkPreferencesWindow *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_group_set_title (group, _ ("Privacy"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Lock After (Minutes)"));
  adw_action_row_set_subtitle (row, _ ("An open profile is closed and its password asked again "
                                       "after this many minutes without use. On a shared "
                                       "computer keep it short; 0 never locks."));
  self->idle_lock_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 120, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->idle_lock_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->idle_lock_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Lock After (Minutes)"), -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (self->idle_lock_spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->idle_lock_spin));
  adw_preferences_group_add (group, GTK_WIDGET (row));

  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Notify After Closing"));
  adw_action_row_set_subtitle (row, _ ("Closing the window keeps checking the server and sends a "
                                       "notification when a decision, the ticket or the scores "
                                       "arrive; the profile opens locked again. Turn it off so "
                                       "closing the window quits."));
  self->background_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->background_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->background_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Notify After Closing"), -1);
  adw_action_row_add_suffix (row, GTK_WIDGET (self->background_switch));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (self->background_switch));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return group;
}

static void
bk_preferences_window_dispose (GObject *object)
{
  BkPreferencesWindow *self = BK_PREFERENCES_WINDOW (object);

  /* The rows go with the window; nothing may write to them or the
   * settings from here on. */
  if (self->address_row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->address_row, self);
      g_settings_unbind (self->address_row, "text");
      g_settings_unbind (self->ca_file_row, "text");
      g_settings_unbind (gtk_spin_button_get_adjustment (self->idle_lock_spin), "value");
      g_settings_unbind (self->background_switch, "active");
      self->address_row = NULL;
      self->ca_file_row = NULL;
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_preferences_window_parent_class)->dispose (object);
}

static void
bk_preferences_window_class_init (BkPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_preferences_window_dispose;
}

static void
bk_preferences_window_init (BkPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *choose;

  gtk_window_set_title (GTK_WINDOW (self), _ ("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 400);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_group_set_title (group, _ ("Registration Server"));
  adw_preferences_group_set_description (
    group, _ ("Enter the address your registration point gives you, and its CA file if they give "
              "you one. Your changes are sent there when this computer is online."));

  self->address_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row), _ ("Server Address"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->address_row),
                               _ ("For example https://baokao.example.cn:8443"));
  adw_preferences_group_add (group, GTK_WIDGET (self->address_row));

  self->ca_file_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ca_file_row), _ ("CA File"));
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->ca_file_row),
    _ ("Leave empty unless your registration point gives you a CA file"));
  choose = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (choose, "flat");
  gtk_widget_set_tooltip_text (choose, _ ("Choose a CA File"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Choose a CA File"), -1);
  g_signal_connect (choose, "clicked", G_CALLBACK (choose_clicked_cb), self);
  adw_entry_row_add_suffix (self->ca_file_row, choose);
  adw_preferences_group_add (group, GTK_WIDGET (self->ca_file_row));

  self->address_problem =
    GTK_LABEL (gtk_label_new (_ ("The address must start with https://. Correct it, or ask your "
                                 "registration point for the right one.")));
  gtk_label_set_wrap (self->address_problem, TRUE);
  gtk_label_set_xalign (self->address_problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->address_problem), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->address_problem), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->address_problem), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->address_problem));

  adw_preferences_page_add (page, group);
  adw_preferences_page_add (page, privacy_group (self));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  g_signal_connect (self->address_row, "changed", G_CALLBACK (address_changed_cb), self);
}

BkPreferencesWindow *
bk_preferences_window_new (GSettings *settings)
{
  BkPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BK_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "server-url", self->address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "ca-file", self->ca_file_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (
    settings, "idle-lock-seconds", gtk_spin_button_get_adjustment (self->idle_lock_spin), "value",
    G_SETTINGS_BIND_DEFAULT, minutes_from_seconds, seconds_from_minutes, NULL, NULL);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}

gboolean
bk_preferences_window_address_is_valid (const char *address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));

  return *trimmed == '\0' || (g_str_has_prefix (trimmed, "https://") && trimmed[8] != '\0');
}
