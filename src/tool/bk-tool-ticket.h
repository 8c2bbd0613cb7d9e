/* bk-tool-ticket.h — the parts of `baokao-tool ticket` in other files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-admission-ticket.h"

G_BEGIN_DECLS

int bk_tool_ticket_run (int argc, char **argv);
int bk_tool_ticket_render_run (int argc, char **argv);
int bk_tool_ticket_sign_run (int argc, char **argv);
void bk_tool_ticket_print_json (const BkAdmissionTicket *ticket);

G_END_DECLS
