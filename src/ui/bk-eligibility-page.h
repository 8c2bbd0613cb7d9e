/* bk-eligibility-page.h — step 4: the exam session, level and mode, and
 * the verdict of the rules with its reasons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_ELIGIBILITY_PAGE (bk_eligibility_page_get_type ())

G_DECLARE_FINAL_TYPE (BkEligibilityPage, bk_eligibility_page, BK, ELIGIBILITY_PAGE, AdwBin)

G_END_DECLS
