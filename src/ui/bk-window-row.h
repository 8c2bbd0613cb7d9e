/* bk-window-row.h — one window of a session as a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-exam-window.h"

G_BEGIN_DECLS

/* A row naming @window's step, its start and end (an end at midnight as
 * the day before at 24:00), whether it is open at @now and what missing
 * it means; marked when open. */
GtkWidget *bk_window_row_new (const BkExamWindow *window, GDateTime *now);

G_END_DECLS
