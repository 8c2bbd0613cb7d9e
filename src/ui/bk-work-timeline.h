/* bk-work-timeline.h — the candidate's work periods on a time axis, with
 * the cutoff and the span the requirement asks for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-work-period.h"

G_BEGIN_DECLS

#define BK_TYPE_WORK_TIMELINE (bk_work_timeline_get_type ())

G_DECLARE_FINAL_TYPE (BkWorkTimeline, bk_work_timeline, BK, WORK_TIMELINE, GtkWidget)

GtkWidget *bk_work_timeline_new (void);
/* periods: of BkWorkPeriod; copied. counted_from: experience before it does
 * not count (graduation of a full-time record); may be NULL or invalid. */
void bk_work_timeline_set_data (BkWorkTimeline *self,
                                GPtrArray *periods,
                                const GDate *counted_from,
                                const GDate *cutoff,
                                guint required_work_years,
                                guint required_metrology_years);

G_END_DECLS
