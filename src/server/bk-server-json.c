/* bk-server-json.c — small helpers for the JSON answers the server builds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-json.h"

void
bk_server_json_add_payload (JsonBuilder *builder, const char *member, const char *payload)
{
  g_autoptr (JsonNode) node = payload != NULL ? json_from_string (payload, NULL) : NULL;

  g_return_if_fail (builder != NULL && member != NULL);

  json_builder_set_member_name (builder, member);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}
