/* bk-step-sidebar.h — the list of a workspace's steps, one keyboard stop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_STEP_SIDEBAR (bk_step_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (BkStepSidebar, bk_step_sidebar, BK, STEP_SIDEBAR, GtkWidget)

GtkWidget *bk_step_sidebar_new (void);
GtkStack *bk_step_sidebar_get_stack (BkStepSidebar *self);
void bk_step_sidebar_set_stack (BkStepSidebar *self, GtkStack *stack);

G_END_DECLS
