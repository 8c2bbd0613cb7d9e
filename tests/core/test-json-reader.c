/* test-json-reader.c — typed members, and errors that name the file and field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"
#include "bk-eligibility-case.h"
#include "bk-json-reader.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_file_and_path (void)
{
  g_autoptr (JsonNode) root = parse ("{\"levels\": [{\"name\": 3}]}");
  g_autoptr (GError) error = NULL;
  JsonObject *level;
  BkJsonReader r;
  const char *name;

  bk_json_reader_init (&r, "sessions/x.json", &error);
  level = json_array_get_object_element (
    bk_json_reader_get_array (&r, json_node_get_object (root), "", "levels", BK_JSON_REQUIRED), 0);
  g_assert_false (
    bk_json_reader_get_string (&r, level, "levels[0]", "name", BK_JSON_REQUIRED, &name));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "sessions/x.json: field “levels[0].name”: expected a string.");
  g_assert_true (bk_json_reader_failed (&r));
}

static void
test_no_file_first_problem (void)
{
  g_autoptr (JsonNode) root = parse ("{\"level\": \"one\"}");
  g_autoptr (GError) error = NULL;
  JsonObject *o = json_node_get_object (root);
  BkJsonReader r;
  guint level;
  gboolean flag;

  bk_json_reader_init (&r, NULL, &error);
  g_assert_false (bk_json_reader_get_uint (&r, o, "", "level", 1, 2, &level));
  /* A second problem does not replace the first. */
  g_assert_false (bk_json_reader_get_bool (&r, o, "", "flag", BK_JSON_REQUIRED, &flag));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Field “level”: expected a whole number.");
}

static void
test_absent_null_empty (void)
{
  g_autoptr (JsonNode) root = parse ("{\"to\": null, \"note\": \"\", \"tags\": [\"a\", \"\"]}");
  JsonObject *o = json_node_get_object (root);
  BkJsonReader r;
  GError *error = NULL;
  const char *text = "unset";
  GDate date;
  g_auto (GStrv) tags = NULL;

  /* Optional and absent, or null where null may stand for absent: no problem. */
  bk_json_reader_init (&r, NULL, &error);
  g_date_clear (&date, 1);
  g_assert_true (bk_json_reader_get_string (&r, o, "", "city", BK_JSON_OPTIONAL, &text));
  g_assert_null (text);
  g_assert_true (
    bk_json_reader_get_date (&r, o, "", "to", BK_JSON_REQUIRED | BK_JSON_NULLABLE, &date));
  g_assert_false (g_date_valid (&date));
  g_assert_true (bk_json_reader_get_string (&r, o, "", "note", BK_JSON_REQUIRED, &text));
  g_assert_cmpstr (text, ==, "");
  g_assert_false (bk_json_reader_failed (&r));
  g_assert_no_error (error);

  /* Null is a problem where it may not stand for absent. */
  g_assert_false (bk_json_reader_get_date (&r, o, "", "to", BK_JSON_REQUIRED, &date));
  g_assert_cmpstr (error->message, ==, "Field “to”: expected a string.");
  g_clear_error (&error);

  bk_json_reader_init (&r, NULL, &error);
  g_assert_false (bk_json_reader_get_string (&r, o, "", "note", BK_JSON_NON_EMPTY, &text));
  g_assert_cmpstr (error->message, ==, "Field “note”: is empty; write the text.");
  g_clear_error (&error);

  bk_json_reader_init (&r, NULL, &error);
  g_assert_false (bk_json_reader_get_strv (&r, o, "point", "tags", BK_JSON_REQUIRED, &tags));
  g_assert_cmpstr (error->message, ==, "Field “point.tags[1]”: expected a non-empty string.");
  g_clear_error (&error);

  bk_json_reader_init (&r, NULL, &error);
  g_assert_false (bk_json_reader_get_string (&r, o, "", "city", BK_JSON_REQUIRED, &text));
  g_assert_cmpstr (error->message, ==, "Field “city”: missing; add it.");
  g_clear_error (&error);
}

static void
test_choice (void)
{
  g_autoptr (JsonNode) root = parse ("{\"mode\": \"exempt\", \"bad\": \"some\"}");
  g_autoptr (GError) error = NULL;
  JsonObject *o = json_node_get_object (root);
  BkJsonReader r;
  guint mode = 7;

  bk_json_reader_init (&r, NULL, &error);
  g_assert_true (
    bk_json_reader_get_choice (&r, o, "", "absent", BK_JSON_OPTIONAL, BK_TYPE_EXAM_MODE, &mode));
  g_assert_cmpuint (mode, ==, 7);
  g_assert_true (
    bk_json_reader_get_choice (&r, o, "", "mode", BK_JSON_REQUIRED, BK_TYPE_EXAM_MODE, &mode));
  g_assert_cmpuint (mode, ==, BK_EXAM_MODE_EXEMPT);
  g_assert_false (
    bk_json_reader_get_choice (&r, o, "", "bad", BK_JSON_REQUIRED, BK_TYPE_EXAM_MODE, &mode));
  g_assert_cmpstr (error->message, ==, "Field “bad”: “some” is not one of: all, exempt.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/file-and-path", test_file_and_path);
  g_test_add_func ("/json-reader/no-file-first-problem", test_no_file_first_problem);
  g_test_add_func ("/json-reader/absent-null-empty", test_absent_null_empty);
  g_test_add_func ("/json-reader/choice", test_choice);

  return g_test_run ();
}
