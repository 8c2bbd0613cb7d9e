/* test-store.c — BkStore: round trips, the outbox, conflicts, failed
 * saves, the async API from a main loop and a crash during saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-database.h"
#include "bk-store-error.h"
#include "bk-store-schema.h"
#include "bk-store.h"
#include "bk-test-profiles.h"

#define NOW "2026-04-08T09:00:00+08:00"

typedef struct
{
  char *dir;
  char *path;
  BkStore *store;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("baokao-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "baokao.db", NULL);
  if (user_data == NULL)
    {
      fixture->store = bk_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->store);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer user_data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A second connection to the same file, to look at what was written. */
static BkDatabase *
peek (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  BkDatabase *db = bk_database_open (fixture->path, &error);

  g_assert_no_error (error);
  return db;
}

static gint64
query_int (Fixture *fixture, const char *sql)
{
  g_autoptr (BkDatabase) db = peek (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (Fixture *fixture, const char *sql)
{
  g_autoptr (BkDatabase) db = peek (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

typedef struct
{
  char *entity;
  char *entity_id;
  char *operation;
  gint64 version;
  char *payload;
} OutboxRow;

static void
outbox_row_free (OutboxRow *row)
{
  g_free (row->entity);
  g_free (row->entity_id);
  g_free (row->operation);
  g_free (row->payload);
  g_free (row);
}

/* The outbox rows after @after_seq, in order. */
static GPtrArray *
outbox_since (Fixture *fixture, gint64 after_seq)
{
  g_autoptr (BkDatabase) db = peek (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (
    db,
    "SELECT entity, entity_id, operation, version, payload FROM outbox WHERE seq > ? "
    "ORDER BY seq",
    &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) outbox_row_free);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, after_seq);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OutboxRow *row = g_new0 (OutboxRow, 1);

      row->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->operation = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->version = sqlite3_column_int64 (stmt, 3);
      row->payload = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static gint64
last_seq (Fixture *fixture)
{
  return query_int (fixture, "SELECT coalesce(max(seq), 0) FROM outbox");
}

static guint
count_rows (GPtrArray *rows, const char *entity, const char *operation)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      OutboxRow *row = rows->pdata[i];

      if (g_str_equal (row->entity, entity) && g_str_equal (row->operation, operation))
        n++;
    }
  return n;
}

static OutboxRow *
find_row (GPtrArray *rows, const char *entity, const char *entity_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      OutboxRow *row = rows->pdata[i];

      if (g_str_equal (row->entity, entity) && g_str_equal (row->entity_id, entity_id))
        return row;
    }
  return NULL;
}

static JsonObject *
parse_payload (OutboxRow *row, JsonNode **node)
{
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (row->payload);
  *node = json_from_string (row->payload, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*node));
  return json_node_get_object (*node);
}

static BkEducationEntry *
make_education (const char *school, int year)
{
  BkEducationEntry *entry = bk_education_entry_new ();
  GDate graduated;

  bk_test_set_date (&graduated, year, 7, 1);
  bk_education_entry_set_level (entry, BK_EDUCATION_LEVEL_MASTER);
  bk_education_entry_set_discipline (entry, BK_DISCIPLINE_SCIENCE);
  bk_education_entry_set_school (entry, school);
  bk_education_entry_set_major (entry, "仪器科学与技术（精密测量）");
  bk_education_entry_set_graduated (entry, &graduated);
  bk_education_entry_set_certificate_number (entry, "10356120150500123");
  bk_education_entry_set_full_time (entry, TRUE);
  bk_education_entry_set_foreign (entry, FALSE);
  return entry;
}

static BkWorkEntry *
make_work (int from_year, int to_year, gboolean metrology)
{
  BkWorkEntry *entry = bk_work_entry_new ();
  GDate from, to;

  bk_test_set_date (&from, from_year, 8, 1);
  bk_work_entry_set_from (entry, &from);
  if (to_year != 0)
    {
      bk_test_set_date (&to, to_year, 7, 31);
      bk_work_entry_set_to (entry, &to);
    }
  bk_work_entry_set_metrology (entry, metrology);
  bk_work_entry_set_employer (entry, "上海市计量测试技术研究院");
  return entry;
}

/* The shared candidate, with more to store: two degrees, two jobs, a
 * photo with its report. */
static BkProfile *
make_profile (const char *user_name)
{
  BkProfile *profile = bk_test_profile_new (user_name);
  g_autoptr (BkEducationEntry) bachelor = make_education ("中国计量大学", 2012);
  g_autoptr (BkEducationEntry) master = make_education ("同济大学", 2015);
  g_autoptr (BkWorkEntry) first = make_work (2015, 2019, FALSE);
  g_autoptr (BkWorkEntry) second = make_work (2019, 0, TRUE);
  g_autoptr (GBytes) original = bk_test_fake_jpeg (40000, 1);
  g_autoptr (GBytes) standardised = bk_test_fake_jpeg (20000, 2);

  bk_profile_set_email (profile, "lisi@example.cn");
  bk_profile_set_senior_title (profile, BK_SENIOR_TITLE_ENGINEERING);
  bk_profile_set_verification_officer_certificate (profile, TRUE);
  bk_profile_add_education (profile, bachelor);
  bk_profile_add_education (profile, master);
  bk_profile_add_work (profile, first);
  bk_profile_add_work (profile, second);
  bk_profile_set_photo (profile, original, "证件照.jpg", standardised, TRUE,
                        "{\"checks\":[\"size\",\"background\"]}");
  return profile;
}

static char *
list_json (GListModel *list, char *(*to_json) (gpointer))
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (list, i);
      g_autofree char *json = to_json (item);

      g_string_append_printf (text, "%s\n", json);
    }
  return g_string_free (text, FALSE);
}

/* Every field the store keeps, compared. */
static void
assert_profiles_equal (BkProfile *a, BkProfile *b)
{
  g_autofree char *a_json = bk_profile_to_json (a);
  g_autofree char *b_json = bk_profile_to_json (b);
  g_autofree char *a_education = NULL;
  g_autofree char *b_education = NULL;
  g_autofree char *a_work = NULL;
  g_autofree char *b_work = NULL;

  g_assert_cmpstr (a_json, ==, b_json);
  g_assert_cmpstr (bk_profile_get_id (a), ==, bk_profile_get_id (b));
  g_assert_cmpint (bk_profile_get_version (a), ==, bk_profile_get_version (b));
  g_assert_cmpstr (bk_profile_get_password_hash (a), ==, bk_profile_get_password_hash (b));
  g_assert_cmpstr (bk_profile_get_photo_file_name (a), ==, bk_profile_get_photo_file_name (b));
  g_assert_cmpstr (bk_profile_get_photo_report (a), ==, bk_profile_get_photo_report (b));
  g_assert_cmpint (bk_profile_get_photo_accepted (a), ==, bk_profile_get_photo_accepted (b));
  g_assert_true ((bk_profile_get_photo_original (a) == NULL) ==
                 (bk_profile_get_photo_original (b) == NULL));
  if (bk_profile_get_photo_original (a) != NULL)
    g_assert_true (
      g_bytes_equal (bk_profile_get_photo_original (a), bk_profile_get_photo_original (b)));
  g_assert_true ((bk_profile_get_photo_standardised (a) == NULL) ==
                 (bk_profile_get_photo_standardised (b) == NULL));
  if (bk_profile_get_photo_standardised (a) != NULL)
    g_assert_true (
      g_bytes_equal (bk_profile_get_photo_standardised (a), bk_profile_get_photo_standardised (b)));

  a_education = list_json (bk_profile_get_education (a),
                           (char *(*) (gpointer)) bk_education_entry_to_json);
  b_education = list_json (bk_profile_get_education (b),
                           (char *(*) (gpointer)) bk_education_entry_to_json);
  g_assert_cmpstr (a_education, ==, b_education);
  a_work = list_json (bk_profile_get_work (a), (char *(*) (gpointer)) bk_work_entry_to_json);
  b_work = list_json (bk_profile_get_work (b), (char *(*) (gpointer)) bk_work_entry_to_json);
  g_assert_cmpstr (a_work, ==, b_work);

  for (guint i = 0; i < g_list_model_get_n_items (bk_profile_get_education (a)); i++)
    {
      g_autoptr (BkEducationEntry) x = g_list_model_get_item (bk_profile_get_education (a), i);
      g_autoptr (BkEducationEntry) y = g_list_model_get_item (bk_profile_get_education (b), i);

      g_assert_cmpint (bk_education_entry_get_version (x), ==, bk_education_entry_get_version (y));
    }
}

static void
test_default_path (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (NULL, &error);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "baokao", "baokao.db",
                                                NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (bk_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_open_failure (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (fixture->path,
                                      "not a database at all, but long enough to have a header "
                                      "the size SQLite looks at first",
                                      -1, &error));
  store = bk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, BK_STORE_ERROR, SQLITE_NOTADB);
  message = bk_store_error_describe (error);
  g_assert_nonnull (strstr (message, "damaged"));
}

/* The root page of @table in the file at @path, and the page size, read
 * with SQLite alone (the file may be damaged already). */
static gint64
root_page (const char *path, const char *table, gint64 *page_size)
{
  sqlite3 *db = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) size = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (
    sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL),
    ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &size, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (size), ==, SQLITE_ROW);
  *page_size = sqlite3_column_int64 (size, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&size, sqlite3_finalize);
  sqlite3_close (db);
  return page;
}

/* Real pages of a real database are damaged (as a failing disk or a
 * copy cut short does): the store refuses to open it with an error the
 * window can explain, naming the file, and changes not one byte of it. */
static void
test_damaged_database (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *message = NULL;
  gsize before_length, after_length;
  gint64 page_size, page;
  const char *tables[] = { "work_period", "education" };

  store = bk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *user_name = g_strdup_printf ("user%u", i);
      g_autoptr (BkProfile) profile = make_profile (user_name);

      g_assert_true (bk_store_save_profile (store, profile, &error));
      g_assert_no_error (error);
    }
  g_assert_finalize_object (g_steal_pointer (&store));

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      /* Half of the table's page overwritten with what a bad sector reads. */
      page = root_page (fixture->path, tables[t], &page_size);
      g_assert_true (g_file_get_contents (fixture->path, &contents, &length, &local_error));
      g_assert_cmpint ((page - 1) * page_size + page_size, <=, length);
      for (gint64 i = 0; i < page_size / 2; i++)
        contents[(page - 1) * page_size + i] = (char) (0x5a ^ (i * 7));
      g_assert_true (g_file_set_contents (fixture->path, contents, length, &local_error));
    }
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  store = bk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CORRUPT);
  message = bk_store_error_describe_file (error, fixture->path);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, fixture->path));
  g_assert_nonnull (strstr (message, "damaged"));
  g_assert_nonnull (strstr (message, "copy"));

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A database written by the first release (schema 1) opens, migrates and
 * shows its profiles; the next save fills in the new completeness. */
static void
test_opens_schema_1 (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) summaries = NULL;
  g_autoptr (BkProfileSummary) summary = NULL;
  g_autoptr (BkProfile) profile = NULL;
  const char *const *migrations = bk_store_schema_get_migrations (NULL);
  char id[19];
  g_autofree char *insert = NULL;
  sqlite3 *raw = NULL;

  g_strlcpy (id, "11010519491231002", sizeof id);
  id[17] = bk_id_document_compute_check_char (id);
  id[18] = '\0';
  insert = g_strdup_printf ("INSERT INTO profile (id, created_at, updated_at, real_name, id_type, "
                            "id_number, mobile, user_name, password_hash, sex, birth_date) VALUES "
                            "('p1', '2026-04-07T02:00:00Z', '2026-04-07T02:00:00Z', '张三', "
                            "'resident-id', '%s', '13800138000', 'zhangsan', "
                            "'$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA', 'female', "
                            "'1949-12-31');"
                            "INSERT INTO work_period (id, created_at, updated_at, profile_id, "
                            "employer, started, ended, metrology) VALUES ('w1', "
                            "'2026-04-07T02:00:00Z', '2026-04-07T02:00:00Z', 'p1', '计量所', "
                            "'1970-01-01', NULL, 1)",
                            id);
  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, migrations[0], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  fixture->store = bk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 1);
  summary = g_list_model_get_item (summaries, 0);
  g_assert_cmpstr (bk_profile_summary_get_real_name (summary), ==, "张三");
  g_assert_cmpint (bk_profile_summary_get_completeness (summary), ==, 0);

  profile = bk_store_load_profile (fixture->store, "p1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 1);
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_FEMALE);
  g_assert_cmpint (g_date_get_year (bk_profile_get_birth_date (profile)), ==, 1949);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_work (profile)), ==, 1);

  bk_profile_set_postcode (profile, "100000");
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT completeness FROM profile"), ==,
                   bk_profile_get_completeness (profile, NULL));
  g_assert_cmpint (query_int (fixture, "SELECT completeness FROM profile"), >, 0);
}

static void
test_profile_round_trip (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (GListModel) summaries = NULL;
  g_autoptr (BkProfileSummary) summary = NULL;
  g_autoptr (BkEducationEntry) entry = NULL;
  g_autoptr (BkProfile) passport = bk_profile_new ();
  g_autoptr (BkProfile) passport_loaded = NULL;
  GDate birth;

  g_assert_cmpint (bk_profile_get_completeness (profile, NULL), ==, 100);
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  /* The store wrote the versions and times back into the object. */
  g_assert_cmpint (bk_profile_get_version (profile), ==, 1);
  g_assert_nonnull (bk_profile_get_created_at (profile));
  g_assert_true (
    g_date_time_equal (bk_profile_get_created_at (profile), bk_profile_get_updated_at (profile)));
  entry = g_list_model_get_item (bk_profile_get_education (profile), 1);
  g_assert_cmpint (bk_education_entry_get_version (entry), ==, 1);

  loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  assert_profiles_equal (profile, loaded);
  g_assert_true (
    g_date_time_equal (bk_profile_get_updated_at (profile), bk_profile_get_updated_at (loaded)));
  g_assert_cmpint (bk_profile_get_sex (loaded), ==, BK_SEX_MALE);
  g_assert_cmpint (bk_profile_get_completeness (loaded, NULL), ==, 100);

  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 1);
  summary = g_list_model_get_item (summaries, 0);
  g_assert_cmpstr (bk_profile_summary_get_id (summary), ==, bk_profile_get_id (profile));
  g_assert_cmpstr (bk_profile_summary_get_real_name (summary), ==, "李四");
  g_assert_cmpstr (bk_profile_summary_get_user_name (summary), ==, "lisi");
  g_assert_cmpint (bk_profile_summary_get_completeness (summary), ==, 100);
  g_assert_true (g_str_has_prefix (bk_profile_summary_get_masked_id_number (summary), "310*"));
  g_assert_null (strstr (bk_profile_summary_get_masked_id_number (summary), "19880214"));

  /* Typed birth date and sex of another ID type survive too; an empty
   * profile apart from the account saves and loads as it was. */
  bk_profile_set_real_name (passport, "John Smith");
  bk_profile_set_id_type (passport, BK_ID_TYPE_PASSPORT);
  bk_profile_set_id_number (passport, "E12345678");
  bk_profile_set_user_name (passport, "jsmith");
  bk_profile_set_password_hash (passport, bk_profile_get_password_hash (profile));
  bk_profile_set_sex (passport, BK_SEX_MALE);
  bk_test_set_date (&birth, 1980, 2, 29);
  bk_profile_set_birth_date (passport, &birth);
  g_assert_true (bk_store_save_profile (fixture->store, passport, &error));
  g_assert_no_error (error);
  passport_loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (passport), &error);
  g_assert_no_error (error);
  assert_profiles_equal (passport, passport_loaded);
  g_assert_cmpint (bk_profile_get_sex (passport_loaded), ==, BK_SEX_MALE);
  g_assert_cmpint (g_date_compare (bk_profile_get_birth_date (passport_loaded), &birth), ==, 0);
  g_assert_null (bk_profile_get_photo_original (passport_loaded));
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_education (passport_loaded)), ==, 0);

  g_clear_object (&summaries);
  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 2);
}

static void
test_outbox_per_change (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (BkEducationEntry) master = NULL;
  g_autoptr (BkWorkEntry) first = NULL;
  g_autoptr (BkWorkEntry) third = NULL;
  g_autoptr (GBytes) new_photo = bk_test_fake_jpeg (30000, 9);
  const char *id = bk_profile_get_id (profile);
  JsonObject *object;
  OutboxRow *row;
  gint64 seq;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  /* Profile, 2 education, 2 work, 2 photos: one insert each, the
   * profile first (its children refer to it). */
  rows = outbox_since (fixture, 0);
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpint (bk_store_count_outbox (fixture->store, &error), ==, 7);
  row = rows->pdata[0];
  g_assert_cmpstr (row->entity, ==, "profile");
  g_assert_cmpstr (row->entity_id, ==, id);
  g_assert_cmpstr (row->operation, ==, "insert");
  g_assert_cmpint (row->version, ==, 1);
  object = parse_payload (row, &node);
  g_assert_cmpstr (json_object_get_string_member (object, "real_name"), ==, "李四");
  g_assert_cmpstr (json_object_get_string_member (object, "senior_title"), ==, "engineering");
  g_assert_false (json_object_has_member (object, "password_hash"));
  g_assert_null (strstr (row->payload, "argon2id"));
  g_clear_pointer (&node, json_node_unref);
  g_assert_cmpuint (count_rows (rows, "education", "insert"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "work_period", "insert"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "photo", "insert"), ==, 2);

  master = g_list_model_get_item (bk_profile_get_education (profile), 1);
  row = find_row (rows, "education", bk_education_entry_get_id (master));
  g_assert_nonnull (row);
  object = parse_payload (row, &node);
  g_assert_cmpstr (json_object_get_string_member (object, "profile_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (object, "level"), ==, "master");
  g_assert_cmpstr (json_object_get_string_member (object, "graduated"), ==, "2015-07-01");
  g_assert_cmpstr (json_object_get_string_member (object, "major"), ==,
                   "仪器科学与技术（精密测量）");
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Saving again without a change writes nothing. */
  seq = last_seq (fixture);
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_cmpint (last_seq (fixture), ==, seq);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 1);

  /* One field of one record: that record and the profile. */
  bk_education_entry_set_certificate_number (master, "103561201505001234");
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (rows->len, ==, 2);
  row = find_row (rows, "education", bk_education_entry_get_id (master));
  g_assert_nonnull (row);
  g_assert_cmpstr (row->operation, ==, "update");
  g_assert_cmpint (row->version, ==, 2);
  g_assert_nonnull (strstr (row->payload, "103561201505001234"));
  row = find_row (rows, "profile", id);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->operation, ==, "update");
  g_assert_cmpint (row->version, ==, 2);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 2);
  g_assert_cmpint (bk_education_entry_get_version (master), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Remove one period, add another, replace the photo. */
  seq = last_seq (fixture);
  first = g_list_model_get_item (bk_profile_get_work (profile), 0);
  bk_profile_remove_work (profile, first);
  third = make_work (2010, 2012, TRUE);
  bk_profile_add_work (profile, third);
  bk_profile_set_photo (profile, new_photo, "new.jpg", new_photo, TRUE, NULL);
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (count_rows (rows, "work_period", "delete"), ==, 1);
  g_assert_cmpuint (count_rows (rows, "work_period", "insert"), ==, 1);
  g_assert_cmpuint (count_rows (rows, "photo", "update"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "profile", "update"), ==, 1);
  g_assert_cmpuint (rows->len, ==, 5);
  row = find_row (rows, "work_period", bk_work_entry_get_id (first));
  g_assert_cmpstr (row->operation, ==, "delete");
  g_assert_null (row->payload);
  g_assert_cmpint (bk_work_entry_get_version (third), ==, 1);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM work_period"), ==, 2);

  /* Removing the photo deletes both rows. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  seq = last_seq (fixture);
  bk_profile_set_photo (profile, NULL, NULL, NULL, FALSE, NULL);
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (count_rows (rows, "photo", "delete"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM photo"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT completeness FROM profile"), <, 100);
}

static void
test_conflict (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) window_a = NULL;
  g_autoptr (BkProfile) window_b = NULL;
  g_autoptr (BkProfile) again = NULL;
  g_autoptr (BkProfile) twin = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gint64 outbox;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  window_a = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  window_b = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);

  bk_profile_set_address (window_a, "北京市海淀区");
  g_assert_true (bk_store_save_profile (fixture->store, window_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_profile_get_version (window_a), ==, 2);

  /* The second window read version 1; its save must not overwrite. */
  outbox = bk_store_count_outbox (fixture->store, &error);
  bk_profile_set_address (window_b, "广州市天河区");
  g_assert_false (bk_store_save_profile (fixture->store, window_b, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);
  message = bk_store_error_describe (error);
  g_assert_nonnull (strstr (message, "Reload"));
  g_clear_error (&error);
  g_assert_cmpint (bk_profile_get_version (window_b), ==, 1);
  g_assert_cmpint (bk_store_count_outbox (fixture->store, &error), ==, outbox);
  name = query_text (fixture, "SELECT address FROM profile");
  g_assert_cmpstr (name, ==, "北京市海淀区");

  /* A stale change to a record alone conflicts too. */
  bk_profile_set_address (window_b, "北京市海淀区");
  {
    g_autoptr (BkEducationEntry)
      entry = g_list_model_get_item (bk_profile_get_education (window_b), 0);

    bk_profile_remove_education (window_b, entry);
  }
  g_assert_false (bk_store_save_profile (fixture->store, window_b, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education"), ==, 2);

  /* After reloading, the change goes through. */
  again = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  bk_profile_set_address (again, "广州市天河区");
  g_assert_true (bk_store_save_profile (fixture->store, again, &error));
  g_assert_cmpint (bk_profile_get_version (again), ==, 3);

  /* A never-saved copy of a saved profile is a conflict, not a duplicate. */
  twin = bk_profile_dup (profile);
  bk_profile_set_version (twin, 0);
  g_assert_false (bk_store_save_profile (fixture->store, twin, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Deleted elsewhere. */
  g_assert_true (bk_store_delete_profile (fixture->store, bk_profile_get_id (profile), &error));
  g_assert_false (bk_store_save_profile (fixture->store, again, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_user_name_taken (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) first = make_profile ("lisi");
  g_autoptr (BkProfile) second = make_profile ("lisi");
  g_autoptr (BkProfile) nameless = bk_profile_new ();
  g_autoptr (BkProfile) nameless_too = bk_profile_new ();
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (GListModel) summaries = NULL;
  g_autofree char *message = NULL;

  g_assert_true (bk_store_save_profile (fixture->store, first, &error));
  g_assert_false (bk_store_save_profile (fixture->store, second, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_USER_NAME_TAKEN);
  message = bk_store_error_describe (error);
  g_assert_nonnull (strstr (message, "user name"));
  g_clear_error (&error);
  g_assert_cmpint (bk_profile_get_version (second), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM profile"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education"), ==, 2);

  bk_profile_set_user_name (second, "lisi2");
  g_assert_true (bk_store_save_profile (fixture->store, second, &error));
  g_assert_no_error (error);

  /* A half-filled account page (a password, no user name yet) is kept
   * too, however many there are. */
  bk_profile_set_real_name (nameless, "王五");
  bk_profile_set_real_name (nameless_too, "赵六");
  bk_profile_set_password_hash (nameless, bk_profile_get_password_hash (first));
  bk_profile_set_password_hash (nameless_too, bk_profile_get_password_hash (first));
  g_assert_true (bk_store_save_profile (fixture->store, nameless, &error));
  g_assert_no_error (error);
  g_assert_true (bk_store_save_profile (fixture->store, nameless_too, &error));
  g_assert_no_error (error);
  loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (nameless), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_profile_get_user_name (loaded), ==, "");
  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (BkProfileSummary) summary = g_list_model_get_item (summaries, i);

      g_assert_false (g_str_has_prefix (bk_profile_summary_get_user_name (summary), "#"));
    }

  /* Naming it later works like any other change. */
  bk_profile_set_user_name (nameless, "wangwu");
  g_assert_true (bk_store_save_profile (fixture->store, nameless, &error));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM profile WHERE user_name = 'wangwu'"),
                   ==, 1);
  bk_profile_set_user_name (nameless_too, "wangwu");
  g_assert_false (bk_store_save_profile (fixture->store, nameless_too, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_USER_NAME_TAKEN);
}

/* On a shared PC a profile never exists without its password: the store
 * writes none without a password hash, neither new nor changed, and says
 * which profiles read from an older file have none. */
static void
test_no_password (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) unprotected = bk_profile_new ();
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (BkDatabase) db = NULL;
  g_autofree char *message = NULL;
  g_autofree char *hash = NULL;
  const char *not_hashes[] = { NULL, "", "correct horse" };

  g_assert_false (bk_store_profile_is_protected (unprotected));
  g_assert_true (bk_store_profile_is_protected (profile));

  bk_profile_set_real_name (unprotected, "王五");
  bk_profile_set_user_name (unprotected, "wangwu");
  for (guint i = 0; i < G_N_ELEMENTS (not_hashes); i++)
    {
      bk_profile_set_password_hash (unprotected, not_hashes[i]);
      g_assert_false (bk_store_save_profile (fixture->store, unprotected, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NO_PASSWORD);
      g_clear_pointer (&message, g_free);
      message = bk_store_error_describe (error);
      g_assert_nonnull (strstr (message, "password"));
      g_clear_error (&error);
    }
  g_assert_cmpint (bk_profile_get_version (unprotected), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM profile"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox"), ==, 0);

  /* A saved profile cannot lose its password either. */
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  bk_profile_set_password_hash (profile, "");
  bk_profile_set_address (profile, "北京市海淀区");
  g_assert_false (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NO_PASSWORD);
  g_clear_error (&error);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 1);
  hash = query_text (fixture, "SELECT password_hash FROM profile");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));

  /* A file written before this check may hold one without: it loads, and
   * the window knows to ask for a password before showing it. */
  db = peek (fixture);
  g_assert_true (bk_database_exec (db, "UPDATE profile SET password_hash = ''", &error));
  g_assert_no_error (error);
  loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_false (bk_store_profile_is_protected (loaded));
}

/* A failure on a later row of the transaction (a duplicate primary key on
 * the second education record) leaves nothing of the save behind. */
static void
test_failed_insert_leaves_nothing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkEducationEntry)
    first = g_list_model_get_item (bk_profile_get_education (profile), 0);
  g_autoptr (BkEducationEntry) clone = bk_education_entry_dup (first);
  g_autoptr (GListModel) summaries = NULL;

  bk_profile_add_education (profile, clone);
  g_assert_false (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpint (bk_profile_get_version (profile), ==, 0);
  g_assert_cmpint (bk_education_entry_get_version (first), ==, 0);
  g_assert_null (bk_profile_get_created_at (profile));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM profile"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox"), ==, 0);
  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 0);

  /* Fixed, it saves. */
  bk_profile_remove_education (profile, clone);
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
}

/* An update that fails after the profile, the education and the first
 * work rows were written (a trigger refuses the next work period). */
static void
test_failed_update_leaves_nothing (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) before = NULL;
  g_autoptr (BkProfile) after = NULL;
  g_autoptr (BkDatabase) db = NULL;
  g_autoptr (BkEducationEntry) added = make_education ("复旦大学", 2018);
  g_autoptr (BkWorkEntry) work = NULL;
  g_autoptr (BkWorkEntry) more = make_work (2008, 2010, FALSE);
  gint64 outbox;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  before = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  outbox = bk_store_count_outbox (fixture->store, &error);
  g_assert_no_error (error);

  db = peek (fixture);
  g_assert_true (bk_database_exec (db,
                                   "CREATE TRIGGER refuse BEFORE INSERT ON work_period "
                                   "WHEN NEW.employer = 'refused' "
                                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                                   &error));
  g_assert_no_error (error);

  bk_profile_set_real_name (profile, "李四四");
  bk_profile_add_education (profile, added);
  work = g_list_model_get_item (bk_profile_get_work (profile), 0);
  bk_work_entry_set_metrology (work, TRUE);
  bk_work_entry_set_employer (more, "refused");
  bk_profile_add_work (profile, more);

  g_assert_false (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CONSTRAINT);
  g_clear_error (&error);

  /* Neither the file nor the objects took any of it. */
  after = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  assert_profiles_equal (before, after);
  g_assert_cmpint (bk_store_count_outbox (fixture->store, &error), ==, outbox);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 1);
  g_assert_cmpint (bk_education_entry_get_version (added), ==, 0);
  g_assert_cmpint (bk_work_entry_get_version (work), ==, 1);

  g_assert_true (bk_database_exec (db, "DROP TRIGGER refuse", &error));
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM work_period"), ==, 3);
}

static BkExamApplication *
make_application (BkProfile *profile, const char *session_id)
{
  BkExamApplication *application = bk_exam_application_new (bk_profile_get_id (profile), session_id,
                                                            1, BK_EXAM_MODE_EXEMPT);
  g_autoptr (GBytes) pdf = g_bytes_new_static ("%PDF-1.4 work", 13);
  g_autoptr (GBytes) scan = g_bytes_new_static ("\xff\xd8title", 7);
  g_autoptr (BkProofEntry)
    work = bk_proof_entry_new (BK_PROOF_KIND_WORK_CERTIFICATE, "工作证明.pdf", pdf);
  g_autoptr (BkProofEntry)
    title = bk_proof_entry_new (BK_PROOF_KIND_TITLE_CERTIFICATE, "职称证.jpg", scan);

  bk_exam_application_set_point_code (application, "2916");
  bk_exam_application_add_proof (application, work);
  bk_exam_application_add_proof (application, title);
  return application;
}

static void
assert_applications_equal (BkExamApplication *a, BkExamApplication *b)
{
  g_autofree char *a_json = bk_exam_application_to_json (a);
  g_autofree char *b_json = bk_exam_application_to_json (b);
  g_autofree char *a_proofs = list_json (bk_exam_application_get_proofs (a),
                                         (char *(*) (gpointer)) bk_proof_entry_to_json);
  g_autofree char *b_proofs = list_json (bk_exam_application_get_proofs (b),
                                         (char *(*) (gpointer)) bk_proof_entry_to_json);

  g_assert_cmpstr (a_json, ==, b_json);
  g_assert_cmpstr (a_proofs, ==, b_proofs);
  g_assert_cmpint (bk_exam_application_get_version (a), ==, bk_exam_application_get_version (b));
  for (guint i = 0; i < g_list_model_get_n_items (bk_exam_application_get_proofs (a)); i++)
    {
      g_autoptr (BkProofEntry) x = g_list_model_get_item (bk_exam_application_get_proofs (a), i);
      g_autoptr (BkProofEntry) y = g_list_model_get_item (bk_exam_application_get_proofs (b), i);

      g_assert_true (g_bytes_equal (bk_proof_entry_get_bytes (x), bk_proof_entry_get_bytes (y)));
      g_assert_cmpint (bk_proof_entry_get_version (x), ==, bk_proof_entry_get_version (y));
    }
}

static void
test_application_round_trip (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkExamApplication) second = NULL;
  g_autoptr (BkExamApplication) other_session = NULL;
  g_autoptr (BkExamApplication) loaded = NULL;
  g_autoptr (GListModel) list = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (BkProofEntry) proof = NULL;
  gint64 seq;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  application = make_application (profile, "shanghai-2026");
  g_assert_true (bk_exam_application_sign_commitment (application, BK_COMMITMENT_YES, &error));
  seq = last_seq (fixture);
  g_assert_true (bk_store_save_application (fixture->store, application, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 1);

  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (count_rows (rows, "application", "insert"), ==, 1);
  g_assert_cmpuint (count_rows (rows, "proof", "insert"), ==, 2);
  g_assert_nonnull (strstr (((OutboxRow *) rows->pdata[0])->payload, "\"commitment\":\"yes\""));
  g_clear_pointer (&rows, g_ptr_array_unref);

  list = bk_store_list_applications (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  loaded = g_list_model_get_item (list, 0);
  assert_applications_equal (application, loaded);
  g_assert_true (g_date_time_equal (bk_exam_application_get_commitment_signed_at (loaded),
                                    bk_exam_application_get_commitment_signed_at (application)));
  g_assert_cmpint (bk_exam_application_get_mode (loaded), ==, BK_EXAM_MODE_EXEMPT);
  g_assert_cmpuint (bk_exam_application_get_level (loaded), ==, 1);

  /* Submit, drop a proof: one update of each, version 2. */
  seq = last_seq (fixture);
  {
    /* As the server reports it (submission's own checks are in tests/models). */
    g_autoptr (GDateTime) now = bk_clock_get_now ();

    bk_exam_application_restore (application, BK_COMMITMENT_YES,
                                 bk_exam_application_get_commitment_signed_at (application),
                                 BK_APPLICATION_STATE_SUBMITTED, now);
  }
  proof = g_list_model_get_item (bk_exam_application_get_proofs (application), 1);
  bk_exam_application_remove_proof (application, proof);
  g_assert_true (bk_store_save_application (fixture->store, application, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 2);
  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (count_rows (rows, "proof", "delete"), ==, 1);
  g_assert_cmpuint (count_rows (rows, "application", "update"), ==, 1);

  g_clear_object (&list);
  g_clear_object (&loaded);
  list = bk_store_list_applications (fixture->store, bk_profile_get_id (profile), &error);
  loaded = g_list_model_get_item (list, 0);
  assert_applications_equal (application, loaded);
  g_assert_cmpint (bk_exam_application_get_state (loaded), ==, BK_APPLICATION_STATE_SUBMITTED);
  g_assert_true (g_date_time_equal (bk_exam_application_get_submitted_at (loaded),
                                    bk_exam_application_get_submitted_at (application)));

  /* One application per session. */
  second = make_application (profile, "shanghai-2026");
  g_assert_false (bk_store_save_application (fixture->store, second, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_ALREADY_APPLIED);
  g_clear_error (&error);
  other_session = make_application (profile, "liaoning-2020");
  g_assert_true (bk_store_save_application (fixture->store, other_session, &error));
  g_assert_no_error (error);

  /* A stale copy conflicts. */
  bk_exam_application_set_version (loaded, 1);
  bk_exam_application_set_point_code (loaded, "0001");
  g_assert_false (bk_store_save_application (fixture->store, loaded, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (bk_store_delete_application (fixture->store,
                                              bk_exam_application_get_id (other_session), &error));
  g_assert_false (bk_store_delete_application (fixture->store,
                                               bk_exam_application_get_id (other_session), &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_profile (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) other = make_profile ("wangwu");
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkProfile) gone = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GListModel) summaries = NULL;
  const char *id = bk_profile_get_id (profile);
  gint64 seq;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_true (bk_store_save_profile (fixture->store, other, &error));
  application = make_application (profile, "shanghai-2026");
  g_assert_true (bk_store_save_application (fixture->store, application, &error));
  g_assert_no_error (error);

  seq = last_seq (fixture);
  g_assert_true (bk_store_delete_profile (fixture->store, id, &error));
  g_assert_no_error (error);
  rows = outbox_since (fixture, seq);
  g_assert_cmpuint (count_rows (rows, "proof", "delete"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "application", "delete"), ==, 1);
  g_assert_cmpuint (count_rows (rows, "photo", "delete"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "work_period", "delete"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "education", "delete"), ==, 2);
  g_assert_cmpuint (count_rows (rows, "profile", "delete"), ==, 1);
  g_assert_cmpuint (rows->len, ==, 10);
  /* The parent goes last. */
  g_assert_cmpstr (((OutboxRow *) rows->pdata[rows->len - 1])->entity, ==, "profile");

  gone = bk_store_load_profile (fixture->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bk_store_delete_profile (fixture->store, id, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The other profile is untouched. */
  summaries = bk_store_list_profiles (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (summaries), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM proof"), ==, 0);
}

/* The async API, as the application uses it from its main loop. */
typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  BkStore *store;
  GListModel *list;
  BkProfile *profile;
  GError *error;
  gboolean ok;
  guint pending;
} AsyncData;

static void
async_done (AsyncData *data)
{
  g_assert_true (g_thread_self () == data->main_thread);
  if (--data->pending == 0)
    g_main_loop_quit (data->loop);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->store = bk_store_open_finish (result, &data->error);
  async_done (data);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->ok = bk_store_save_profile_finish (BK_STORE (source), result, &data->error);
  g_assert_no_error (data->error);
  async_done (data);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->list = bk_store_list_profiles_finish (BK_STORE (source), result, &data->error);
  async_done (data);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  g_clear_object (&data->profile);
  data->profile = bk_store_load_profile_finish (BK_STORE (source), result, &data->error);
  async_done (data);
}

static void
deleted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->ok = bk_store_delete_profile_finish (BK_STORE (source), result, &data->error);
  async_done (data);
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static void
test_async (Fixture *fixture, gconstpointer user_data)
{
  AsyncData data = { g_main_loop_new (NULL, FALSE), g_thread_self () };
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkWorkEntry) late = make_work (2005, 2007, FALSE);
  guint ticks = 0;
  guint tick = g_timeout_add (1, tick_cb, &ticks);

  data.pending = 1;
  bk_store_open_async (fixture->path, NULL, opened_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_nonnull (data.store);

  /* Two saves in a row without waiting: the second starts from the
   * first's version and includes the edit made in between. */
  data.pending = 2;
  bk_store_save_profile_async (data.store, profile, NULL, saved_cb, &data);
  bk_profile_add_work (profile, late);
  bk_store_save_profile_async (data.store, profile, NULL, saved_cb, &data);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 0);
  g_main_loop_run (data.loop);
  g_assert_true (data.ok);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 2);
  g_assert_cmpint (bk_work_entry_get_version (late), ==, 1);

  data.pending = 2;
  bk_store_list_profiles_async (data.store, NULL, listed_cb, &data);
  bk_store_load_profile_async (data.store, bk_profile_get_id (profile), NULL, loaded_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_cmpuint (g_list_model_get_n_items (data.list), ==, 1);
  assert_profiles_equal (profile, data.profile);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_work (data.profile)), ==, 3);

  data.pending = 1;
  bk_store_delete_profile_async (data.store, bk_profile_get_id (profile), NULL, deleted_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_no_error (data.error);
  g_assert_true (data.ok);

  data.pending = 1;
  bk_store_load_profile_async (data.store, bk_profile_get_id (profile), NULL, loaded_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_error (data.error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_null (data.profile);
  g_clear_error (&data.error);

  /* The main loop kept running while the worker did the work. */
  g_assert_cmpuint (ticks, >, 0);
  g_source_remove (tick);

  g_clear_object (&data.list);
  g_assert_finalize_object (data.store);
  g_main_loop_unref (data.loop);
}

/* The window closes while an autosave is still on its way: the
 * synchronous flush must not conflict with the object's own save, and
 * the late result must not turn its version back. */
static void
test_flush_while_saving (Fixture *fixture, gconstpointer user_data)
{
  AsyncData data = { g_main_loop_new (NULL, FALSE), g_thread_self () };
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) loaded = NULL;
  g_autoptr (BkProfile) other_window = NULL;

  data.pending = 1;
  bk_store_save_profile_async (fixture->store, profile, NULL, saved_cb, &data);
  bk_profile_set_address (profile, "北京市海淀区");
  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 2);

  /* The autosave's own result arrives afterwards. */
  g_main_loop_run (data.loop);
  g_assert_true (data.ok);
  g_assert_cmpint (bk_profile_get_version (profile), ==, 2);

  loaded = bk_store_load_profile (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  assert_profiles_equal (profile, loaded);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox WHERE entity = 'profile'"), ==,
                   2);

  /* A different object of the same profile, read before, still conflicts. */
  other_window = bk_profile_dup (loaded);
  bk_profile_set_version (other_window, 1);
  bk_profile_set_address (other_window, "广州市");
  g_assert_false (bk_store_save_profile (fixture->store, other_window, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);

  g_main_loop_unref (data.loop);
}

static void
application_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncData *data = user_data;

  data->ok = bk_store_save_application_finish (BK_STORE (source), result, &data->error);
  g_assert_no_error (data->error);
  async_done (data);
}

/* The same for an application and its proofs: edited, autosaved, edited
 * again while that autosave is on its way, then flushed as on close. The
 * last edit is in the file, with no conflict, and a proof added before the
 * autosave and changed before the flush is one row with one history. */
static void
test_flush_application_while_saving (Fixture *fixture, gconstpointer user_data)
{
  AsyncData data = { g_main_loop_new (NULL, FALSE), g_thread_self () };
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (GListModel) loaded = NULL;
  g_autoptr (BkExamApplication) stored = NULL;
  g_autoptr (BkExamApplication) other_window = NULL;
  g_autoptr (GBytes) scan = g_bytes_new_static ("\xff\xd8"
                                                "education",
                                                11);
  g_autoptr (BkProofEntry) proof = NULL;
  g_autofree char *point_code = NULL;
  g_autofree char *file_name = NULL;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  application = make_application (profile, "shanghai-2026");
  g_assert_true (bk_store_save_application (fixture->store, application, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 1);

  bk_exam_application_set_point_code (application, "2901");
  proof = bk_proof_entry_new (BK_PROOF_KIND_EDUCATION_CERTIFICATE, "学历证书.jpg", scan);
  bk_exam_application_add_proof (application, proof);
  data.pending = 1;
  bk_store_save_application_async (fixture->store, application, NULL, application_saved_cb, &data);
  bk_exam_application_set_point_code (application, "2916");
  bk_proof_entry_set_file_name (proof, "学历证书（正反面）.jpg");
  g_assert_true (bk_store_save_application (fixture->store, application, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 3);
  g_assert_cmpint (bk_proof_entry_get_version (proof), ==, 2);

  /* The autosave's own result arrives afterwards and turns nothing back. */
  g_main_loop_run (data.loop);
  g_assert_true (data.ok);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 3);
  g_assert_cmpint (bk_proof_entry_get_version (proof), ==, 2);

  point_code = query_text (fixture, "SELECT point_code FROM application");
  g_assert_cmpstr (point_code, ==, "2916");
  file_name = query_text (fixture,
                          "SELECT file_name FROM proof WHERE kind = 'education-certificate'");
  g_assert_cmpstr (file_name, ==, "学历证书（正反面）.jpg");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM proof"), ==, 3);
  loaded = bk_store_list_applications (fixture->store, bk_profile_get_id (profile), &error);
  g_assert_no_error (error);
  stored = g_list_model_get_item (loaded, 0);
  assert_applications_equal (application, stored);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox WHERE entity = 'application'"),
                   ==, 3);

  /* Another object of the same application, read before, still conflicts. */
  other_window = bk_exam_application_dup (stored);
  bk_exam_application_set_version (other_window, 2);
  bk_exam_application_set_point_code (other_window, "2902");
  g_assert_false (bk_store_save_application (fixture->store, other_window, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT);

  g_main_loop_unref (data.loop);
}

/* The damage shows only later, while the store is open (a disk failing
 * under a running Baokao): the save that meets it fails, and from then on
 * the store writes nothing more to that file, not even rows the damage
 * does not touch, so that what is left can still be recovered. */
static void
test_damage_found_while_open (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = make_profile ("lisi");
  g_autoptr (BkProfile) other = bk_profile_new ();
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkEducationEntry) entry = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  gint64 page_size, page;
  int fd;

  g_assert_true (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  {
    g_autoptr (BkDatabase) db = peek (fixture);

    g_assert_true (bk_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    g_assert_no_error (error);
  }
  page = root_page (fixture->path, "education", &page_size);
  fd = g_open (fixture->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  {
    g_autofree char *garbage = g_malloc (page_size / 2);

    memset (garbage, 0x5a, page_size / 2);
    g_assert_cmpint (pwrite (fd, garbage, page_size / 2, (page - 1) * page_size), ==,
                     page_size / 2);
  }
  close (fd);
  {
    /* Another program's write makes the store read the pages again. */
    g_autoptr (sqlite3_stmt) stmt = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE profile SET mobile = mobile", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (db);
  }

  entry = g_list_model_get_item (bk_profile_get_education (profile), 0);
  bk_education_entry_set_school (entry, "复旦大学");
  g_assert_false (bk_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CORRUPT);
  g_clear_error (&error);

  /* Neither a new profile with no records nor an application touches the
   * damaged table; neither is written. */
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  bk_profile_set_real_name (other, "王五");
  bk_profile_set_user_name (other, "wangwu");
  bk_profile_set_password_hash (other, bk_profile_get_password_hash (profile));
  g_assert_false (bk_store_save_profile (fixture->store, other, &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CORRUPT);
  g_clear_error (&error);
  application = make_application (profile, "shanghai-2026");
  g_assert_false (bk_store_save_application (fixture->store, application, &error));
  g_assert_error (error, BK_STORE_ERROR, SQLITE_CORRUPT);
  g_clear_error (&error);
  g_assert_cmpint (bk_profile_get_version (other), ==, 0);
  g_assert_cmpint (bk_exam_application_get_version (application), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_async_open_failure (Fixture *fixture, gconstpointer user_data)
{
  AsyncData data = { g_main_loop_new (NULL, FALSE), g_thread_self () };
  g_autofree char *blocker = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "baokao.db", NULL);

  /* The directory the database should go in is a file. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  data.pending = 1;
  bk_store_open_async (path, NULL, opened_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_null (data.store);
  g_assert_error (data.error, BK_STORE_ERROR, SQLITE_CANTOPEN);
  g_clear_error (&data.error);
  g_unlink (blocker);
  g_main_loop_unref (data.loop);
}

/* A process saving one profile again and again is killed; the file stays
 * consistent and keeps every save that had committed. */
static void
test_crash_during_saves (Fixture *fixture, gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *profile_id = NULL;
  int pipe_fds[2];
  gint64 committed = 0, reported;
  pid_t child;
  int status;

  {
    g_autoptr (BkProfile) first = make_profile ("lisi");

    store = bk_store_open (fixture->path, &error);
    g_assert_true (bk_store_save_profile (store, first, &error));
    g_assert_no_error (error);
    profile_id = g_strdup (bk_profile_get_id (first));
    g_assert_finalize_object (g_steal_pointer (&store));
  }

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      BkStore *writer = bk_store_open (fixture->path, NULL);
      BkProfile *mine = writer != NULL ? bk_store_load_profile (writer, profile_id, NULL) : NULL;

      close (pipe_fds[0]);
      if (mine == NULL)
        _exit (3);
      for (guint i = 0;; i++)
        {
          g_autofree char *address = g_strdup_printf ("上海市徐汇区 %u 号", i);
          g_autoptr (BkWorkEntry) work = make_work (2000 + i % 20, 0, i % 2);
          g_autoptr (GBytes) photo = bk_test_fake_jpeg (200000, (guint8) i);
          gint64 version;

          bk_profile_set_address (mine, address);
          bk_profile_add_work (mine, work);
          bk_profile_set_photo (mine, photo, "p.jpg", photo, TRUE, NULL);
          if (!bk_store_save_profile (writer, mine, NULL))
            _exit (4);
          version = bk_profile_get_version (mine);
          if (write (pipe_fds[1], &version, sizeof version) != sizeof version)
            _exit (5);
        }
    }

  close (pipe_fds[1]);
  /* Let it commit a good number of saves, then pull the plug. */
  while (committed < 20 && read (pipe_fds[0], &reported, sizeof reported) == sizeof reported)
    committed = reported;
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  /* Saves that committed after the last one we read are fine to keep. */
  while (read (pipe_fds[0], &reported, sizeof reported) == sizeof reported)
    committed = reported;
  close (pipe_fds[0]);
  g_assert_cmpint (committed, >=, 20);

  integrity = query_text (fixture, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  store = bk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  profile = bk_store_load_profile (store, profile_id, &error);
  g_assert_no_error (error);
  /* Every committed save is there, and at most the one in flight more. */
  g_assert_cmpint (bk_profile_get_version (profile), >=, committed);
  g_assert_cmpint (bk_profile_get_version (profile), <=, committed + 1);
  /* One save = one profile outbox entry and one work period more. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM outbox WHERE entity = 'profile'"), ==,
                   bk_profile_get_version (profile));
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_work (profile)), ==,
                    2 + bk_profile_get_version (profile) - 1);
}

int
main (int argc, char **argv)
{
  g_setenv ("BAOKAO_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_CLOSED(path, func)                                                                     \
  g_test_add (path, Fixture, "closed", fixture_set_up, func, fixture_tear_down)

  ADD_CLOSED ("/store/store/default-path", test_default_path);
  ADD_CLOSED ("/store/store/open-failure", test_open_failure);
  ADD_CLOSED ("/store/store/opens-schema-1", test_opens_schema_1);
  ADD_CLOSED ("/store/store/damaged-database", test_damaged_database);
  ADD ("/store/store/damage-found-while-open", test_damage_found_while_open);
  ADD ("/store/store/profile-round-trip", test_profile_round_trip);
  ADD ("/store/store/outbox-per-change", test_outbox_per_change);
  ADD ("/store/store/conflict", test_conflict);
  ADD ("/store/store/user-name-taken", test_user_name_taken);
  ADD ("/store/store/no-password", test_no_password);
  ADD ("/store/store/failed-insert-leaves-nothing", test_failed_insert_leaves_nothing);
  ADD ("/store/store/failed-update-leaves-nothing", test_failed_update_leaves_nothing);
  ADD ("/store/store/application-round-trip", test_application_round_trip);
  ADD ("/store/store/delete-profile", test_delete_profile);
  ADD_CLOSED ("/store/store/async", test_async);
  ADD_CLOSED ("/store/store/async-open-failure", test_async_open_failure);
  ADD ("/store/store/flush-while-saving", test_flush_while_saving);
  ADD ("/store/store/flush-application-while-saving", test_flush_application_while_saving);
  ADD_CLOSED ("/store/store/crash-during-saves", test_crash_during_saves);

  return g_test_run ();
}
