/* test-server-change.c — the rules a candidate's pushed change is judged by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-change.h"
#include "bk-server-error.h"

#define ID     "3b1f4c9e-2a61-4c1d-9a55-0d6f2b8e7a10"
#define PARENT "9c2e5a10-7b3d-4e8f-a1c2-5d6e7f809a1b"

static BkServerChange *
parse (const char *json, GError **error)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return bk_server_change_parse (node, 0, error);
}

static void
test_parse_outbox_row (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerChange) change = NULL;

  change = parse ("{\"seq\": 4, \"entity\": \"application\", \"entity_id\": \"" ID "\", "
                  "\"operation\": \"update\", \"version\": 3, \"created_at\": \"2026-04-08\", "
                  "\"payload\": {\"id\": \"" ID "\", \"profile_id\": \"" PARENT "\", "
                  "\"session_id\": \"2026-sh\", \"point_code\": \"SH01\", \"state\": \"draft\"}}",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (change->seq, ==, 4);
  g_assert_cmpstr (change->entity, ==, "application");
  g_assert_cmpint (change->operation, ==, BK_SERVER_OPERATION_UPDATE);
  g_assert_cmpint (bk_server_change_get_base_version (change), ==, 2);
  g_assert_cmpstr (change->session_id, ==, "2026-sh");
  g_assert_cmpstr (change->point_code, ==, "SH01");
  g_assert_cmpstr (change->parent_entity, ==, "profile");
  g_assert_cmpstr (change->parent_id, ==, PARENT);

  g_clear_pointer (&change, bk_server_change_free);
  change = parse ("{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": "
                  "\"delete\", \"version\": 5, \"payload\": null}",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_server_change_get_base_version (change), ==, 5);
  g_assert_null (change->payload);
}

static void
test_parse_refuses (void)
{
  const char *const bad[] = {
    "[]",
    "{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": \"insert\", "
    "\"version\": 1, \"payload\": {}, \"extra\": 1}",
    "{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": \"insert\", "
    "\"version\": 2, \"payload\": {}}",
    "{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": \"delete\", "
    "\"version\": 2, \"payload\": {}}",
    "{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": \"update\", "
    "\"version\": 2, \"payload\": {\"id\": \"" PARENT "\"}}",
    "{\"entity\": \"photo\", \"entity_id\": \"" ID "\", \"operation\": \"insert\", "
    "\"version\": 1, \"payload\": {\"profile_id\": \"me\"}}",
    "{\"entity\": \"profile\", \"entity_id\": \"" ID "\", \"operation\": \"update\", "
    "\"version\": 2.5, \"payload\": {}}",
    "{\"entity\": \"profile\", \"entity_id\": \"../x\", \"operation\": \"insert\", "
    "\"version\": 1, \"payload\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkServerChange) change = parse (bad[i], &error);

      g_assert_null (change);
      g_assert_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST);
      g_assert_true (g_str_has_prefix (error->message, "changes[0]: "));
    }
}

static BkServerVerdict
judge (const char *json, const BkServerStored *stored)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerChange) change = parse (json, &error);
  g_autofree char *message = NULL;
  BkServerAccount account = { .id = (char *) "me", .role = BK_SERVER_ROLE_CANDIDATE };
  BkServerVerdict verdict;

  g_assert_no_error (error);
  verdict = bk_server_change_judge (change, &account, stored, &message);
  g_assert_true ((verdict == BK_SERVER_VERDICT_APPLY) == (message == NULL));
  return verdict;
}

#define APP_UPDATE(version, payload)                                                               \
  "{\"entity\": \"application\", \"entity_id\": \"" ID "\", \"operation\": \"update\", "           \
  "\"version\": " #version ", \"payload\": " payload "}"
#define APP_INSERT(payload)                                                                        \
  "{\"entity\": \"application\", \"entity_id\": \"" ID "\", \"operation\": \"insert\", "           \
  "\"version\": 1, \"payload\": " payload "}"

static void
test_judge_versions_and_owners (void)
{
  BkServerStored none = { 0 };
  BkServerStored mine = { .exists = TRUE, .owner_id = "me", .version = 2, .payload = "{}" };
  BkServerStored theirs = { .exists = TRUE, .owner_id = "them", .version = 2, .payload = "{}" };
  BkServerStored deleted = { .exists = TRUE, .owner_id = "me", .version = 3, .deleted = TRUE };

  g_assert_cmpint (judge (APP_INSERT ("{}"), &none), ==, BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_INSERT ("{}"), &mine), ==, BK_SERVER_VERDICT_CONFLICT);
  g_assert_cmpint (judge (APP_INSERT ("{}"), &theirs), ==, BK_SERVER_VERDICT_TAKEN);
  g_assert_cmpint (judge (APP_UPDATE (3, "{}"), &mine), ==, BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_UPDATE (2, "{}"), &mine), ==, BK_SERVER_VERDICT_CONFLICT);
  g_assert_cmpint (judge (APP_UPDATE (3, "{}"), &theirs), ==, BK_SERVER_VERDICT_NOT_FOUND);
  g_assert_cmpint (judge (APP_UPDATE (3, "{}"), &none), ==, BK_SERVER_VERDICT_NOT_FOUND);
  g_assert_cmpint (judge (APP_UPDATE (4, "{}"), &deleted), ==, BK_SERVER_VERDICT_CONFLICT);
}

static void
test_judge_parent (void)
{
  BkServerStored own_parent = { .parent_exists = TRUE, .parent_owner_id = "me" };
  BkServerStored their_parent = { .parent_exists = TRUE, .parent_owner_id = "them" };
  BkServerStored deleted_parent = { .parent_exists = TRUE,
                                    .parent_owner_id = "me",
                                    .parent_deleted = TRUE };
  BkServerStored no_parent = { 0 };
  const char *json = APP_INSERT ("{\"profile_id\": \"" PARENT "\"}");

  g_assert_cmpint (judge (json, &own_parent), ==, BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (json, &their_parent), ==, BK_SERVER_VERDICT_NOT_FOUND);
  g_assert_cmpint (judge (json, &deleted_parent), ==, BK_SERVER_VERDICT_NOT_FOUND);
  g_assert_cmpint (judge (json, &no_parent), ==, BK_SERVER_VERDICT_NOT_FOUND);
}

static void
test_judge_server_fields (void)
{
  BkServerStored none = { 0 };
  BkServerStored draft = {
    .exists = TRUE, .owner_id = "me", .version = 1, .payload = "{\"state\": \"draft\"}"
  };
  BkServerStored confirmed = { .exists = TRUE,
                               .owner_id = "me",
                               .version = 1,
                               .payload = "{\"state\": \"confirmed\", \"ticket\": {\"seat\": 7}}" };

  /* A candidate may insert a draft or a submitted application, and submit
   * a draft; nothing else. */
  g_assert_cmpint (judge (APP_INSERT ("{\"state\": \"draft\"}"), &none), ==,
                   BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_INSERT ("{\"state\": \"submitted\"}"), &none), ==,
                   BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_INSERT ("{\"state\": \"confirmed\"}"), &none), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_INSERT ("{\"ticket\": null}"), &none), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"state\": \"submitted\"}"), &draft), ==,
                   BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"state\": \"certified\"}"), &draft), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);

  /* The server's values sent back unchanged, or left out, are fine. */
  g_assert_cmpint (
    judge (APP_UPDATE (2, "{\"state\": \"confirmed\", \"ticket\": {\"seat\": 7}}"), &confirmed), ==,
    BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"mode\": \"full\"}"), &confirmed), ==,
                   BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"state\": \"draft\"}"), &confirmed), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"ticket\": {\"seat\": 8}}"), &confirmed), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"scores\": [90]}"), &confirmed), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
}

static void
test_judge_frozen_after_submission (void)
{
  BkServerStored draft = { .exists = TRUE,
                           .owner_id = "me",
                           .version = 1,
                           .payload = "{\"state\": \"draft\", \"level\": 1, \"point_code\": "
                                      "\"2916\"}" };
  BkServerStored submitted = { .exists = TRUE,
                               .owner_id = "me",
                               .version = 1,
                               .payload = "{\"state\": \"submitted\", \"level\": 1, "
                                          "\"mode\": \"all\", \"point_code\": \"2916\", "
                                          "\"commitment\": \"yes\"}" };

  /* A draft is the candidate's to change. */
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"state\": \"draft\", \"level\": 2}"), &draft), ==,
                   BK_SERVER_VERDICT_APPLY);
  /* What the workflow checked stays as it was checked: sent unchanged or
   * left out is fine, a change is refused. */
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"level\": 1, \"point_code\": \"2916\"}"), &submitted),
                   ==, BK_SERVER_VERDICT_APPLY);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"level\": 2}"), &submitted), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"point_code\": \"0001\"}"), &submitted), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
  g_assert_cmpint (judge (APP_UPDATE (2, "{\"commitment\": \"no\"}"), &submitted), ==,
                   BK_SERVER_VERDICT_FORBIDDEN);
}

static void
test_merge_keeps_server_fields (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkServerChange)
    change = parse (APP_UPDATE (2, "{\"id\": \"" ID "\", \"mode\": \"full\"}"), &error);
  g_autofree char *merged = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  merged = bk_server_change_merge_owned (
    change, "{\"state\": \"confirmed\", \"ticket\": {\"seat\": 7}, \"mode\": \"part\"}");
  node = json_from_string (merged, NULL);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "full");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "confirmed");
  g_assert_cmpint (
    json_object_get_int_member (json_object_get_object_member (object, "ticket"), "seat"), ==, 7);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/change/parse-outbox-row", test_parse_outbox_row);
  g_test_add_func ("/server/change/parse-refuses", test_parse_refuses);
  g_test_add_func ("/server/change/judge-versions-and-owners", test_judge_versions_and_owners);
  g_test_add_func ("/server/change/judge-parent", test_judge_parent);
  g_test_add_func ("/server/change/judge-server-fields", test_judge_server_fields);
  g_test_add_func ("/server/change/judge-frozen-after-submission",
                   test_judge_frozen_after_submission);
  g_test_add_func ("/server/change/merge-keeps-server-fields", test_merge_keeps_server_fields);

  return g_test_run ();
}
