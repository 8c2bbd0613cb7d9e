/* bk-field-error-row.c
 *
 * A preferences row, so it sits directly under its field inside an
 * AdwPreferencesGroup. The field gets the "error" style and, for screen
 * readers, an accessible description with the same message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-field-error-row.h"

struct _BkFieldErrorRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (BkFieldErrorRow, bk_field_error_row, ADW_TYPE_PREFERENCES_ROW)

static void
bk_field_error_row_class_init (BkFieldErrorRowClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "fielderror");
}

static void
bk_field_error_row_init (BkFieldErrorRow *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->label), 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->label));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bk_field_error_row_new (void)
{
  return g_object_new (BK_TYPE_FIELD_ERROR_ROW, NULL);
}

void
bk_field_error_row_show_text (BkFieldErrorRow *self, GtkWidget *field, const char *message)
{
  gboolean has_error = message != NULL && *message != '\0';

  g_return_if_fail (BK_IS_FIELD_ERROR_ROW (self));

  gtk_label_set_text (self->label, has_error ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), has_error);

  if (field == NULL)
    return;

  if (has_error)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
bk_field_error_row_show (BkFieldErrorRow *self, GtkWidget *field, const GError *error)
{
  bk_field_error_row_show_text (self, field, error != NULL ? error->message : NULL);
}

const char *
bk_field_error_row_get_text (BkFieldErrorRow *self)
{
  g_return_val_if_fail (BK_IS_FIELD_ERROR_ROW (self), NULL);

  return gtk_label_get_text (self->label);
}

void
bk_field_error_row_validate (BkFieldErrorRow *self,
                             AdwEntryRow *field,
                             gboolean (*validate) (const char *text, GError **error))
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field));

  g_return_if_fail (BK_IS_FIELD_ERROR_ROW (self));
  g_return_if_fail (validate != NULL);

  if (*text != '\0')
    validate (text, &error);
  bk_field_error_row_show (self, GTK_WIDGET (field), error);
}
