/* bk-remote-change.h — one change as the server holds it: a pulled change,
 * or the server's copy of a record a push conflicted with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_REMOTE_CHANGE (bk_remote_change_get_type ())

typedef struct
{
  gint64 cursor;   /* the server's cursor; 0 for a conflict copy */
  char *entity;    /* "profile", "education", "work_period", "photo", "application", "proof" */
  char *entity_id; /* the record's UUID */
  char *operation; /* "insert", "update" or "delete" */
  gint64 version;  /* the record's version on the server */
  char *payload;   /* the record as JSON text; NULL for a delete */
} BkRemoteChange;

GType bk_remote_change_get_type (void) G_GNUC_CONST;

BkRemoteChange *bk_remote_change_new (const char *entity,
                                      const char *entity_id,
                                      const char *operation,
                                      gint64 version,
                                      const char *payload);
BkRemoteChange *bk_remote_change_copy (const BkRemoteChange *self);
void bk_remote_change_free (BkRemoteChange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkRemoteChange, bk_remote_change_free)

G_END_DECLS
