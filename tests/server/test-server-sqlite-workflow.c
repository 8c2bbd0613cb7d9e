/* test-server-sqlite-workflow.c — the workflow's storage on a real SQLite
 * file: compare-and-swap writes are all or nothing, with their changes in
 * the feed and their audit line; lists by state; documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bk-server-error.h"
#include "bk-server-store.h"

#define APP   "3b1f4c9e-2a61-4c1d-9a55-0d6f2b8e7a10"
#define OTHER "9c2e5a10-7b3d-4e8f-a1c2-5d6e7f809a1b"

typedef struct
{
  char *dir;
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
  g_autofree char *path = NULL;
  gboolean created = FALSE;

  fixture->dir = g_dir_make_tmp ("bk-server-sqlite-workflow-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "server.sqlite", NULL);
  fixture->database = BK_SERVER_DATABASE (bk_server_store_open (path, &error));
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
  g_autofree char *path = g_build_filename (fixture->dir, "server.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fixture->database);
  bk_server_account_free (fixture->account);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
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
  BkServerEntityFilter filter = {
    .type = "application",
    .session_id = "s",
    .point_code = "p",
    .states = waiting,
  };
  g_autoptr (GPtrArray)
    found = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) elsewhere = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BkServerEntity *) found->pdata[0])->id, ==, APP);
  filter.states = done;
  none = bk_server_database_list_entities (fixture->database, &filter, &error);
  g_assert_cmpuint (none->len, ==, 0);
  filter.states = NULL;
  filter.point_code = "q";
  elsewhere = bk_server_database_list_entities (fixture->database, &filter, &error);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/server/sqlite-workflow/compare-and-swap", Fixture, NULL, fixture_set_up,
              test_compare_and_swap, fixture_tear_down);
  g_test_add ("/server/sqlite-workflow/list-by-state", Fixture, NULL, fixture_set_up,
              test_list_by_state, fixture_tear_down);
  g_test_add ("/server/sqlite-workflow/documents", Fixture, NULL, fixture_set_up, test_documents,
              fixture_tear_down);
  return g_test_run ();
}
