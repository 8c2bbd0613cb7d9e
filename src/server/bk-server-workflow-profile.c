/* bk-server-workflow-profile.c
 *
 * The payloads are what the client's store writes to its outbox
 * (bk_profile_to_json(), bk_education_entry_to_json() and
 * bk_work_entry_to_json(), with "profile_id"): read back through core's
 * setters, so the server judges the same profile the client did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-dates.h"
#include "bk-enum-nick.h"
#include "bk-server-workflow-profile.h"
#include "bk-server-workflow-private.h"
#include "bk-server-workflow.h"

static JsonObject *
parse (const char *text)
{
  g_autoptr (JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
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

  if (!bk_enum_from_nick (type, bk_server_workflow_get_string (object, member), &value))
    return fallback;
  return value;
}

/* An invalid date when absent or not a date. */
static void
date_of (JsonObject *object, const char *member, GDate *date)
{
  g_date_clear (date, 1);
  if (bk_server_workflow_get_string (object, member) == NULL ||
      !bk_dates_parse (bk_server_workflow_get_string (object, member), date))
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
  if (bk_server_workflow_get_string (fields, "school") != NULL)
    bk_education_entry_set_school (entry, bk_server_workflow_get_string (fields, "school"));
  if (bk_server_workflow_get_string (fields, "major") != NULL)
    bk_education_entry_set_major (entry, bk_server_workflow_get_string (fields, "major"));
  if (bk_server_workflow_get_string (fields, "certificate_number") != NULL)
    bk_education_entry_set_certificate_number (
      entry, bk_server_workflow_get_string (fields, "certificate_number"));
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
  if (bk_server_workflow_get_string (fields, "employer") != NULL)
    bk_work_entry_set_employer (entry, bk_server_workflow_get_string (fields, "employer"));
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
  const char *sex = bk_server_workflow_get_string (fields, "sex");
  BkSex value = BK_SEX_UNKNOWN;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (bk_server_workflow_get_string (fields, texts[i].member) != NULL)
      texts[i].set (self, bk_server_workflow_get_string (fields, texts[i].member));
  if (sex != NULL && bk_sex_from_nick (sex, &value))
    bk_profile_set_sex (self, value);
  date_of (fields, "birth_date", &date);
  bk_profile_set_birth_date (self, &date);
  /* The password is the account's, which the candidate signed in with. */
  bk_profile_set_password_hash (self, "(the server account's)");
}

/* The standardised photo's record, accepted by the client's checks (the
 * server checks the file itself when it is uploaded, and then a refusal
 * there counts): the profile has its photo. The bytes are not needed. */
static void
add_photo (BkProfile *profile, JsonObject *fields)
{
  JsonObject *verdict = bk_server_workflow_get_object (fields, "verdict");
  g_autoptr (GBytes) placeholder = NULL;

  if (g_strcmp0 (bk_server_workflow_get_string (fields, "kind"), "standardised") != 0 ||
      !bool_of (fields, "accepted") || (verdict != NULL && !bool_of (verdict, "accepted")))
    return;
  placeholder = g_bytes_new_static ("", 0);
  g_object_set (profile, "photo-standardised", placeholder, "photo-accepted", TRUE, NULL);
}

BkProfile *
bk_server_workflow_profile_rebuild (const BkServerEntity *profile, GPtrArray *records)
{
  g_autoptr (BkProfile) self = NULL;
  g_autoptr (JsonObject) fields = NULL;

  g_return_val_if_fail (profile != NULL && records != NULL, NULL);

  fields = parse (profile->payload);
  if (fields == NULL)
    return NULL;
  self = bk_profile_new ();
  bk_profile_set_id_type (self, enum_of (fields, "id_type", BK_TYPE_ID_TYPE, BK_ID_TYPE_PASSPORT));
  if (bk_server_workflow_get_string (fields, "id_number") != NULL)
    bk_profile_set_id_number (self, bk_server_workflow_get_string (fields, "id_number"));
  if (bk_server_workflow_get_string (fields, "real_name") != NULL)
    bk_profile_set_real_name (self, bk_server_workflow_get_string (fields, "real_name"));
  bk_profile_set_senior_title (
    self, enum_of (fields, "senior_title", BK_TYPE_SENIOR_TITLE, BK_SENIOR_TITLE_NONE));
  bk_profile_set_verification_officer_certificate (
    self, bool_of (fields, "verification_officer_certificate"));
  set_completeness_fields (self, fields);

  for (guint i = 0; i < records->len; i++)
    {
      const BkServerEntity *record = records->pdata[i];
      g_autoptr (JsonObject) child = parse (record->payload);

      if (child == NULL ||
          g_strcmp0 (bk_server_workflow_get_string (child, "profile_id"), profile->id) != 0)
        continue;
      if (g_str_equal (record->type, "education"))
        add_education (self, child);
      else if (g_str_equal (record->type, "work_period"))
        add_work (self, child);
      else if (g_str_equal (record->type, "photo"))
        add_photo (self, child);
    }
  return g_steal_pointer (&self);
}
