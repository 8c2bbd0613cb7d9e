/* bk-field-error-row.h — a message under a form field, saying what is wrong
 * and what to do; hidden while there is nothing to say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_FIELD_ERROR_ROW (bk_field_error_row_get_type ())

G_DECLARE_FINAL_TYPE (BkFieldErrorRow, bk_field_error_row, BK, FIELD_ERROR_ROW, AdwPreferencesRow)

GtkWidget *bk_field_error_row_new (void);
/* Shows the message of @error (or hides the row when NULL) and marks
 * @field, the row the message is about, with the error style. */
void bk_field_error_row_show (BkFieldErrorRow *self, GtkWidget *field, const GError *error);
void bk_field_error_row_show_text (BkFieldErrorRow *self, GtkWidget *field, const char *message);
const char *bk_field_error_row_get_text (BkFieldErrorRow *self);
/* Runs @validate on @field's text and shows its error, once something is
 * typed: an empty form does not start out red. */
void bk_field_error_row_validate (BkFieldErrorRow *self,
                                  AdwEntryRow *field,
                                  gboolean (*validate) (const char *text, GError **error));

G_END_DECLS
