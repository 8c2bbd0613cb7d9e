/* bk-status-page.h — step 6: the application's state on the workflow's
 * timeline, with the next step and its deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_STATUS_PAGE (bk_status_page_get_type ())

G_DECLARE_FINAL_TYPE (BkStatusPage, bk_status_page, BK, STATUS_PAGE, AdwBin)

G_END_DECLS
