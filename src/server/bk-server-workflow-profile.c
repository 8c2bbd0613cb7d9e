/* bk-server-workflow-profile.c
 *
 * The payloads are what the client's store writes to its outbox
 * (bk_profile_to_json(), bk_education_entry_to_json() and
 * bk_work_entry_to_json(), with "profile_id"): read back through core's
 * setters (bk_profile_new_from_records(), which the help desk uses too),
 * so the server judges the same profile the client did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-workflow-profile.h"

static JsonObject *
parse (const char *text)
{
  g_autoptr (JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

BkProfile *
bk_server_workflow_profile_rebuild (const BkServerEntity *profile, GPtrArray *records)
{
  g_autoptr (JsonObject) fields = NULL;
  g_autoptr (GPtrArray)
    education = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GPtrArray) work = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_return_val_if_fail (profile != NULL && records != NULL, NULL);

  fields = parse (profile->payload);
  if (fields == NULL)
    return NULL;
  /* Core matches the children's "profile_id" with the payload's "id". */
  json_object_set_string_member (fields, "id", profile->id);
  for (guint i = 0; i < records->len; i++)
    {
      const BkServerEntity *record = records->pdata[i];
      JsonObject *child;

      if (!g_str_equal (record->type, "education") && !g_str_equal (record->type, "work_period"))
        continue;
      child = parse (record->payload);
      if (child != NULL)
        g_ptr_array_add (g_str_equal (record->type, "education") ? education : work, child);
    }
  return bk_profile_new_from_records (fields, education, work);
}
