/* bk-profile-private.h — for the files that make up BkProfile only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-profile.h"

G_BEGIN_DECLS

/* Works the completeness out again and notifies "completeness" on change. */
void bk_profile_update_completeness (BkProfile *self);

G_END_DECLS
