/* bk-welcome-page.h — the first page: the profiles on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_WELCOME_PAGE (bk_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (BkWelcomePage, bk_welcome_page, BK, WELCOME_PAGE, AdwBin)

/* profiles: of BkProfileSummary */
void bk_welcome_page_set_profiles (BkWelcomePage *self, GListModel *profiles);
/* The store could not be opened: say why, and offer nothing that needs it. */
/* The store could not be opened: @message (translated) says why and what
 * to do, in place of the list. */
void bk_welcome_page_set_unavailable (BkWelcomePage *self, const char *message);

G_END_DECLS
