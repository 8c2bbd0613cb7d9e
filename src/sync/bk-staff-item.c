/* bk-staff-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-staff-item.h"
#include "bk-sync-protocol.h"

struct _BkStaffItem
{
  GObject parent_instance;

  char *id;
  gint64 version;
  char *queue;
  char *state;
  char *real_name;
  char *id_number;
  char *ticket_number;
  char *submitted_at;
  /* Name, ID number and ticket number, case folded, one per line: a
   * search of 5,000 rows is one strstr() each. */
  char *haystack;
};

G_DEFINE_FINAL_TYPE (BkStaffItem, bk_staff_item, G_TYPE_OBJECT)

static void
bk_staff_item_finalize (GObject *object)
{
  BkStaffItem *self = BK_STAFF_ITEM (object);

  g_free (self->id);
  g_free (self->queue);
  g_free (self->state);
  g_free (self->real_name);
  g_free (self->id_number);
  g_free (self->ticket_number);
  g_free (self->submitted_at);
  g_free (self->haystack);
  G_OBJECT_CLASS (bk_staff_item_parent_class)->finalize (object);
}

static void
bk_staff_item_class_init (BkStaffItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_staff_item_finalize;
}

static void
bk_staff_item_init (BkStaffItem *self)
{
}

static char *
dup_member (JsonObject *object, const char *name)
{
  return g_strdup (bk_sync_protocol_string (object, name, NULL));
}

BkStaffItem *
bk_staff_item_new_from_json (JsonObject *object)
{
  BkStaffItem *self;
  JsonNode *version;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (bk_sync_protocol_string (object, "id", NULL) == NULL)
    return NULL;
  self = g_object_new (BK_TYPE_STAFF_ITEM, NULL);
  self->id = dup_member (object, "id");
  version = json_object_get_member (object, "version");
  if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
      json_node_get_value_type (version) == G_TYPE_INT64)
    self->version = json_node_get_int (version);
  self->queue = dup_member (object, "queue");
  self->state = dup_member (object, "state");
  self->real_name = dup_member (object, "real_name");
  self->id_number = dup_member (object, "id_number");
  self->ticket_number = dup_member (object, "ticket_number");
  self->submitted_at = dup_member (object, "submitted_at");
  joined = g_strjoin ("\n", self->real_name != NULL ? self->real_name : "",
                      self->id_number != NULL ? self->id_number : "",
                      self->ticket_number != NULL ? self->ticket_number : "", NULL);
  self->haystack = g_utf8_casefold (joined, -1);
  return self;
}

const char *
bk_staff_item_get_id (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->id;
}

gint64
bk_staff_item_get_version (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), 0);
  return self->version;
}

const char *
bk_staff_item_get_queue (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->queue;
}

const char *
bk_staff_item_get_state (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->state;
}

const char *
bk_staff_item_get_real_name (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->real_name;
}

const char *
bk_staff_item_get_id_number (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->id_number;
}

const char *
bk_staff_item_get_ticket_number (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->ticket_number;
}

const char *
bk_staff_item_get_submitted_at (BkStaffItem *self)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), NULL);
  return self->submitted_at;
}

char *
bk_staff_item_fold_needle (const char *needle)
{
  g_autofree char *stripped = g_strstrip (g_strdup (needle != NULL ? needle : ""));

  return g_utf8_casefold (stripped, -1);
}

gboolean
bk_staff_item_matches (BkStaffItem *self, const char *folded_needle)
{
  g_return_val_if_fail (BK_IS_STAFF_ITEM (self), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;
  return strstr (self->haystack, folded_needle) != NULL;
}
