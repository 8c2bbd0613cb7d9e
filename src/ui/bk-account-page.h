/* bk-account-page.h — step 1: real name, ID document, mobile phone,
 * user name and password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_ACCOUNT_PAGE (bk_account_page_get_type ())

G_DECLARE_FINAL_TYPE (BkAccountPage, bk_account_page, BK, ACCOUNT_PAGE, AdwBin)

G_END_DECLS
