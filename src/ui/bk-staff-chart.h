/* bk-staff-chart.h — the point's daily picture: applications by state,
 * per day of submission, as stacked bars (cairo), with the same numbers
 * as a table and as the chart's accessible description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_STAFF_CHART (bk_staff_chart_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffChart, bk_staff_chart, BK, STAFF_CHART, GtkWidget)

/* @items: of BkStaffItem (the point's whole list); read once. */
GtkWidget *bk_staff_chart_new (GListModel *items);

/* The days shown ("2026-04-08", China Standard Time), oldest first. */
guint bk_staff_chart_get_n_days (BkStaffChart *self);

G_END_DECLS
