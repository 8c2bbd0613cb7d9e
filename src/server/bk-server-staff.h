/* bk-server-staff.h — staff at a registration or verification point:
 * their queues, one application, decisions and payments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-request.h"

G_BEGIN_DECLS

/* GET /v1/staff/applications?queue=NAME */
void bk_server_handle_staff_queues (BkServer *self, BkServerRequest *request);
/* GET /v1/staff/application?id=UUID */
void bk_server_handle_staff_read (BkServer *self, BkServerRequest *request);
/* POST /v1/staff/decisions */
void bk_server_handle_staff_decision (BkServer *self, BkServerRequest *request);
/* POST /v1/staff/payments */
void bk_server_handle_staff_payment (BkServer *self, BkServerRequest *request);
/* GET /v1/staff/tickets: the signed tickets of the staff's point, for the
 * help desk's batch print (in bk-server-staff-tickets.c) */
void bk_server_handle_staff_tickets (BkServer *self, BkServerRequest *request);
/* POST /v1/confirmations: the candidate's confirmation (in bk-server-confirm.c) */
void bk_server_handle_confirm (BkServer *self, BkServerRequest *request);

G_END_DECLS
