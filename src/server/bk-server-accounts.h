/* bk-server-accounts.h — registering, signing in and out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-request.h"

G_BEGIN_DECLS

/* POST /v1/accounts: a new candidate account. */
void bk_server_handle_register (BkServer *self, BkServerRequest *request);

/* POST /v1/sessions: a token for a user name and password. */
void bk_server_handle_sign_in (BkServer *self, BkServerRequest *request);

/* DELETE /v1/sessions/current: the token is revoked. */
void bk_server_handle_sign_out (BkServer *self, BkServerRequest *request);

G_END_DECLS
