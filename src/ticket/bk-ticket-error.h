/* bk-ticket-error.h — errors of the ticket layer (admission-ticket PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_TICKET_ERROR (bk_ticket_error_quark ())

typedef enum
{
  BK_TICKET_ERROR_RENDER, /* the PDF could not be drawn or written */
  BK_TICKET_ERROR_PHOTO,  /* the photo is not a JPEG that can be drawn */
} BkTicketError;

GQuark bk_ticket_error_quark (void);

G_END_DECLS
