/* bk-step-page.h — what every step of the workspace does: show and edit
 * one profile, and say when it changed it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-exam-application.h"
#include "bk-profile.h"

G_BEGIN_DECLS

#define BK_TYPE_STEP_PAGE (bk_step_page_get_type ())

G_DECLARE_INTERFACE (BkStepPage, bk_step_page, BK, STEP_PAGE, GtkWidget)

struct _BkStepPageInterface
{
  GTypeInterface parent_iface;

  void (*set_profile) (BkStepPage *self, BkProfile *profile);
  /* Optional: pages about the application to the chosen exam session. */
  void (*set_application) (BkStepPage *self, BkExamApplication *application);
  /* Optional: the application is submitted, so what it depends on (identity,
   * photo, education and work, its own fields) is read-only. */
  void (*set_locked) (BkStepPage *self, gboolean locked);
};

void bk_step_page_set_profile (BkStepPage *self, BkProfile *profile);
void bk_step_page_set_application (BkStepPage *self, BkExamApplication *application);
void bk_step_page_set_locked (BkStepPage *self, gboolean locked);
/* Tells the workspace that the page changed the profile, so it is saved. */
void bk_step_page_emit_changed (BkStepPage *self);
/* Shows an error that belongs to no field (a failed save, a file that could
 * not be read) in the window's message area. */
void bk_step_page_emit_error (BkStepPage *self, const char *message);

G_END_DECLS
