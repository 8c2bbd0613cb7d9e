/* bk-sync-error.h — errors of the sync layer (HTTPS client and synchronisation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_SYNC_ERROR (bk_sync_error_quark ())

/* Never renumber: append. Errors of an answer from the server
 * (NOT_SIGNED_IN, REFUSED, UNAVAILABLE, HTTP) have a message of the form
 * "CODE: the server's English message", CODE being the stable error code
 * of docs/protocol.md (bk_sync_error_dup_server_code). */
typedef enum
{
  BK_SYNC_ERROR_NETWORK,       /* the server could not be reached, or the connection broke */
  BK_SYNC_ERROR_HTTP,          /* the server answered with an error status not listed below */
  BK_SYNC_ERROR_PROTOCOL,      /* the answer was not what the protocol says */
  BK_SYNC_ERROR_CERTIFICATE,   /* the server's certificate is not trusted (or the CA file bad) */
  BK_SYNC_ERROR_TIMEOUT,       /* no connection, or the answer stalled, within the timeouts */
  BK_SYNC_ERROR_TOO_LARGE,     /* the answer was over the size limit */
  BK_SYNC_ERROR_ADDRESS,       /* the server address is not an https:// URL */
  BK_SYNC_ERROR_NOT_SIGNED_IN, /* 401: no token, or it expired or was revoked: sign in */
  BK_SYNC_ERROR_REFUSED,       /* a 4xx other than 401, 408 and 429: do not retry */
  BK_SYNC_ERROR_UNAVAILABLE,   /* 408, 429 or 5xx: try again later (Retry-After) */
  /* 413 for a push of one change: its message is "ENTITY ENTITY_ID" */
  BK_SYNC_ERROR_CHANGE_TOO_LARGE,
} BkSyncError;

GQuark bk_sync_error_quark (void);

/* The server's error code of an answer's error ("conflict",
 * "not_signed_in", …), or NULL for an error that is not an answer. */
char *bk_sync_error_dup_server_code (const GError *error);

/* Whether trying again later may succeed (network, timeouts, 408, 429,
 * 5xx, a broken answer) rather than needing the user. */
gboolean bk_sync_error_is_transient (const GError *error);

G_END_DECLS
