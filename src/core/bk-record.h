/* bk-record.h — what every stored model has: an id, a version and when it
 * was created and last updated
 *
 * BkProfile, BkExamApplication, BkEducationEntry, BkWorkEntry and
 * BkProofEntry derive from it; the store and, later, sync rely on these four
 * properties only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_RECORD (bk_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (BkRecord, bk_record, BK, RECORD, GObject)

/* Properties (notify only on change):
 *   "id"                       string, construct-only; a new UUID when NULL
 *   "version"                  gint64; 0 = never saved
 *   "created-at", "updated-at" GDateTime, set by the store
 */
struct _BkRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

const char *bk_record_get_id (BkRecord *self);
gint64 bk_record_get_version (BkRecord *self);
void bk_record_set_version (BkRecord *self, gint64 version);
GDateTime *bk_record_get_created_at (BkRecord *self);
void bk_record_set_created_at (BkRecord *self, GDateTime *created_at);
GDateTime *bk_record_get_updated_at (BkRecord *self);
void bk_record_set_updated_at (BkRecord *self, GDateTime *updated_at);

/* Copies the version and the timestamps of @from (the id is construct-only). */
void bk_record_copy_state (BkRecord *self, BkRecord *from);

G_END_DECLS
