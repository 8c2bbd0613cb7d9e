/* bk-work-entry.h — a work period of a profile, as an editable object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-record.h"
#include "bk-work-period.h"

G_BEGIN_DECLS

#define BK_TYPE_WORK_ENTRY (bk_work_entry_get_type ())

G_DECLARE_FINAL_TYPE (BkWorkEntry, bk_work_entry, BK, WORK_ENTRY, BkRecord)

/* Properties (all read-write, notify only on change):
 *   "id", "version", "created-at", "updated-at"  from BkRecord
 *   "from"      GDate (G_TYPE_DATE), first day, inclusive
 *   "to"        GDate, last day, inclusive; NULL / invalid = still working
 *   "metrology" gboolean, 计量技术工作
 *   "employer"  string
 */

BkWorkEntry *bk_work_entry_new (void);
BkWorkEntry *bk_work_entry_new_from_period (const BkWorkPeriod *period);
BkWorkEntry *bk_work_entry_dup (BkWorkEntry *self);

const char *bk_work_entry_get_id (BkWorkEntry *self);
gint64 bk_work_entry_get_version (BkWorkEntry *self);
void bk_work_entry_set_version (BkWorkEntry *self, gint64 version);
/* Never NULL; invalid when not entered (from) or ongoing (to). */
const GDate *bk_work_entry_get_from (BkWorkEntry *self);
void bk_work_entry_set_from (BkWorkEntry *self, const GDate *from);
const GDate *bk_work_entry_get_to (BkWorkEntry *self);
void bk_work_entry_set_to (BkWorkEntry *self, const GDate *to);
gboolean bk_work_entry_get_metrology (BkWorkEntry *self);
void bk_work_entry_set_metrology (BkWorkEntry *self, gboolean metrology);
const char *bk_work_entry_get_employer (BkWorkEntry *self);
void bk_work_entry_set_employer (BkWorkEntry *self, const char *employer);

BkWorkPeriod *bk_work_entry_to_period (BkWorkEntry *self);

/* FALSE with a translated BK_CORE_ERROR_INVALID_DATA saying what to do and
 * *@field (nullable) the property at fault ("employer", "from", "to"):
 * employer given, start given and not in the future, end not before the
 * start and not in the future. */
gboolean bk_work_entry_validate (BkWorkEntry *self, const char **field, GError **error);
/* Every problem at once, in the order of validate() (empty when valid): a
 * GPtrArray of BkFieldError ("employer", "from", "to"). */
GPtrArray *bk_work_entry_validate_all (BkWorkEntry *self);
/* As typed: required, at most 100 characters, one line, no emoji. */
gboolean bk_work_entry_validate_employer (const char *employer, GError **error);

char *bk_work_entry_to_json (BkWorkEntry *self);

G_END_DECLS
