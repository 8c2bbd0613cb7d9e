/* test-eligibility-case.c — reading a case from JSON; errors name the field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-eligibility-case.h"

static void
test_full_case (void)
{
  const char *json =
    "{\"session\": \"liaoning-2020\", \"level\": 1, \"mode\": \"exempt\","
    " \"education\": [{\"level\": \"master\", \"discipline\": \"engineering\","
    "   \"graduated\": \"2012-07-01\", \"full_time\": true, \"foreign\": true}],"
    " \"work\": [{\"from\": \"2012-08-01\", \"to\": null, \"metrology\": true},"
    "            {\"from\": \"2010-01-01\", \"to\": \"2011-12-31\", \"metrology\": false}],"
    " \"senior_title\": \"natural-science-research\","
    " \"verification_officer_certificate\": true, \"integrity_record\": true,"
    " \"id_type\": \"passport\"}";
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEligibilityCase) c = bk_eligibility_case_new_from_data (json, -1, &error);
  g_autoptr (BkEligibilityCase) copy = NULL;
  BkEducationRecord *r;
  BkWorkPeriod *p;
  char buf[16];

  g_assert_no_error (error);
  g_assert_cmpstr (c->session_id, ==, "liaoning-2020");
  g_assert_cmpuint (c->level, ==, 1);
  g_assert_cmpint (c->mode, ==, BK_EXAM_MODE_EXEMPT);
  g_assert_cmpuint (c->education->len, ==, 1);
  r = c->education->pdata[0];
  g_assert_cmpint (r->level, ==, BK_EDUCATION_LEVEL_MASTER);
  g_assert_cmpint (r->discipline, ==, BK_DISCIPLINE_ENGINEERING);
  g_assert_cmpstr (bk_dates_format (&r->graduated, buf), ==, "2012-07-01");
  g_assert_true (r->full_time);
  g_assert_true (r->foreign);
  g_assert_cmpuint (c->work->len, ==, 2);
  p = c->work->pdata[0];
  g_assert_true (bk_work_period_is_ongoing (p));
  g_assert_true (p->metrology);
  p = c->work->pdata[1];
  g_assert_false (bk_work_period_is_ongoing (p));
  g_assert_cmpint (c->senior_title, ==, BK_SENIOR_TITLE_NATURAL_SCIENCE_RESEARCH);
  g_assert_true (c->verification_officer_certificate);
  g_assert_true (c->integrity_record);
  g_assert_cmpint (c->id_type, ==, BK_ID_TYPE_PASSPORT);

  copy = bk_eligibility_case_copy (c);
  g_assert_cmpuint (copy->work->len, ==, 2);
  g_assert_true (copy->education->pdata[0] != c->education->pdata[0]);
}

static void
test_defaults (void)
{
  const char *json = "{\"session\": \"shanghai-2026\", \"level\": 2, \"education\": [],"
                     " \"work\": []}";
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEligibilityCase) c = bk_eligibility_case_new_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (c->mode, ==, BK_EXAM_MODE_ALL);
  g_assert_cmpint (c->senior_title, ==, BK_SENIOR_TITLE_NONE);
  g_assert_cmpint (c->id_type, ==, BK_ID_TYPE_RESIDENT_ID);
  g_assert_false (c->integrity_record);
}

static const struct
{
  const char *json;
  const char *field;
} bad[] = {
  { "[]", NULL },
  { "{\"level\": 1, \"education\": [], \"work\": []}", "“session”" },
  { "{\"session\": \"x\", \"level\": 3, \"education\": [], \"work\": []}", "“level”" },
  { "{\"session\": \"x\", \"level\": \"1\", \"education\": [], \"work\": []}", "“level”" },
  { "{\"session\": \"x\", \"level\": 1, \"mode\": \"half\", \"education\": [], \"work\": []}",
    "“mode”" },
  { "{\"session\": \"x\", \"level\": 1, \"work\": []}", "“education”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": {}, \"work\": []}", "“education”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"phd\", "
    "\"graduated\": \"2010-01-01\"}], \"work\": []}",
    "“education[0].level”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"science\", \"graduated\": \"2010-02-30\"}], \"work\": []}",
    "“education[0].graduated”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"graduated\": \"2010-02-03\", \"full_time\": true, \"foreign\": false}], \"work\": []}",
    "“education[0].discipline”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"science\", \"graduated\": \"2010-02-03\", \"foreign\": false}], "
    "\"work\": []}",
    "“education[0].full_time”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"science\", \"graduated\": \"2010-02-03\", \"full_time\": true}], "
    "\"work\": []}",
    "“education[0].foreign”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"2010-01-01\", \"metrology\": true}]}",
    "“work[0].to”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"art\", \"graduated\": \"2010-02-03\"}], \"work\": []}",
    "“education[0].discipline”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"science\", \"graduated\": \"2010-02-03\", \"full_time\": \"yes\"}], "
    "\"work\": []}",
    "“education[0].full_time”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"2010/01/01\", \"to\": null, \"metrology\": true}]}",
    "“work[0].from”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"2010-01-01\", \"to\": \"2009-12-31\", \"metrology\": true}]}",
    "“work[0].to”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"2010-01-01\", \"to\": null}]}",
    "“work[0].metrology”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [], "
    "\"senior_title\": \"professor\"}",
    "“senior_title”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [], "
    "\"integrity_record\": 0}",
    "“integrity_record”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [], "
    "\"id_type\": \"licence\"}",
    "“id_type”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [{\"level\": \"doctor\", "
    "\"discipline\": \"science\", \"graduated\": \"9999-12-31\", \"full_time\": true, "
    "\"foreign\": false}], \"work\": []}",
    "“education[0].graduated”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"1899-12-31\", \"to\": null, \"metrology\": true}]}",
    "“work[0].from”" },
  { "{\"session\": \"x\", \"level\": 1, \"education\": [], \"work\": [{\"from\": "
    "\"2010-01-01\", \"to\": \"2101-01-01\", \"metrology\": true}]}",
    "“work[0].to”" },
  { "{\"session\": ", NULL },
  { "", NULL },
};

/* The parser recurses once per level: a deep input is refused before it
 * runs (a million levels overflowed the stack), brackets in strings are
 * not levels, and a case larger than the limit is refused. */
static void
test_bounds (void)
{
  gsize n = 1000000;
  g_autofree char *deep = g_malloc (n + 1);
  g_autoptr (GString) big = g_string_new ("{\"session\": \"");
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEligibilityCase) c = NULL;
  const char *quoted = "{\"session\": \"[[[[\\\"{{{{\", \"level\": 1, \"education\": [], "
                       "\"work\": []}";

  memset (deep, '[', n);
  deep[n] = '\0';
  c = bk_eligibility_case_new_from_data (deep, -1, &error);
  g_assert_null (c);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "levels deep"));
  g_clear_error (&error);

  c = bk_eligibility_case_new_from_data (quoted, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->session_id, ==, "[[[[\"{{{{");
  g_clear_pointer (&c, bk_eligibility_case_free);

  while (big->len <= BK_ELIGIBILITY_CASE_MAX_SIZE)
    g_string_append (big, "xxxxxxxxxxxxxxxx");
  g_string_append (big, "\", \"level\": 1, \"education\": [], \"work\": []}");
  c = bk_eligibility_case_new_from_data (big->str, (gssize) big->len, &error);
  g_assert_null (c);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "1 MiB"));
}

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkEligibilityCase) c = bk_eligibility_case_new_from_data (bad[i].json, -1, &error);

      g_test_message ("%s → %s", bad[i].json, error ? error->message : "(accepted)");
      g_assert_null (c);
      g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
      if (bad[i].field != NULL)
        g_assert_nonnull (strstr (error->message, bad[i].field));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case/full", test_full_case);
  g_test_add_func ("/case/defaults", test_defaults);
  g_test_add_func ("/case/malformed", test_malformed);
  g_test_add_func ("/case/bounds", test_bounds);

  return g_test_run ();
}
