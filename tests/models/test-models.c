/* test-models.c — the profile and its records as the pages edit them:
 * derived fields, validation messages, completeness, masking, passwords
 * and the clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-education-entry.h"
#include "bk-field-error.h"
#include "bk-password.h"
#include "bk-profile.h"
#include "bk-test-profiles.h"
#include "bk-work-entry.h"

#define NOW "2026-04-08T09:00:00+08:00"

/* A valid resident ID number from its first 17 digits. */
static char *
resident_id (const char *first17)
{
  return g_strdup_printf ("%s%c", first17, bk_id_document_compute_check_char (first17));
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_clock_override (void)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) fixed = NULL;
  g_autoptr (GDateTime) deadline = NULL;
  g_autofree char *text = NULL;
  GDate today;

  g_setenv ("BAOKAO_NOW", NOW, TRUE);
  now = bk_clock_get_now ();
  g_assert_cmpint (g_date_time_get_year (now), ==, 2026);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 9);
  g_assert_cmpint (g_date_time_get_utc_offset (now) / G_TIME_SPAN_HOUR, ==, 8);
  bk_clock_get_today (&today);
  g_assert_cmpint (g_date_get_day (&today), ==, 8);
  g_assert_cmpint (g_date_get_month (&today), ==, 4);

  /* Late in the evening in Shanghai is still the same day there. */
  g_setenv ("BAOKAO_NOW", "2026-04-08T23:30:00+08:00", TRUE);
  bk_clock_get_today (&today);
  g_assert_cmpint (g_date_get_day (&today), ==, 8);

  /* An explicit override wins over the environment. */
  fixed = g_date_time_new_from_iso8601 ("2020-08-14T09:00:00+08:00", NULL);
  bk_clock_set_now (fixed);
  g_clear_pointer (&now, g_date_time_unref);
  now = bk_clock_get_now ();
  g_assert_true (g_date_time_equal (now, fixed));
  bk_clock_set_now (NULL);

  g_setenv ("BAOKAO_NOW", NOW, TRUE);
  deadline = g_date_time_new_from_iso8601 ("2026-04-13T16:00:00+08:00", NULL);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "in 5 days ("));
  g_assert_nonnull (strstr (text, "2026-04-13 16:00"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadline, g_date_time_unref);

  deadline = g_date_time_new_from_iso8601 ("2026-04-09T10:00:00+08:00", NULL);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "tomorrow"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadline, g_date_time_unref);

  deadline = g_date_time_new_from_iso8601 ("2026-04-08T16:00:00+08:00", NULL);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "today"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadline, g_date_time_unref);

  /* 2026-04-07 16:00 UTC is already 8 April 00:00 in Shanghai. */
  deadline = g_date_time_new_from_iso8601 ("2026-04-07T16:00:00Z", NULL);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "earlier today"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadline, g_date_time_unref);

  deadline = g_date_time_new_from_iso8601 ("2026-04-05T16:00:00+08:00", NULL);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "3 days ago"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&deadline, g_date_time_unref);

  /* A window that ends at 10 April 00:00 ends tomorrow (9 April) at 24:00. */
  deadline = g_date_time_new_from_iso8601 ("2026-04-10T00:00:00+08:00", NULL);
  text = bk_clock_describe_deadline (deadline);
  g_assert_cmpstr (text, ==, "tomorrow (2026-04-09 24:00)");
  g_clear_pointer (&text, g_free);
  text = bk_clock_describe_relative (deadline);
  g_assert_true (g_str_has_prefix (text, "in 2 days"));
}

static void
test_clock_bad_environment (void)
{
  g_autoptr (GDateTime) now = NULL;

  g_setenv ("BAOKAO_NOW", "next Tuesday", TRUE);
  g_test_expect_message ("Baokao-Core", G_LOG_LEVEL_WARNING, "*BAOKAO_NOW*");
  now = bk_clock_get_now ();
  g_test_assert_expected_messages ();
  g_assert_nonnull (now);
  g_assert_cmpint (g_date_time_get_year (now), >=, 2024);
  /* Said once: a second reading is quiet (an unexpected warning is fatal
   * here), since deadlines read the clock on every redraw. */
  g_clear_pointer (&now, g_date_time_unref);
  now = bk_clock_get_now ();
  g_assert_nonnull (now);
  g_setenv ("BAOKAO_NOW", NOW, TRUE);
}

static void
test_password (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;

  g_assert_false (bk_password_validate ("short", &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "at least 8"));
  g_clear_error (&error);
  g_assert_null (bk_password_hash ("1234567", &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);
  {
    g_autofree char *long_password = g_strnfill (65, 'a');

    g_assert_false (bk_password_validate (long_password, &error));
    g_assert_nonnull (strstr (error->message, "at most 64"));
    g_clear_error (&error);
    long_password[64] = '\0';
    g_assert_true (bk_password_validate (long_password, &error));
    g_assert_no_error (error);
  }

  hash = bk_password_hash ("计量师2026!", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "计量师2026!"));
  g_assert_true (bk_password_verify (hash, "计量师2026!"));
  g_assert_false (bk_password_verify (hash, "计量师2026?"));
  g_assert_false (bk_password_verify ("", "计量师2026!"));
  g_assert_false (bk_password_verify ("garbage", "计量师2026!"));

  /* Salted: the same password never hashes the same way twice. */
  again = bk_password_hash ("计量师2026!", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);
}

typedef struct
{
  GMainLoop *loop;
  char *hash;
  gboolean matched;
  GThread *thread;
} PasswordData;

static void
hashed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasswordData *data = user_data;
  g_autoptr (GError) error = NULL;

  data->hash = bk_password_hash_finish (result, &error);
  g_assert_no_error (error);
  data->thread = g_thread_self ();
  g_main_loop_quit (data->loop);
}

static void
verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PasswordData *data = user_data;
  g_autoptr (GError) error = NULL;

  data->matched = bk_password_verify_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (data->loop);
}

static void
test_password_async (void)
{
  PasswordData data = { g_main_loop_new (NULL, FALSE), NULL, FALSE, NULL };
  g_autoptr (BkProfile) profile = bk_profile_new ();

  bk_password_hash_async ("correct horse battery", NULL, hashed_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_nonnull (data.hash);
  g_assert_true (data.thread == g_thread_self ());

  bk_password_verify_async (data.hash, "correct horse battery", NULL, verified_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_true (data.matched);
  bk_password_verify_async (data.hash, "wrong horse battery", NULL, verified_cb, &data);
  g_main_loop_run (data.loop);
  g_assert_false (data.matched);

  bk_profile_set_password_hash (profile, data.hash);
  g_assert_true (bk_profile_check_password (profile, "correct horse battery"));
  g_assert_false (bk_profile_check_password (profile, "correct horse"));

  g_free (data.hash);
  g_main_loop_unref (data.loop);
}

static void
test_profile_derives_from_id (void)
{
  g_autoptr (BkProfile) profile = bk_profile_new ();
  g_autofree char *male = resident_id ("11010519900307123");
  g_autofree char *female = resident_id ("11010519851120002");
  guint sex_notifies = 0, number_notifies = 0;
  const GDate *birth;
  GDate typed;

  g_signal_connect (profile, "notify::sex", G_CALLBACK (count_notify), &sex_notifies);
  g_signal_connect (profile, "notify::id-number", G_CALLBACK (count_notify), &number_notifies);

  g_assert_cmpstr (bk_profile_get_id_number (profile), ==, "");
  g_assert_true (bk_profile_get_derived_from_id (profile));
  g_assert_true (g_uuid_string_is_valid (bk_profile_get_id (profile)));
  g_assert_cmpint (bk_profile_get_version (profile), ==, 0);

  bk_profile_set_id_number (profile, male);
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_MALE);
  birth = bk_profile_get_birth_date (profile);
  g_assert_true (g_date_valid (birth));
  g_assert_cmpint (g_date_get_year (birth), ==, 1990);
  g_assert_cmpint (g_date_get_month (birth), ==, 3);
  g_assert_cmpint (g_date_get_day (birth), ==, 7);
  g_assert_cmpuint (number_notifies, ==, 1);
  g_assert_cmpuint (sex_notifies, ==, 1);

  /* Setting the same value again notifies nobody. */
  bk_profile_set_id_number (profile, male);
  g_assert_cmpuint (number_notifies, ==, 1);
  g_assert_cmpuint (sex_notifies, ==, 1);

  /* Derived fields cannot be typed over. */
  bk_profile_set_sex (profile, BK_SEX_FEMALE);
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_MALE);

  bk_profile_set_id_number (profile, female);
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_FEMALE);
  g_assert_cmpint (g_date_get_year (bk_profile_get_birth_date (profile)), ==, 1985);

  /* Half typed: unknown until the number is whole. */
  bk_profile_set_id_number (profile, "1101051985");
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_UNKNOWN);
  g_assert_false (g_date_valid (bk_profile_get_birth_date (profile)));

  /* Other documents: typed by hand. */
  bk_profile_set_id_type (profile, BK_ID_TYPE_PASSPORT);
  bk_profile_set_id_number (profile, "E12345678");
  g_assert_false (bk_profile_get_derived_from_id (profile));
  bk_test_set_date (&typed, 1979, 12, 31);
  bk_profile_set_sex (profile, BK_SEX_FEMALE);
  bk_profile_set_birth_date (profile, &typed);
  g_assert_cmpint (bk_profile_get_sex (profile), ==, BK_SEX_FEMALE);
  g_assert_cmpint (g_date_compare (bk_profile_get_birth_date (profile), &typed), ==, 0);
}

static void
test_profile_validation (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = bk_profile_new ();
  g_autofree char *good_id = resident_id ("44030519930415521");
  g_autofree char *bad_id = g_strdup (good_id);
  const char *field = NULL;

  g_assert_true (bk_profile_validate_mobile ("13800138000", &error));
  g_assert_true (bk_profile_validate_mobile ("19912345678", &error));
  g_assert_no_error (error);
  g_assert_false (bk_profile_validate_mobile ("1380013800", &error));
  g_assert_nonnull (strstr (error->message, "11 digits"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_mobile ("12800138000", &error));
  g_assert_nonnull (strstr (error->message, "13 to 19"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_mobile ("138-0013-800", &error));
  g_assert_nonnull (strstr (error->message, "digits only"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_mobile ("", &error));
  g_assert_nonnull (strstr (error->message, "SMS"));
  g_clear_error (&error);
  /* As a Chinese input method types them: full-width digits, spaces. */
  g_assert_true (bk_profile_validate_mobile ("１３８００１３８０００", &error));
  g_assert_true (bk_profile_validate_mobile (" 138 0013 8000 ", &error));
  g_assert_true (bk_profile_validate_postcode ("２００２３３", &error));
  g_assert_true (bk_education_entry_validate_certificate_number (
    "１０３５６１２０１２０５００１２３４", &error));
  g_assert_no_error (error);
  bk_profile_set_mobile (profile, "１３８ ００１３ ８０００");
  g_assert_cmpstr (bk_profile_get_mobile (profile), ==, "13800138000");
  bk_profile_set_postcode (profile, "２００２３３");
  g_assert_cmpstr (bk_profile_get_postcode (profile), ==, "200233");
  {
    g_autoptr (BkEducationEntry) education = bk_education_entry_new ();
    g_autofree char *full_width_id = g_strdup ("４４０３０５１９９３０４１５５２１");
    g_autoptr (GString) id = g_string_new (full_width_id);

    bk_education_entry_set_certificate_number (education, "１０３５６１２０１２０５００１２３４");
    g_assert_cmpstr (bk_education_entry_get_certificate_number (education), ==,
                     "103561201205001234");
    /* The ID number is stored as digits, and birth date and sex follow. */
    g_string_append_c (id, good_id[17]);
    bk_profile_set_id_type (profile, BK_ID_TYPE_RESIDENT_ID);
    bk_profile_set_id_number (profile, id->str);
    g_assert_cmpstr (bk_profile_get_id_number (profile), ==, good_id);
    g_assert_cmpint (bk_profile_get_sex (profile), !=, BK_SEX_UNKNOWN);
  }

  g_assert_true (bk_profile_validate_user_name ("zhang_san", &error));
  g_assert_no_error (error);
  g_assert_false (bk_profile_validate_user_name ("1zhang", &error));
  g_assert_nonnull (strstr (error->message, "start with a letter"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_user_name ("zs", &error));
  g_assert_nonnull (strstr (error->message, "4 to 20"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_user_name ("zhang san", &error));
  g_assert_nonnull (strstr (error->message, "underscore"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_user_name ("ｚｈａｎｇ＿ｓａｎ", &error));
  g_assert_nonnull (strstr (error->message, "full-width"));
  g_clear_error (&error);
  g_assert_false (bk_profile_validate_user_name ("张三abc", &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_true (bk_profile_validate_id_number (BK_ID_TYPE_RESIDENT_ID, good_id, &error));
  g_assert_no_error (error);
  bad_id[16] = bad_id[16] == '9' ? '0' : bad_id[16] + 1;
  g_assert_false (bk_profile_validate_id_number (BK_ID_TYPE_RESIDENT_ID, bad_id, &error));
  g_assert_nonnull (strstr (error->message, "check character"));
  g_clear_error (&error);

  g_assert_true (bk_profile_validate_postcode ("200233", &error));
  g_assert_false (bk_profile_validate_postcode ("20023", &error));
  g_assert_nonnull (strstr (error->message, "six digits"));
  g_clear_error (&error);
  g_assert_true (bk_profile_validate_email ("", &error));
  g_assert_true (bk_profile_validate_email ("li.si@example.cn", &error));
  g_assert_false (bk_profile_validate_email ("li.si@", &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* The account page names the first field at fault. */
  bk_profile_set_real_name (profile, "王五");
  bk_profile_set_id_number (profile, good_id);
  bk_profile_set_mobile (profile, "1391234567");
  g_assert_false (bk_profile_validate_account (profile, &field, &error));
  g_assert_cmpstr (field, ==, "mobile");
  g_clear_error (&error);
  bk_profile_set_mobile (profile, "13912345678");
  bk_profile_set_user_name (profile, "wangwu");
  g_assert_false (bk_profile_validate_account (profile, &field, &error));
  g_assert_cmpstr (field, ==, "password-hash");
  g_clear_error (&error);
  bk_profile_set_password_hash (profile, "$argon2id$x");
  g_assert_true (bk_profile_validate_account (profile, &field, &error));
  g_assert_no_error (error);
  g_assert_null (field);
}

static gboolean
contains (GPtrArray *array, const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (array->pdata[i], text))
      return TRUE;
  return FALSE;
}

static void
test_profile_completeness (void)
{
  g_autoptr (BkProfile) empty = bk_profile_new ();
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi_2026");
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (BkEducationEntry) second = bk_education_entry_new ();
  BkEducationEntry *first;
  guint notifies = 0;
  int value;

  value = bk_profile_get_completeness (empty, &missing);
  g_assert_cmpint (value, ==, 6); /* only the optional email is not missing */
  g_assert_true (contains (missing, "Mobile phone number"));
  g_assert_true (contains (missing, "A photo that passed the checks"));
  g_assert_true (contains (missing, "At least one education record"));
  g_assert_true (contains (missing, "At least one work period"));
  g_assert_true (contains (missing, "Postcode"));
  g_assert_false (contains (missing, "Email address"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  g_assert_cmpint (bk_profile_get_completeness (profile, &missing), ==, 100);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_object_get (profile, "completeness", &value, NULL);
  g_assert_cmpint (value, ==, 100);

  g_signal_connect (profile, "notify::completeness", G_CALLBACK (count_notify), &notifies);

  /* A half-filled record makes the profile incomplete, and filling it in
   * (an edit inside the list) makes it complete again. */
  bk_profile_add_education (profile, second);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpint (bk_profile_get_completeness (profile, &missing), <, 100);
  g_assert_true (contains (missing, "Every education record filled in correctly"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  first = g_list_model_get_item (bk_profile_get_education (profile), 0);
  bk_education_entry_set_school (second, bk_education_entry_get_school (first));
  bk_education_entry_set_major (second, bk_education_entry_get_major (first));
  bk_education_entry_set_graduated (second, bk_education_entry_get_graduated (first));
  bk_education_entry_set_certificate_number (second, "10356120120500123");
  g_object_unref (first);
  g_assert_cmpuint (notifies, ==, 2);
  g_object_get (profile, "completeness", &value, NULL);
  g_assert_cmpint (value, ==, 100);

  /* A photo that failed the checks does not count. */
  bk_profile_set_photo (profile, NULL, NULL, NULL, FALSE, NULL);
  g_assert_cmpint (bk_profile_get_completeness (profile, &missing), <, 100);
  g_assert_true (contains (missing, "A photo that passed the checks"));
  g_assert_cmpuint (notifies, ==, 3);
}

/* Removing an entry counts at once, and the removed entry no longer
 * changes the profile. */
static void
test_profile_entries (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi_2026");
  g_autoptr (BkWorkEntry) work = g_list_model_get_item (bk_profile_get_work (profile), 0);
  g_autoptr (GPtrArray) missing = NULL;
  guint notifies = 0;

  g_signal_connect (profile, "notify::completeness", G_CALLBACK (count_notify), &notifies);

  bk_profile_remove_work (profile, work);
  g_assert_cmpuint (g_list_model_get_n_items (bk_profile_get_work (profile)), ==, 0);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpint (bk_profile_get_completeness (profile, &missing), <, 100);
  g_assert_true (contains (missing, "At least one work period"));

  /* Removing it again does nothing; the removed entry is no longer watched. */
  bk_profile_remove_work (profile, work);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (g_signal_handler_find (work, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, profile),
                    ==, 0);

  bk_profile_add_work (profile, work);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpint (bk_profile_get_completeness (profile, NULL), ==, 100);
}

static void
test_profile_mask (void)
{
  g_autoptr (BkProfile) profile = bk_profile_new ();
  g_autofree char *id = resident_id ("11010519900307123");
  g_autofree char *masked = NULL;
  g_autofree char *passport = bk_profile_mask_id_number ("E12345678");
  g_autofree char *tiny = bk_profile_mask_id_number ("123");
  g_autofree char *han = bk_profile_mask_id_number ("南字第1234567号");

  bk_profile_set_id_number (profile, id);
  masked = bk_profile_get_masked_id_number (profile);
  g_assert_cmpuint (strlen (masked), ==, 18);
  g_assert_true (g_str_has_prefix (masked, "110***********"));
  g_assert_true (g_str_has_suffix (masked, id + 14));
  g_assert_null (strstr (masked, "19900307"));

  g_assert_cmpstr (passport, ==, "E*******8");
  g_assert_cmpstr (tiny, ==, "***");
  g_assert_cmpstr (han, ==, "南字第****567号");
}

static void
test_profile_to_eligibility_case (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi_2026");
  g_autoptr (BkWorkEntry) undated = bk_work_entry_new ();
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  BkEducationRecord *record;
  BkWorkPeriod *period;

  bk_profile_set_senior_title (profile, BK_SENIOR_TITLE_ENGINEERING);
  bk_profile_set_verification_officer_certificate (profile, TRUE);
  bk_profile_add_work (profile, undated);

  eligibility_case = bk_profile_to_eligibility_case (profile, "shanghai-2026", 1,
                                                     BK_EXAM_MODE_EXEMPT);
  g_assert_cmpstr (eligibility_case->session_id, ==, "shanghai-2026");
  g_assert_cmpuint (eligibility_case->level, ==, 1);
  g_assert_cmpint (eligibility_case->mode, ==, BK_EXAM_MODE_EXEMPT);
  g_assert_cmpint (eligibility_case->senior_title, ==, BK_SENIOR_TITLE_ENGINEERING);
  g_assert_true (eligibility_case->verification_officer_certificate);
  g_assert_cmpint (eligibility_case->id_type, ==, BK_ID_TYPE_RESIDENT_ID);
  g_assert_cmpuint (eligibility_case->education->len, ==, 1);
  /* The period without a start cannot be counted. */
  g_assert_cmpuint (eligibility_case->work->len, ==, 1);

  record = eligibility_case->education->pdata[0];
  g_assert_cmpint (record->level, ==, BK_EDUCATION_LEVEL_BACHELOR);
  g_assert_cmpint (record->discipline, ==, BK_DISCIPLINE_ENGINEERING);
  g_assert_cmpint (g_date_get_year (&record->graduated), ==, 2012);
  g_assert_cmpstr (record->major, ==, "测控技术与仪器（计量方向）");
  period = eligibility_case->work->pdata[0];
  g_assert_true (period->metrology);
  g_assert_true (bk_work_period_is_ongoing (period));
  g_assert_cmpint (g_date_get_year (&period->from), ==, 2012);
}

static void
test_education_entry (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEducationEntry) entry = bk_test_education_new ();
  g_autoptr (BkEducationRecord) record = NULL;
  g_autoptr (BkEducationEntry) back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *back_json = NULL;
  const char *field = NULL;
  guint notifies = 0;
  GDate future;

  g_assert_true (bk_education_entry_validate (entry, &field, &error));
  g_assert_no_error (error);

  g_signal_connect (entry, "notify::certificate-number", G_CALLBACK (count_notify), &notifies);
  bk_education_entry_set_certificate_number (entry, "1035612012050012");
  bk_education_entry_set_certificate_number (entry, "1035612012050012");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_false (bk_education_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "certificate-number");
  g_assert_nonnull (strstr (error->message, "17 or 18 digits"));
  g_clear_error (&error);

  bk_education_entry_set_certificate_number (entry, "10356120120500123A");
  g_assert_false (bk_education_entry_validate (entry, &field, &error));
  g_assert_nonnull (strstr (error->message, "digits only"));
  g_clear_error (&error);
  bk_education_entry_set_certificate_number (entry, "10356120120500123");

  bk_test_set_date (&future, 2026, 7, 1);
  bk_education_entry_set_graduated (entry, &future);
  g_assert_false (bk_education_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "graduated");
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  bk_education_entry_set_graduated (entry, NULL);
  g_assert_false (bk_education_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "graduated");
  g_clear_error (&error);

  bk_test_set_date (&future, 2012, 7, 1);
  bk_education_entry_set_graduated (entry, &future);
  bk_education_entry_set_major (entry, " ");
  g_assert_false (bk_education_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "major");
  g_assert_nonnull (strstr (error->message, "exactly as on your certificate"));
  g_clear_error (&error);
  bk_education_entry_set_major (entry, "测控技术与仪器（计量方向）");
  bk_education_entry_set_full_time (entry, FALSE);
  bk_education_entry_set_foreign (entry, TRUE);

  /* Record round trip keeps every field. */
  record = bk_education_entry_to_record (entry);
  g_assert_false (record->full_time);
  g_assert_true (record->foreign);
  g_assert_cmpstr (record->certificate_number, ==, "10356120120500123");
  back = bk_education_entry_new_from_record (record);
  json = bk_education_entry_to_json (entry);
  back_json = bk_education_entry_to_json (back);
  /* Only the ids differ: a record carries none. */
  g_assert_cmpstr (strchr (json, ','), ==, strchr (back_json, ','));
  g_assert_cmpstr (bk_education_entry_get_id (back), !=, bk_education_entry_get_id (entry));
}

static void
test_work_entry (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkWorkEntry) entry = bk_test_work_new ();
  g_autoptr (BkWorkPeriod) period = NULL;
  g_autoptr (BkWorkEntry) dup = NULL;
  const char *field = NULL;
  GDate to;

  g_assert_true (bk_work_entry_validate (entry, &field, &error));
  g_assert_no_error (error);

  bk_test_set_date (&to, 2012, 7, 31);
  bk_work_entry_set_to (entry, &to);
  g_assert_false (bk_work_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "to");
  g_assert_nonnull (strstr (error->message, "before the start"));
  g_clear_error (&error);

  bk_test_set_date (&to, 2027, 1, 1);
  bk_work_entry_set_to (entry, &to);
  g_assert_false (bk_work_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "to");
  g_assert_nonnull (strstr (error->message, "leave it empty"));
  g_clear_error (&error);

  bk_test_set_date (&to, 2020, 12, 31);
  bk_work_entry_set_to (entry, &to);
  bk_work_entry_set_employer (entry, "");
  g_assert_false (bk_work_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "employer");
  g_clear_error (&error);
  bk_work_entry_set_employer (entry, "计量院");

  bk_work_entry_set_from (entry, NULL);
  g_assert_false (bk_work_entry_validate (entry, &field, &error));
  g_assert_cmpstr (field, ==, "from");
  g_clear_error (&error);
  bk_test_set_date (&to, 2012, 8, 1);
  bk_work_entry_set_from (entry, &to);

  period = bk_work_entry_to_period (entry);
  g_assert_false (bk_work_period_is_ongoing (period));
  g_assert_cmpint (g_date_get_year (&period->to), ==, 2020);
  g_assert_cmpstr (period->employer, ==, "计量院");
  g_assert_true (period->metrology);

  dup = bk_work_entry_dup (entry);
  g_assert_cmpstr (bk_work_entry_get_id (dup), ==, bk_work_entry_get_id (entry));
  g_assert_cmpint (g_date_compare (bk_work_entry_get_to (dup), &period->to), ==, 0);
}

static void
test_profile_dup (void)
{
  g_autoptr (BkProfile) profile = bk_test_profile_new_complete ("lisi_2026");
  g_autoptr (BkProfile) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *copy_json = NULL;
  g_autoptr (BkEducationEntry) entry = NULL;
  g_autoptr (BkEducationEntry) copied = NULL;

  bk_profile_set_version (profile, 7);
  copy = bk_profile_dup (profile);
  json = bk_profile_to_json (profile);
  copy_json = bk_profile_to_json (copy);
  g_assert_cmpstr (json, ==, copy_json);
  g_assert_cmpint (bk_profile_get_version (copy), ==, 7);
  g_assert_cmpstr (bk_profile_get_password_hash (copy), ==, bk_profile_get_password_hash (profile));
  g_assert_true (g_bytes_equal (bk_profile_get_photo_standardised (copy),
                                bk_profile_get_photo_standardised (profile)));

  /* A deep copy: editing it leaves the original alone. */
  entry = g_list_model_get_item (bk_profile_get_education (profile), 0);
  copied = g_list_model_get_item (bk_profile_get_education (copy), 0);
  g_assert_true (entry != copied);
  g_assert_cmpstr (bk_education_entry_get_id (entry), ==, bk_education_entry_get_id (copied));
  bk_education_entry_set_school (copied, "another");
  g_assert_cmpstr (bk_education_entry_get_school (entry), ==, "中国计量大学");

  /* The password hash and photo bytes never go into the sync payload. */
  g_assert_null (strstr (json, "argon2id"));
  g_assert_null (strstr (json, "jpeg"));
}

static void
assert_refused_with (gboolean ok, GError **error, const char *part)
{
  g_assert_false (ok);
  g_assert_error (*error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  if (strstr ((*error)->message, part) == NULL)
    g_error ("expected “%s” in “%s”", part, (*error)->message);
  g_clear_error (error);
}

static char *
repeat (const char *unit, guint times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

/* Lengths and characters as the portal takes them; messages say the limit. */
static void
test_text_limits (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkEducationEntry) education = bk_test_education_new ();
  g_autoptr (BkWorkEntry) work = bk_test_work_new ();
  g_autofree char *long_text = repeat ("计", 2000);
  g_autofree char *sixty = repeat ("计", 60);
  g_autofree char *sixty_a = repeat ("a", 60);
  g_autofree char *long_email = g_strconcat (sixty_a, "@example.cn", NULL);
  const char *field = NULL;

  /* School: 60 characters, no emoji, one line. */
  bk_education_entry_set_school (education, sixty);
  g_assert_true (bk_education_entry_validate (education, &field, &error));
  bk_education_entry_set_school (education, long_text);
  assert_refused_with (bk_education_entry_validate (education, &field, &error), &error,
                       "at most 60 characters; this has 2000");
  g_assert_cmpstr (field, ==, "school");
  bk_education_entry_set_school (education, "中国计量大学😀");
  assert_refused_with (bk_education_entry_validate (education, &field, &error), &error, "😀");
  bk_education_entry_set_school (education, "中国计量\n大学");
  assert_refused_with (bk_education_entry_validate (education, &field, &error), &error, "one line");
  bk_education_entry_set_school (education, "中国计量大学");
  bk_education_entry_set_major (education, long_text);
  assert_refused_with (bk_education_entry_validate (education, &field, &error), &error,
                       "Major: use at most 60");
  g_assert_cmpstr (field, ==, "major");

  /* Employer: 100 characters, no emoji. */
  bk_work_entry_set_employer (work, long_text);
  assert_refused_with (bk_work_entry_validate (work, &field, &error), &error,
                       "Employer: use at most 100");
  bk_work_entry_set_employer (work, "计量院☺");
  assert_refused_with (bk_work_entry_validate (work, &field, &error), &error, "☺");

  /* The profile's own texts. */
  assert_refused_with (bk_profile_validate_address (long_text, &error), &error, "at most 100");
  assert_refused_with (bk_profile_validate_work_unit ("计量院🏭", &error), &error, "🏭");
  g_assert_true (bk_profile_validate_address ("上海市徐汇区桂箐路69号27号楼6楼", &error));
  assert_refused_with (bk_profile_validate_email (long_email, &error), &error, "at most 64");
  assert_refused_with (bk_profile_validate_email ("li.si＠example.cn", &error), &error,
                       "half-width");
  assert_refused_with (bk_profile_validate_email ("li😀@example.cn", &error), &error, "half-width");
  g_assert_no_error (error);

  /* Names: 2 to 30 Chinese characters or letters, a middle dot between parts. */
  g_assert_true (bk_profile_validate_real_name ("张三", &error));
  g_assert_true (bk_profile_validate_real_name ("阿卜杜拉·买买提", &error));
  g_assert_true (bk_profile_validate_real_name ("ZHANG SAN", &error));
  g_assert_no_error (error);
  assert_refused_with (bk_profile_validate_real_name ("张", &error), &error, "at least 2");
  assert_refused_with (bk_profile_validate_real_name (sixty, &error), &error, "at most 30");
  assert_refused_with (bk_profile_validate_real_name ("张三😀", &error), &error, "😀");
  assert_refused_with (bk_profile_validate_real_name ("张三3", &error), &error, "“3”");
  assert_refused_with (bk_profile_validate_real_name ("张 三", &error), &error, "space");
  assert_refused_with (bk_profile_validate_real_name ("·张三", &error), &error, "middle dot");
}

/* A form shows every problem at once: the core returns them all. */
static void
test_validate_all (void)
{
  g_autoptr (BkEducationEntry) education = bk_education_entry_new ();
  g_autoptr (BkWorkEntry) work = bk_work_entry_new ();
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *long_text = repeat ("计", 200);
  static const char *const education_fields[] = { "school", "major", "graduated",
                                                  "certificate-number" };
  GDate future;

  bk_education_entry_set_school (education, long_text);
  bk_education_entry_set_certificate_number (education, "12345");
  errors = bk_education_entry_validate_all (education);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (education_fields));
  for (guint i = 0; i < errors->len; i++)
    {
      const BkFieldError *e = g_ptr_array_index (errors, i);

      g_assert_cmpstr (e->field, ==, education_fields[i]);
      g_assert_nonnull (e->message);
    }
  g_assert_nonnull (strstr (((BkFieldError *) errors->pdata[0])->message, "at most 60"));
  g_clear_pointer (&errors, g_ptr_array_unref);

  bk_test_set_date (&future, 2999, 1, 1);
  bk_work_entry_set_from (work, &future);
  errors = bk_work_entry_validate_all (work);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (((BkFieldError *) errors->pdata[0])->field, ==, "employer");
  g_assert_cmpstr (((BkFieldError *) errors->pdata[1])->field, ==, "from");
  g_clear_pointer (&errors, g_ptr_array_unref);

  {
    g_autoptr (BkEducationEntry) good = bk_test_education_new ();

    errors = bk_education_entry_validate_all (good);
    g_assert_cmpuint (errors->len, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("BAOKAO_NOW", NOW, TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/clock/override", test_clock_override);
  g_test_add_func ("/models/clock/bad-environment", test_clock_bad_environment);
  g_test_add_func ("/models/password/hash-verify", test_password);
  g_test_add_func ("/models/password/async", test_password_async);
  g_test_add_func ("/models/profile/derives-from-id", test_profile_derives_from_id);
  g_test_add_func ("/models/profile/validation", test_profile_validation);
  g_test_add_func ("/models/profile/completeness", test_profile_completeness);
  g_test_add_func ("/models/profile/entries", test_profile_entries);
  g_test_add_func ("/models/profile/mask", test_profile_mask);
  g_test_add_func ("/models/profile/eligibility-case", test_profile_to_eligibility_case);
  g_test_add_func ("/models/profile/dup", test_profile_dup);
  g_test_add_func ("/models/education/entry", test_education_entry);
  g_test_add_func ("/models/work/entry", test_work_entry);
  g_test_add_func ("/models/text/limits", test_text_limits);
  g_test_add_func ("/models/text/validate-all", test_validate_all);

  return g_test_run ();
}
