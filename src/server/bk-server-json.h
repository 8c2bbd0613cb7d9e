/* bk-server-json.h — small helpers for the JSON answers the server builds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Adds @member with @payload, a stored JSON text, as a value (not as a
 * string); NULL or unreadable text becomes null. */
void bk_server_json_add_payload (JsonBuilder *builder, const char *member, const char *payload);

G_END_DECLS
