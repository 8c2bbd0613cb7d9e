/* bk-sync-protocol.h — the JSON of docs/protocol.md: request bodies built,
 * answers read (and checked: an answer that is not what the protocol
 * says is BK_SYNC_ERROR_PROTOCOL, never half-applied)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bk-http-response.h"
#include "bk-outbox-batch.h"

G_BEGIN_DECLS

/* A string member of an answer's object; @fallback if it is missing or
 * of another type. */
const char *bk_sync_protocol_string (JsonObject *object, const char *name, const char *fallback);

/* A JSON object's text as a body. */
GBytes *bk_sync_protocol_body (JsonBuilder *builder);

/* The error an answer with an error status stands for (see
 * bk-sync-error.h), or NULL for a 2xx. */
GError *bk_sync_protocol_status_error (BkHttpResponse *response);

/* The body of a 2xx answer as an object; PROTOCOL if it is not JSON. */
JsonNode *bk_sync_protocol_parse_object (BkHttpResponse *response, GError **error);

/* The body of POST /v1/changes: the batch's entries as the outbox holds them. */
GBytes *bk_sync_protocol_push_body (BkOutboxBatch *batch);

/* Reads the push's results into the batch's entries (acknowledged or
 * refused, with the server's copy of a conflict). */
gboolean
bk_sync_protocol_read_push_results (BkHttpResponse *response, BkOutboxBatch *batch, GError **error);

/* Reads a page of GET /v1/changes: its changes (BkRemoteChange), the next
 * cursor and whether there is more. */
GPtrArray *bk_sync_protocol_read_pull_page (BkHttpResponse *response,
                                            gint64 *next,
                                            gboolean *more,
                                            GError **error);

G_END_DECLS
