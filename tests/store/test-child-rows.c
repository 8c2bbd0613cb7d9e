/* test-child-rows.c — BkChildRows on a real database: a list of child
 * rows brought in line with what the page holds, and the versions a save
 * wrote brought back to the page's entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bk-child-rows.h"
#include "bk-database.h"
#include "bk-test-database.h"
#include "bk-outbox.h"
#include "bk-profile.h"

#define NOW "2026-03-01T08:00:00Z"

typedef BkTestDatabase Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  bk_test_database_open (fixture, "child-rows");
  g_assert_true (bk_database_exec (fixture->db,
                                   "INSERT INTO profile (id, created_at, updated_at, real_name, "
                                   "id_type, id_number, mobile, user_name, password_hash) VALUES "
                                   "('p1', 'now', 'now', 'n', 'resident-id', 'x', 'm', 'u', 'h')",
                                   &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  bk_test_database_remove (fixture);
}

/* The outbox as "entity id operation version" lines, oldest first. */
static char *
outbox_lines (BkDatabase *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db, "SELECT entity, entity_id, operation, version FROM outbox ORDER BY rowid", &error);
  GString *lines = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (lines, "%s %s %s %lld\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            (long long) sqlite3_column_int64 (stmt, 3));
  return g_string_free (lines, FALSE);
}

static BkWorkEntry *
work_entry (const char *id, const char *employer)
{
  BkWorkEntry *entry = g_object_new (BK_TYPE_WORK_ENTRY, "id", id, NULL);
  g_autoptr (GDate) from = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2015);

  bk_work_entry_set_employer (entry, employer);
  bk_work_entry_set_from (entry, from);
  bk_work_entry_set_metrology (entry, TRUE);
  return entry;
}

static gboolean
save_work (BkDatabase *db, GListStore *wanted, gboolean *changed, GError **error)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GListStore) stored_list = g_list_store_new (BK_TYPE_WORK_ENTRY);
  gboolean ok;

  stored = bk_child_rows_load_work (db, "p1", error);
  if (stored == NULL)
    return FALSE;
  g_list_store_splice (stored_list, 0, 0, stored->pdata, stored->len);
  *changed = FALSE;
  if (!bk_database_begin (db, error))
    return FALSE;
  ok = bk_child_rows_save (db, &bk_child_kind_work, "p1", "p1", G_LIST_MODEL (wanted),
                           stored->len > 0 ? G_LIST_MODEL (stored_list) : NULL, NOW, changed,
                           error);
  if (!ok || !bk_database_commit (db, error))
    {
      bk_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Inserted at version 1, changed at version + 1, removed, unchanged left
 * alone: one outbox entry per row written, and nothing when nothing
 * changed. */
static void
test_save_brings_rows_in_line (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) wanted = g_list_store_new (BK_TYPE_WORK_ENTRY);
  g_autoptr (BkWorkEntry) a = work_entry ("w-a", "Institute of Metrology");
  g_autoptr (BkWorkEntry) b = work_entry ("w-b", "Calibration Lab");
  g_autoptr (BkWorkEntry) c = work_entry ("w-c", "Test Centre");
  g_autoptr (GPtrArray) loaded = NULL;
  g_autofree char *lines = NULL;
  gboolean changed;

  g_list_store_append (wanted, a);
  g_list_store_append (wanted, b);
  g_list_store_append (wanted, c);
  g_assert_true (save_work (fixture->db, wanted, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpint (bk_work_entry_get_version (a), ==, 1);
  g_assert_cmpint (bk_work_entry_get_version (c), ==, 1);

  /* Nothing changed: nothing written. */
  g_assert_true (save_work (fixture->db, wanted, &changed, &error));
  g_assert_no_error (error);
  g_assert_false (changed);
  g_assert_cmpint (bk_outbox_count (fixture->db, NULL), ==, 3);

  /* b changed, c removed, a as it was. */
  bk_work_entry_set_employer (b, "Calibration Laboratory");
  g_list_store_remove (wanted, 2);
  g_assert_true (save_work (fixture->db, wanted, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpint (bk_work_entry_get_version (a), ==, 1);
  g_assert_cmpint (bk_work_entry_get_version (b), ==, 2);

  lines = outbox_lines (fixture->db);
  g_assert_cmpstr (lines, ==,
                   "work_period w-a insert 1\n"
                   "work_period w-b insert 1\n"
                   "work_period w-c insert 1\n"
                   "work_period w-b update 2\n"
                   "work_period w-c delete 1\n");

  loaded = bk_child_rows_load_work (fixture->db, "p1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (bk_work_entry_get_employer (loaded->pdata[1]), ==, "Calibration Laboratory");
  g_assert_cmpint (bk_work_entry_get_version (loaded->pdata[1]), ==, 2);
}

/* After a save, the page's entries get the versions written, by id; an
 * entry the page added meanwhile stays unsaved, and a version the page
 * already has from a later save is not taken back. Proofs and education
 * records the same as work periods. */
static void
test_apply_versions (void)
{
  g_autoptr (GListStore) target = g_list_store_new (BK_TYPE_PROOF_ENTRY);
  g_autoptr (GListStore) saved = g_list_store_new (BK_TYPE_PROOF_ENTRY);
  g_autoptr (GListStore) target_education = g_list_store_new (BK_TYPE_EDUCATION_ENTRY);
  g_autoptr (GListStore) saved_education = g_list_store_new (BK_TYPE_EDUCATION_ENTRY);
  const char *ids[] = { "older", "newer", "added" };
  const gint64 target_versions[] = { 1, 4, 0 };
  const gint64 saved_versions[] = { 2, 3 };
  const gint64 expected[] = { 2, 4, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (GObject) proof = g_object_new (BK_TYPE_PROOF_ENTRY, "id", ids[i], "version",
                                                target_versions[i], NULL);
      g_autoptr (GObject) education = g_object_new (BK_TYPE_EDUCATION_ENTRY, "id", ids[i],
                                                    "version", target_versions[i], NULL);

      g_list_store_append (target, proof);
      g_list_store_append (target_education, education);
    }
  /* The snapshot holds them in another order. */
  for (guint i = G_N_ELEMENTS (saved_versions); i-- > 0;)
    {
      g_autoptr (GObject) proof = g_object_new (BK_TYPE_PROOF_ENTRY, "id", ids[i], "version",
                                                saved_versions[i], NULL);
      g_autoptr (GObject) education = g_object_new (BK_TYPE_EDUCATION_ENTRY, "id", ids[i],
                                                    "version", saved_versions[i], NULL);

      g_list_store_append (saved, proof);
      g_list_store_append (saved_education, education);
    }

  bk_child_rows_apply_versions (G_LIST_MODEL (target), G_LIST_MODEL (saved));
  bk_child_rows_apply_versions (G_LIST_MODEL (target_education), G_LIST_MODEL (saved_education));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (G_LIST_MODEL (target), i);
      g_autoptr (BkEducationEntry)
        education = g_list_model_get_item (G_LIST_MODEL (target_education), i);

      g_assert_cmpint (bk_proof_entry_get_version (proof), ==, expected[i]);
      g_assert_cmpint (bk_education_entry_get_version (education), ==, expected[i]);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/store/child-rows/save-brings-rows-in-line", Fixture, NULL, fixture_set_up,
              test_save_brings_rows_in_line, fixture_tear_down);
  g_test_add_func ("/store/child-rows/apply-versions", test_apply_versions);

  return g_test_run ();
}
