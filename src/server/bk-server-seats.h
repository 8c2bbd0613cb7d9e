/* bk-server-seats.h — seats and signed admission tickets for a session
 *
 *   baokao-server admin allocate-seats SESSION_ID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-limits.h"
#include "bk-ticket-key.h"

G_BEGIN_DECLS

/* Reads the authority's secret key: the file @path names ([tickets]
 * signing-key), or with @dev and no @path the development key whose secret
 * half is tests/ticket/test-authority.key. */
gboolean bk_server_seats_load_key (const char *path,
                                   gboolean dev,
                                   guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                                   GError **error);

/* Gives a seat and a signed ticket to every confirmed (and, where the
 * session has fees, paid) application of @session_id that has none yet,
 * in the order point code, confirmation time, application id; seats
 * already given are kept. All or nothing, in one transaction with one
 * audit line. Messages go to standard output and error; returns the exit
 * status: 0, or 1 (nothing written). */
int bk_server_seats_allocate (BkServerDatabase *database,
                              const BkServerLimits *limits,
                              const char *session_id,
                              const guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                              gint64 now);

G_END_DECLS
