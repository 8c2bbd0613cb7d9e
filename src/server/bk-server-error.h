/* bk-server-error.h — errors of the server layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_SERVER_ERROR (bk_server_error_quark ())

typedef enum
{
  BK_SERVER_ERROR_INVALID_REQUEST, /* the client's request is malformed: 400 */
  BK_SERVER_ERROR_INVALID_DATA,    /* well formed, but a value is not acceptable: 422 */
  BK_SERVER_ERROR_KEY_REUSED,      /* an idempotency key came back with another body: 422 */
  BK_SERVER_ERROR_DATABASE,        /* the database failed or is too new */
  BK_SERVER_ERROR_CONFIG,          /* the configuration or the certificates */
  BK_SERVER_ERROR_CONFLICT,        /* a record moved on since it was read: read it again */
} BkServerError;

GQuark bk_server_error_quark (void);

G_END_DECLS
