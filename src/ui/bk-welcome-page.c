/* bk-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-format.h"
#include "bk-primary-menu-button.h"
#include "bk-profile-summary.h"
#include "bk-store-error.h"
#include "bk-welcome-page.h"
#include "bk-rows.h"

struct _BkWelcomePage
{
  AdwBin parent_instance;

  GListModel *profiles;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkButton *new_profile_button;
  GtkButton *sign_in_button;
  AdwPreferencesGroup *profiles_group;
  GtkListBox *profiles_list;
  GtkLabel *empty_label;
};

G_DEFINE_FINAL_TYPE (BkWelcomePage, bk_welcome_page, ADW_TYPE_BIN)

enum
{
  NEW_PROFILE,
  OPEN_PROFILE,
  SIGN_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_profile_row (gpointer item, gpointer user_data)
{
  BkProfileSummary *summary = item;
  GtkWidget *row = bk_rows_new_plain ();
  const char *name = bk_profile_summary_get_real_name (summary);
  g_autofree char *updated = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = NULL;
  GtkWidget *open_button;
  GDateTime *updated_at = bk_profile_summary_get_updated_at (summary);

  if (updated_at != NULL)
    updated = bk_format_date_time (updated_at);
  /* TRANSLATORS: a profile in the list: its masked ID number, how complete
   * it is, and when it was last changed, e.g. "110***********002X · 85% complete ·
   * changed 2026-04-08 10:00" */
  subtitle = g_strdup_printf (
    _ ("%s · %d%% complete · changed %s"), bk_profile_summary_get_masked_id_number (summary),
    bk_profile_summary_get_completeness (summary), updated != NULL ? updated : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : _ ("Unnamed profile"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* One line each: a wrapping label is measured again for every width, and
   * a help-desk PC lists dozens of profiles. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  /* A button as well as an activatable row: screen readers and the
   * accessibility tests press buttons, and GTK 4.8 rows have no action. */
  open_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open_button, "flat");
  /* TRANSLATORS: %s is a candidate's name */
  open_label = g_strdup_printf (_ ("Open the profile of %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_widget_set_tooltip_text (open_button, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open_button), "welcome.open-profile");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open_button), "s",
                                    bk_profile_summary_get_id (summary));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open_button);

  return row;
}

static void
update_empty_state (BkWelcomePage *self)
{
  gboolean empty = self->profiles == NULL || g_list_model_get_n_items (self->profiles) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->profiles_group), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
}

static void
new_profile_clicked_cb (BkWelcomePage *self)
{
  g_signal_emit (self, signals[NEW_PROFILE], 0);
}

static void
sign_in_clicked_cb (BkWelcomePage *self)
{
  g_signal_emit (self, signals[SIGN_IN], 0);
}

static void
open_profile_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[OPEN_PROFILE], 0, g_variant_get_string (parameter, NULL));
}

static void
bk_welcome_page_dispose (GObject *object)
{
  BkWelcomePage *self = BK_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WELCOME_PAGE);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (bk_welcome_page_parent_class)->dispose (object);
}

static void
bk_welcome_page_class_init (BkWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_welcome_page_dispose;

  /* The candidate asked for a new profile. */
  signals[NEW_PROFILE] = g_signal_new ("new-profile", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The candidate chose a profile from the list; the argument is its id. */
  signals[OPEN_PROFILE] = g_signal_new ("open-profile", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_STRING);
  /* The candidate wants a profile of theirs from the server here. */
  signals[SIGN_IN] = g_signal_new ("sign-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BK_TYPE_PRIMARY_MENU_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, new_profile_button);
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, profiles_group);
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, profiles_list);
  gtk_widget_class_bind_template_child (widget_class, BkWelcomePage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, new_profile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);

  gtk_widget_class_install_action (widget_class, "welcome.open-profile", "s", open_profile_action);
}

static void
bk_welcome_page_init (BkWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_empty_state (self);
}

void
bk_welcome_page_set_profiles (BkWelcomePage *self, GListModel *profiles)
{
  g_return_if_fail (BK_IS_WELCOME_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (profiles));

  g_set_object (&self->profiles, profiles);
  gtk_list_box_bind_model (self->profiles_list, profiles, create_profile_row, NULL, NULL);
  update_empty_state (self);
}

void
bk_welcome_page_set_unavailable (BkWelcomePage *self, const char *message)
{
  g_return_if_fail (BK_IS_WELCOME_PAGE (self));
  g_return_if_fail (message != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_profile_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), FALSE);
  gtk_label_set_text (self->empty_label, message);
  /* The help desk copies the file's path from it. */
  gtk_label_set_selectable (self->empty_label, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->empty_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_label), "error");
}
