/* bk-ticket-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-ticket-error.h"

G_DEFINE_QUARK (bk_ticket_error_quark, bk_ticket_error)
