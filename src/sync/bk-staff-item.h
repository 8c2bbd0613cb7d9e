/* bk-staff-item.h — one application in a help desk's list: what the
 * staff list answers (docs/protocol.md, GET /v1/staff/applications)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BK_TYPE_STAFF_ITEM (bk_staff_item_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffItem, bk_staff_item, BK, STAFF_ITEM, GObject)

/* From one member of the answer's "applications"; NULL without an "id". */
BkStaffItem *bk_staff_item_new_from_json (JsonObject *object);

const char *bk_staff_item_get_id (BkStaffItem *self);
gint64 bk_staff_item_get_version (BkStaffItem *self);
/* The queue's name (e.g. "manual-verification"); NULL in no queue. */
const char *bk_staff_item_get_queue (BkStaffItem *self);
/* The state's nick (core's BkApplicationState). */
const char *bk_staff_item_get_state (BkStaffItem *self);
const char *bk_staff_item_get_real_name (BkStaffItem *self);
const char *bk_staff_item_get_id_number (BkStaffItem *self);
/* NULL until seats are allocated. */
const char *bk_staff_item_get_ticket_number (BkStaffItem *self);
/* ISO 8601; NULL when unknown. */
const char *bk_staff_item_get_submitted_at (BkStaffItem *self);

/* Whether the name, ID number or ticket number contains @needle (its
 * case folded, as bk_staff_item_fold_needle() gives it); "" matches all. */
gboolean bk_staff_item_matches (BkStaffItem *self, const char *folded_needle);
char *bk_staff_item_fold_needle (const char *needle);

G_END_DECLS
