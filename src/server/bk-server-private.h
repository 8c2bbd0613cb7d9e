/* bk-server-private.h — what the handlers may use of BkServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-password-gate.h"
#include "bk-server-request.h"
#include "bk-server.h"

G_BEGIN_DECLS

BkServerDatabase *bk_server_get_database (BkServer *self);
const BkServerLimits *bk_server_get_limits (BkServer *self);
BkServerPasswordGate *bk_server_get_password_gate (BkServer *self);

/* A hash to verify against when a user name is unknown, so that costs
 * the same as a wrong password. */
const char *bk_server_get_dummy_hash (BkServer *self);

/* @request's audit line as far as the request says it: who, from where,
 * what; the status, decision and detail are the caller's to fill in. */
void bk_server_request_audit_entry (BkServerRequest *request, BkServerAuditEntry *entry);

G_END_DECLS
