/* bk-staff-listing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-staff-item.h"
#include "bk-staff-listing.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

const char *const bk_staff_queues[BK_STAFF_N_QUEUES + 1] = {
  "manual-verification", "spot-check", "proofs-received", "on-site", "payment-due", NULL,
};

int
bk_staff_listing_queue_index (const char *queue)
{
  for (int i = 0; queue != NULL && i < BK_STAFF_N_QUEUES; i++)
    if (g_str_equal (queue, bk_staff_queues[i]))
      return i;
  return -1;
}

BkStaffListing *
bk_staff_listing_new_from_json (JsonObject *root, GError **error)
{
  g_autoptr (BkStaffListing) self = g_new0 (BkStaffListing, 1);
  JsonNode *applications = json_object_get_member (root, "applications");
  JsonNode *counts = json_object_get_member (root, "counts");
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (root != NULL, NULL);

  if (applications == NULL || !JSON_NODE_HOLDS_ARRAY (applications) || counts == NULL ||
      !JSON_NODE_HOLDS_OBJECT (counts))
    {
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_PROTOCOL,
                   "the server's staff list has no applications or counts");
      return NULL;
    }
  self->session_id = g_strdup (bk_sync_protocol_string (root, "session_id", NULL));
  self->point_code = g_strdup (bk_sync_protocol_string (root, "point_code", NULL));
  for (int q = 0; q < BK_STAFF_N_QUEUES; q++)
    {
      JsonNode *count = json_object_get_member (json_node_get_object (counts), bk_staff_queues[q]);

      if (count != NULL && JSON_NODE_HOLDS_VALUE (count) &&
          json_node_get_value_type (count) == G_TYPE_INT64)
        self->counts[q] = (guint) CLAMP (json_node_get_int (count), 0, G_MAXUINT);
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (applications)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (applications), i);
      BkStaffItem *item = JSON_NODE_HOLDS_OBJECT (node)
                            ? bk_staff_item_new_from_json (json_node_get_object (node))
                            : NULL;

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  /* One splice: one items-changed for the whole list. */
  self->items = g_list_store_new (BK_TYPE_STAFF_ITEM);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&self);
}

void
bk_staff_listing_free (BkStaffListing *self)
{
  if (self == NULL)
    return;
  g_free (self->session_id);
  g_free (self->point_code);
  g_clear_object (&self->items);
  g_free (self);
}
