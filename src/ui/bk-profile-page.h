/* bk-profile-page.h — step 2: basics, contact details, education, work
 * history, titles and certificates, and how complete it all is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_PROFILE_PAGE (bk_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (BkProfilePage, bk_profile_page, BK, PROFILE_PAGE, AdwBin)

G_END_DECLS
