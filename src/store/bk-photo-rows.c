/* bk-photo-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-outbox.h"
#include "bk-photo-rows.h"
#include "bk-store-columns.h"
#include "bk-store-secret.h"

/* The file name the portal gives the standardised photo. */
#define STANDARDISED_FILE_NAME "报名照片.jpg"

gboolean
bk_photo_rows_load (BkDatabase *db, BkProfile *profile, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) standardised = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *report = NULL;
  gboolean accepted = FALSE;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT kind, file_name, jpeg, accepted, report, id FROM photo "
                              "WHERE profile_id = ? ORDER BY kind",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, bk_profile_get_id (profile));
  /* "original" sorts first, so its file name and report win. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean is_original = g_strcmp0 (bk_store_column_text (stmt, 0), "original") == 0;
      g_autofree char *context = bk_store_secret_context ("photo", "jpeg",
                                                          bk_store_column_text (stmt, 5));

      if (!bk_store_column_secret (db, stmt, 2, context, is_original ? &original : &standardised,
                                   error))
        return FALSE;
      if (file_name == NULL || is_original)
        {
          g_free (file_name);
          file_name = g_strdup (bk_store_column_text (stmt, 1));
        }
      if (report == NULL)
        report = g_strdup (bk_store_column_text (stmt, 4));
      accepted = sqlite3_column_int (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "loading photos");

  if (original != NULL || standardised != NULL)
    bk_profile_set_photo (profile, original, file_name, standardised, accepted, report);
  return TRUE;
}

static gboolean
bytes_equal (GBytes *a, GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

static char *
photo_payload (const char *id,
               const char *profile_id,
               const char *kind,
               const char *file_name,
               GBytes *jpeg,
               gboolean accepted)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, jpeg);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "profile_id");
  json_builder_add_string_value (builder, profile_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, file_name);
  json_builder_set_member_name (builder, "accepted");
  json_builder_add_boolean_value (builder, accepted);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, g_bytes_get_size (jpeg));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One photo row (original or standardised) brought in line with @jpeg. */
static gboolean
save_row (BkDatabase *db,
          const char *profile_id,
          const char *kind,
          GBytes *jpeg,
          const char *file_name,
          gboolean accepted,
          const char *report,
          const char *now,
          gboolean *changed,
          GError **error)
{
  g_autoptr (sqlite3_stmt) select = NULL;
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autofree char *id = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *context = NULL;
  gint64 version = 0;
  gboolean insert;
  int i;
  int rc;

  if (*report == '\0')
    report = NULL;

  select = bk_database_prepare (db,
                                "SELECT id, version, file_name, jpeg, accepted, report FROM "
                                "photo WHERE profile_id = ? AND kind = ?",
                                error);
  if (select == NULL)
    return FALSE;
  bk_store_bind_text (select, 1, profile_id);
  bk_store_bind_text (select, 2, kind);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    {
      g_autoptr (GBytes) old = NULL;
      g_autofree char *old_context = NULL;

      id = g_strdup (bk_store_column_text (select, 0));
      old_context = bk_store_secret_context ("photo", "jpeg", id);
      if (!bk_store_column_secret (db, select, 3, old_context, &old, error))
        return FALSE;
      version = sqlite3_column_int64 (select, 1);
      if (jpeg != NULL && bytes_equal (old, jpeg) &&
          g_strcmp0 (bk_store_column_text (select, 2), file_name) == 0 &&
          !!sqlite3_column_int (select, 4) == !!accepted &&
          g_strcmp0 (bk_store_column_text (select, 5), report) == 0)
        return TRUE;
    }
  else if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading a photo");

  if (jpeg == NULL)
    {
      if (id == NULL)
        return TRUE;
      *changed = TRUE;
      return bk_store_delete_row (db, "photo", id, error) &&
             bk_outbox_append (db, profile_id, "photo", id, "delete", version, NULL, error);
    }

  *changed = TRUE;
  insert = id == NULL;
  if (insert)
    id = g_uuid_string_random ();
  write = bk_store_prepare_write (db, insert,
                                  "INSERT INTO photo (version, created_at, updated_at, "
                                  "file_name, jpeg, accepted, report, id, profile_id, kind) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  "UPDATE photo SET version = ?, updated_at = ?, file_name = ?, "
                                  "jpeg = ?, accepted = ?, report = ? WHERE id = ? AND "
                                  "profile_id = ? AND kind = ?",
                                  version + 1, now, &i, error);
  if (write == NULL)
    return FALSE;
  context = bk_store_secret_context ("photo", "jpeg", id);
  bk_store_bind_text (write, i++, file_name);
  if (!bk_store_bind_secret_bytes (db, write, i++, profile_id, context, jpeg, error))
    return FALSE;
  sqlite3_bind_int (write, i++, accepted);
  bk_store_bind_text (write, i++, report);
  bk_store_bind_text (write, i++, id);
  bk_store_bind_text (write, i++, profile_id);
  bk_store_bind_text (write, i++, kind);
  if (!bk_database_step_done (db, write, error))
    return FALSE;

  payload = photo_payload (id, profile_id, kind, file_name, jpeg, accepted);
  return bk_outbox_append (db, profile_id, "photo", id, version > 0 ? "update" : "insert",
                           version + 1, payload, error);
}

gboolean
bk_photo_rows_save (
  BkDatabase *db, BkProfile *profile, const char *now, gboolean *changed, GError **error)
{
  const char *id = bk_profile_get_id (profile);

  return save_row (db, id, "original", bk_profile_get_photo_original (profile),
                   bk_profile_get_photo_file_name (profile),
                   bk_profile_get_photo_accepted (profile), bk_profile_get_photo_report (profile),
                   now, changed, error) &&
         save_row (db, id, "standardised", bk_profile_get_photo_standardised (profile),
                   STANDARDISED_FILE_NAME, bk_profile_get_photo_accepted (profile),
                   bk_profile_get_photo_report (profile), now, changed, error);
}
