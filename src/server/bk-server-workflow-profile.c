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

#include "bk-server-workflow-private.h"
#include "bk-server-workflow-profile.h"
#include "bk-server-workflow.h"

static JsonObject *
parse (const char *text)
{
  g_autoptr (JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static gboolean
bool_of (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* The standardised photo's record, accepted by the client's checks (the
 * server checks the file itself when it is uploaded, and then a refusal
 * there counts): the profile has its photo. The bytes are not needed. */
static gboolean
is_accepted_photo (JsonObject *fields)
{
  JsonObject *verdict = bk_server_workflow_get_object (fields, "verdict");

  return g_strcmp0 (bk_server_workflow_get_string (fields, "kind"), "standardised") == 0 &&
         bool_of (fields, "accepted") && (verdict == NULL || bool_of (verdict, "accepted"));
}

BkProfile *
bk_server_workflow_profile_rebuild (const BkServerEntity *profile, GPtrArray *records)
{
  g_autoptr (JsonObject) fields = NULL;
  g_autoptr (GPtrArray)
    education = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr (GPtrArray) work = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  BkProfile *self;
  gboolean has_photo = FALSE;

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

      if (g_str_equal (record->type, "photo"))
        {
          g_autoptr (JsonObject) photo = parse (record->payload);

          if (photo != NULL &&
              g_strcmp0 (bk_server_workflow_get_string (photo, "profile_id"), profile->id) == 0)
            has_photo = has_photo || is_accepted_photo (photo);
          continue;
        }
      if (!g_str_equal (record->type, "education") && !g_str_equal (record->type, "work_period"))
        continue;
      child = parse (record->payload);
      if (child != NULL)
        g_ptr_array_add (g_str_equal (record->type, "education") ? education : work, child);
    }
  self = bk_profile_new_from_records (fields, education, work);
  /* The password is the account's, which the candidate signed in with. */
  bk_profile_set_password_hash (self, "(the server account's)");
  if (has_photo)
    {
      g_autoptr (GBytes) placeholder = g_bytes_new_static ("", 0);

      g_object_set (self, "photo-standardised", placeholder, "photo-accepted", TRUE, NULL);
    }
  return self;
}
