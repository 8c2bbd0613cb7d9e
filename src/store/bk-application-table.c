/* bk-application-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-application-table.h"
#include "bk-child-rows.h"
#include "bk-outbox.h"
#include "bk-save-tracker.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"

/* Reading */

#define APPLICATION_COLUMNS                                                                        \
  "SELECT id, version, created_at, updated_at, profile_id, session_id, level, mode, point_code, "  \
  "commitment, commitment_signed_at, state, submitted_at FROM application "

static BkExamApplication *
application_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) created_at = bk_store_parse_time (bk_store_column_text (stmt, 2));
  g_autoptr (GDateTime) updated_at = bk_store_parse_time (bk_store_column_text (stmt, 3));
  g_autoptr (GDateTime) signed_at = bk_store_parse_time (bk_store_column_text (stmt, 10));
  g_autoptr (GDateTime) submitted_at = bk_store_parse_time (bk_store_column_text (stmt, 12));
  BkExamMode mode = BK_EXAM_MODE_ALL;
  BkApplicationState state = BK_APPLICATION_STATE_DRAFT;
  BkCommitment commitment = BK_COMMITMENT_UNSET;
  BkExamApplication *application;
  guint level = sqlite3_column_int (stmt, 6);

  bk_exam_mode_from_nick (bk_store_column_text (stmt, 7), &mode);
  bk_application_state_from_nick (bk_store_column_text (stmt, 11), &state);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    commitment = sqlite3_column_int (stmt, 9) ? BK_COMMITMENT_YES : BK_COMMITMENT_NO;

  application = g_object_new (
    BK_TYPE_EXAM_APPLICATION, "id", bk_store_column_text (stmt, 0), "profile-id",
    bk_store_column_text (stmt, 4), "session-id", bk_store_column_text (stmt, 5), "level",
    CLAMP (level, 1, 2), "mode", mode, "point-code", bk_store_column_text (stmt, 8), "version",
    sqlite3_column_int64 (stmt, 1), "created-at", created_at, "updated-at", updated_at, NULL);
  bk_exam_application_restore (application, commitment, signed_at, state, submitted_at);
  return application;
}

/* The applications that @where (one parameter, @id) selects. */
static GPtrArray *
load_applications (BkDatabase *db, const char *where, const char *id, GError **error)
{
  g_autofree char *sql = g_strconcat (APPLICATION_COLUMNS, where, NULL);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) applications = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (applications, application_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "loading applications");
      return NULL;
    }
  for (guint i = 0; i < applications->len; i++)
    if (!bk_child_rows_load_proofs (db, applications->pdata[i], error))
      return NULL;
  return g_steal_pointer (&applications);
}

GListModel *
bk_application_table_list (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (GPtrArray) applications = NULL;
  GListStore *list;

  applications = load_applications (db, "WHERE profile_id = ? ORDER BY created_at, rowid",
                                    profile_id, error);
  if (applications == NULL)
    return NULL;
  list = g_list_store_new (BK_TYPE_EXAM_APPLICATION);
  g_list_store_splice (list, 0, 0, applications->pdata, applications->len);
  return G_LIST_MODEL (list);
}

/* Writing */

static gboolean
write_application_row (BkDatabase *db,
                       BkExamApplication *application,
                       gint64 version,
                       gboolean insert,
                       const char *now,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *point_code = bk_exam_application_get_point_code (application);
  BkCommitment commitment = bk_exam_application_get_commitment (application);
  BkApplicationState state = bk_exam_application_get_state (application);
  int i;

  stmt = bk_store_prepare_write (
    db, insert,
    "INSERT INTO application (version, created_at, updated_at, session_id, level, mode, "
    "point_code, commitment, commitment_signed_at, state, submitted_at, profile_id, id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "UPDATE application SET version = ?, updated_at = ?, session_id = ?, level = ?, "
    "mode = ?, point_code = ?, commitment = ?, commitment_signed_at = ?, state = ?, "
    "submitted_at = ? WHERE profile_id = ? AND id = ? AND version = ?",
    version, now, &i, error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_exam_application_get_session_id (application));
  sqlite3_bind_int (stmt, i++, bk_exam_application_get_level (application));
  bk_store_bind_text (stmt, i++, bk_exam_mode_to_nick (bk_exam_application_get_mode (application)));
  bk_store_bind_text (stmt, i++, *point_code != '\0' ? point_code : NULL);
  if (commitment == BK_COMMITMENT_UNSET)
    sqlite3_bind_null (stmt, i++);
  else
    sqlite3_bind_int (stmt, i++, commitment == BK_COMMITMENT_YES);
  bk_store_bind_time (stmt, i++, bk_exam_application_get_commitment_signed_at (application));
  bk_store_bind_text (stmt, i++, bk_application_state_to_nick (state));
  bk_store_bind_time (stmt, i++, bk_exam_application_get_submitted_at (application));
  bk_store_bind_text (stmt, i++, bk_exam_application_get_profile_id (application));
  bk_store_bind_text (stmt, i++, bk_exam_application_get_id (application));
  if (!insert)
    sqlite3_bind_int64 (stmt, i++, version - 1);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && sqlite3_changes (bk_database_get_handle (db)) != 1)
    return bk_store_conflict (error, "application", bk_exam_application_get_id (application));
  return TRUE;
}

static gboolean
check_one_per_session (BkDatabase *db, BkExamApplication *application, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT 1 FROM application WHERE profile_id = ? AND "
                              "session_id = ? AND id != ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, bk_exam_application_get_profile_id (application));
  bk_store_bind_text (stmt, 2, bk_exam_application_get_session_id (application));
  bk_store_bind_text (stmt, 3, bk_exam_application_get_id (application));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_ALREADY_APPLIED,
                   "profile %s already has an application for %s",
                   bk_exam_application_get_profile_id (application),
                   bk_exam_application_get_session_id (application));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "checking applications");
  return TRUE;
}

gboolean
bk_application_table_save (BkDatabase *db, BkExamApplication *application, GError **error)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GDateTime) now_time = NULL;
  g_autofree char *now = bk_store_now_text ();
  g_autofree char *json = bk_exam_application_to_json (application);
  const char *id = bk_exam_application_get_id (application);
  gint64 version = bk_save_tracker_expected_version (application,
                                                     bk_exam_application_get_version (application));
  BkExamApplication *old = NULL;
  gboolean changed = FALSE;

  bk_exam_application_set_version (application, version);
  if (!bk_store_check_row_version (db, "application", "application", id, version, error) ||
      !check_one_per_session (db, application, error))
    return FALSE;

  if (version == 0)
    {
      if (!write_application_row (db, application, 1, TRUE, now, error) ||
          !bk_outbox_append (db, bk_exam_application_get_profile_id (application), "application",
                             id, "insert", 1, json, error))
        return FALSE;
    }
  else
    {
      stored = load_applications (db, "WHERE id = ?", id, error);
      if (stored == NULL)
        return FALSE;
      if (stored->len != 1)
        return bk_store_not_found (error, "application", id);
      old = stored->pdata[0];
    }

  if (!bk_child_rows_save (
        db, &bk_child_kind_proof, bk_exam_application_get_profile_id (application), id,
        bk_exam_application_get_proofs (application),
        old != NULL ? bk_exam_application_get_proofs (old) : NULL, now, &changed, error))
    return FALSE;

  if (version != 0)
    {
      g_autofree char *stored_json = bk_exam_application_to_json (old);

      if (!changed && g_str_equal (json, stored_json))
        return TRUE;
      if (!write_application_row (db, application, version + 1, FALSE, now, error) ||
          !bk_outbox_append (db, bk_exam_application_get_profile_id (application), "application",
                             id, "update", version + 1, json, error))
        return FALSE;
    }

  now_time = bk_store_parse_time (now);
  bk_exam_application_set_version (application, version + 1);
  if (version == 0)
    bk_exam_application_set_created_at (application, now_time);
  bk_exam_application_set_updated_at (application, now_time);
  return TRUE;
}

gboolean
bk_application_table_delete (BkDatabase *db, const char *id, GError **error)
{
  gint64 version = bk_store_row_version (db, "application", id, error);

  if (version < 0)
    return FALSE;
  if (version == 0)
    return bk_store_not_found (error, "application", id);

  if (!bk_outbox_append_deletes (
        db, "proof",
        "SELECT p.id, p.version, a.profile_id FROM proof p JOIN application a "
        "ON p.application_id = a.id WHERE a.id = ?",
        id, error) ||
      !bk_outbox_append_deletes (db, "application",
                                 "SELECT id, version, profile_id FROM application WHERE id = ?", id,
                                 error))
    return FALSE;
  return bk_store_delete_row (db, "application", id, error);
}

/* After a save */

void
bk_application_table_apply_saved (BkExamApplication *target, BkExamApplication *saved)
{
  /* A later save of the same object already reported back. */
  if (bk_exam_application_get_version (saved) < bk_exam_application_get_version (target))
    return;

  bk_child_rows_apply_versions (bk_exam_application_get_proofs (target),
                                bk_exam_application_get_proofs (saved));
  bk_exam_application_set_version (target, bk_exam_application_get_version (saved));
  bk_exam_application_set_created_at (target, bk_exam_application_get_created_at (saved));
  bk_exam_application_set_updated_at (target, bk_exam_application_get_updated_at (saved));
}
