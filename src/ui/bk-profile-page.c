/* bk-profile-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-dates.h"
#include "bk-education-dialog.h"
#include "bk-field-error-row.h"
#include "bk-format.h"
#include "bk-profile-page.h"
#include "bk-step-page.h"
#include "bk-rows.h"
#include "bk-work-dialog.h"

struct _BkProfilePage
{
  AdwBin parent_instance;

  BkProfile *profile;
  gboolean loading;
  gboolean locked; /* the application is submitted */

  /* Template widgets */
  GtkLevelBar *completeness_bar;
  GtkLabel *completeness_label;
  AdwComboRow *sex_row;
  AdwEntryRow *birth_date_row;
  BkFieldErrorRow *birth_date_error;
  AdwEntryRow *ethnicity_row;
  AdwEntryRow *work_unit_row;
  AdwEntryRow *email_row;
  BkFieldErrorRow *email_error;
  BkFieldErrorRow *ethnicity_error;
  BkFieldErrorRow *work_unit_error;
  BkFieldErrorRow *address_error;
  AdwEntryRow *address_row;
  AdwEntryRow *postcode_row;
  BkFieldErrorRow *postcode_error;
  GtkListBox *education_list;
  GtkListBox *work_list;
  AdwPreferencesGroup *education_group;
  AdwPreferencesGroup *work_group;
  AdwComboRow *senior_title_row;
  GtkSwitch *officer_switch;
};

static void bk_profile_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkProfilePage,
                               bk_profile_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_profile_page_step_page_init))

static void
update_completeness (BkProfilePage *self)
{
  g_autoptr (GPtrArray) missing = NULL;
  int percent = bk_profile_get_completeness (self->profile, &missing);
  g_autofree char *text = NULL;

  gtk_level_bar_set_value (self->completeness_bar, percent);
  if (percent >= 100 || missing == NULL || missing->len == 0)
    /* TRANSLATORS: shown when nothing is missing from the profile */
    text = g_strdup (_ ("Complete: you can apply."));
  else
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; i < missing->len; i++)
        {
          if (i > 0)
            /* TRANSLATORS: separates the items of a list, e.g. "photo, work history" */
            g_string_append (list, _ (", "));
          g_string_append (list, g_ptr_array_index (missing, i));
        }
      /* TRANSLATORS: %d is a percentage, %s a list of what is missing */
      text = g_strdup_printf (_ ("%d%% complete. Still missing: %s."), percent, list->str);
    }
  gtk_label_set_text (self->completeness_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->completeness_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
changed (BkProfilePage *self)
{
  if (self->loading)
    return;
  update_completeness (self);
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
}

static GtkWindow *
parent_window (BkProfilePage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static GtkWidget *
row_button (const char *icon_name, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The Edit and Remove buttons at the end of a record's row; each knows its
 * record. */
static void
add_row_buttons (BkProfilePage *self,
                 GtkWidget *row,
                 gpointer entry,
                 const char *edit_label,
                 GCallback edit_cb,
                 const char *remove_label,
                 GCallback remove_cb)
{
  GtkWidget *edit = row_button ("document-edit-symbolic", edit_label);
  GtkWidget *remove = row_button ("user-trash-symbolic", remove_label);

  g_object_set_data (G_OBJECT (edit), "entry", entry);
  g_object_set_data (G_OBJECT (remove), "entry", entry);
  g_signal_connect (edit, "clicked", edit_cb, self);
  g_signal_connect (remove, "clicked", remove_cb, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
}

static gboolean
model_contains (GListModel *model, gpointer item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == item)
        return TRUE;
    }
  return FALSE;
}

static void education_saved_cb (BkProfilePage *self, BkEducationEntry *entry);
static void work_saved_cb (BkProfilePage *self, BkWorkEntry *entry);

static void
edit_education_cb (GtkButton *button, BkProfilePage *self)
{
  BkEducationEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  BkEducationDialog *dialog = bk_education_dialog_new (parent_window (self), entry);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (education_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_education_cb (GtkButton *button, BkProfilePage *self)
{
  bk_profile_remove_education (self->profile, g_object_get_data (G_OBJECT (button), "entry"));
  changed (self);
}

static GtkWidget *
create_education_row (gpointer item, gpointer user_data)
{
  BkProfilePage *self = user_data;
  BkEducationEntry *entry = item;
  GtkWidget *row = bk_rows_new_plain ();
  const char *major = bk_education_entry_get_major (entry);
  const char *school = bk_education_entry_get_school (entry);
  const GDate *graduated = bk_education_entry_get_graduated (entry);
  g_autofree char *date = graduated != NULL && g_date_valid (graduated) ? bk_format_date (graduated)
                                                                        : g_strdup ("—");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: an education record: its level and major, e.g. "Bachelor · Measurement and
   * Control" */
  title = g_strdup_printf (
    _ ("%s · %s"), bk_education_level_get_display_name (bk_education_entry_get_level (entry)),
    major != NULL ? major : "");
  /* TRANSLATORS: an education record's school and graduation date */
  subtitle = g_strdup_printf (_ ("%s, graduated %s"), school != NULL ? school : "", date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  add_row_buttons (self, row, entry, _ ("Edit this education record"),
                   G_CALLBACK (edit_education_cb), _ ("Remove this education record"),
                   G_CALLBACK (remove_education_cb));

  return row;
}

static void
edit_work_cb (GtkButton *button, BkProfilePage *self)
{
  BkWorkEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  BkWorkDialog *dialog = bk_work_dialog_new (parent_window (self), entry);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (work_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_work_cb (GtkButton *button, BkProfilePage *self)
{
  bk_profile_remove_work (self->profile, g_object_get_data (G_OBJECT (button), "entry"));
  changed (self);
}

static GtkWidget *
create_work_row (gpointer item, gpointer user_data)
{
  BkProfilePage *self = user_data;
  BkWorkEntry *entry = item;
  GtkWidget *row = bk_rows_new_plain ();
  const char *employer = bk_work_entry_get_employer (entry);
  const GDate *from = bk_work_entry_get_from (entry);
  const GDate *to = bk_work_entry_get_to (entry);
  g_autofree char *from_text = from != NULL && g_date_valid (from) ? bk_format_date (from)
                                                                   : g_strdup ("—");
  g_autofree char *to_text = to != NULL && g_date_valid (to) ? bk_format_date (to)
                                                             /* TRANSLATORS: a work period's end */
                                                             : g_strdup (_ ("now"));
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: a work period: its dates and its kind, e.g. "2015-07-01 to now · metrology work"
   */
  subtitle = g_strdup_printf (_ ("%s to %s · %s"), from_text, to_text,
                              bk_work_entry_get_metrology (entry) ? _ ("metrology work")
                                                                  : _ ("other work"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), employer != NULL ? employer : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  add_row_buttons (self, row, entry, _ ("Edit this period of work"), G_CALLBACK (edit_work_cb),
                   _ ("Remove this period of work"), G_CALLBACK (remove_work_cb));

  return row;
}

/* A saved dialog: a new entry joins the profile; an edited one is already
 * in it, and its row is rebuilt by re-binding the model. */
static void
education_saved_cb (BkProfilePage *self, BkEducationEntry *entry)
{
  GListModel *model = bk_profile_get_education (self->profile);

  if (!model_contains (model, entry))
    bk_profile_add_education (self->profile, entry);
  gtk_list_box_bind_model (self->education_list, model, create_education_row, self, NULL);
  changed (self);
}

static void
work_saved_cb (BkProfilePage *self, BkWorkEntry *entry)
{
  GListModel *model = bk_profile_get_work (self->profile);

  if (!model_contains (model, entry))
    bk_profile_add_work (self->profile, entry);
  gtk_list_box_bind_model (self->work_list, model, create_work_row, self, NULL);
  changed (self);
}

static void
add_education_cb (BkProfilePage *self)
{
  BkEducationDialog *dialog = bk_education_dialog_new (parent_window (self), NULL);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (education_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_work_cb (BkProfilePage *self)
{
  BkWorkDialog *dialog = bk_work_dialog_new (parent_window (self), NULL);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (work_saved_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Each typed field says at once what is wrong with it, under it. */
static void
validate_texts (BkProfilePage *self)
{
  bk_field_error_row_validate (self->ethnicity_error, self->ethnicity_row,
                               bk_profile_validate_ethnicity);
  bk_field_error_row_validate (self->work_unit_error, self->work_unit_row,
                               bk_profile_validate_work_unit);
  bk_field_error_row_validate (self->email_error, self->email_row, bk_profile_validate_email);
  bk_field_error_row_validate (self->address_error, self->address_row, bk_profile_validate_address);
  bk_field_error_row_validate (self->postcode_error, self->postcode_row,
                               bk_profile_validate_postcode);
}

static void
text_changed_cb (BkProfilePage *self)
{
  if (self->profile == NULL || self->loading)
    return;

  bk_profile_set_ethnicity (self->profile, bk_rows_get_text (self->ethnicity_row));
  bk_profile_set_work_unit (self->profile, bk_rows_get_text (self->work_unit_row));
  bk_profile_set_email (self->profile, bk_rows_get_text (self->email_row));
  bk_profile_set_address (self->profile, bk_rows_get_text (self->address_row));
  bk_profile_set_postcode (self->profile, bk_rows_get_text (self->postcode_row));
  validate_texts (self);
  changed (self);
}

static void
birth_date_changed_cb (BkProfilePage *self)
{
  g_autofree char *text = NULL;
  GDate date;

  if (self->profile == NULL || self->loading || bk_profile_get_derived_from_id (self->profile))
    return;

  text = g_strstrip (g_strdup (bk_rows_get_text (self->birth_date_row)));
  g_date_clear (&date, 1);
  if (*text == '\0' || bk_dates_parse (text, &date))
    {
      bk_profile_set_birth_date (self->profile, g_date_valid (&date) ? &date : NULL);
      bk_field_error_row_show (self->birth_date_error, GTK_WIDGET (self->birth_date_row), NULL);
      changed (self);
    }
  else
    bk_field_error_row_show_text (self->birth_date_error, GTK_WIDGET (self->birth_date_row),
                                  _ ("Type the birth date as on your document, as "
                                     "year-month-day, for example 1985-03-21."));
}

static void
sex_changed_cb (BkProfilePage *self)
{
  if (self->profile == NULL || self->loading || bk_profile_get_derived_from_id (self->profile))
    return;
  bk_profile_set_sex (self->profile, adw_combo_row_get_selected (self->sex_row));
  changed (self);
}

static void
senior_title_changed_cb (BkProfilePage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_senior_title (self->profile, adw_combo_row_get_selected (self->senior_title_row));
  changed (self);
}

static void
officer_changed_cb (BkProfilePage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_verification_officer_certificate (self->profile,
                                                   gtk_switch_get_active (self->officer_switch));
  changed (self);
}

/* Shown again each time the step opens: the ID number may have changed in
 * step 1, and with it the birth date and sex. */
static void
bk_profile_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkProfilePage *self = BK_PROFILE_PAGE (page);
  const GDate *birth = bk_profile_get_birth_date (profile);
  gboolean derived = bk_profile_get_derived_from_id (profile);
  char buf[16];

  g_set_object (&self->profile, profile);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->sex_row, bk_profile_get_sex (profile));
  bk_rows_set_text (self->birth_date_row,
                    birth != NULL && g_date_valid (birth) ? bk_dates_format (birth, buf) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->sex_row), !derived && !self->locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->birth_date_row), !derived && !self->locked);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->birth_date_row),
                               derived ? _ ("Taken from your resident ID number") : NULL);
  bk_rows_set_text (self->ethnicity_row, bk_profile_get_ethnicity (profile));
  bk_rows_set_text (self->work_unit_row, bk_profile_get_work_unit (profile));
  bk_rows_set_text (self->email_row, bk_profile_get_email (profile));
  bk_rows_set_text (self->address_row, bk_profile_get_address (profile));
  bk_rows_set_text (self->postcode_row, bk_profile_get_postcode (profile));
  adw_combo_row_set_selected (self->senior_title_row, bk_profile_get_senior_title (profile));
  gtk_switch_set_active (self->officer_switch,
                         bk_profile_get_verification_officer_certificate (profile));
  gtk_list_box_bind_model (self->education_list, bk_profile_get_education (profile),
                           create_education_row, self, NULL);
  gtk_list_box_bind_model (self->work_list, bk_profile_get_work (profile), create_work_row, self,
                           NULL);
  self->loading = FALSE;

  validate_texts (self);
  update_completeness (self);
}

/* What eligibility was worked out from stays as it was: sex and birth
 * date, education, work, titles. Contact details may still change. */
static void
bk_profile_page_set_locked (BkStepPage *page, gboolean locked)
{
  BkProfilePage *self = BK_PROFILE_PAGE (page);
  gboolean derived = self->profile != NULL && bk_profile_get_derived_from_id (self->profile);

  self->locked = locked;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sex_row), !derived && !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->birth_date_row), !derived && !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->education_group), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->work_group), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->senior_title_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->officer_switch), !locked);
}

static void
bk_profile_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_profile_page_set_profile;
  iface->set_locked = bk_profile_page_set_locked;
}

static void
bk_profile_page_dispose (GObject *object)
{
  BkProfilePage *self = BK_PROFILE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PROFILE_PAGE);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (bk_profile_page_parent_class)->dispose (object);
}

static void
bk_profile_page_class_init (BkProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_profile_page_dispose;

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, completeness_bar);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, sex_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, birth_date_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, ethnicity_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, work_unit_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, email_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, email_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, ethnicity_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, work_unit_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, address_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, postcode_error);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, education_list);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, work_list);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, education_group);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, work_group);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, senior_title_row);
  gtk_widget_class_bind_template_child (widget_class, BkProfilePage, officer_switch);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, birth_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sex_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, senior_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, officer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_education_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_work_cb);
}

static void
bk_profile_page_init (BkProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
