/* bk-profile-export.c — a profile in the forms other parts read: the case
 * for the eligibility rules and the JSON payload of the outbox
 *
 * Part of BkProfile (declared in bk-profile.h); works through the
 * profile's public accessors only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bk-dates.h"
#include "bk-profile.h"

BkEligibilityCase *
bk_profile_to_eligibility_case (BkProfile *self,
                                const char *session_id,
                                guint level,
                                BkExamMode mode)
{
  BkEligibilityCase *eligibility_case;
  GListModel *education, *work;

  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);
  g_return_val_if_fail (level == 1 || level == 2, NULL);

  eligibility_case = bk_eligibility_case_new ();
  eligibility_case->session_id = g_strdup (session_id);
  eligibility_case->level = level;
  eligibility_case->mode = mode;
  eligibility_case->senior_title = bk_profile_get_senior_title (self);
  eligibility_case->verification_officer_certificate =
    bk_profile_get_verification_officer_certificate (self);
  eligibility_case->id_type = bk_profile_get_id_type (self);

  /* Records without their dates cannot be counted; the profile page
   * reports them as incomplete. */
  education = bk_profile_get_education (self);
  for (guint i = 0; i < g_list_model_get_n_items (education); i++)
    {
      g_autoptr (BkEducationEntry) entry = g_list_model_get_item (education, i);

      if (g_date_valid (bk_education_entry_get_graduated (entry)))
        bk_eligibility_case_add_education (eligibility_case, bk_education_entry_to_record (entry));
    }
  work = bk_profile_get_work (self);
  for (guint i = 0; i < g_list_model_get_n_items (work); i++)
    {
      g_autoptr (BkWorkEntry) entry = g_list_model_get_item (work, i);

      if (g_date_valid (bk_work_entry_get_from (entry)))
        bk_eligibility_case_add_work (eligibility_case, bk_work_entry_to_period (entry));
    }
  return eligibility_case;
}

char *
bk_profile_to_json (BkProfile *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  static const struct
  {
    const char *(*get) (BkProfile *self);
    const char *member;
  } members[] = {
    { bk_profile_get_real_name, "real_name" }, { bk_profile_get_id_number, "id_number" },
    { bk_profile_get_mobile, "mobile" },       { bk_profile_get_user_name, "user_name" },
    { bk_profile_get_ethnicity, "ethnicity" }, { bk_profile_get_email, "email" },
    { bk_profile_get_address, "address" },     { bk_profile_get_postcode, "postcode" },
    { bk_profile_get_work_unit, "work_unit" },
  };
  char date[16];

  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bk_record_get_id (BK_RECORD (self)));
  json_builder_set_member_name (builder, "id_type");
  json_builder_add_string_value (builder, bk_id_type_to_nick (bk_profile_get_id_type (self)));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      json_builder_set_member_name (builder, members[i].member);
      json_builder_add_string_value (builder, members[i].get (self));
    }
  json_builder_set_member_name (builder, "sex");
  json_builder_add_string_value (builder, bk_sex_to_nick (bk_profile_get_sex (self)));
  json_builder_set_member_name (builder, "birth_date");
  if (g_date_valid (bk_profile_get_birth_date (self)))
    json_builder_add_string_value (builder,
                                   bk_dates_format (bk_profile_get_birth_date (self), date));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "senior_title");
  json_builder_add_string_value (builder,
                                 bk_senior_title_to_nick (bk_profile_get_senior_title (self)));
  json_builder_set_member_name (builder, "verification_officer_certificate");
  json_builder_add_boolean_value (builder, bk_profile_get_verification_officer_certificate (self));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
