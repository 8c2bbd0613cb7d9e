/* bk-tool-profiles.c — `baokao-tool profiles`: the profiles in the local
 * store, as the welcome page lists them (never a full ID number), and a
 * demo profile of realistic size for benchmarks and UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bk-core-error.h"
#include "bk-password.h"
#include "bk-photo.h"
#include "bk-store-error.h"
#include "bk-store.h"
#include "bk-tool.h"

int bk_tool_profiles_run (int argc, char **argv);

static void
set_date (GDate *date, int year, int month, int day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static BkEducationEntry *
demo_education (BkEducationLevel level, const char *school, const char *major, int year)
{
  BkEducationEntry *entry = bk_education_entry_new ();
  g_autofree char *number = g_strdup_printf ("103561%04d05001234", year);
  GDate graduated;

  set_date (&graduated, year, 7, 1);
  bk_education_entry_set_level (entry, level);
  bk_education_entry_set_discipline (entry, BK_DISCIPLINE_ENGINEERING);
  bk_education_entry_set_school (entry, school);
  bk_education_entry_set_major (entry, major);
  bk_education_entry_set_graduated (entry, &graduated);
  bk_education_entry_set_certificate_number (entry, number);
  return entry;
}

static BkWorkEntry *
demo_work (const char *employer, int from_year, int to_year, gboolean metrology)
{
  BkWorkEntry *entry = bk_work_entry_new ();
  GDate from, to;

  set_date (&from, from_year, 8, 1);
  bk_work_entry_set_from (entry, &from);
  if (to_year != 0)
    {
      set_date (&to, to_year, 7, 31);
      bk_work_entry_set_to (entry, &to);
    }
  bk_work_entry_set_employer (entry, employer);
  bk_work_entry_set_metrology (entry, metrology);
  return entry;
}

/* Bytes of the size of a real scanned certificate, for the demo proof. */
static GBytes *
filler_jpeg (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) (i * 131 + 7);
  data[0] = 0xff;
  data[1] = 0xd8;
  data[size - 2] = 0xff;
  data[size - 1] = 0xd9;
  return g_bytes_new_take (data, size);
}

static BkProfile *
demo_profile (const char *user_name, const char *password, GError **error)
{
  g_autoptr (BkProfile) profile = bk_profile_new ();
  g_autofree char *hash = bk_password_hash (password, error);
  g_autoptr (BkEducationEntry) bachelor = demo_education (
    BK_EDUCATION_LEVEL_BACHELOR, "中国计量大学", "测控技术与仪器（计量测试方向）", 2009);
  g_autoptr (BkEducationEntry)
    master = demo_education (BK_EDUCATION_LEVEL_MASTER, "同济大学", "仪器科学与技术", 2012);
  g_autoptr (BkWorkEntry) first = demo_work ("上海市质量技术监督局", 2012, 2015, FALSE);
  g_autoptr (BkWorkEntry) second = demo_work ("上海市计量测试技术研究院", 2015, 2020, TRUE);
  g_autoptr (BkWorkEntry) third = demo_work ("上海市计量协会", 2020, 0, TRUE);
  char id[19];

  if (hash == NULL)
    return NULL;

  g_strlcpy (id, "31010419870523402", sizeof id);
  id[17] = bk_id_document_compute_check_char (id);
  id[18] = '\0';
  bk_profile_set_real_name (profile, "张伟");
  bk_profile_set_id_number (profile, id);
  bk_profile_set_mobile (profile, "13812345678");
  bk_profile_set_user_name (profile, user_name);
  bk_profile_set_password_hash (profile, hash);
  bk_profile_set_ethnicity (profile, "汉族");
  bk_profile_set_email (profile, "zhangwei@example.cn");
  bk_profile_set_address (profile, "上海市徐汇区桂箐路69号27号楼6楼");
  bk_profile_set_postcode (profile, "200233");
  bk_profile_set_work_unit (profile, "上海市计量协会");
  bk_profile_set_senior_title (profile, BK_SENIOR_TITLE_ENGINEERING);
  bk_profile_add_education (profile, bachelor);
  bk_profile_add_education (profile, master);
  bk_profile_add_work (profile, first);
  bk_profile_add_work (profile, second);
  bk_profile_add_work (profile, third);
  return g_steal_pointer (&profile);
}

/* The demo profile's password, from the first line of standard input (a
 * prompt without echo on a terminal): a shipped tool has no default
 * password that anyone could look up. */
static char *
read_password (GError **error)
{
  char line[1024];
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean echo_off = FALSE;
  char *end;
  g_autofree char *password = NULL;

  if (terminal)
    {
      fputs (_ ("Password for the demo profile: "), stderr);
      fflush (stderr);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
  end = fgets (line, sizeof line, stdin);
  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fputc ('\n', stderr);
    }
  if (end == NULL || line[0] == '\n' || line[0] == '\r')
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("A demo profile needs a password: give it on the first line of "
                              "standard input, e.g. “printf '%s\\n' \"$PASSWORD\" | baokao-tool "
                              "profiles --add-demo”."));
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  password = g_strdup (line);
  explicit_bzero (line, sizeof line);
  if (!g_utf8_validate (password, -1, NULL))
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The password is not valid text; type it again in UTF-8."));
      return NULL;
    }
  if (!bk_password_validate (password, error))
    return NULL;
  return g_steal_pointer (&password);
}

/* Checks the photo as the window does; prints what the window would say
 * when it refuses it. */
static gboolean
check_photo (
  const char *path, GBytes **original, BkPhotoReport **report, GBytes **standardised, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);

  *original = bk_photo_read_file (path, &error);
  if (*original == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      *status = BK_TOOL_EXIT_USAGE;
      return FALSE;
    }
  *report = bk_photo_prepare (*original, standardised, &error);
  if (!bk_photo_report_get_accepted (*report))
    {
      /* TRANSLATORS: %s is the photo's file name */
      bk_tool_printerr (_ ("The photo “%s” is refused, as the application would refuse it. Fix "
                           "what is said below, or choose another photo:\n"),
                        name);
      for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
        {
          const BkPhotoCheck *check = bk_photo_report_get_check (*report, i);

          if (check->verdict == BK_PHOTO_VERDICT_FAIL && check->message != NULL)
            bk_tool_printerr ("  ✗ %s\n", check->message);
        }
      *status = BK_TOOL_EXIT_NEGATIVE;
      return FALSE;
    }
  if (*standardised == NULL)
    {
      /* TRANSLATORS: %s is the photo's file name, then the reason */
      bk_tool_printerr (_ ("The photo “%s” passed the checks, but the admission ticket photo "
                           "could not be made from it (%s). Choose another photo.\n"),
                        name, error != NULL ? error->message : "");
      *status = BK_TOOL_EXIT_NEGATIVE;
      return FALSE;
    }
  return TRUE;
}

static int
add_demo (BkStore *store, const char *user_name, const char *photo_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (BkPhotoReport) report = NULL;
  g_autoptr (GBytes) standardised = NULL;
  g_autoptr (BkProfile) profile = NULL;
  g_autoptr (BkExamApplication) application = NULL;
  g_autoptr (BkProofEntry) proof = NULL;
  g_autoptr (GBytes) certificate = filler_jpeg (180 * 1024);
  g_autofree char *password = NULL;
  int status = BK_TOOL_EXIT_OK;

  if (photo_path != NULL && !check_photo (photo_path, &original, &report, &standardised, &status))
    return status;

  password = read_password (&error);
  if (password == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }

  profile = demo_profile (user_name, password, &error);
  if (profile != NULL && original != NULL)
    {
      g_autofree char *base = g_path_get_basename (photo_path);
      g_autofree char *name = g_filename_display_name (base);

      /* Stored as the window stores a photo the candidate chose. */
      bk_photo_set_profile_photo (profile, original, name, report, standardised);
    }
  if (profile == NULL || !bk_store_save_profile (store, profile, &error))
    {
      g_autofree char *message = bk_store_error_describe (error);

      bk_tool_printerr ("%s\n", message);
      return BK_TOOL_EXIT_NEGATIVE;
    }

  application = bk_exam_application_new (bk_profile_get_id (profile), "shanghai-2026", 1,
                                         BK_EXAM_MODE_EXEMPT);
  bk_exam_application_set_point_code (application, "2916");
  proof = bk_proof_entry_new (BK_PROOF_KIND_WORK_CERTIFICATE, "工作证明.jpg", certificate);
  bk_exam_application_add_proof (application, proof);
  if (!bk_store_save_application (store, application, &error))
    {
      g_autofree char *message = bk_store_error_describe (error);

      bk_tool_printerr ("%s\n", message);
      return BK_TOOL_EXIT_NEGATIVE;
    }

  printf ("%s\n", bk_profile_get_id (profile));
  return BK_TOOL_EXIT_OK;
}

static int
list (BkStore *store, gboolean json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) summaries = bk_store_list_profiles (store, &error);
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  if (summaries == NULL)
    {
      g_autofree char *message = bk_store_error_describe (error);

      bk_tool_printerr ("%s\n", message);
      return BK_TOOL_EXIT_NEGATIVE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (summaries); i++)
    {
      g_autoptr (BkProfileSummary) summary = g_list_model_get_item (summaries, i);
      g_autoptr (GListModel) applications = NULL;
      GDateTime *updated_at = bk_profile_summary_get_updated_at (summary);
      g_autofree char *updated = updated_at != NULL ? g_date_time_format_iso8601 (updated_at)
                                                    : g_strdup ("");

      applications = bk_store_list_applications (store, bk_profile_summary_get_id (summary),
                                                 &error);
      if (applications == NULL)
        {
          g_autofree char *message = bk_store_error_describe (error);

          bk_tool_printerr ("%s\n", message);
          return BK_TOOL_EXIT_NEGATIVE;
        }

      if (!json)
        {
          bk_tool_print ("%s  %-18s %3d%%  %s\n", bk_profile_summary_get_id (summary),
                         bk_profile_summary_get_masked_id_number (summary),
                         bk_profile_summary_get_completeness (summary),
                         bk_profile_summary_get_real_name (summary));
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, bk_profile_summary_get_id (summary));
      json_builder_set_member_name (builder, "real_name");
      json_builder_add_string_value (builder, bk_profile_summary_get_real_name (summary));
      json_builder_set_member_name (builder, "masked_id_number");
      json_builder_add_string_value (builder, bk_profile_summary_get_masked_id_number (summary));
      json_builder_set_member_name (builder, "user_name");
      json_builder_add_string_value (builder, bk_profile_summary_get_user_name (summary));
      json_builder_set_member_name (builder, "updated_at");
      json_builder_add_string_value (builder, updated);
      json_builder_set_member_name (builder, "completeness");
      json_builder_add_int_value (builder, bk_profile_summary_get_completeness (summary));
      json_builder_set_member_name (builder, "applications");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (applications); j++)
        {
          g_autoptr (BkExamApplication) application = g_list_model_get_item (applications, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "session_id");
          json_builder_add_string_value (builder, bk_exam_application_get_session_id (application));
          json_builder_set_member_name (builder, "state");
          json_builder_add_string_value (
            builder, bk_application_state_to_nick (bk_exam_application_get_state (application)));
          json_builder_set_member_name (builder, "proofs");
          json_builder_add_int_value (
            builder, g_list_model_get_n_items (bk_exam_application_get_proofs (application)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr (JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      printf ("%s\n", text);
    }
  return BK_TOOL_EXIT_OK;
}

int
bk_tool_profiles_run (int argc, char **argv)
{
  g_autoptr (GOptionContext) options = bk_tool_option_context_new ("profiles", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *demo_user_name = NULL;
  gboolean json = FALSE;
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_ ("The database file (default: the user's Baokao database)"), N_ ("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { "add-demo", 0, 0, G_OPTION_ARG_NONE, &demo,
      N_ ("Add a demo profile with an application, and print its id; its password is read "
          "from the first line of standard input"),
      NULL },
    { "user-name", 0, 0, G_OPTION_ARG_STRING, &demo_user_name,
      N_ ("User name of the demo profile (default: demo)"), N_ ("NAME") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo,
      N_ ("The demo profile's photo, checked and standardised as the application does (without "
          "it the profile has no photo)"),
      N_ ("FILE") },
    { NULL },
  };

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (options,
                                _ ("Lists the profiles in the local store as the welcome page "
                                   "shows them: id, masked ID number, completeness, name."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return bk_tool_option_error ("profiles", error);
  if (argc > 1)
    {
      bk_tool_printerr ("%s\n",
                        _ ("“profiles” takes no arguments; see “baokao-tool profiles --help”."));
      return BK_TOOL_EXIT_USAGE;
    }

  /* SQLite would open a device or a FIFO and write its journal beside it. */
  if (database != NULL && g_file_test (database, G_FILE_TEST_EXISTS) &&
      !g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (database);

      bk_tool_printerr (_ ("“%s” is a folder or a special file, not a database. Name a Baokao "
                           "database file, or leave out --database to use your own.\n"),
                        name);
      return BK_TOOL_EXIT_USAGE;
    }
  store = bk_store_open (database, &error);
  if (store == NULL)
    {
      g_autofree char *message = bk_store_error_describe (error);

      bk_tool_printerr ("%s\n", message);
      return BK_TOOL_EXIT_NEGATIVE;
    }

  if (demo)
    return add_demo (store, demo_user_name != NULL ? demo_user_name : "demo", photo);
  return list (store, json);
}
