/* bk-education-dialog.h — add or edit one education record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-education-entry.h"

G_BEGIN_DECLS

#define BK_TYPE_EDUCATION_DIALOG (bk_education_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkEducationDialog, bk_education_dialog, BK, EDUCATION_DIALOG, AdwWindow)

/* entry: the record to edit, or NULL for a new one. "saved" is emitted with
 * the entry (the same one, changed, or a new one) when the candidate saves
 * a valid record. */
BkEducationDialog *bk_education_dialog_new (GtkWindow *parent, BkEducationEntry *entry);

G_END_DECLS
