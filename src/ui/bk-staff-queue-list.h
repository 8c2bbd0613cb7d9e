/* bk-staff-queue-list.h — the help desk's list of applications: a header
 * row naming the columns over a GtkListView with one row widget (a grid
 * of labels) per application: name, ID number, ticket number, state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_STAFF_QUEUE_LIST (bk_staff_queue_list_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffQueueList, bk_staff_queue_list, BK, STAFF_QUEUE_LIST, GtkWidget)

/* The rows of @model (of BkStaffItem), scrolled; "activate" (guint
 * position in @model) when a row is clicked or Enter pressed on it. */
GtkWidget *bk_staff_queue_list_new (GListModel *model);

G_END_DECLS
