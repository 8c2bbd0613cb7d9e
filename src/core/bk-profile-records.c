/* bk-profile-records.c — a candidate's profile rebuilt from the records
 * they pushed (their JSON payloads, as the server stores them): the
 * server's automatic check and the help desk's second look judge the
 * same profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-dates.h"
#include "bk-enum-nick.h"
#include "bk-profile.h"

/* A string member, or NULL when absent or of another type. */
static const char *
string_of (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
bool_of (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static int
enum_of (JsonObject *object, const char *member, GType type, int fallback)
{
  int value = fallback;

  if (!bk_enum_from_nick (type, string_of (object, member), &value))
    return fallback;
  return value;
}

/* An invalid date when absent or not a date. */
static void
date_of (JsonObject *object, const char *member, GDate *date)
{
  g_date_clear (date, 1);
  if (string_of (object, member) == NULL || !bk_dates_parse (string_of (object, member), date))
    g_date_clear (date, 1);
}

static void
add_education (BkProfile *profile, JsonObject *fields)
{
  g_autoptr (BkEducationEntry) entry = bk_education_entry_new ();
  GDate date;

  bk_education_entry_set_level (
    entry, enum_of (fields, "level", BK_TYPE_EDUCATION_LEVEL, BK_EDUCATION_LEVEL_BELOW_SECONDARY));
  bk_education_entry_set_discipline (
    entry, enum_of (fields, "discipline", BK_TYPE_DISCIPLINE, BK_DISCIPLINE_OTHER));
  date_of (fields, "graduated", &date);
  bk_education_entry_set_graduated (entry, &date);
  bk_education_entry_set_full_time (entry, bool_of (fields, "full_time"));
  bk_education_entry_set_foreign (entry, bool_of (fields, "foreign"));
  if (string_of (fields, "school") != NULL)
    bk_education_entry_set_school (entry, string_of (fields, "school"));
  if (string_of (fields, "major") != NULL)
    bk_education_entry_set_major (entry, string_of (fields, "major"));
  if (string_of (fields, "certificate_number") != NULL)
    bk_education_entry_set_certificate_number (entry, string_of (fields, "certificate_number"));
  bk_profile_add_education (profile, entry);
}

static void
add_work (BkProfile *profile, JsonObject *fields)
{
  g_autoptr (BkWorkEntry) entry = bk_work_entry_new ();
  GDate date;

  date_of (fields, "from", &date);
  bk_work_entry_set_from (entry, &date);
  date_of (fields, "to", &date);
  bk_work_entry_set_to (entry, &date);
  bk_work_entry_set_metrology (entry, bool_of (fields, "metrology"));
  if (string_of (fields, "employer") != NULL)
    bk_work_entry_set_employer (entry, string_of (fields, "employer"));
  bk_profile_add_work (profile, entry);
}

/* What else the profile's completeness looks at (bk_profile_get_completeness()). */
static void
set_completeness_fields (BkProfile *self, JsonObject *fields)
{
  static const struct
  {
    const char *member;
    void (*set) (BkProfile *self, const char *value);
  } texts[] = {
    { "mobile", bk_profile_set_mobile },       { "user_name", bk_profile_set_user_name },
    { "ethnicity", bk_profile_set_ethnicity }, { "email", bk_profile_set_email },
    { "address", bk_profile_set_address },     { "postcode", bk_profile_set_postcode },
    { "work_unit", bk_profile_set_work_unit },
  };
  const char *sex = string_of (fields, "sex");
  BkSex value = BK_SEX_UNKNOWN;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (string_of (fields, texts[i].member) != NULL)
      texts[i].set (self, string_of (fields, texts[i].member));
  if (sex != NULL && bk_sex_from_nick (sex, &value))
    bk_profile_set_sex (self, value);
  date_of (fields, "birth_date", &date);
  bk_profile_set_birth_date (self, &date);
}

BkProfile *
bk_profile_new_from_records (JsonObject *profile, GPtrArray *education, GPtrArray *work)
{
  g_autoptr (BkProfile) self = NULL;
  const char *profile_id;

  g_return_val_if_fail (profile != NULL, NULL);

  profile_id = string_of (profile, "id");
  self = bk_profile_new ();
  bk_profile_set_id_type (self, enum_of (profile, "id_type", BK_TYPE_ID_TYPE, BK_ID_TYPE_PASSPORT));
  if (string_of (profile, "id_number") != NULL)
    bk_profile_set_id_number (self, string_of (profile, "id_number"));
  if (string_of (profile, "real_name") != NULL)
    bk_profile_set_real_name (self, string_of (profile, "real_name"));
  bk_profile_set_senior_title (
    self, enum_of (profile, "senior_title", BK_TYPE_SENIOR_TITLE, BK_SENIOR_TITLE_NONE));
  bk_profile_set_verification_officer_certificate (
    self, bool_of (profile, "verification_officer_certificate"));
  set_completeness_fields (self, profile);

  for (guint i = 0; education != NULL && i < education->len; i++)
    if (g_strcmp0 (string_of (education->pdata[i], "profile_id"), profile_id) == 0)
      add_education (self, education->pdata[i]);
  for (guint i = 0; work != NULL && i < work->len; i++)
    if (g_strcmp0 (string_of (work->pdata[i], "profile_id"), profile_id) == 0)
      add_work (self, work->pdata[i]);
  return g_steal_pointer (&self);
}
