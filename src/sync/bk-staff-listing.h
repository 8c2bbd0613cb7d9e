/* bk-staff-listing.h — a help desk's point and its applications, as one
 * answer of GET /v1/staff/applications gives them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The queues, in the order the window lists them (docs/protocol.md). */
#define BK_STAFF_N_QUEUES 5
extern const char *const bk_staff_queues[BK_STAFF_N_QUEUES + 1];

typedef struct
{
  char *session_id;
  char *point_code;
  GListStore *items; /* of BkStaffItem, in the server's order */
  guint counts[BK_STAFF_N_QUEUES];
} BkStaffListing;

/* NULL (with BK_SYNC_ERROR_PROTOCOL) when @root is not such an answer. */
BkStaffListing *bk_staff_listing_new_from_json (JsonObject *root, GError **error);
void bk_staff_listing_free (BkStaffListing *self);
/* The index of @queue in bk_staff_queues, or -1. */
int bk_staff_listing_queue_index (const char *queue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkStaffListing, bk_staff_listing_free)

G_END_DECLS
