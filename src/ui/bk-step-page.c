/* bk-step-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-step-page.h"

G_DEFINE_INTERFACE (BkStepPage, bk_step_page, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bk_step_page_default_init (BkStepPageInterface *iface)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
bk_step_page_set_profile (BkStepPage *self, BkProfile *profile)
{
  g_return_if_fail (BK_IS_STEP_PAGE (self));

  BK_STEP_PAGE_GET_IFACE (self)->set_profile (self, profile);
}

void
bk_step_page_set_application (BkStepPage *self, BkExamApplication *application)
{
  BkStepPageInterface *iface;

  g_return_if_fail (BK_IS_STEP_PAGE (self));

  iface = BK_STEP_PAGE_GET_IFACE (self);
  if (iface->set_application != NULL)
    iface->set_application (self, application);
}

void
bk_step_page_set_locked (BkStepPage *self, gboolean locked)
{
  BkStepPageInterface *iface;

  g_return_if_fail (BK_IS_STEP_PAGE (self));

  iface = BK_STEP_PAGE_GET_IFACE (self);
  if (iface->set_locked != NULL)
    iface->set_locked (self, locked);
}

void
bk_step_page_emit_changed (BkStepPage *self)
{
  g_return_if_fail (BK_IS_STEP_PAGE (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
bk_step_page_emit_error (BkStepPage *self, const char *message)
{
  g_return_if_fail (BK_IS_STEP_PAGE (self));

  g_signal_emit (self, signals[ERROR], 0, message);
}
