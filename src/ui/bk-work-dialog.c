/* bk-work-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-dates.h"
#include "bk-field-error-row.h"
#include "bk-field-error.h"
#include "bk-rows.h"
#include "bk-work-dialog.h"

struct _BkWorkDialog
{
  AdwWindow parent_instance;

  BkWorkEntry *entry; /* NULL: a new period */

  /* Template widgets */
  AdwEntryRow *employer_row;
  BkFieldErrorRow *employer_error;
  AdwEntryRow *from_row;
  BkFieldErrorRow *from_error;
  AdwEntryRow *to_row;
  BkFieldErrorRow *to_error;
  GtkSwitch *metrology_switch;
};

G_DEFINE_FINAL_TYPE (BkWorkDialog, bk_work_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Parses a date field; an empty one is "no date" when allowed. On failure
 * the row says how to type it. */
static gboolean
read_date (AdwEntryRow *row, BkFieldErrorRow *error_row, gboolean may_be_empty, GDate *date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_date_clear (date, 1);
  if ((*text == '\0' && may_be_empty) || bk_dates_parse (text, date))
    return TRUE;

  bk_field_error_row_show_text (error_row, GTK_WIDGET (row),
                                _ ("Type the date as year-month-day, for example 2015-07-01."));
  return FALSE;
}

static void
copy_fields (BkWorkDialog *self, BkWorkEntry *entry, const GDate *from, const GDate *to)
{
  g_autofree char *employer = g_strstrip (g_strdup (bk_rows_get_text (self->employer_row)));

  bk_work_entry_set_employer (entry, employer);
  bk_work_entry_set_from (entry, from);
  bk_work_entry_set_to (entry, g_date_valid (to) ? to : NULL);
  bk_work_entry_set_metrology (entry, gtk_switch_get_active (self->metrology_switch));
}

static void
save_clicked_cb (BkWorkDialog *self)
{
  g_autoptr (BkWorkEntry) candidate = bk_work_entry_new ();
  g_autoptr (GPtrArray) errors = NULL;
  gboolean from_read, to_read;
  gboolean bad_employer = FALSE, bad_from, bad_to;
  GDate from, to;

  bk_field_error_row_show (self->employer_error, GTK_WIDGET (self->employer_row), NULL);
  bk_field_error_row_show (self->from_error, GTK_WIDGET (self->from_row), NULL);
  bk_field_error_row_show (self->to_error, GTK_WIDGET (self->to_row), NULL);

  from_read = read_date (self->from_row, self->from_error, FALSE, &from);
  to_read = read_date (self->to_row, self->to_error, TRUE, &to);
  bad_from = !from_read;
  bad_to = !to_read;

  /* Every problem at once, each under its field; a date that could not be
   * read keeps the message on how to type it. */
  copy_fields (self, candidate, &from, &to);
  errors = bk_work_entry_validate_all (candidate);
  for (guint i = 0; i < errors->len; i++)
    {
      const BkFieldError *e = g_ptr_array_index (errors, i);

      if (g_str_equal (e->field, "employer"))
        bk_field_error_row_show_text (self->employer_error, GTK_WIDGET (self->employer_row),
                                      e->message);
      else if (g_str_equal (e->field, "from") && from_read)
        bk_field_error_row_show_text (self->from_error, GTK_WIDGET (self->from_row), e->message);
      else if (g_str_equal (e->field, "to") && to_read)
        bk_field_error_row_show_text (self->to_error, GTK_WIDGET (self->to_row), e->message);
      bad_employer |= g_str_equal (e->field, "employer");
      bad_from |= g_str_equal (e->field, "from");
      bad_to |= g_str_equal (e->field, "to");
    }
  if (bad_employer || bad_from || bad_to)
    {
      gtk_widget_grab_focus (bad_employer ? GTK_WIDGET (self->employer_row)
                             : bad_from   ? GTK_WIDGET (self->from_row)
                                          : GTK_WIDGET (self->to_row));
      return;
    }

  if (self->entry == NULL)
    self->entry = g_object_ref (candidate);
  else
    copy_fields (self, self->entry, &from, &to);

  g_signal_emit (self, signals[SAVED], 0, self->entry);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bk_work_dialog_dispose (GObject *object)
{
  BkWorkDialog *self = BK_WORK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WORK_DIALOG);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (bk_work_dialog_parent_class)->dispose (object);
}

static void
bk_work_dialog_class_init (BkWorkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_work_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, BK_TYPE_WORK_ENTRY);

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-work-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, employer_error);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, from_error);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, to_error);
  gtk_widget_class_bind_template_child (widget_class, BkWorkDialog, metrology_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_work_dialog_init (BkWorkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_name_controls (GTK_WIDGET (self));
}

BkWorkDialog *
bk_work_dialog_new (GtkWindow *parent, BkWorkEntry *entry)
{
  BkWorkDialog *self = g_object_new (BK_TYPE_WORK_DIALOG, "transient-for", parent, NULL);
  const char *employer;
  char buf[16];

  if (entry == NULL)
    return self;

  self->entry = g_object_ref (entry);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Period of Work"));
  employer = bk_work_entry_get_employer (entry);
  bk_rows_set_text (self->employer_row, employer);
  if (bk_work_entry_get_from (entry) != NULL && g_date_valid (bk_work_entry_get_from (entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->from_row),
                           bk_dates_format (bk_work_entry_get_from (entry), buf));
  if (bk_work_entry_get_to (entry) != NULL && g_date_valid (bk_work_entry_get_to (entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->to_row),
                           bk_dates_format (bk_work_entry_get_to (entry), buf));
  gtk_switch_set_active (self->metrology_switch, bk_work_entry_get_metrology (entry));

  return self;
}
