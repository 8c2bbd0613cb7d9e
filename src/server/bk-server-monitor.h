/* bk-server-monitor.h — readiness and the audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-request.h"

G_BEGIN_DECLS

/* GET /v1/ready: 200 when the database answers, else 503. */
void bk_server_handle_ready (BkServer *self, BkServerRequest *request);

/* GET /v1/audit: the newest audit entries. */
void bk_server_handle_audit (BkServer *self, BkServerRequest *request);

G_END_DECLS
