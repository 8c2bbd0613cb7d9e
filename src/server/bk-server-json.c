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

void
bk_server_json_append_string (GString *out, const char *text)
{
  g_return_if_fail (out != NULL && text != NULL);

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
bk_server_json_append_payload (GString *out, const char *payload)
{
  g_return_if_fail (out != NULL);

  /* The server wrote it (json_to_string()): an object's text as it is. */
  if (payload != NULL && payload[0] == '{')
    g_string_append (out, payload);
  else
    g_string_append (out, "null");
}
