/* bk-work-period.h — one period of a candidate's work history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_WORK_PERIOD (bk_work_period_get_type ())

/* A plain record: fill the fields directly. Both ends are inclusive; an
 * invalid (cleared) @to means "still working". */
typedef struct
{
  GDate from;
  GDate to;
  gboolean metrology; /* 计量技术工作 */
  char *employer;     /* nullable */
} BkWorkPeriod;

GType bk_work_period_get_type (void) G_GNUC_CONST;
BkWorkPeriod *bk_work_period_new (const GDate *from, const GDate *to, gboolean metrology);
BkWorkPeriod *bk_work_period_copy (const BkWorkPeriod *self);
void bk_work_period_free (BkWorkPeriod *self);
gboolean bk_work_period_is_ongoing (const BkWorkPeriod *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkWorkPeriod, bk_work_period_free)

G_END_DECLS
