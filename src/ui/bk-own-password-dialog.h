/* bk-own-password-dialog.h — asks for the candidate's own password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called with what was typed when the candidate accepts (not when they
 * cancel), from the main loop once the dialog has closed; @owner is the
 * widget that asked. */
typedef void (*BkOwnPasswordFunc) (GtkWidget *owner, const char *password);

/* The commitment and the confirmation are the candidate's own acts: this
 * dialog asks for the open profile's password and says that the candidate
 * types it themselves, also when staff help them at a shared computer. It
 * is modal over @owner's window. */
void bk_own_password_dialog_present (GtkWidget *owner,
                                     const char *heading,
                                     const char *body,
                                     const char *accept_label,
                                     BkOwnPasswordFunc func);

G_END_DECLS
