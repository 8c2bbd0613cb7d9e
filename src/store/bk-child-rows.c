/* bk-child-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-child-rows.h"
#include "bk-outbox.h"
#include "bk-profile.h"
#include "bk-store-columns.h"
#include "bk-store-error.h"
#include "bk-store-secret.h"

typedef gboolean (*WriteFunc) (BkDatabase *db,
                               const char *profile_id,
                               const char *parent_id,
                               gpointer entry,
                               gint64 version,
                               gboolean insert,
                               const char *now,
                               GError **error);

struct _BkChildKind
{
  const char *table;      /* also the outbox entity */
  const char *parent_key; /* member naming the parent in the payload */
  const char *(*get_id) (gpointer entry);
  gint64 (*get_version) (gpointer entry);
  void (*set_version) (gpointer entry, gint64 version);
  char *(*to_json) (gpointer entry);
  WriteFunc write;
};

/* Loading */

GPtrArray *
bk_child_rows_load_education (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT id, version, level, discipline, school, major, graduated, "
                              "certificate_number, full_time, foreign_degree FROM education "
                              "WHERE profile_id = ? ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *context = bk_store_secret_context ("education", "certificate_number",
                                                          bk_store_column_text (stmt, 0));
      g_autoptr (GBytes) certificate_number = NULL;
      BkEducationEntry *entry;
      BkEducationLevel level = BK_EDUCATION_LEVEL_BACHELOR;
      BkDiscipline discipline = BK_DISCIPLINE_OTHER;
      GDate graduated;

      if (!bk_store_column_secret (db, stmt, 7, context, &certificate_number, error))
        return NULL;
      entry = g_object_new (BK_TYPE_EDUCATION_ENTRY, "id", bk_store_column_text (stmt, 0), NULL);
      bk_education_level_from_nick (bk_store_column_text (stmt, 2), &level);
      bk_discipline_from_nick (bk_store_column_text (stmt, 3), &discipline);
      bk_store_column_date (stmt, 6, &graduated);
      bk_education_entry_set_version (entry, sqlite3_column_int64 (stmt, 1));
      bk_education_entry_set_level (entry, level);
      bk_education_entry_set_discipline (entry, discipline);
      bk_education_entry_set_school (entry, bk_store_column_text (stmt, 4));
      bk_education_entry_set_major (entry, bk_store_column_text (stmt, 5));
      bk_education_entry_set_graduated (entry, &graduated);
      bk_education_entry_set_certificate_number (entry, bk_store_secret_text (certificate_number));
      bk_education_entry_set_full_time (entry, sqlite3_column_int (stmt, 8));
      bk_education_entry_set_foreign (entry, sqlite3_column_int (stmt, 9));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "loading education records");
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
bk_child_rows_load_work (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT id, version, employer, started, ended, metrology "
                              "FROM work_period WHERE profile_id = ? ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return NULL;
  bk_store_bind_text (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkWorkEntry *entry = g_object_new (BK_TYPE_WORK_ENTRY, "id", bk_store_column_text (stmt, 0),
                                         NULL);
      GDate from, to;

      bk_store_column_date (stmt, 3, &from);
      bk_store_column_date (stmt, 4, &to);
      bk_work_entry_set_version (entry, sqlite3_column_int64 (stmt, 1));
      bk_work_entry_set_employer (entry, bk_store_column_text (stmt, 2));
      bk_work_entry_set_from (entry, &from);
      bk_work_entry_set_to (entry, &to);
      bk_work_entry_set_metrology (entry, sqlite3_column_int (stmt, 5));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "loading work periods");
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gboolean
bk_child_rows_load_proofs (BkDatabase *db, BkExamApplication *application, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT id, version, kind, file_name, data FROM proof "
                              "WHERE application_id = ? ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, 1, bk_exam_application_get_id (application));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *context = bk_store_secret_context ("proof", "data",
                                                          bk_store_column_text (stmt, 0));
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (BkProofEntry) proof = NULL;

      g_autoptr (GError) local_error = NULL;

      /* A locked profile's applications list with their proofs' names
       * only (baokao-tool profiles); its rows cannot be written then. */
      if (!bk_store_column_secret (db, stmt, 4, context, &bytes, &local_error) &&
          !g_error_matches (local_error, BK_STORE_ERROR, BK_STORE_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      proof = g_object_new (BK_TYPE_PROOF_ENTRY, "id", bk_store_column_text (stmt, 0), "kind",
                            bk_store_column_text (stmt, 2), "file-name",
                            bk_store_column_text (stmt, 3), "bytes", bytes, "version",
                            sqlite3_column_int64 (stmt, 1), NULL);

      bk_exam_application_add_proof (application, proof);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "loading proofs");
  return TRUE;
}

/* Writing one row */

static gboolean
write_education (BkDatabase *db,
                 const char *profile_id,
                 const char *parent_id,
                 BkEducationEntry *entry,
                 gint64 version,
                 gboolean insert,
                 const char *now,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *context = NULL;
  int i;

  stmt = bk_store_prepare_write (db, insert,
                                 "INSERT INTO education (version, created_at, updated_at, "
                                 "level, discipline, school, major, graduated, "
                                 "certificate_number, full_time, foreign_degree, profile_id, "
                                 "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 "UPDATE education SET version = ?, updated_at = ?, level = ?, "
                                 "discipline = ?, school = ?, major = ?, graduated = ?, "
                                 "certificate_number = ?, full_time = ?, foreign_degree = ? "
                                 "WHERE profile_id = ? AND id = ?",
                                 version, now, &i, error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_education_level_to_nick (bk_education_entry_get_level (entry)));
  bk_store_bind_text (stmt, i++, bk_discipline_to_nick (bk_education_entry_get_discipline (entry)));
  bk_store_bind_text (stmt, i++, bk_education_entry_get_school (entry));
  bk_store_bind_text (stmt, i++, bk_education_entry_get_major (entry));
  bk_store_bind_date (stmt, i++, bk_education_entry_get_graduated (entry), FALSE);
  context = bk_store_secret_context ("education", "certificate_number",
                                     bk_education_entry_get_id (entry));
  if (!bk_store_bind_secret_text (db, stmt, i++, profile_id, context,
                                  bk_education_entry_get_certificate_number (entry), error))
    return FALSE;
  sqlite3_bind_int (stmt, i++, bk_education_entry_get_full_time (entry));
  sqlite3_bind_int (stmt, i++, bk_education_entry_get_foreign (entry));
  bk_store_bind_text (stmt, i++, profile_id);
  bk_store_bind_text (stmt, i++, bk_education_entry_get_id (entry));
  return bk_database_step_done (db, stmt, error);
}

static gboolean
write_work (BkDatabase *db,
            const char *profile_id,
            const char *parent_id,
            BkWorkEntry *entry,
            gint64 version,
            gboolean insert,
            const char *now,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int i;

  stmt = bk_store_prepare_write (db, insert,
                                 "INSERT INTO work_period (version, created_at, updated_at, "
                                 "employer, started, ended, metrology, profile_id, id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 "UPDATE work_period SET version = ?, updated_at = ?, "
                                 "employer = ?, started = ?, ended = ?, metrology = ? "
                                 "WHERE profile_id = ? AND id = ?",
                                 version, now, &i, error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_work_entry_get_employer (entry));
  bk_store_bind_date (stmt, i++, bk_work_entry_get_from (entry), FALSE);
  bk_store_bind_date (stmt, i++, bk_work_entry_get_to (entry), TRUE);
  sqlite3_bind_int (stmt, i++, bk_work_entry_get_metrology (entry));
  bk_store_bind_text (stmt, i++, profile_id);
  bk_store_bind_text (stmt, i++, bk_work_entry_get_id (entry));
  return bk_database_step_done (db, stmt, error);
}

static gboolean
write_proof (BkDatabase *db,
             const char *profile_id,
             const char *application_id,
             BkProofEntry *proof,
             gint64 version,
             gboolean insert,
             const char *now,
             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *context = NULL;
  int i;

  stmt = bk_store_prepare_write (db, insert,
                                 "INSERT INTO proof (version, created_at, updated_at, kind, "
                                 "file_name, data, application_id, id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 "UPDATE proof SET version = ?, updated_at = ?, kind = ?, "
                                 "file_name = ?, data = ? WHERE application_id = ? AND id = ?",
                                 version, now, &i, error);
  if (stmt == NULL)
    return FALSE;
  bk_store_bind_text (stmt, i++, bk_proof_entry_get_kind (proof));
  bk_store_bind_text (stmt, i++, bk_proof_entry_get_file_name (proof));
  context = bk_store_secret_context ("proof", "data", bk_proof_entry_get_id (proof));
  if (!bk_store_bind_secret_bytes (db, stmt, i++, profile_id, context,
                                   bk_proof_entry_get_bytes (proof), error))
    return FALSE;
  bk_store_bind_text (stmt, i++, application_id);
  bk_store_bind_text (stmt, i++, bk_proof_entry_get_id (proof));
  return bk_database_step_done (db, stmt, error);
}

const BkChildKind bk_child_kind_education = {
  "education",
  "profile_id",
  (const char *(*) (gpointer)) bk_education_entry_get_id,
  (gint64 (*) (gpointer)) bk_education_entry_get_version,
  (void (*) (gpointer, gint64)) bk_education_entry_set_version,
  (char *(*) (gpointer)) bk_education_entry_to_json,
  (WriteFunc) write_education,
};

const BkChildKind bk_child_kind_work = {
  "work_period",
  "profile_id",
  (const char *(*) (gpointer)) bk_work_entry_get_id,
  (gint64 (*) (gpointer)) bk_work_entry_get_version,
  (void (*) (gpointer, gint64)) bk_work_entry_set_version,
  (char *(*) (gpointer)) bk_work_entry_to_json,
  (WriteFunc) write_work,
};

const BkChildKind bk_child_kind_proof = {
  "proof",
  "application_id",
  (const char *(*) (gpointer)) bk_proof_entry_get_id,
  (gint64 (*) (gpointer)) bk_proof_entry_get_version,
  (void (*) (gpointer, gint64)) bk_proof_entry_set_version,
  (char *(*) (gpointer)) bk_proof_entry_to_json,
  (WriteFunc) write_proof,
};

/* Saving a list */

/* @json with "key": @value added, for the payload of a child row. */
static char *
with_member (const char *json, const char *key, const char *value)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (json);
  json_object_set_string_member (json_node_get_object (node), key, value);
  return json_to_string (node, FALSE);
}

gboolean
bk_child_rows_save (BkDatabase *db,
                    const BkChildKind *kind,
                    const char *profile_id,
                    const char *parent_id,
                    GListModel *wanted,
                    GListModel *stored,
                    const char *now,
                    gboolean *changed,
                    GError **error)
{
  g_autoptr (GHashTable)
    by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n_stored = stored != NULL ? g_list_model_get_n_items (stored) : 0;

  for (guint i = 0; i < n_stored; i++)
    {
      GObject *old = g_list_model_get_item (stored, i);

      g_hash_table_insert (by_id, (gpointer) kind->get_id (old), old);
    }

  for (guint i = 0; i < g_list_model_get_n_items (wanted); i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (wanted, i);
      const char *id = kind->get_id (entry);
      gpointer old = g_hash_table_lookup (by_id, id);
      g_autofree char *json = kind->to_json (entry);
      g_autofree char *payload = with_member (json, kind->parent_key, parent_id);
      gint64 version;

      if (old == NULL)
        {
          version = 1;
          if (!kind->write (db, profile_id, parent_id, entry, version, TRUE, now, error) ||
              !bk_outbox_append (db, profile_id, kind->table, id, "insert", version, payload,
                                 error))
            return FALSE;
          *changed = TRUE;
        }
      else
        {
          g_autofree char *old_json = kind->to_json (old);

          version = kind->get_version (old);
          g_hash_table_remove (by_id, id);
          if (!g_str_equal (json, old_json))
            {
              version++;
              if (!kind->write (db, profile_id, parent_id, entry, version, FALSE, now, error) ||
                  !bk_outbox_append (db, profile_id, kind->table, id, "update", version, payload,
                                     error))
                return FALSE;
              *changed = TRUE;
            }
        }
      kind->set_version (entry, version);
    }

  /* What is left was removed from the list, in the order it was stored. */
  for (guint i = 0; i < n_stored; i++)
    {
      g_autoptr (GObject) old = g_list_model_get_item (stored, i);
      const char *id = kind->get_id (old);

      if (!g_hash_table_contains (by_id, id))
        continue;
      if (!bk_store_delete_row (db, kind->table, id, error) ||
          !bk_outbox_append (db, profile_id, kind->table, id, "delete", kind->get_version (old),
                             NULL, error))
        return FALSE;
      *changed = TRUE;
    }
  return TRUE;
}

/* After a save */

void
bk_child_rows_apply_versions (GListModel *target, GListModel *saved)
{
  g_autoptr (GHashTable) versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (saved); i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (saved, i);
      char *id = NULL;
      gint64 version;

      g_object_get (entry, "id", &id, "version", &version, NULL);
      g_hash_table_insert (versions, id, GSIZE_TO_POINTER ((gsize) version));
    }
  for (guint i = 0; i < g_list_model_get_n_items (target); i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (target, i);
      g_autofree char *id = NULL;
      gpointer version;
      gint64 current;

      g_object_get (entry, "id", &id, "version", &current, NULL);
      if (g_hash_table_lookup_extended (versions, id, NULL, &version) &&
          (gint64) GPOINTER_TO_SIZE (version) > current)
        g_object_set (entry, "version", (gint64) GPOINTER_TO_SIZE (version), NULL);
    }
}
