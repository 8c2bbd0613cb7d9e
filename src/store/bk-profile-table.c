/* bk-profile-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-child-rows.h"
#include "bk-dates.h"
#include "bk-outbox.h"
#include "bk-photo-rows.h"
#include "bk-profile-summary.h"
#include "bk-profile-table.h"
#include "bk-save-tracker.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"

/* The user_name column is UNIQUE and NOT NULL, yet a profile is saved
 * while its account page is still being filled in. A profile without a
 * user name keeps "#" and its id there: unique, and never a valid user
 * name (those are letters, digits and "_"). */
#define NO_USER_NAME_PREFIX "#"

static char *
user_name_to_column (BkProfile *profile)
{
  const char *user_name = bk_profile_get_user_name (profile);

  if (*user_name != '\0')
    return g_strdup (user_name);
  return g_strconcat (NO_USER_NAME_PREFIX, bk_profile_get_id (profile), NULL);
}

static const char *
user_name_from_column (const char *column)
{
  if (column == NULL || g_str_has_prefix (column, NO_USER_NAME_PREFIX))
    return "";
  return column;
}

/* Reading */

GListModel *
bk_profile_table_list (BkDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GListStore) list = g_list_store_new (BK_TYPE_PROFILE_SUMMARY);
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT id, real_name, id_number, user_name, updated_at, "
                              "completeness, id_number_masked, typeof (id_number) = 'text' "
                              "FROM profile ORDER BY updated_at DESC, rowid DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Never the full ID number outside the worker: lists are shown on
       * shared PCs. A sealed one is read masked from its own column. */
      g_autofree char *masked = sqlite3_column_int (stmt, 7)
                                  ? bk_profile_mask_id_number (bk_store_column_text (stmt, 2))
                                  : g_strdup (bk_store_column_text (stmt, 6));
      g_autoptr (GDateTime) updated_at = bk_store_parse_time (bk_store_column_text (stmt, 4));
      g_autoptr (BkProfileSummary) summary =
        bk_profile_summary_new (bk_store_column_text (stmt, 0), bk_store_column_text (stmt, 1),
                                masked, user_name_from_column (bk_store_column_text (stmt, 3)),
                                updated_at, sqlite3_column_int (stmt, 5));

      g_list_store_append (list, summary);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "listing profiles");
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

BkProfile *
bk_profile_table_load (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autoptr (GPtrArray) education = NULL;
  g_autoptr (GPtrArray) work = NULL;
  g_autoptr (GDateTime) created_at = NULL;
  g_autoptr (GDateTime) updated_at = NULL;
  BkIdType id_type = BK_ID_TYPE_RESIDENT_ID;
  BkSeniorTitle title = BK_SENIOR_TITLE_NONE;
  /* The sealed columns, in the order of values[]. */
  static const struct
  {
    const char *column;
    int index;
  } secret[] = {
    { "id_number", 5 },  { "mobile", 6 }, { "birth_date", 10 }, { "sex", 9 },
    { "ethnicity", 11 }, { "email", 12 }, { "address", 13 },    { "postcode", 14 },
  };
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (bk_store_secret_value_free);
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT version, created_at, updated_at, real_name, id_type, "
                              "id_number, mobile, user_name, password_hash, sex, birth_date, "
                              "ethnicity, email, address, postcode, work_unit, senior_title, "
                              "verification_officer_certificate FROM profile WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      bk_store_not_found (error, "profile", profile_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      bk_database_fail (db, error, "loading a profile");
      return NULL;
    }

  for (guint c = 0; c < G_N_ELEMENTS (secret); c++)
    {
      g_autofree char *context = bk_store_secret_context ("profile", secret[c].column, profile_id);

      GBytes *value = NULL;

      if (!bk_store_column_secret (db, stmt, secret[c].index, context, &value, error))
        return NULL;
      g_ptr_array_add (values, value);
    }

  profile = g_object_new (BK_TYPE_PROFILE, "id", profile_id, NULL);
  bk_id_type_from_nick (bk_store_column_text (stmt, 4), &id_type);
  bk_senior_title_from_nick (bk_store_column_text (stmt, 16), &title);
  bk_profile_set_real_name (profile, bk_store_column_text (stmt, 3));
  bk_profile_set_id_type (profile, id_type);
  bk_profile_set_id_number (profile, bk_store_secret_text (values->pdata[0]));
  bk_profile_set_mobile (profile, bk_store_secret_text (values->pdata[1]));
  bk_profile_set_user_name (profile, user_name_from_column (bk_store_column_text (stmt, 7)));
  bk_profile_set_password_hash (profile, bk_store_column_text (stmt, 8));
  if (!bk_profile_get_derived_from_id (profile))
    {
      GDate birth_date;
      BkSex sex = BK_SEX_UNKNOWN;

      g_date_clear (&birth_date, 1);
      if (!bk_dates_parse (bk_store_secret_text (values->pdata[2]), &birth_date))
        g_date_clear (&birth_date, 1);
      bk_sex_from_nick (bk_store_secret_text (values->pdata[3]), &sex);
      bk_profile_set_sex (profile, sex);
      bk_profile_set_birth_date (profile, &birth_date);
    }
  bk_profile_set_ethnicity (profile, bk_store_secret_text (values->pdata[4]));
  bk_profile_set_email (profile, bk_store_secret_text (values->pdata[5]));
  bk_profile_set_address (profile, bk_store_secret_text (values->pdata[6]));
  bk_profile_set_postcode (profile, bk_store_secret_text (values->pdata[7]));
  bk_profile_set_work_unit (profile, bk_store_column_text (stmt, 15));
  bk_profile_set_senior_title (profile, title);
  bk_profile_set_verification_officer_certificate (profile, sqlite3_column_int (stmt, 17));
  bk_profile_set_version (profile, sqlite3_column_int64 (stmt, 0));
  created_at = bk_store_parse_time (bk_store_column_text (stmt, 1));
  updated_at = bk_store_parse_time (bk_store_column_text (stmt, 2));
  bk_profile_set_created_at (profile, created_at);
  bk_profile_set_updated_at (profile, updated_at);

  education = bk_child_rows_load_education (db, profile_id, error);
  if (education == NULL)
    return NULL;
  for (guint i = 0; i < education->len; i++)
    bk_profile_add_education (profile, education->pdata[i]);
  work = bk_child_rows_load_work (db, profile_id, error);
  if (work == NULL)
    return NULL;
  for (guint i = 0; i < work->len; i++)
    bk_profile_add_work (profile, work->pdata[i]);
  if (!bk_photo_rows_load (db, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

BkProfile *
bk_profile_table_load_cover (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  BkProfile *profile;
  const guint8 *key = NULL;
  int rc;

  if (bk_store_secret_key (db, profile_id, &key, &local_error))
    return bk_profile_table_load (db, profile_id, error);
  if (!g_error_matches (local_error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  stmt = bk_database_prepare (
    db, "SELECT real_name, user_name, password_hash FROM profile WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      bk_store_not_found (error, "profile", profile_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      bk_database_fail (db, error, "loading a profile");
      return NULL;
    }
  profile = g_object_new (BK_TYPE_PROFILE, "id", profile_id, NULL);
  bk_profile_set_real_name (profile, bk_store_column_text (stmt, 0));
  bk_profile_set_user_name (profile, user_name_from_column (bk_store_column_text (stmt, 1)));
  bk_profile_set_password_hash (profile, bk_store_column_text (stmt, 2));
  return profile;
}

/* Writing */

static gboolean
bind_secret (BkDatabase *db,
             sqlite3_stmt *stmt,
             int index,
             BkProfile *profile,
             const char *column,
             const char *text,
             GError **error)
{
  const char *id = bk_profile_get_id (profile);
  g_autofree char *context = bk_store_secret_context ("profile", column, id);

  return bk_store_bind_secret_text (db, stmt, index, id, context, text, error);
}

static gboolean
write_profile_row (BkDatabase *db,
                   BkProfile *profile,
                   gint64 version,
                   gboolean insert,
                   const char *now,
                   GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *user_name = user_name_to_column (profile);
  g_autofree char *masked = bk_profile_mask_id_number (bk_profile_get_id_number (profile));
  const GDate *birth_date;
  char date_text[16];
  int i;

  stmt = bk_store_prepare_write (
    db, insert,
    "INSERT INTO profile (version, created_at, updated_at, real_name, id_type, id_number, "
    "mobile, user_name, password_hash, sex, birth_date, ethnicity, email, address, "
    "postcode, work_unit, senior_title, verification_officer_certificate, completeness, "
    "id_number_masked, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "UPDATE profile SET version = ?, updated_at = ?, real_name = ?, id_type = ?, "
    "id_number = ?, mobile = ?, user_name = ?, password_hash = ?, sex = ?, birth_date = ?, "
    "ethnicity = ?, email = ?, address = ?, postcode = ?, work_unit = ?, senior_title = ?, "
    "verification_officer_certificate = ?, completeness = ?, id_number_masked = ? "
    "WHERE id = ? AND version = ?",
    version, now, &i, error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_profile_get_real_name (profile));
  bk_store_bind_text (stmt, i++, bk_id_type_to_nick (bk_profile_get_id_type (profile)));
  if (!bind_secret (db, stmt, i++, profile, "id_number", bk_profile_get_id_number (profile),
                    error) ||
      !bind_secret (db, stmt, i++, profile, "mobile", bk_profile_get_mobile (profile), error))
    return FALSE;
  bk_store_bind_text (stmt, i++, user_name);
  bk_store_bind_text (stmt, i++, bk_profile_get_password_hash (profile));
  birth_date = bk_profile_get_birth_date (profile);
  if (!bind_secret (db, stmt, i++, profile, "sex", bk_sex_to_nick (bk_profile_get_sex (profile)),
                    error) ||
      !bind_secret (db, stmt, i++, profile, "birth_date",
                    birth_date != NULL && g_date_valid (birth_date)
                      ? bk_dates_format (birth_date, date_text)
                      : NULL,
                    error) ||
      !bind_secret (db, stmt, i++, profile, "ethnicity", bk_profile_get_ethnicity (profile),
                    error) ||
      !bind_secret (db, stmt, i++, profile, "email", bk_profile_get_email (profile), error) ||
      !bind_secret (db, stmt, i++, profile, "address", bk_profile_get_address (profile), error) ||
      !bind_secret (db, stmt, i++, profile, "postcode", bk_profile_get_postcode (profile), error))
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_profile_get_work_unit (profile));
  bk_store_bind_text (stmt, i++, bk_senior_title_to_nick (bk_profile_get_senior_title (profile)));
  sqlite3_bind_int (stmt, i++, bk_profile_get_verification_officer_certificate (profile));
  sqlite3_bind_int (stmt, i++, bk_profile_get_completeness (profile, NULL));
  bk_store_bind_text (stmt, i++, masked);
  bk_store_bind_text (stmt, i++, bk_profile_get_id (profile));
  if (!insert)
    sqlite3_bind_int64 (stmt, i++, version - 1);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && sqlite3_changes (bk_database_get_handle (db)) != 1)
    return bk_store_conflict (error, "profile", bk_profile_get_id (profile));
  return TRUE;
}

static gboolean
check_user_name (BkDatabase *db, BkProfile *profile, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (*bk_profile_get_user_name (profile) == '\0')
    return TRUE;

  stmt = bk_database_prepare (db, "SELECT 1 FROM profile WHERE user_name = ? AND id != ?", error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, bk_profile_get_user_name (profile));
  bk_store_bind_text (stmt, 2, bk_profile_get_id (profile));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_USER_NAME_TAKEN,
                   "the user name %s is taken", bk_profile_get_user_name (profile));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "checking the user name");
  return TRUE;
}

gboolean
bk_profile_table_save (BkDatabase *db, BkProfile *profile, GError **error)
{
  g_autoptr (BkProfile) stored = NULL;
  g_autofree char *now = bk_store_now_text ();
  g_autoptr (GDateTime) now_time = NULL;
  const char *id = bk_profile_get_id (profile);
  gint64 version = bk_save_tracker_expected_version (profile, bk_profile_get_version (profile));
  gboolean changed = FALSE;
  g_autofree char *json = NULL;

  if (!bk_profile_table_is_protected (profile))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NO_PASSWORD,
                   "the profile %s has no password hash", id);
      return FALSE;
    }

  bk_profile_set_version (profile, version);
  if (!bk_store_check_row_version (db, "profile", "profile", id, version, error) ||
      !check_user_name (db, profile, error))
    return FALSE;

  if (version == 0)
    {
      /* The parent row first, for the children's foreign keys. */
      json = bk_profile_to_json (profile);
      if (!write_profile_row (db, profile, 1, TRUE, now, error) ||
          !bk_outbox_append (db, id, "profile", id, "insert", 1, json, error))
        return FALSE;
    }
  else
    {
      stored = bk_profile_table_load (db, id, error);
      if (stored == NULL)
        return FALSE;
    }

  if (!bk_child_rows_save (db, &bk_child_kind_education, id, id, bk_profile_get_education (profile),
                           stored != NULL ? bk_profile_get_education (stored) : NULL, now, &changed,
                           error) ||
      !bk_child_rows_save (db, &bk_child_kind_work, id, id, bk_profile_get_work (profile),
                           stored != NULL ? bk_profile_get_work (stored) : NULL, now, &changed,
                           error) ||
      !bk_photo_rows_save (db, profile, now, &changed, error))
    return FALSE;

  if (version != 0)
    {
      g_autofree char *stored_json = bk_profile_to_json (stored);

      json = bk_profile_to_json (profile);
      /* A changed record or photo is a change of the profile too: its
       * version is what a second window compares. */
      if (changed || !g_str_equal (json, stored_json) ||
          g_strcmp0 (bk_profile_get_password_hash (profile),
                     bk_profile_get_password_hash (stored)) != 0 ||
          bk_profile_get_completeness (profile, NULL) != bk_profile_get_completeness (stored, NULL))
        {
          if (!write_profile_row (db, profile, version + 1, FALSE, now, error) ||
              !bk_outbox_append (db, id, "profile", id, "update", version + 1, json, error))
            return FALSE;
        }
      else
        return TRUE; /* nothing changed: nothing written */
    }

  now_time = bk_store_parse_time (now);
  bk_profile_set_version (profile, version + 1);
  if (version == 0)
    bk_profile_set_created_at (profile, now_time);
  bk_profile_set_updated_at (profile, now_time);
  return TRUE;
}

static gboolean
delete_key (BkDatabase *db, const char *id, GError **error)
{
  g_autoptr (sqlite3_stmt)
    stmt = bk_database_prepare (db, "DELETE FROM profile_key WHERE profile_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, id);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  bk_store_vault_forget (bk_database_get_vault (db), id);
  return TRUE;
}

gboolean
bk_profile_table_delete (BkDatabase *db, const char *id, GError **error)
{
  gint64 version = bk_store_row_version (db, "profile", id, error);

  if (version < 0)
    return FALSE;
  if (version == 0)
    return bk_store_not_found (error, "profile", id);

  /* Children first, so the sync engine never sees a child of a deleted
   * parent; the foreign keys cascade the rows themselves. */
  if (!bk_outbox_append_deletes (
        db, "proof",
        "SELECT p.id, p.version, a.profile_id FROM proof p JOIN application a "
        "ON p.application_id = a.id WHERE a.profile_id = ?",
        id, error) ||
      !bk_outbox_append_deletes (
        db, "application", "SELECT id, version, profile_id FROM application WHERE profile_id = ?",
        id, error) ||
      !bk_outbox_append_deletes (
        db, "photo", "SELECT id, version, profile_id FROM photo WHERE profile_id = ?", id, error) ||
      !bk_outbox_append_deletes (
        db, "work_period", "SELECT id, version, profile_id FROM work_period WHERE profile_id = ?",
        id, error) ||
      !bk_outbox_append_deletes (
        db, "education", "SELECT id, version, profile_id FROM education WHERE profile_id = ?", id,
        error) ||
      !bk_outbox_append (db, id, "profile", id, "delete", version, NULL, error) ||
      !bk_store_delete_row (db, "profile", id, error))
    return FALSE;
  /* Its key goes with it: nothing of the profile is left to open. */
  return delete_key (db, id, error);
}

/* After a save */

void
bk_profile_table_apply_saved (BkProfile *target, BkProfile *saved)
{
  /* A later save of the same object already reported back. */
  if (bk_profile_get_version (saved) < bk_profile_get_version (target))
    return;

  bk_child_rows_apply_versions (bk_profile_get_education (target),
                                bk_profile_get_education (saved));
  bk_child_rows_apply_versions (bk_profile_get_work (target), bk_profile_get_work (saved));
  bk_profile_set_version (target, bk_profile_get_version (saved));
  bk_profile_set_created_at (target, bk_profile_get_created_at (saved));
  bk_profile_set_updated_at (target, bk_profile_get_updated_at (saved));
}

gboolean
bk_profile_table_is_protected (BkProfile *profile)
{
  /* crypto_pwhash_str writes "$argon2id$…"; its verify takes "$argon2i$…" too. */
  const char *hash = bk_profile_get_password_hash (profile);

  return hash != NULL && g_str_has_prefix (hash, "$argon2");
}
