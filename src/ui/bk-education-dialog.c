/* bk-education-dialog.c
 *
 * The fields are checked on Save; the dialog stays open with a message
 * under every wrong field at once, and nothing typed is cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-dates.h"
#include "bk-education-dialog.h"
#include "bk-field-error-row.h"
#include "bk-field-error.h"
#include "bk-rows.h"

struct _BkEducationDialog
{
  AdwWindow parent_instance;

  BkEducationEntry *entry; /* NULL: a new record */

  /* Template widgets */
  AdwComboRow *level_row;
  GtkStringList *level_names;
  AdwComboRow *discipline_row;
  AdwEntryRow *school_row;
  BkFieldErrorRow *school_error;
  AdwEntryRow *major_row;
  BkFieldErrorRow *major_error;
  AdwEntryRow *graduated_row;
  BkFieldErrorRow *graduated_error;
  AdwEntryRow *certificate_row;
  BkFieldErrorRow *certificate_error;
  GtkSwitch *full_time_switch;
  GtkSwitch *foreign_switch;
};

G_DEFINE_FINAL_TYPE (BkEducationDialog, bk_education_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
copy_fields (BkEducationDialog *self, BkEducationEntry *entry, const GDate *graduated)
{
  g_autofree char *school = g_strstrip (g_strdup (bk_rows_get_text (self->school_row)));

  bk_education_entry_set_level (entry, adw_combo_row_get_selected (self->level_row));
  bk_education_entry_set_discipline (entry, adw_combo_row_get_selected (self->discipline_row));
  bk_education_entry_set_school (entry, school);
  bk_education_entry_set_major (entry, bk_rows_get_text (self->major_row));
  bk_education_entry_set_graduated (entry, graduated);
  bk_education_entry_set_certificate_number (entry, bk_rows_get_text (self->certificate_row));
  bk_education_entry_set_full_time (entry, gtk_switch_get_active (self->full_time_switch));
  bk_education_entry_set_foreign (entry, gtk_switch_get_active (self->foreign_switch));
}

static void
clear_errors (BkEducationDialog *self)
{
  bk_field_error_row_show (self->school_error, GTK_WIDGET (self->school_row), NULL);
  bk_field_error_row_show (self->major_error, GTK_WIDGET (self->major_row), NULL);
  bk_field_error_row_show (self->graduated_error, GTK_WIDGET (self->graduated_row), NULL);
  bk_field_error_row_show (self->certificate_error, GTK_WIDGET (self->certificate_row), NULL);
}

/* Shows @message under @field's row; returns that row, for the focus. */
static GtkWidget *
show_error_at (BkEducationDialog *self, const char *field, const char *message)
{
  struct
  {
    const char *name;
    BkFieldErrorRow *row;
    AdwEntryRow *field;
  } fields[] = {
    { "school", self->school_error, self->school_row },
    { "major", self->major_error, self->major_row },
    { "graduated", self->graduated_error, self->graduated_row },
    { "certificate-number", self->certificate_error, self->certificate_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (field != NULL && g_str_equal (field, fields[i].name))
        {
          bk_field_error_row_show_text (fields[i].row, GTK_WIDGET (fields[i].field), message);
          return GTK_WIDGET (fields[i].field);
        }
    }
  /* A field without a row of its own: show it under the first field. */
  bk_field_error_row_show_text (self->school_error, NULL, message);
  return GTK_WIDGET (self->school_row);
}

static void
save_clicked_cb (BkEducationDialog *self)
{
  g_autoptr (BkEducationEntry) candidate = bk_education_entry_new ();
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *graduated_text = g_strstrip (g_strdup (bk_rows_get_text (self->graduated_row)));
  GtkWidget *first = NULL;
  gboolean date_read;
  GDate graduated;

  clear_errors (self);
  g_date_clear (&graduated, 1);
  date_read = bk_dates_parse (graduated_text, &graduated);

  /* Every problem at once, each under its field. */
  copy_fields (self, candidate, &graduated);
  errors = bk_education_entry_validate_all (candidate);
  for (guint i = 0; i < errors->len; i++)
    {
      const BkFieldError *e = g_ptr_array_index (errors, i);
      GtkWidget *row;

      if (!date_read && g_str_equal (e->field, "graduated"))
        row = show_error_at (self, e->field,
                             _ ("Type the graduation date as on the certificate, as "
                                "year-month-day, for example 2010-07-01."));
      else
        row = show_error_at (self, e->field, e->message);
      if (first == NULL)
        first = row;
    }
  if (first != NULL)
    {
      gtk_widget_grab_focus (first);
      return;
    }

  if (self->entry == NULL)
    self->entry = g_object_ref (candidate);
  else
    copy_fields (self, self->entry, &graduated);

  g_signal_emit (self, signals[SAVED], 0, self->entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bk_education_dialog_dispose (GObject *object)
{
  BkEducationDialog *self = BK_EDUCATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_EDUCATION_DIALOG);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (bk_education_dialog_parent_class)->dispose (object);
}

static void
bk_education_dialog_class_init (BkEducationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_education_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, BK_TYPE_EDUCATION_ENTRY);

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-education-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, level_names);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, discipline_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, school_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, school_error);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, major_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, major_error);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, graduated_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, graduated_error);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, certificate_row);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, certificate_error);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, full_time_switch);
  gtk_widget_class_bind_template_child (widget_class, BkEducationDialog, foreign_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_education_dialog_init (BkEducationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_name_controls (GTK_WIDGET (self));

  /* The level names come from core, in the order of BkEducationLevel. */
  for (BkEducationLevel level = BK_EDUCATION_LEVEL_BELOW_SECONDARY;
       level <= BK_EDUCATION_LEVEL_DOCTOR; level++)
    gtk_string_list_append (self->level_names, bk_education_level_get_display_name (level));
  adw_combo_row_set_selected (self->level_row, BK_EDUCATION_LEVEL_BACHELOR);
}

BkEducationDialog *
bk_education_dialog_new (GtkWindow *parent, BkEducationEntry *entry)
{
  BkEducationDialog *self = g_object_new (BK_TYPE_EDUCATION_DIALOG, "transient-for", parent, NULL);
  const GDate *graduated;
  const char *text;

  if (entry == NULL)
    return self;

  self->entry = g_object_ref (entry);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Education Record"));
  adw_combo_row_set_selected (self->level_row, bk_education_entry_get_level (entry));
  adw_combo_row_set_selected (self->discipline_row, bk_education_entry_get_discipline (entry));
  text = bk_education_entry_get_school (entry);
  bk_rows_set_text (self->school_row, text);
  text = bk_education_entry_get_major (entry);
  bk_rows_set_text (self->major_row, text);
  text = bk_education_entry_get_certificate_number (entry);
  bk_rows_set_text (self->certificate_row, text);
  graduated = bk_education_entry_get_graduated (entry);
  if (graduated != NULL && g_date_valid (graduated))
    {
      char buf[16];
      gtk_editable_set_text (GTK_EDITABLE (self->graduated_row), bk_dates_format (graduated, buf));
    }
  gtk_switch_set_active (self->full_time_switch, bk_education_entry_get_full_time (entry));
  gtk_switch_set_active (self->foreign_switch, bk_education_entry_get_foreign (entry));

  return self;
}
