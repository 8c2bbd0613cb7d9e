/* bk-work-dialog.h — add or edit one period of work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-work-entry.h"

G_BEGIN_DECLS

#define BK_TYPE_WORK_DIALOG (bk_work_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkWorkDialog, bk_work_dialog, BK, WORK_DIALOG, AdwWindow)

/* entry: the period to edit, or NULL for a new one; "saved" as in
 * BkEducationDialog. */
BkWorkDialog *bk_work_dialog_new (GtkWindow *parent, BkWorkEntry *entry);

G_END_DECLS
