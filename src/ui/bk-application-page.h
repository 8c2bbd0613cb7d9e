/* bk-application-page.h — step 5: registration point, commitment, proofs,
 * deadlines, review and submission
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION_PAGE (bk_application_page_get_type ())

G_DECLARE_FINAL_TYPE (BkApplicationPage, bk_application_page, BK, APPLICATION_PAGE, AdwBin)

G_END_DECLS
