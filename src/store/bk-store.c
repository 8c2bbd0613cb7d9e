/* bk-store.c
 *
 * One connection, one worker thread: every statement runs on the worker
 * in the order it was asked for, so the main loop never waits for the disk
 * and SQLite never sees two threads on one connection. Each save is one
 * transaction that also writes the outbox rows the sync engine will send;
 * versions (never clocks) detect a change made elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-clock.h"
#include "bk-database.h"
#include "bk-dates.h"
#include "bk-store-error.h"
#include "bk-store.h"

/* The file name the portal gives the standardised photo. */
#define STANDARDISED_FILE_NAME "报名照片.jpg"

/* Everything the worker thread owns; it outlives the BkStore if the last
 * reference is dropped on the worker itself, and frees itself on quit. */
typedef struct
{
  GAsyncQueue *queue;
  char *path;
  BkDatabase *db;
  /* SQLite met a damaged page: nothing more is written to the file, so
   * the damage does not spread and what is left can be recovered. */
  gboolean damaged;
} Worker;

typedef gpointer (*JobFunc) (Worker *worker, gpointer data, GError **error);

typedef struct
{
  JobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  gboolean quit;

  /* Asynchronous: the result goes back through the task. */
  GTask *task;

  /* Synchronous: the caller waits on the condition. */
  GMutex mutex;
  GCond cond;
  gboolean done;
  gpointer result;
  GError *error;
} Job;

struct _BkStore
{
  GObject parent_instance;

  char *path;
  GThread *thread;
  GAsyncQueue *queue;

  /* "profile:<id>" → GQueue of waiting save tasks: a second save of the
   * same record starts when the first has finished, from a fresh
   * snapshot, so quick successive saves do not conflict with each other. */
  GHashTable *saving;
};

G_DEFINE_FINAL_TYPE (BkStore, bk_store, G_TYPE_OBJECT)

/* Worker and jobs */

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  g_clear_object (&job->task);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static Job *
job_new (JobFunc func, gpointer data, GDestroyNotify data_free, GDestroyNotify result_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static gboolean
complete_in_caller (gpointer data)
{
  Job *job = data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_free);
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
note_damage (Worker *worker, const GError *error)
{
  if (g_error_matches (error, BK_STORE_ERROR, SQLITE_CORRUPT) ||
      g_error_matches (error, BK_STORE_ERROR, SQLITE_NOTADB))
    worker->damaged = TRUE;
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);
      GError *error = NULL;
      gpointer result;

      if (job->quit)
        {
          job_free (job);
          break;
        }

      if (job->task != NULL)
        {
          if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &error))
            result = job->func (worker, job->data, &error);
          else
            result = NULL;
          note_damage (worker, error);
          job->result = result;
          job->error = error;
          /* Returned, and the task released, in the caller's context: no
           * reference to the store is ever dropped on the worker. */
          g_main_context_invoke_full (g_task_get_context (job->task), G_PRIORITY_DEFAULT,
                                      complete_in_caller, job, NULL);
        }
      else
        {
          result = job->func (worker, job->data, &error);
          note_damage (worker, error);
          g_mutex_lock (&job->mutex);
          job->result = result;
          job->error = error;
          job->done = TRUE;
          g_cond_signal (&job->cond);
          g_mutex_unlock (&job->mutex);
        }
    }

  g_clear_object (&worker->db);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);
  return NULL;
}

static void
run_async (BkStore *self,
           JobFunc func,
           gpointer data,
           GDestroyNotify data_free,
           GDestroyNotify result_free,
           GTask *task)
{
  Job *job = job_new (func, data, data_free, result_free);

  job->task = g_object_ref (task);
  g_async_queue_push (self->queue, job);
}

/* The caller owns the result (or gets the error). */
static gpointer
run_sync (BkStore *self, JobFunc func, gpointer data, GDestroyNotify data_free, GError **error)
{
  Job *job = job_new (func, data, data_free, NULL);
  gpointer result;

  g_return_val_if_fail (g_thread_self () != self->thread, NULL);

  g_async_queue_push (self->queue, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  result = job->result;
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return result;
}

/* Helpers for rows */

static char *
now_text (void)
{
  g_autoptr (GDateTime) now = bk_clock_get_now ();
  g_autoptr (GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format_iso8601 (utc);
}

static GDateTime *
parse_time (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt, int column)
{
  const void *blob = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (blob, size);
}

static void
column_date (sqlite3_stmt *stmt, int column, GDate *date)
{
  g_date_clear (date, 1);
  if (!bk_dates_parse (column_text (stmt, column), date))
    g_date_clear (date, 1);
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* An empty string for a missing date, where the column is NOT NULL. */
static void
bind_date (sqlite3_stmt *stmt, int index, const GDate *date, gboolean nullable)
{
  char text[16];

  if (date != NULL && g_date_valid (date))
    bind_text (stmt, index, bk_dates_format (date, text));
  else if (nullable)
    sqlite3_bind_null (stmt, index);
  else
    bind_text (stmt, index, "");
}

static void
bind_bytes (sqlite3_stmt *stmt, int index, GBytes *bytes)
{
  gsize size = 0;
  gconstpointer data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  /* A zero-length blob, not NULL, for the NOT NULL columns. */
  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_TRANSIENT);
}

static void
bind_time (sqlite3_stmt *stmt, int index, GDateTime *time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  utc = g_date_time_to_utc (time);
  text = g_date_time_format_iso8601 (utc);
  bind_text (stmt, index, text);
}

static gboolean
bytes_equal (GBytes *a, GBytes *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_bytes_equal (a, b);
}

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

static gboolean
not_found (GError **error, const char *what, const char *id)
{
  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND, "no %s with id %s", what, id);
  return FALSE;
}

static gboolean
conflict (GError **error, const char *what, const char *id)
{
  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CONFLICT,
               "the %s %s was changed elsewhere since it was read", what, id);
  return FALSE;
}

/* The version of the row @id of @table; 0 if there is none, -1 on error. */
static gint64
row_version (BkDatabase *db, const char *table, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  bk_database_fail (db, error, "reading a version");
  return -1;
}

static gboolean
ensure_open (Worker *worker, GError **error)
{
  if (worker->db != NULL)
    return TRUE;
  g_set_error (error, BK_STORE_ERROR, SQLITE_CANTOPEN, "the store %s is not open", worker->path);
  return FALSE;
}

/* For the jobs that write. */
static gboolean
ensure_writable (Worker *worker, GError **error)
{
  if (!ensure_open (worker, error))
    return FALSE;
  if (!worker->damaged)
    return TRUE;
  g_set_error (error, BK_STORE_ERROR, SQLITE_CORRUPT,
               "%s is damaged; nothing more is written to it", worker->path);
  return FALSE;
}

/* Saves of one object in flight */

/* What this store has written for one object (a page's BkProfile or
 * BkExamApplication), shared with the snapshots of its saves. A save
 * queued before the previous one's result reached the object carries a
 * stale version; it is this object's own write, not a change made
 * elsewhere, so the worker expects the version it wrote last instead.
 * Another object (a second window) has its own lineage and still gets
 * CONFLICT. */
typedef struct
{
  gatomicrefcount ref;
  GMutex mutex;
  gint64 latest;
} Lineage;

static Lineage *
lineage_ref (Lineage *lineage)
{
  g_atomic_ref_count_inc (&lineage->ref);
  return lineage;
}

static void
lineage_unref (gpointer data)
{
  Lineage *lineage = data;

  if (g_atomic_ref_count_dec (&lineage->ref))
    {
      g_mutex_clear (&lineage->mutex);
      g_free (lineage);
    }
}

static GQuark
lineage_quark (void)
{
  return g_quark_from_static_string ("bk-store-lineage");
}

/* On the caller's thread: the lineage of @object, made on first use. */
static Lineage *
lineage_of (GObject *object)
{
  Lineage *lineage = g_object_get_qdata (object, lineage_quark ());

  if (lineage == NULL)
    {
      lineage = g_new0 (Lineage, 1);
      g_atomic_ref_count_init (&lineage->ref);
      g_mutex_init (&lineage->mutex);
      g_object_set_qdata_full (object, lineage_quark (), lineage, lineage_unref);
    }
  return lineage;
}

/* On the worker: the version a snapshot taken at @version stands for. */
static gint64
lineage_expected_version (gpointer snapshot, gint64 version)
{
  Lineage *lineage = g_object_get_qdata (snapshot, lineage_quark ());

  if (lineage == NULL)
    return version;
  g_mutex_lock (&lineage->mutex);
  version = MAX (version, lineage->latest);
  g_mutex_unlock (&lineage->mutex);
  return version;
}

static void
lineage_written (gpointer snapshot, gint64 version)
{
  Lineage *lineage = g_object_get_qdata (snapshot, lineage_quark ());

  if (lineage == NULL)
    return;
  g_mutex_lock (&lineage->mutex);
  lineage->latest = MAX (version, lineage->latest);
  g_mutex_unlock (&lineage->mutex);
}

/* Loading */

static GPtrArray *
load_education (BkDatabase *db, const char *profile_id, GError **error)
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
  bind_text (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkEducationEntry *entry = g_object_new (BK_TYPE_EDUCATION_ENTRY, "id", column_text (stmt, 0),
                                              NULL);
      BkEducationLevel level = BK_EDUCATION_LEVEL_BACHELOR;
      BkDiscipline discipline = BK_DISCIPLINE_OTHER;
      GDate graduated;

      bk_education_level_from_nick (column_text (stmt, 2), &level);
      bk_discipline_from_nick (column_text (stmt, 3), &discipline);
      column_date (stmt, 6, &graduated);
      bk_education_entry_set_version (entry, sqlite3_column_int64 (stmt, 1));
      bk_education_entry_set_level (entry, level);
      bk_education_entry_set_discipline (entry, discipline);
      bk_education_entry_set_school (entry, column_text (stmt, 4));
      bk_education_entry_set_major (entry, column_text (stmt, 5));
      bk_education_entry_set_graduated (entry, &graduated);
      bk_education_entry_set_certificate_number (entry, column_text (stmt, 7));
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

static GPtrArray *
load_work (BkDatabase *db, const char *profile_id, GError **error)
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
  bind_text (stmt, 1, profile_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkWorkEntry *entry = g_object_new (BK_TYPE_WORK_ENTRY, "id", column_text (stmt, 0), NULL);
      GDate from, to;

      column_date (stmt, 3, &from);
      column_date (stmt, 4, &to);
      bk_work_entry_set_version (entry, sqlite3_column_int64 (stmt, 1));
      bk_work_entry_set_employer (entry, column_text (stmt, 2));
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

static gboolean
load_photos (BkDatabase *db, BkProfile *profile, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) standardised = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *report = NULL;
  gboolean accepted = FALSE;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT kind, file_name, jpeg, accepted, report FROM photo "
                              "WHERE profile_id = ? ORDER BY kind",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, bk_profile_get_id (profile));
  /* "original" sorts first, so its file name and report win. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean is_original = g_strcmp0 (column_text (stmt, 0), "original") == 0;

      if (is_original)
        original = column_bytes (stmt, 2);
      else
        standardised = column_bytes (stmt, 2);
      if (file_name == NULL || is_original)
        {
          g_free (file_name);
          file_name = g_strdup (column_text (stmt, 1));
        }
      if (report == NULL)
        report = g_strdup (column_text (stmt, 4));
      accepted = sqlite3_column_int (stmt, 3);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "loading photos");

  if (original != NULL || standardised != NULL)
    bk_profile_set_photo (profile, original, file_name, standardised, accepted, report);
  return TRUE;
}

static BkProfile *
load_profile (BkDatabase *db, const char *profile_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autoptr (GPtrArray) education = NULL;
  g_autoptr (GPtrArray) work = NULL;
  g_autoptr (GDateTime) created_at = NULL;
  g_autoptr (GDateTime) updated_at = NULL;
  BkIdType id_type = BK_ID_TYPE_RESIDENT_ID;
  BkSeniorTitle title = BK_SENIOR_TITLE_NONE;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT version, created_at, updated_at, real_name, id_type, "
                              "id_number, mobile, user_name, password_hash, sex, birth_date, "
                              "ethnicity, email, address, postcode, work_unit, senior_title, "
                              "verification_officer_certificate FROM profile WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, profile_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      not_found (error, "profile", profile_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      bk_database_fail (db, error, "loading a profile");
      return NULL;
    }

  profile = g_object_new (BK_TYPE_PROFILE, "id", profile_id, NULL);
  bk_id_type_from_nick (column_text (stmt, 4), &id_type);
  bk_senior_title_from_nick (column_text (stmt, 16), &title);
  bk_profile_set_real_name (profile, column_text (stmt, 3));
  bk_profile_set_id_type (profile, id_type);
  bk_profile_set_id_number (profile, column_text (stmt, 5));
  bk_profile_set_mobile (profile, column_text (stmt, 6));
  bk_profile_set_user_name (profile, user_name_from_column (column_text (stmt, 7)));
  bk_profile_set_password_hash (profile, column_text (stmt, 8));
  if (!bk_profile_get_derived_from_id (profile))
    {
      GDate birth_date;
      BkSex sex = BK_SEX_UNKNOWN;

      column_date (stmt, 10, &birth_date);
      bk_sex_from_nick (column_text (stmt, 9), &sex);
      bk_profile_set_sex (profile, sex);
      bk_profile_set_birth_date (profile, &birth_date);
    }
  bk_profile_set_ethnicity (profile, column_text (stmt, 11));
  bk_profile_set_email (profile, column_text (stmt, 12));
  bk_profile_set_address (profile, column_text (stmt, 13));
  bk_profile_set_postcode (profile, column_text (stmt, 14));
  bk_profile_set_work_unit (profile, column_text (stmt, 15));
  bk_profile_set_senior_title (profile, title);
  bk_profile_set_verification_officer_certificate (profile, sqlite3_column_int (stmt, 17));
  bk_profile_set_version (profile, sqlite3_column_int64 (stmt, 0));
  created_at = parse_time (column_text (stmt, 1));
  updated_at = parse_time (column_text (stmt, 2));
  bk_profile_set_created_at (profile, created_at);
  bk_profile_set_updated_at (profile, updated_at);

  education = load_education (db, profile_id, error);
  if (education == NULL)
    return NULL;
  for (guint i = 0; i < education->len; i++)
    bk_profile_add_education (profile, education->pdata[i]);
  work = load_work (db, profile_id, error);
  if (work == NULL)
    return NULL;
  for (guint i = 0; i < work->len; i++)
    bk_profile_add_work (profile, work->pdata[i]);
  if (!load_photos (db, profile, error))
    return NULL;

  return g_steal_pointer (&profile);
}

static gboolean
load_proofs (BkDatabase *db, BkExamApplication *application, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bk_database_prepare (db,
                              "SELECT id, version, kind, file_name, data FROM proof "
                              "WHERE application_id = ? ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, bk_exam_application_get_id (application));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GBytes) bytes = column_bytes (stmt, 4);
      g_autoptr (BkProofEntry)
        proof = g_object_new (BK_TYPE_PROOF_ENTRY, "id", column_text (stmt, 0), "kind",
                              column_text (stmt, 2), "file-name", column_text (stmt, 3), "bytes",
                              bytes, "version", sqlite3_column_int64 (stmt, 1), NULL);

      bk_exam_application_add_proof (application, proof);
    }
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "loading proofs");
  return TRUE;
}

#define APPLICATION_COLUMNS                                                                        \
  "SELECT id, version, created_at, updated_at, profile_id, session_id, level, mode, point_code, "  \
  "commitment, commitment_signed_at, state, submitted_at FROM application "

static BkExamApplication *
application_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) created_at = parse_time (column_text (stmt, 2));
  g_autoptr (GDateTime) updated_at = parse_time (column_text (stmt, 3));
  g_autoptr (GDateTime) signed_at = parse_time (column_text (stmt, 10));
  g_autoptr (GDateTime) submitted_at = parse_time (column_text (stmt, 12));
  BkExamMode mode = BK_EXAM_MODE_ALL;
  BkApplicationState state = BK_APPLICATION_STATE_DRAFT;
  BkCommitment commitment = BK_COMMITMENT_UNSET;
  BkExamApplication *application;
  guint level = sqlite3_column_int (stmt, 6);

  bk_exam_mode_from_nick (column_text (stmt, 7), &mode);
  bk_application_state_from_nick (column_text (stmt, 11), &state);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    commitment = sqlite3_column_int (stmt, 9) ? BK_COMMITMENT_YES : BK_COMMITMENT_NO;

  application = g_object_new (BK_TYPE_EXAM_APPLICATION, "id", column_text (stmt, 0), "profile-id",
                              column_text (stmt, 4), "session-id", column_text (stmt, 5), "level",
                              CLAMP (level, 1, 2), "mode", mode, "point-code",
                              column_text (stmt, 8), "version", sqlite3_column_int64 (stmt, 1),
                              "created-at", created_at, "updated-at", updated_at, NULL);
  bk_exam_application_restore (application, commitment, signed_at, state, submitted_at);
  return application;
}

static GPtrArray *
load_applications (BkDatabase *db, const char *where, const char *id, GError **error)
{
  g_autofree char *sql = g_strconcat (APPLICATION_COLUMNS, where, NULL);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) applications = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (applications, application_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (db, error, "loading applications");
      return NULL;
    }
  for (guint i = 0; i < applications->len; i++)
    if (!load_proofs (db, applications->pdata[i], error))
      return NULL;
  return g_steal_pointer (&applications);
}

/* Saving a profile */

static gboolean
outbox (BkDatabase *db,
        const char *entity,
        const char *id,
        const char *operation,
        gint64 version,
        const char *payload,
        GError **error)
{
  return bk_database_append_outbox (db, entity, id, operation, version, payload, error);
}

static gboolean
write_education (BkDatabase *db,
                 const char *profile_id,
                 BkEducationEntry *entry,
                 gint64 version,
                 gboolean insert,
                 const char *now,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int i = 1;

  if (insert)
    {
      stmt = bk_database_prepare (db,
                                  "INSERT INTO education (version, created_at, updated_at, "
                                  "level, discipline, school, major, graduated, "
                                  "certificate_number, full_time, foreign_degree, profile_id, "
                                  "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
      bind_text (stmt, i++, now);
    }
  else
    {
      stmt = bk_database_prepare (db,
                                  "UPDATE education SET version = ?, updated_at = ?, level = ?, "
                                  "discipline = ?, school = ?, major = ?, graduated = ?, "
                                  "certificate_number = ?, full_time = ?, foreign_degree = ? "
                                  "WHERE profile_id = ? AND id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
    }
  bind_text (stmt, i++, now);
  bind_text (stmt, i++, bk_education_level_to_nick (bk_education_entry_get_level (entry)));
  bind_text (stmt, i++, bk_discipline_to_nick (bk_education_entry_get_discipline (entry)));
  bind_text (stmt, i++, bk_education_entry_get_school (entry));
  bind_text (stmt, i++, bk_education_entry_get_major (entry));
  bind_date (stmt, i++, bk_education_entry_get_graduated (entry), FALSE);
  bind_text (stmt, i++, bk_education_entry_get_certificate_number (entry));
  sqlite3_bind_int (stmt, i++, bk_education_entry_get_full_time (entry));
  sqlite3_bind_int (stmt, i++, bk_education_entry_get_foreign (entry));
  bind_text (stmt, i++, profile_id);
  bind_text (stmt, i++, bk_education_entry_get_id (entry));
  return bk_database_step_done (db, stmt, error);
}

static gboolean
write_work (BkDatabase *db,
            const char *profile_id,
            BkWorkEntry *entry,
            gint64 version,
            gboolean insert,
            const char *now,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int i = 1;

  if (insert)
    {
      stmt = bk_database_prepare (db,
                                  "INSERT INTO work_period (version, created_at, updated_at, "
                                  "employer, started, ended, metrology, profile_id, id) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
      bind_text (stmt, i++, now);
    }
  else
    {
      stmt = bk_database_prepare (db,
                                  "UPDATE work_period SET version = ?, updated_at = ?, "
                                  "employer = ?, started = ?, ended = ?, metrology = ? "
                                  "WHERE profile_id = ? AND id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
    }
  bind_text (stmt, i++, now);
  bind_text (stmt, i++, bk_work_entry_get_employer (entry));
  bind_date (stmt, i++, bk_work_entry_get_from (entry), FALSE);
  bind_date (stmt, i++, bk_work_entry_get_to (entry), TRUE);
  sqlite3_bind_int (stmt, i++, bk_work_entry_get_metrology (entry));
  bind_text (stmt, i++, profile_id);
  bind_text (stmt, i++, bk_work_entry_get_id (entry));
  return bk_database_step_done (db, stmt, error);
}

static gboolean
delete_row (BkDatabase *db, const char *table, const char *id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  return bk_database_step_done (db, stmt, error);
}

typedef gint64 (*GetVersionFunc) (gpointer entry);
typedef void (*SetVersionFunc) (gpointer entry, gint64 version);
typedef const char *(*GetIdFunc) (gpointer entry);
typedef char *(*ToJsonFunc) (gpointer entry);
typedef gboolean (*WriteFunc) (BkDatabase *db,
                               const char *parent_id,
                               gpointer entry,
                               gint64 version,
                               gboolean insert,
                               const char *now,
                               GError **error);

typedef struct
{
  const char *table;      /* also the outbox entity */
  const char *parent_key; /* member naming the parent in the payload */
  GetIdFunc get_id;
  GetVersionFunc get_version;
  SetVersionFunc set_version;
  ToJsonFunc to_json;
  WriteFunc write;
} ChildKind;

static const ChildKind education_kind = {
  "education",
  "profile_id",
  (GetIdFunc) bk_education_entry_get_id,
  (GetVersionFunc) bk_education_entry_get_version,
  (SetVersionFunc) bk_education_entry_set_version,
  (ToJsonFunc) bk_education_entry_to_json,
  (WriteFunc) write_education,
};

static const ChildKind work_kind = {
  "work_period",
  "profile_id",
  (GetIdFunc) bk_work_entry_get_id,
  (GetVersionFunc) bk_work_entry_get_version,
  (SetVersionFunc) bk_work_entry_set_version,
  (ToJsonFunc) bk_work_entry_to_json,
  (WriteFunc) write_work,
};

static gboolean write_proof (BkDatabase *db,
                             const char *application_id,
                             BkProofEntry *proof,
                             gint64 version,
                             gboolean insert,
                             const char *now,
                             GError **error);

static const ChildKind proof_kind = {
  "proof",
  "application_id",
  (GetIdFunc) bk_proof_entry_get_id,
  (GetVersionFunc) bk_proof_entry_get_version,
  (SetVersionFunc) bk_proof_entry_set_version,
  (ToJsonFunc) bk_proof_entry_to_json,
  (WriteFunc) write_proof,
};

/* Brings the rows of one child list in line with @wanted: inserts new
 * entries, updates changed ones (version + 1), deletes the missing, each
 * with its outbox entry. @stored is what the database holds now. */
static gboolean
sync_children (BkDatabase *db,
               const ChildKind *kind,
               const char *parent_id,
               GListModel *wanted,
               GPtrArray *stored,
               const char *now,
               gboolean *changed,
               GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; stored != NULL && i < stored->len; i++)
    g_hash_table_insert (by_id, (gpointer) kind->get_id (stored->pdata[i]), stored->pdata[i]);

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
          if (!kind->write (db, parent_id, entry, version, TRUE, now, error) ||
              !outbox (db, kind->table, id, "insert", version, payload, error))
            return FALSE;
          *changed = TRUE;
        }
      else
        {
          g_autofree char *old_json = kind->to_json (old);

          g_hash_table_remove (by_id, id);
          version = kind->get_version (old);
          if (!g_str_equal (json, old_json))
            {
              version++;
              if (!kind->write (db, parent_id, entry, version, FALSE, now, error) ||
                  !outbox (db, kind->table, id, "update", version, payload, error))
                return FALSE;
              *changed = TRUE;
            }
        }
      kind->set_version (entry, version);
    }

  /* What is left was removed from the list. */
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      gpointer old = stored->pdata[i];
      const char *id = kind->get_id (old);

      if (!g_hash_table_contains (by_id, id))
        continue;
      if (!delete_row (db, kind->table, id, error) ||
          !outbox (db, kind->table, id, "delete", kind->get_version (old), NULL, error))
        return FALSE;
      *changed = TRUE;
    }
  return TRUE;
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
sync_photo (BkDatabase *db,
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
  gint64 version = 0;
  int i = 1;
  int rc;

  if (*report == '\0')
    report = NULL;

  select = bk_database_prepare (db,
                                "SELECT id, version, file_name, jpeg, accepted, report FROM "
                                "photo WHERE profile_id = ? AND kind = ?",
                                error);
  if (select == NULL)
    return FALSE;
  bind_text (select, 1, profile_id);
  bind_text (select, 2, kind);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    {
      g_autoptr (GBytes) old = column_bytes (select, 3);

      id = g_strdup (column_text (select, 0));
      version = sqlite3_column_int64 (select, 1);
      if (jpeg != NULL && bytes_equal (old, jpeg) &&
          g_strcmp0 (column_text (select, 2), file_name) == 0 &&
          !!sqlite3_column_int (select, 4) == !!accepted &&
          g_strcmp0 (column_text (select, 5), report) == 0)
        return TRUE;
    }
  else if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "reading a photo");

  if (jpeg == NULL)
    {
      if (id == NULL)
        return TRUE;
      *changed = TRUE;
      return delete_row (db, "photo", id, error) &&
             outbox (db, "photo", id, "delete", version, NULL, error);
    }

  *changed = TRUE;
  if (id == NULL)
    {
      id = g_uuid_string_random ();
      write = bk_database_prepare (db,
                                   "INSERT INTO photo (version, created_at, updated_at, "
                                   "file_name, jpeg, accepted, report, id, profile_id, kind) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, i++, 1);
      bind_text (write, i++, now);
    }
  else
    {
      write = bk_database_prepare (db,
                                   "UPDATE photo SET version = ?, updated_at = ?, file_name = ?, "
                                   "jpeg = ?, accepted = ?, report = ? WHERE id = ? AND "
                                   "profile_id = ? AND kind = ?",
                                   error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, i++, version + 1);
    }
  bind_text (write, i++, now);
  bind_text (write, i++, file_name);
  bind_bytes (write, i++, jpeg);
  sqlite3_bind_int (write, i++, accepted);
  bind_text (write, i++, report);
  bind_text (write, i++, id);
  bind_text (write, i++, profile_id);
  bind_text (write, i++, kind);
  if (!bk_database_step_done (db, write, error))
    return FALSE;

  payload = photo_payload (id, profile_id, kind, file_name, jpeg, accepted);
  return outbox (db, "photo", id, version > 0 ? "update" : "insert", version + 1, payload, error);
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
  int i = 1;

  if (insert)
    {
      stmt = bk_database_prepare (
        db,
        "INSERT INTO profile (version, created_at, updated_at, real_name, id_type, id_number, "
        "mobile, user_name, password_hash, sex, birth_date, ethnicity, email, address, "
        "postcode, work_unit, senior_title, verification_officer_certificate, completeness, id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
      bind_text (stmt, i++, now);
    }
  else
    {
      stmt = bk_database_prepare (
        db,
        "UPDATE profile SET version = ?, updated_at = ?, real_name = ?, id_type = ?, "
        "id_number = ?, mobile = ?, user_name = ?, password_hash = ?, sex = ?, birth_date = ?, "
        "ethnicity = ?, email = ?, address = ?, postcode = ?, work_unit = ?, senior_title = ?, "
        "verification_officer_certificate = ?, completeness = ? WHERE id = ? AND version = ?",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
    }
  bind_text (stmt, i++, now);
  bind_text (stmt, i++, bk_profile_get_real_name (profile));
  bind_text (stmt, i++, bk_id_type_to_nick (bk_profile_get_id_type (profile)));
  bind_text (stmt, i++, bk_profile_get_id_number (profile));
  bind_text (stmt, i++, bk_profile_get_mobile (profile));
  {
    g_autofree char *user_name = user_name_to_column (profile);

    bind_text (stmt, i++, user_name);
  }
  bind_text (stmt, i++, bk_profile_get_password_hash (profile));
  bind_text (stmt, i++, bk_sex_to_nick (bk_profile_get_sex (profile)));
  bind_date (stmt, i++, bk_profile_get_birth_date (profile), TRUE);
  bind_text (stmt, i++, bk_profile_get_ethnicity (profile));
  bind_text (stmt, i++, bk_profile_get_email (profile));
  bind_text (stmt, i++, bk_profile_get_address (profile));
  bind_text (stmt, i++, bk_profile_get_postcode (profile));
  bind_text (stmt, i++, bk_profile_get_work_unit (profile));
  bind_text (stmt, i++, bk_senior_title_to_nick (bk_profile_get_senior_title (profile)));
  sqlite3_bind_int (stmt, i++, bk_profile_get_verification_officer_certificate (profile));
  sqlite3_bind_int (stmt, i++, bk_profile_get_completeness (profile, NULL));
  bind_text (stmt, i++, bk_profile_get_id (profile));
  if (!insert)
    sqlite3_bind_int64 (stmt, i++, version - 1);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && sqlite3_changes (bk_database_get_handle (db)) != 1)
    return conflict (error, "profile", bk_profile_get_id (profile));
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
  bind_text (stmt, 1, bk_profile_get_user_name (profile));
  bind_text (stmt, 2, bk_profile_get_id (profile));
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

/* Writes @profile (a snapshot) inside an open transaction and updates
 * its versions and timestamps to what was written. */
static gboolean
save_profile_in_transaction (BkDatabase *db, BkProfile *profile, GError **error)
{
  g_autoptr (BkProfile) stored = NULL;
  g_autoptr (GPtrArray) stored_education = NULL;
  g_autoptr (GPtrArray) stored_work = NULL;
  g_autofree char *now = now_text ();
  g_autoptr (GDateTime) now_time = NULL;
  const char *id = bk_profile_get_id (profile);
  gint64 version = lineage_expected_version (profile, bk_profile_get_version (profile));
  gint64 stored_version;
  gboolean changed = FALSE;
  g_autofree char *json = NULL;

  if (!bk_store_profile_is_protected (profile))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NO_PASSWORD,
                   "the profile %s has no password hash", id);
      return FALSE;
    }

  bk_profile_set_version (profile, version);
  stored_version = row_version (db, "profile", id, error);
  if (stored_version < 0)
    return FALSE;
  if (version == 0 && stored_version != 0)
    return conflict (error, "profile", id);
  if (version != 0 && stored_version == 0)
    return not_found (error, "profile", id);
  if (version != stored_version)
    return conflict (error, "profile", id);
  if (!check_user_name (db, profile, error))
    return FALSE;

  if (version == 0)
    {
      /* The parent row first, for the children's foreign keys. */
      json = bk_profile_to_json (profile);
      if (!write_profile_row (db, profile, 1, TRUE, now, error) ||
          !outbox (db, "profile", id, "insert", 1, json, error))
        return FALSE;
    }
  else
    {
      stored = load_profile (db, id, error);
      if (stored == NULL)
        return FALSE;
      stored_education = g_ptr_array_new_with_free_func (g_object_unref);
      stored_work = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (bk_profile_get_education (stored)); i++)
        g_ptr_array_add (stored_education,
                         g_list_model_get_item (bk_profile_get_education (stored), i));
      for (guint i = 0; i < g_list_model_get_n_items (bk_profile_get_work (stored)); i++)
        g_ptr_array_add (stored_work, g_list_model_get_item (bk_profile_get_work (stored), i));
    }

  if (!sync_children (db, &education_kind, id, bk_profile_get_education (profile), stored_education,
                      now, &changed, error) ||
      !sync_children (db, &work_kind, id, bk_profile_get_work (profile), stored_work, now, &changed,
                      error) ||
      !sync_photo (db, id, "original", bk_profile_get_photo_original (profile),
                   bk_profile_get_photo_file_name (profile),
                   bk_profile_get_photo_accepted (profile), bk_profile_get_photo_report (profile),
                   now, &changed, error) ||
      !sync_photo (db, id, "standardised", bk_profile_get_photo_standardised (profile),
                   STANDARDISED_FILE_NAME, bk_profile_get_photo_accepted (profile),
                   bk_profile_get_photo_report (profile), now, &changed, error))
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
              !outbox (db, "profile", id, "update", version + 1, json, error))
            return FALSE;
        }
      else
        return TRUE; /* nothing changed: nothing written */
    }

  now_time = parse_time (now);
  bk_profile_set_version (profile, version + 1);
  if (version == 0)
    bk_profile_set_created_at (profile, now_time);
  bk_profile_set_updated_at (profile, now_time);
  return TRUE;
}

/* Saving an application */

static gboolean
write_proof (BkDatabase *db,
             const char *application_id,
             BkProofEntry *proof,
             gint64 version,
             gboolean insert,
             const char *now,
             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int i = 1;

  if (insert)
    {
      stmt = bk_database_prepare (db,
                                  "INSERT INTO proof (version, created_at, updated_at, kind, "
                                  "file_name, data, application_id, id) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
      bind_text (stmt, i++, now);
    }
  else
    {
      stmt = bk_database_prepare (db,
                                  "UPDATE proof SET version = ?, updated_at = ?, kind = ?, "
                                  "file_name = ?, data = ? WHERE application_id = ? AND id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
    }
  bind_text (stmt, i++, now);
  bind_text (stmt, i++, bk_proof_entry_get_kind (proof));
  bind_text (stmt, i++, bk_proof_entry_get_file_name (proof));
  bind_bytes (stmt, i++, bk_proof_entry_get_bytes (proof));
  bind_text (stmt, i++, application_id);
  bind_text (stmt, i++, bk_proof_entry_get_id (proof));
  return bk_database_step_done (db, stmt, error);
}

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
  int i = 1;

  if (insert)
    {
      stmt = bk_database_prepare (
        db,
        "INSERT INTO application (version, created_at, updated_at, session_id, level, mode, "
        "point_code, commitment, commitment_signed_at, state, submitted_at, profile_id, id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
      bind_text (stmt, i++, now);
    }
  else
    {
      stmt = bk_database_prepare (
        db,
        "UPDATE application SET version = ?, updated_at = ?, session_id = ?, level = ?, "
        "mode = ?, point_code = ?, commitment = ?, commitment_signed_at = ?, state = ?, "
        "submitted_at = ? WHERE profile_id = ? AND id = ? AND version = ?",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, i++, version);
    }
  bind_text (stmt, i++, now);
  bind_text (stmt, i++, bk_exam_application_get_session_id (application));
  sqlite3_bind_int (stmt, i++, bk_exam_application_get_level (application));
  bind_text (stmt, i++, bk_exam_mode_to_nick (bk_exam_application_get_mode (application)));
  bind_text (stmt, i++, *point_code != '\0' ? point_code : NULL);
  if (commitment == BK_COMMITMENT_UNSET)
    sqlite3_bind_null (stmt, i++);
  else
    sqlite3_bind_int (stmt, i++, commitment == BK_COMMITMENT_YES);
  bind_time (stmt, i++, bk_exam_application_get_commitment_signed_at (application));
  bind_text (stmt, i++, bk_application_state_to_nick (bk_exam_application_get_state (application)));
  bind_time (stmt, i++, bk_exam_application_get_submitted_at (application));
  bind_text (stmt, i++, bk_exam_application_get_profile_id (application));
  bind_text (stmt, i++, bk_exam_application_get_id (application));
  if (!insert)
    sqlite3_bind_int64 (stmt, i++, version - 1);
  if (!bk_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && sqlite3_changes (bk_database_get_handle (db)) != 1)
    return conflict (error, "application", bk_exam_application_get_id (application));
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
  bind_text (stmt, 1, bk_exam_application_get_profile_id (application));
  bind_text (stmt, 2, bk_exam_application_get_session_id (application));
  bind_text (stmt, 3, bk_exam_application_get_id (application));
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

static gboolean
save_application_in_transaction (BkDatabase *db, BkExamApplication *application, GError **error)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) stored_proofs = NULL;
  g_autoptr (GDateTime) now_time = NULL;
  g_autofree char *now = now_text ();
  g_autofree char *json = bk_exam_application_to_json (application);
  const char *id = bk_exam_application_get_id (application);
  gint64 version = lineage_expected_version (application,
                                             bk_exam_application_get_version (application));
  gint64 stored_version;
  gboolean changed = FALSE;

  bk_exam_application_set_version (application, version);
  stored_version = row_version (db, "application", id, error);
  if (stored_version < 0)
    return FALSE;
  if (version == 0 && stored_version != 0)
    return conflict (error, "application", id);
  if (version != 0 && stored_version == 0)
    return not_found (error, "application", id);
  if (version != stored_version)
    return conflict (error, "application", id);
  if (!check_one_per_session (db, application, error))
    return FALSE;

  if (version == 0)
    {
      if (!write_application_row (db, application, 1, TRUE, now, error) ||
          !outbox (db, "application", id, "insert", 1, json, error))
        return FALSE;
    }
  else
    {
      BkExamApplication *old;

      stored = load_applications (db, "WHERE id = ?", id, error);
      if (stored == NULL)
        return FALSE;
      if (stored->len != 1)
        return not_found (error, "application", id);
      old = stored->pdata[0];
      stored_proofs = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (bk_exam_application_get_proofs (old)); i++)
        g_ptr_array_add (stored_proofs,
                         g_list_model_get_item (bk_exam_application_get_proofs (old), i));
    }

  if (!sync_children (db, &proof_kind, id, bk_exam_application_get_proofs (application),
                      stored_proofs, now, &changed, error))
    return FALSE;

  if (version != 0)
    {
      g_autofree char *stored_json = bk_exam_application_to_json (stored->pdata[0]);

      if (!changed && g_str_equal (json, stored_json))
        return TRUE;
      if (!write_application_row (db, application, version + 1, FALSE, now, error) ||
          !outbox (db, "application", id, "update", version + 1, json, error))
        return FALSE;
    }

  now_time = parse_time (now);
  bk_exam_application_set_version (application, version + 1);
  if (version == 0)
    bk_exam_application_set_created_at (application, now_time);
  bk_exam_application_set_updated_at (application, now_time);
  return TRUE;
}

/* Deleting */

/* Outbox "delete" entries for the rows that @sql (one parameter, @id)
 * selects as (id, version). */
static gboolean
outbox_deletes (BkDatabase *db, const char *entity, const char *sql, const char *id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!outbox (db, entity, column_text (stmt, 0), "delete", sqlite3_column_int64 (stmt, 1), NULL,
                 error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return bk_database_fail (db, error, "listing rows to delete");
  return TRUE;
}

static gboolean
delete_application_in_transaction (BkDatabase *db, const char *id, GError **error)
{
  if (!outbox_deletes (db, "proof", "SELECT id, version FROM proof WHERE application_id = ?", id,
                       error) ||
      !outbox_deletes (db, "application", "SELECT id, version FROM application WHERE id = ?", id,
                       error))
    return FALSE;
  return delete_row (db, "application", id, error);
}

static gboolean
delete_profile_in_transaction (BkDatabase *db, const char *id, GError **error)
{
  gint64 version = row_version (db, "profile", id, error);

  if (version < 0)
    return FALSE;
  if (version == 0)
    return not_found (error, "profile", id);

  /* Children first, so the sync engine never sees a child of a deleted
   * parent; the foreign keys cascade the rows themselves. */
  if (!outbox_deletes (db, "proof",
                       "SELECT p.id, p.version FROM proof p JOIN application a "
                       "ON p.application_id = a.id WHERE a.profile_id = ?",
                       id, error) ||
      !outbox_deletes (db, "application",
                       "SELECT id, version FROM application WHERE profile_id = ?", id, error) ||
      !outbox_deletes (db, "photo", "SELECT id, version FROM photo WHERE profile_id = ?", id,
                       error) ||
      !outbox_deletes (db, "work_period",
                       "SELECT id, version FROM work_period WHERE profile_id = ?", id, error) ||
      !outbox_deletes (db, "education", "SELECT id, version FROM education WHERE profile_id = ?",
                       id, error) ||
      !outbox (db, "profile", id, "delete", version, NULL, error))
    return FALSE;
  return delete_row (db, "profile", id, error);
}

/* Jobs (run on the worker) */

typedef gboolean (*TransactionFunc) (BkDatabase *db, gpointer data, GError **error);

static gboolean
in_transaction (BkDatabase *db, TransactionFunc func, gpointer data, GError **error)
{
  if (!bk_database_begin (db, error))
    return FALSE;
  if (!func (db, data, error) || !bk_database_commit (db, error))
    {
      bk_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gpointer
open_job (Worker *worker, gpointer data, GError **error)
{
  worker->db = bk_database_open (worker->path, error);
  return worker->db != NULL ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
list_profiles_job (Worker *worker, gpointer data, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GListStore) list = g_list_store_new (BK_TYPE_PROFILE_SUMMARY);
  int rc;

  if (!ensure_open (worker, error))
    return NULL;
  stmt = bk_database_prepare (worker->db,
                              "SELECT id, real_name, id_number, user_name, updated_at, "
                              "completeness FROM profile ORDER BY updated_at DESC, rowid DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Never the full ID number outside the worker: lists are shown on
       * shared PCs. */
      g_autofree char *masked = bk_profile_mask_id_number (column_text (stmt, 2));
      g_autoptr (GDateTime) updated_at = parse_time (column_text (stmt, 4));
      g_autoptr (BkProfileSummary) summary = bk_profile_summary_new (
        column_text (stmt, 0), column_text (stmt, 1), masked,
        user_name_from_column (column_text (stmt, 3)), updated_at, sqlite3_column_int (stmt, 5));

      g_list_store_append (list, summary);
    }
  if (rc != SQLITE_DONE)
    {
      bk_database_fail (worker->db, error, "listing profiles");
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gpointer
load_profile_job (Worker *worker, gpointer data, GError **error)
{
  if (!ensure_open (worker, error))
    return NULL;
  return load_profile (worker->db, data, error);
}

/* Every save of an object records the version it wrote in the object's
 * lineage, so a save queued behind it (an autosave, then the flush on
 * close) is based on that version, whichever kind of record it is. Child
 * rows (education, work, proofs, photos) need no lineage: their versions
 * are read from the file inside the transaction that writes them. */
static gpointer
save_job (Worker *worker,
          GObject *snapshot,
          TransactionFunc save,
          gint64 (*get_version) (gpointer object),
          GError **error)
{
  if (!ensure_writable (worker, error) || !in_transaction (worker->db, save, snapshot, error))
    return NULL;
  lineage_written (snapshot, get_version (snapshot));
  return g_object_ref (snapshot);
}

static gpointer
save_profile_job (Worker *worker, gpointer data, GError **error)
{
  return save_job (worker, data, (TransactionFunc) save_profile_in_transaction,
                   (gint64 (*) (gpointer)) bk_profile_get_version, error);
}

static gpointer
delete_profile_job (Worker *worker, gpointer data, GError **error)
{
  if (!ensure_writable (worker, error) ||
      !in_transaction (worker->db, (TransactionFunc) delete_profile_in_transaction, data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
list_applications_job (Worker *worker, gpointer data, GError **error)
{
  g_autoptr (GPtrArray) applications = NULL;
  GListStore *list;

  if (!ensure_open (worker, error))
    return NULL;
  applications = load_applications (worker->db, "WHERE profile_id = ? ORDER BY created_at, rowid",
                                    data, error);
  if (applications == NULL)
    return NULL;
  list = g_list_store_new (BK_TYPE_EXAM_APPLICATION);
  g_list_store_splice (list, 0, 0, applications->pdata, applications->len);
  return list;
}

static gpointer
save_application_job (Worker *worker, gpointer data, GError **error)
{
  return save_job (worker, data, (TransactionFunc) save_application_in_transaction,
                   (gint64 (*) (gpointer)) bk_exam_application_get_version, error);
}

static gpointer
delete_application_job (Worker *worker, gpointer data, GError **error)
{
  gint64 version;

  if (!ensure_writable (worker, error))
    return NULL;
  version = row_version (worker->db, "application", data, error);
  if (version < 0)
    return NULL;
  if (version == 0)
    {
      not_found (error, "application", data);
      return NULL;
    }
  if (!in_transaction (worker->db, (TransactionFunc) delete_application_in_transaction, data,
                       error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static gpointer
count_outbox_job (Worker *worker, gpointer data, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 *count;

  if (!ensure_open (worker, error))
    return NULL;
  stmt = bk_database_prepare (worker->db, "SELECT count(*) FROM outbox", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      bk_database_fail (worker->db, error, "counting the outbox");
      return NULL;
    }
  count = g_new (gint64, 1);
  *count = sqlite3_column_int64 (stmt, 0);
  return count;
}

/* Applying a saved snapshot to the caller's objects (main thread) */

static void
apply_saved_profile (BkProfile *target, BkProfile *saved)
{
  g_autoptr (GHashTable) versions = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *lists[2][2] = {
    { bk_profile_get_education (saved), bk_profile_get_education (target) },
    { bk_profile_get_work (saved), bk_profile_get_work (target) },
  };

  /* A later save of the same object already reported back. */
  if (bk_profile_get_version (saved) < bk_profile_get_version (target))
    return;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_hash_table_remove_all (versions);
      for (guint i = 0; i < g_list_model_get_n_items (lists[l][0]); i++)
        {
          g_autoptr (GObject) entry = g_list_model_get_item (lists[l][0], i);
          gint64 version;
          const char *id;

          g_object_get (entry, "version", &version, NULL);
          id = l == 0 ? bk_education_entry_get_id (BK_EDUCATION_ENTRY (entry))
                      : bk_work_entry_get_id (BK_WORK_ENTRY (entry));
          g_hash_table_insert (versions, (gpointer) id, GSIZE_TO_POINTER ((gsize) version));
        }
      for (guint i = 0; i < g_list_model_get_n_items (lists[l][1]); i++)
        {
          g_autoptr (GObject) entry = g_list_model_get_item (lists[l][1], i);
          const char *id = l == 0 ? bk_education_entry_get_id (BK_EDUCATION_ENTRY (entry))
                                  : bk_work_entry_get_id (BK_WORK_ENTRY (entry));
          gpointer version;

          /* Entries added after the snapshot stay unsaved (version 0). */
          if (g_hash_table_lookup_extended (versions, id, NULL, &version))
            {
              gint64 current;

              g_object_get (entry, "version", &current, NULL);
              if ((gint64) GPOINTER_TO_SIZE (version) > current)
                g_object_set (entry, "version", (gint64) GPOINTER_TO_SIZE (version), NULL);
            }
        }
    }

  bk_profile_set_version (target, bk_profile_get_version (saved));
  bk_profile_set_created_at (target, bk_profile_get_created_at (saved));
  bk_profile_set_updated_at (target, bk_profile_get_updated_at (saved));
}

static void
apply_saved_application (BkExamApplication *target, BkExamApplication *saved)
{
  GListModel *saved_proofs = bk_exam_application_get_proofs (saved);
  GListModel *proofs = bk_exam_application_get_proofs (target);

  if (bk_exam_application_get_version (saved) < bk_exam_application_get_version (target))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (proofs); i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (proofs, i);

      for (guint j = 0; j < g_list_model_get_n_items (saved_proofs); j++)
        {
          g_autoptr (BkProofEntry) other = g_list_model_get_item (saved_proofs, j);

          if (g_str_equal (bk_proof_entry_get_id (proof), bk_proof_entry_get_id (other)) &&
              bk_proof_entry_get_version (other) > bk_proof_entry_get_version (proof))
            bk_proof_entry_set_version (proof, bk_proof_entry_get_version (other));
        }
    }
  bk_exam_application_set_version (target, bk_exam_application_get_version (saved));
  bk_exam_application_set_created_at (target, bk_exam_application_get_created_at (saved));
  bk_exam_application_set_updated_at (target, bk_exam_application_get_updated_at (saved));
}

/* Saves, one at a time per record */

typedef struct
{
  const char *prefix;
  JobFunc job;
  GObject *(*dup) (GObject *object);
  const char *(*get_id) (GObject *object);
  void (*apply) (GObject *target, GObject *saved);
} SaveKind;

static const SaveKind profile_save = {
  "profile:",
  save_profile_job,
  (GObject * (*) (GObject *) ) bk_profile_dup,
  (const char *(*) (GObject *) ) bk_profile_get_id,
  (void (*) (GObject *, GObject *)) apply_saved_profile,
};

static const SaveKind application_save = {
  "application:",
  save_application_job,
  (GObject * (*) (GObject *) ) bk_exam_application_dup,
  (const char *(*) (GObject *) ) bk_exam_application_get_id,
  (void (*) (GObject *, GObject *)) apply_saved_application,
};

/* A copy for the worker, sharing @object's lineage. */
static GObject *
snapshot (const SaveKind *kind, GObject *object)
{
  GObject *copy = kind->dup (object);

  g_object_set_qdata_full (copy, lineage_quark (), lineage_ref (lineage_of (object)),
                           lineage_unref);
  return copy;
}

static char *
save_key (const SaveKind *kind, GObject *object)
{
  return g_strconcat (kind->prefix, kind->get_id (object), NULL);
}

static void start_save (BkStore *self, GTask *outer);

static void
save_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStore *self = BK_STORE (source);
  g_autoptr (GTask) outer = user_data;
  const SaveKind *kind = g_task_get_source_tag (outer) == bk_store_save_profile_async
                           ? &profile_save
                           : &application_save;
  GObject *target = g_task_get_task_data (outer);
  g_autofree char *key = save_key (kind, target);
  g_autoptr (GObject) saved = NULL;
  GError *error = NULL;
  GQueue *waiting;

  saved = g_task_propagate_pointer (G_TASK (result), &error);
  if (saved != NULL)
    {
      kind->apply (target, saved);
      g_task_return_boolean (outer, TRUE);
    }
  else
    g_task_return_error (outer, error);

  waiting = g_hash_table_lookup (self->saving, key);
  if (waiting != NULL && !g_queue_is_empty (waiting))
    {
      g_autoptr (GTask) next = g_queue_pop_head (waiting);

      start_save (self, next);
    }
  else
    g_hash_table_remove (self->saving, key);
}

static void
start_save (BkStore *self, GTask *outer)
{
  const SaveKind *kind = g_task_get_source_tag (outer) == bk_store_save_profile_async
                           ? &profile_save
                           : &application_save;
  GObject *target = g_task_get_task_data (outer);
  g_autoptr (GTask) inner = NULL;

  /* The snapshot is taken now, after any earlier save of the same record
   * has written its version back. */
  inner = g_task_new (self, g_task_get_cancellable (outer), save_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, start_save);
  /* Once written, the new versions reach the object even if the caller
   * has cancelled meanwhile; the caller's own task still reports that. */
  g_task_set_check_cancellable (inner, FALSE);
  run_async (self, kind->job, snapshot (kind, target), g_object_unref, g_object_unref, inner);
}

static void
save_async (BkStore *self,
            const SaveKind *kind,
            gpointer source_tag,
            GObject *object,
            GCancellable *cancellable,
            GAsyncReadyCallback callback,
            gpointer user_data)
{
  g_autoptr (GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = save_key (kind, object);
  GQueue *waiting;

  g_task_set_source_tag (outer, source_tag);
  g_task_set_task_data (outer, g_object_ref (object), g_object_unref);

  waiting = g_hash_table_lookup (self->saving, key);
  if (waiting != NULL)
    {
      g_queue_push_tail (waiting, g_steal_pointer (&outer));
      return;
    }
  g_hash_table_insert (self->saving, g_steal_pointer (&key), g_queue_new ());
  start_save (self, outer);
}

static gboolean
save_sync (BkStore *self, const SaveKind *kind, GObject *object, GError **error)
{
  g_autoptr (GObject) saved = NULL;

  saved = run_sync (self, kind->job, snapshot (kind, object), g_object_unref, error);
  if (saved == NULL)
    return FALSE;
  kind->apply (object, saved);
  return TRUE;
}

/* GObject */

static void
free_waiting (gpointer data)
{
  g_queue_free_full (data, g_object_unref);
}

static void
bk_store_finalize (GObject *object)
{
  BkStore *self = BK_STORE (object);
  Job *quit = job_new (NULL, NULL, NULL, NULL);

  quit->quit = TRUE;
  g_async_queue_push (self->queue, quit);
  /* Tasks finish in the caller's context, so this never runs on the
   * worker; the worker ends after the jobs queued before this one. */
  g_thread_join (self->thread);
  g_async_queue_unref (self->queue);
  g_hash_table_unref (self->saving);
  g_free (self->path);

  G_OBJECT_CLASS (bk_store_parent_class)->finalize (object);
}

static void
bk_store_class_init (BkStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_store_finalize;
}

static void
bk_store_init (BkStore *self)
{
  self->saving = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_waiting);
}

static BkStore *
bk_store_new (const char *path)
{
  BkStore *self = g_object_new (BK_TYPE_STORE, NULL);
  Worker *worker = g_new0 (Worker, 1);

  self->path = path != NULL ? g_strdup (path) : bk_store_get_default_path ();
  self->queue = g_async_queue_new ();
  worker->queue = g_async_queue_ref (self->queue);
  worker->path = g_strdup (self->path);
  self->thread = g_thread_new ("bk-store", worker_main, worker);
  return self;
}

/* Public API */

char *
bk_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "baokao", "baokao.db", NULL);
}

void
bk_store_open_async (const char *path,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (BkStore) self = bk_store_new (path);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, bk_store_open_async);
  run_async (self, open_job, NULL, NULL, NULL, task);
}

BkStore *
bk_store_open_finish (GAsyncResult *result, GError **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_get_source_tag (task) == bk_store_open_async, NULL);

  if (g_task_propagate_pointer (task, error) == NULL)
    return NULL;
  return g_object_ref (g_task_get_source_object (task));
}

BkStore *
bk_store_open (const char *path, GError **error)
{
  g_autoptr (BkStore) self = bk_store_new (path);

  if (run_sync (self, open_job, NULL, NULL, error) == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
bk_store_get_path (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return self->path;
}

static GTask *
new_task (BkStore *self,
          gpointer source_tag,
          GCancellable *cancellable,
          GAsyncReadyCallback callback,
          gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static gpointer
finish_pointer (BkStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bk_store_list_profiles_async (BkStore *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BK_IS_STORE (self));

  task = new_task (self, bk_store_list_profiles_async, cancellable, callback, user_data);
  run_async (self, list_profiles_job, NULL, NULL, g_object_unref, task);
}

GListModel *
bk_store_list_profiles_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, bk_store_list_profiles_async, error);
}

GListModel *
bk_store_list_profiles (BkStore *self, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);

  return run_sync (self, list_profiles_job, NULL, NULL, error);
}

void
bk_store_load_profile_async (BkStore *self,
                             const char *profile_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = new_task (self, bk_store_load_profile_async, cancellable, callback, user_data);
  run_async (self, load_profile_job, g_strdup (profile_id), g_free, g_object_unref, task);
}

BkProfile *
bk_store_load_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, bk_store_load_profile_async, error);
}

BkProfile *
bk_store_load_profile (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return run_sync (self, load_profile_job, g_strdup (profile_id), g_free, error);
}

void
bk_store_save_profile_async (BkStore *self,
                             BkProfile *profile,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (BK_IS_PROFILE (profile));

  save_async (self, &profile_save, bk_store_save_profile_async, G_OBJECT (profile), cancellable,
              callback, user_data);
}

gboolean
bk_store_save_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_store_save_profile_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bk_store_save_profile (BkStore *self, BkProfile *profile, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);

  return save_sync (self, &profile_save, G_OBJECT (profile), error);
}

gboolean
bk_store_profile_is_protected (BkProfile *profile)
{
  const char *hash;

  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);

  /* crypto_pwhash_str writes "$argon2id$…"; its verify takes "$argon2i$…" too. */
  hash = bk_profile_get_password_hash (profile);
  return hash != NULL && g_str_has_prefix (hash, "$argon2");
}

void
bk_store_delete_profile_async (BkStore *self,
                               const char *profile_id,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = new_task (self, bk_store_delete_profile_async, cancellable, callback, user_data);
  run_async (self, delete_profile_job, g_strdup (profile_id), g_free, NULL, task);
}

gboolean
bk_store_delete_profile_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, bk_store_delete_profile_async, error) != NULL;
}

gboolean
bk_store_delete_profile (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  return run_sync (self, delete_profile_job, g_strdup (profile_id), g_free, error) != NULL;
}

void
bk_store_list_applications_async (BkStore *self,
                                  const char *profile_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (profile_id != NULL);

  task = new_task (self, bk_store_list_applications_async, cancellable, callback, user_data);
  run_async (self, list_applications_job, g_strdup (profile_id), g_free, g_object_unref, task);
}

GListModel *
bk_store_list_applications_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, bk_store_list_applications_async, error);
}

GListModel *
bk_store_list_applications (BkStore *self, const char *profile_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return run_sync (self, list_applications_job, g_strdup (profile_id), g_free, error);
}

void
bk_store_save_application_async (BkStore *self,
                                 BkExamApplication *application,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (BK_IS_EXAM_APPLICATION (application));

  save_async (self, &application_save, bk_store_save_application_async, G_OBJECT (application),
              cancellable, callback, user_data);
}

gboolean
bk_store_save_application_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_store_save_application_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bk_store_save_application (BkStore *self, BkExamApplication *application, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (application), FALSE);

  return save_sync (self, &application_save, G_OBJECT (application), error);
}

void
bk_store_delete_application_async (BkStore *self,
                                   const char *application_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BK_IS_STORE (self));
  g_return_if_fail (application_id != NULL);

  task = new_task (self, bk_store_delete_application_async, cancellable, callback, user_data);
  run_async (self, delete_application_job, g_strdup (application_id), g_free, NULL, task);
}

gboolean
bk_store_delete_application_finish (BkStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, bk_store_delete_application_async, error) != NULL;
}

gboolean
bk_store_delete_application (BkStore *self, const char *application_id, GError **error)
{
  g_return_val_if_fail (BK_IS_STORE (self), FALSE);
  g_return_val_if_fail (application_id != NULL, FALSE);

  return run_sync (self, delete_application_job, g_strdup (application_id), g_free, error) != NULL;
}

gint64
bk_store_count_outbox (BkStore *self, GError **error)
{
  g_autofree gint64 *count = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), -1);

  count = run_sync (self, count_outbox_job, NULL, NULL, error);
  return count != NULL ? *count : -1;
}
