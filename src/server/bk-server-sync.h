/* bk-server-sync.h — pushing and pulling changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-request.h"

G_BEGIN_DECLS

/* POST /v1/changes: a candidate's changes. */
void bk_server_handle_push (BkServer *self, BkServerRequest *request);

/* GET /v1/changes: the change feed after a cursor. */
void bk_server_handle_pull (BkServer *self, BkServerRequest *request);

G_END_DECLS
