/* bk-work-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-work-period.h"

G_DEFINE_BOXED_TYPE (BkWorkPeriod, bk_work_period, bk_work_period_copy, bk_work_period_free)

BkWorkPeriod *
bk_work_period_new (const GDate *from, const GDate *to, gboolean metrology)
{
  BkWorkPeriod *self;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  self = g_new0 (BkWorkPeriod, 1);
  self->from = *from;
  g_date_clear (&self->to, 1);
  if (to != NULL && g_date_valid (to))
    self->to = *to;
  self->metrology = metrology;
  return self;
}

BkWorkPeriod *
bk_work_period_copy (const BkWorkPeriod *self)
{
  BkWorkPeriod *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->employer = g_strdup (self->employer);
  return copy;
}

void
bk_work_period_free (BkWorkPeriod *self)
{
  if (self == NULL)
    return;

  g_free (self->employer);
  g_free (self);
}

gboolean
bk_work_period_is_ongoing (const BkWorkPeriod *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !g_date_valid (&self->to);
}
