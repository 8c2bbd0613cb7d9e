/* bk-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())

G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new (void);
GSettings *bk_application_get_settings (BkApplication *self);
/* With BAOKAO_BENCH_T0 set (bench/startup), prints WHAT and the time since
 * then; the last mark quits. Does nothing otherwise. */
void bk_application_bench_mark (BkApplication *self, const char *what, gboolean last);

G_END_DECLS
