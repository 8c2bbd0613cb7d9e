/* bk-staff-window.h — the help desk's workspace: a staff member signs in,
 * sees the point's queues with counts, searches and opens applications,
 * decides, records payments and exports the point's list. Everything it
 * shows is kept in memory only and dropped on signing out or closing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_STAFF_WINDOW (bk_staff_window_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffWindow, bk_staff_window, BK, STAFF_WINDOW, AdwApplicationWindow)

/* @server_url: the server's https:// address; @ca_file: nullable. */
BkStaffWindow *
bk_staff_window_new (GtkApplication *application, const char *server_url, const char *ca_file);

/* The list as shown: the current queue's applications (BkStaffItem)
 * matching the search. */
GListModel *bk_staff_window_get_shown (BkStaffWindow *self);
/* Filters the list by name, ID number or ticket number (what the search
 * field does as one types). */
void bk_staff_window_search (BkStaffWindow *self, const char *text);
/* Writes the point's whole list to @path: .xlsx when it ends so, else
 * CSV (what the Export buttons do once a file is chosen). */
void bk_staff_window_export_async (BkStaffWindow *self,
                                   const char *path,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean bk_staff_window_export_finish (BkStaffWindow *self, GAsyncResult *result, GError **error);

G_END_DECLS
