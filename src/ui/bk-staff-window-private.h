/* bk-staff-window-private.h — what the help desk window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-staff-client.h"
#include "bk-staff-window.h"

G_BEGIN_DECLS

BkStaffClient *bk_staff_window_get_client (BkStaffWindow *self);
/* Cancelled when the staff member signs out or the window closes. */
GCancellable *bk_staff_window_get_cancellable (BkStaffWindow *self);
/* A line above the list: an error, or what an export did. */
void bk_staff_window_show_status (BkStaffWindow *self, const char *message);

/* bk-staff-window-export.c: the file chooser, then the point's list. */
void bk_staff_window_export_csv (BkStaffWindow *self);
void bk_staff_window_export_xlsx (BkStaffWindow *self);

G_END_DECLS
