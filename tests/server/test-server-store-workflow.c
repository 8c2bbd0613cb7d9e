/* test-server-store-workflow.c — the workflow's storage on the engine
 * BAOKAO_TEST_SQL_TARGET names: compare-and-swap writes are all or
 * nothing, with their changes in the feed and their audit line; lists by
 * state (the generated state column of both schemas); documents; the
 * statements a push of many changes takes, and a group of audit lines
 *
 * Without BAOKAO_TEST_SQL_TARGET it runs on a SQLite file in a temporary
 * folder; server-store-workflow-postgres runs it through with-postgres.py
 * on a database in a throwaway PostgreSQL cluster. Each test empties the
 * tables after itself, as the database outlives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bk-server-error.h"
#include "bk-server-sql.h"
#include "bk-server-store.h"
#include "test-sql-target.h"

#define APP   "3b1f4c9e-2a61-4c1d-9a55-0d6f2b8e7a10"
#define OTHER "9c2e5a10-7b3d-4e8f-a1c2-5d6e7f809a1b"
#define SLOW  "7a4e2c1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d"

static char *tmp_dir;
static char *target;

typedef struct
{
  BkServerDatabase *database;
  BkServerAccount *account;
} Fixture;

static void
push (Fixture *fixture, const char *key, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_change_free);
  BkServerPushAnswer answer = { 0 };

  g_ptr_array_add (changes, bk_server_change_parse (node, 0, &error));
  g_assert_no_error (error);
  g_assert_true (bk_server_database_push (fixture->database, fixture->account, key, key, changes,
                                          100, NULL, &answer, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (answer.body, "\"status\":201"));
  bk_server_push_answer_clear (&answer);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gboolean created = FALSE;

  fixture->database = BK_SERVER_DATABASE (bk_server_store_open (target, &error));
  g_assert_no_error (error);
  fixture->account = bk_server_account_new ();
  fixture->account->id = g_strdup ("11111111-1111-4111-8111-111111111111");
  fixture->account->user_name = g_strdup ("alice");
  fixture->account->real_name = g_strdup ("测试");
  fixture->account->password_hash = g_strdup ("x");
  g_assert_true (
    bk_server_database_create_account (fixture->database, fixture->account, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  push (fixture, "key-profile",
        "{\"entity\": \"profile\", \"entity_id\": \"" OTHER "\", "
        "\"operation\": \"insert\", \"version\": 1, \"payload\": {}}");
  push (fixture, "key-application",
        "{\"entity\": \"application\", \"entity_id\": \"" APP "\", \"operation\": \"insert\", "
        "\"version\": 1, \"payload\": {\"profile_id\": \"" OTHER "\", \"state\": \"submitted\", "
        "\"session_id\": \"s\", \"point_code\": \"p\"}}");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerSql) sql = NULL;
  BkServerSqlConnection *connection;

  g_clear_object (&fixture->database);
  bk_server_account_free (fixture->account);
  sql = bk_server_sql_open (target, &error);
  g_assert_no_error (error);
  connection = bk_server_sql_acquire (sql, &error);
  g_assert_no_error (error);
  /* Children before parents (account is referenced by token and entity). */
  bk_server_sql_exec (connection,
                      "DELETE FROM token; DELETE FROM audit; DELETE FROM idempotency; DELETE FROM "
                      "change; DELETE FROM entity; DELETE FROM document; DELETE FROM account",
                      &error);
  g_assert_no_error (error);
  bk_server_sql_release (sql, connection);
}

static gint64
version_of (Fixture *fixture, const char *type, const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerEntity)
    entity = bk_server_database_get_entity (fixture->database, type, id, &error);

  g_assert_no_error (error);
  return entity != NULL ? entity->version : 0;
}

static guint
count (const char *json, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (json, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_compare_and_swap (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *audit = NULL;
  BkServerAuditEntry entry = {
    .at = 200,
    .address = "server",
    .method = "-",
    .path = APP,
    .action = "workflow",
    .allowed = TRUE,
    .status = 200,
    .detail = "moved",
  };
  BkServerEntityWrite moved = { "application", APP, 1, "{\"state\": \"proofs-submitted\"}" };
  BkServerEntityWrite both[] = {
    { "application", APP, 2, "{\"state\": \"terminated\"}" },
    { "profile", OTHER, 7, "{}" }, /* stale */
  };

  g_assert_true (
    bk_server_database_write_entities (fixture->database, &moved, 1, 200, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version_of (fixture, "application", APP), ==, 2);

  /* The same base again: stale, nothing written. */
  g_assert_false (
    bk_server_database_write_entities (fixture->database, &moved, 1, 300, &entry, &error));
  g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);
  /* One stale write of two: neither is applied. */
  g_assert_false (
    bk_server_database_write_entities (fixture->database, both, 2, 300, &entry, &error));
  g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (version_of (fixture, "application", APP), ==, 2);
  g_assert_cmpint (version_of (fixture, "profile", OTHER), ==, 1);

  /* The owner's pull brings the one move; the audit log has its one line. */
  feed = bk_server_database_pull (fixture->database, fixture->account, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (feed, "\"entity_id\":\"" APP "\""), ==, 2);
  g_assert_cmpuint (count (feed, "proofs-submitted"), ==, 1);
  g_assert_cmpuint (count (feed, "terminated"), ==, 0);
  audit = bk_server_database_list_audit (fixture->database, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (audit, "\"action\":\"workflow\""), ==, 1);
}

static void
test_list_by_state (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static const char *const waiting[] = { "submitted", NULL };
  static const char *const done[] = { "confirmed", "lapsed", NULL };
  static const char *const either[] = { "confirmed", "submitted", "proofs-submitted", NULL };
  static const char *const moved_on[] = { "proofs-submitted", NULL };
  BkServerEntityWrite move = { "application", APP, 1, "{\"state\": \"proofs-submitted\"}" };
  BkServerEntityFilter filter = {
    .type = "application",
    .session_id = "s",
    .point_code = "p",
    .states = waiting,
  };
  g_autoptr (GPtrArray)
    found = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) any = NULL;
  g_autoptr (GPtrArray) before_move = NULL;
  g_autoptr (GPtrArray) after_move = NULL;
  g_autoptr (GPtrArray) elsewhere = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BkServerEntity *) found->pdata[0])->id, ==, APP);
  filter.states = done;
  none = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  filter.states = either;
  any = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (any->len, ==, 1);

  /* The state is read from the payload as it is now. */
  filter.states = moved_on;
  before_move = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before_move->len, ==, 0);
  g_assert_true (
    bk_server_database_write_entities (fixture->database, &move, 1, 200, NULL, &error));
  g_assert_no_error (error);
  after_move = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_move->len, ==, 1);
  filter.states = NULL;
  filter.point_code = "q";
  elsewhere = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (elsewhere->len, ==, 0);
}

static void
test_documents (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *missing = NULL;

  g_assert_true (
    bk_server_database_put_document (fixture->database, "session", "x", "{\"a\":1}", 1, &error));
  g_assert_true (
    bk_server_database_put_document (fixture->database, "session", "x", "{\"a\":2}", 2, &error));
  g_assert_no_error (error);
  first = bk_server_database_get_document (fixture->database, "session", "x", &error);
  g_assert_cmpstr (first, ==, "{\"a\":2}");
  missing = bk_server_database_get_document (fixture->database, "integrity", "x", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
}

/* A push's changes are read and written in a handful of statements (each
 * a round trip to PostgreSQL, under the write lock) whatever their
 * number; a change based on an earlier one of the same push, or naming
 * it as its parent, sees it; the feed keeps the changes' order past one
 * statement's rows. */
static void
test_push_statements (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray)
    changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_change_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonNode) answer_node = NULL;
  g_autoptr (JsonNode) feed_node = NULL;
  g_autofree char *feed = NULL;
  BkServerPushAnswer answer = { 0 };
  JsonArray *results, *rows;
  const guint n = 70;
  guint before, statements;
  char *profile = g_uuid_string_random ();

  g_ptr_array_add (ids, profile);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = NULL;
      g_autoptr (JsonNode) node = NULL;

      if (i == 0)
        json = g_strdup_printf ("{\"entity\": \"profile\", \"entity_id\": \"%s\", \"operation\": "
                                "\"insert\", \"version\": 1, \"payload\": {}}",
                                profile);
      else if (i == n - 1)
        json = g_strdup_printf ("{\"entity\": \"profile\", \"entity_id\": \"%s\", \"operation\": "
                                "\"update\", \"version\": 2, \"payload\": {\"name\": \"张三\"}}",
                                profile);
      else
        {
          g_ptr_array_add (ids, g_uuid_string_random ());
          json = g_strdup_printf ("{\"entity\": \"education\", \"entity_id\": \"%s\", "
                                  "\"operation\": \"insert\", \"version\": 1, \"payload\": "
                                  "{\"profile_id\": \"%s\"}}",
                                  (char *) ids->pdata[i], profile);
        }
      node = json_from_string (json, &error);
      g_assert_no_error (error);
      g_ptr_array_add (changes, bk_server_change_parse (node, i, &error));
      g_assert_no_error (error);
    }

  before = bk_server_sql_get_statement_count ();
  g_assert_true (bk_server_database_push (fixture->database, fixture->account, "key-many",
                                          "key-many", changes, 300, NULL, &answer, &error));
  g_assert_no_error (error);
  statements = bk_server_sql_get_statement_count () - before;
  /* BEGIN and COMMIT (and a savepoint and its release when other
   * writes share the transaction); the key's answer looked up and
   * stored; the records read; two upserts and two feed inserts (64 rows
   * a statement). A read and two writes per change was 216. */
  g_test_message ("%u statements for a push of %u changes", statements, n);
  g_assert_cmpuint (statements, <=, 11);

  answer_node = json_from_string (answer.body, &error);
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (answer_node), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      g_assert_cmpint (json_object_get_int_member (result, "status"), ==, i < n - 1 ? 201 : 200);
      g_assert_cmpint (json_object_get_int_member (result, "version"), ==, i < n - 1 ? 1 : 2);
    }
  bk_server_push_answer_clear (&answer);
  g_assert_cmpint (version_of (fixture, "profile", profile), ==, 2);

  /* The feed, after the fixture's two changes: this push's, in order. */
  feed = bk_server_database_pull (fixture->database, fixture->account, 0, 1000, &error);
  g_assert_no_error (error);
  feed_node = json_from_string (feed, &error);
  g_assert_no_error (error);
  rows = json_object_get_array_member (json_node_get_object (feed_node), "changes");
  g_assert_cmpuint (json_array_get_length (rows), ==, n + 2);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i + 2);

      g_assert_cmpstr (json_object_get_string_member (row, "entity_id"), ==,
                       i < n - 1 ? ids->pdata[i] : profile);
      g_assert_cmpint (json_object_get_int_member (row, "version"), ==, i < n - 1 ? 1 : 2);
    }
}

static gpointer
push_slowly (gpointer data)
{
  push (data, "key-slow",
        "{\"entity\": \"profile\", \"entity_id\": \"" SLOW "\", "
        "\"operation\": \"insert\", \"version\": 1, \"payload\": {}}");
  return NULL;
}

/* The audit lines of reads that arrive while a group commits (a pull's
 * each) are written together in the next group, in one statement, not
 * each in a savepoint of its own (three round trips apiece to
 * PostgreSQL under the write lock). */
static void
test_audit_lines_together (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *audit = NULL;
  GThread *thread;
  const guint n = 40;
  guint before, statements;

  bk_server_store_set_commit_delay (BK_SERVER_STORE (fixture->database), "key-slow", 1000);
  before = bk_server_sql_get_statement_count ();
  thread = g_thread_new ("push", push_slowly, fixture);
  /* The push leads its group, which commits a second late; meanwhile
   * the lines wait for the next one. */
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/changes?since=%u", i);
      BkServerAuditEntry entry = {
        .at = 300,
        .account_id = fixture->account->id,
        .address = "127.0.0.1",
        .method = "GET",
        .path = path,
        .action = "pull",
        .allowed = TRUE,
        .status = 200,
        .later = TRUE,
      };

      g_assert_true (bk_server_database_audit (fixture->database, &entry, &error));
      g_assert_no_error (error);
    }
  g_thread_join (thread); /* its caller runs the lines' group when it leaves */
  statements = bk_server_sql_get_statement_count () - before;
  g_test_message ("%u statements for a push and %u audit lines", statements, n);
  /* The push's (about 7) and the lines' group: BEGIN, one insert, COMMIT. */
  g_assert_cmpuint (statements, <=, 14);
  audit = bk_server_database_list_audit (fixture->database, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (audit, "\"action\":\"pull\""), ==, n);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  target = bk_test_sql_target_new ("server-store-workflow", &tmp_dir);

  g_test_add ("/server/store-workflow/compare-and-swap", Fixture, NULL, fixture_set_up,
              test_compare_and_swap, fixture_tear_down);
  g_test_add ("/server/store-workflow/list-by-state", Fixture, NULL, fixture_set_up,
              test_list_by_state, fixture_tear_down);
  g_test_add ("/server/store-workflow/documents", Fixture, NULL, fixture_set_up, test_documents,
              fixture_tear_down);
  g_test_add ("/server/store-workflow/push-statements", Fixture, NULL, fixture_set_up,
              test_push_statements, fixture_tear_down);
  g_test_add ("/server/store-workflow/audit-lines-together", Fixture, NULL, fixture_set_up,
              test_audit_lines_together, fixture_tear_down);
  status = g_test_run ();

  bk_test_sql_target_free (target, tmp_dir, status != 0);
  return status;
}
