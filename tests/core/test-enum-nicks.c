/* test-enum-nicks.c — the nicks of the core enums are stored in databases
 * and JSON files: they must never change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-application-state.h"
#include "bk-education-entry.h"
#include "bk-education-record.h"
#include "bk-eligibility-case.h"
#include "bk-eligibility-verdict.h"
#include "bk-enum-nick.h"
#include "bk-exam-application.h"
#include "bk-id-document.h"
#include "bk-profile.h"

typedef const char *(*ToNick) (int value);
typedef gboolean (*FromNick) (const char *nick, int *value);

/* Each nick in value order, then NULL. */
static void
assert_nicks (ToNick to_nick, FromNick from_nick, const char *const *expected)
{
  guint n = 0;

  for (; expected[n] != NULL; n++)
    {
      int value = -1;

      g_test_message ("%u: %s", n, expected[n]);
      g_assert_cmpstr (to_nick ((int) n), ==, expected[n]);
      if (from_nick != NULL)
        {
          g_assert_true (from_nick (expected[n], &value));
          g_assert_cmpint (value, ==, (int) n);
        }
    }
  if (from_nick != NULL)
    {
      int value = -1;

      g_assert_false (from_nick ("no-such-nick", &value));
      g_assert_false (from_nick (NULL, &value));
      g_assert_false (from_nick ("", &value));
    }
}

static void
test_application_state (void)
{
  static const char *const nicks[] = {
    "draft",
    "submitted",
    "automatic-check-passed",
    "automatic-check-failed",
    "proofs-submitted",
    "manual-check-passed",
    "terminated",
    "spot-check-passed",
    "spot-check-failed",
    "confirmed",
    "ticket-printed",
    "exam-taken",
    "scores-published",
    "certified",
    "lapsed",
    NULL,
  };

  g_assert_cmpuint (g_strv_length ((char **) nicks), ==, BK_APPLICATION_STATE_LAST + 1);
  assert_nicks ((ToNick) bk_application_state_to_nick, (FromNick) bk_application_state_from_nick,
                nicks);
}

static void
test_commitment (void)
{
  static const char *const nicks[] = { "unset", "yes", "no", NULL };

  assert_nicks ((ToNick) bk_commitment_to_nick, (FromNick) bk_commitment_from_nick, nicks);
}

static void
test_education_level (void)
{
  static const char *const nicks[] = {
    "below-secondary",
    "secondary-vocational",
    "associate",
    "bachelor",
    "second-bachelor",
    "postgraduate-class",
    "master",
    "doctor",
    NULL,
  };

  assert_nicks ((ToNick) bk_education_level_to_nick, (FromNick) bk_education_level_from_nick,
                nicks);
}

static void
test_discipline (void)
{
  static const char *const nicks[] = { "science", "engineering", "other", NULL };

  assert_nicks ((ToNick) bk_discipline_to_nick, (FromNick) bk_discipline_from_nick, nicks);
}

static void
test_exam_mode (void)
{
  static const char *const nicks[] = { "all", "exempt", NULL };

  assert_nicks ((ToNick) bk_exam_mode_to_nick, (FromNick) bk_exam_mode_from_nick, nicks);
}

static void
test_senior_title (void)
{
  static const char *const nicks[] = { "none", "engineering", "natural-science-research", "other",
                                       NULL };

  assert_nicks ((ToNick) bk_senior_title_to_nick, (FromNick) bk_senior_title_from_nick, nicks);
}

static void
test_verification_route (void)
{
  static const char *const nicks[] = { "automatic", "proofs", "on-site", NULL };

  assert_nicks ((ToNick) bk_verification_route_to_nick, NULL, nicks);
}

static void
test_id_type (void)
{
  static const char *const nicks[] = { "resident-id", "hk-macau-taiwan", "passport", "military",
                                       NULL };

  assert_nicks ((ToNick) bk_id_type_to_nick, (FromNick) bk_id_type_from_nick, nicks);
}

static void
test_sex (void)
{
  static const char *const nicks[] = { "unknown", "male", "female", NULL };

  assert_nicks ((ToNick) bk_sex_to_nick, NULL, nicks);
}

/* The list a JSON reader shows when a value is not one of the nicks. */
static void
test_join (void)
{
  g_autofree char *modes = bk_enum_join_nicks (BK_TYPE_EXAM_MODE, ", ");
  g_autofree char *levels = bk_enum_join_nicks (BK_TYPE_EDUCATION_LEVEL, ", ");
  int value = -1;

  g_assert_cmpstr (modes, ==, "all, exempt");
  g_assert_cmpstr (levels, ==,
                   "below-secondary, secondary-vocational, associate, bachelor, second-bachelor, "
                   "postgraduate-class, master, doctor");
  /* Only nicks are accepted, not the C names. */
  g_assert_false (bk_enum_from_nick (BK_TYPE_EXAM_MODE, "BK_EXAM_MODE_ALL", &value));
  g_assert_true (bk_enum_from_nick (BK_TYPE_EXAM_MODE, "exempt", NULL));
}

/* The models' enum properties are of the enum types, so a property's value
 * has the same nick as the store and JSON use. */
static void
assert_enum_property (GType object_type, const char *name, GType enum_type, int value)
{
  g_autoptr (GObject) object = g_object_new (object_type, NULL);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  g_auto (GValue) gvalue = G_VALUE_INIT;

  g_test_message ("%s:%s", g_type_name (object_type), name);
  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (pspec) == enum_type);

  if (pspec->flags & G_PARAM_WRITABLE)
    g_object_set (object, name, value, NULL);
  g_value_init (&gvalue, enum_type);
  g_object_get_property (object, name, &gvalue);
  if (pspec->flags & G_PARAM_WRITABLE)
    g_assert_cmpint (g_value_get_enum (&gvalue), ==, value);
}

static void
test_properties (void)
{
  assert_enum_property (BK_TYPE_PROFILE, "id-type", BK_TYPE_ID_TYPE, BK_ID_TYPE_PASSPORT);
  /* The sex of a new profile follows its (empty) ID number. */
  assert_enum_property (BK_TYPE_PROFILE, "sex", BK_TYPE_SEX, BK_SEX_UNKNOWN);
  assert_enum_property (BK_TYPE_PROFILE, "senior-title", BK_TYPE_SENIOR_TITLE,
                        BK_SENIOR_TITLE_ENGINEERING);
  assert_enum_property (BK_TYPE_EDUCATION_ENTRY, "level", BK_TYPE_EDUCATION_LEVEL,
                        BK_EDUCATION_LEVEL_MASTER);
  assert_enum_property (BK_TYPE_EDUCATION_ENTRY, "discipline", BK_TYPE_DISCIPLINE,
                        BK_DISCIPLINE_SCIENCE);
  assert_enum_property (BK_TYPE_EXAM_APPLICATION, "mode", BK_TYPE_EXAM_MODE, BK_EXAM_MODE_EXEMPT);
  assert_enum_property (BK_TYPE_EXAM_APPLICATION, "commitment", BK_TYPE_COMMITMENT,
                        BK_COMMITMENT_UNSET);
  assert_enum_property (BK_TYPE_EXAM_APPLICATION, "state", BK_TYPE_APPLICATION_STATE,
                        BK_APPLICATION_STATE_DRAFT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enum-nicks/application-state", test_application_state);
  g_test_add_func ("/enum-nicks/commitment", test_commitment);
  g_test_add_func ("/enum-nicks/education-level", test_education_level);
  g_test_add_func ("/enum-nicks/discipline", test_discipline);
  g_test_add_func ("/enum-nicks/exam-mode", test_exam_mode);
  g_test_add_func ("/enum-nicks/senior-title", test_senior_title);
  g_test_add_func ("/enum-nicks/verification-route", test_verification_route);
  g_test_add_func ("/enum-nicks/id-type", test_id_type);
  g_test_add_func ("/enum-nicks/sex", test_sex);
  g_test_add_func ("/enum-nicks/join", test_join);
  g_test_add_func ("/enum-nicks/properties", test_properties);

  return g_test_run ();
}
