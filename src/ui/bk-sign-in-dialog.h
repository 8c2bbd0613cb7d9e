/* bk-sign-in-dialog.h — "Sign In on This Computer": the user name, the
 * password and (when none is set) the server address of an account
 * registered elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-store.h"
#include "bk-window-sync.h"

G_BEGIN_DECLS

#define BK_TYPE_SIGN_IN_DIALOG (bk_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkSignInDialog, bk_sign_in_dialog, BK, SIGN_IN_DIALOG, AdwWindow)

/* Modal for @parent. Signs in through @sync into @store; a failure is
 * said in the dialog, which keeps what was typed. On success it emits
 * "signed-in" (the profile, now in @store, and the password that
 * protects it) and closes. */
BkSignInDialog *bk_sign_in_dialog_new (GtkWindow *parent, BkWindowSync *sync, BkStore *store);

G_END_DECLS
