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

/* For answers written as text: @text as a JSON string (quoted, escaped);
 * a stored payload, which the server wrote, as it is (NULL: null). */
void bk_server_json_append_string (GString *out, const char *text);
void bk_server_json_append_payload (GString *out, const char *payload);

G_END_DECLS
