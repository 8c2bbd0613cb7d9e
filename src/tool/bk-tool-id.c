/* bk-tool-id.c — `baokao-tool id`: check identity document numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-format.h"
#include "bk-id-document.h"
#include "bk-tool.h"

int bk_tool_id_run (int argc, char **argv);

static void
print_json (
  JsonGenerator *generator, BkIdType type, const char *number, BkIdDocument *doc, GError *error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char date[16];

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, doc != NULL ? doc->number : number);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, bk_id_type_to_nick (type));
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, doc != NULL);
  json_builder_set_member_name (builder, "birth_date");
  if (doc != NULL && g_date_valid (&doc->birth_date))
    json_builder_add_string_value (builder, bk_dates_format (&doc->birth_date, date));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "sex");
  if (doc != NULL && doc->sex != BK_SEX_UNKNOWN)
    json_builder_add_string_value (builder, bk_sex_to_nick (doc->sex));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "manual_verification");
  json_builder_add_boolean_value (builder, doc != NULL && doc->needs_manual_verification);
  json_builder_set_member_name (builder, "error");
  if (error != NULL)
    json_builder_add_string_value (builder, error->message);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_text (const char *number, BkIdDocument *doc, GError *error)
{
  if (doc == NULL)
    {
      /* TRANSLATORS: first %s is the number typed, second what is wrong */
      bk_tool_print (_ ("%s: invalid. %s\n"), number, error->message);
      return;
    }
  if (g_date_valid (&doc->birth_date))
    {
      g_autofree char *born = bk_format_date (&doc->birth_date);

      /* TRANSLATORS: %s: the number, the birth date, then “male” or “female” */
      printf (_ ("%s: valid; born %s, %s.\n"), doc->number, born,
              doc->sex == BK_SEX_MALE ? _ ("male") : _ ("female"));
    }
  else
    /* TRANSLATORS: %s is the number */
    printf (_ ("%s: format valid; needs manual verification at a verification point.\n"),
            doc->number);
}

int
bk_tool_id_run (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autofree char *type_name = NULL;
  g_auto (GStrv) numbers = NULL;
  /* Numbers are taken as bytes: one that is not text spoils its own line only. */
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write one JSON object per number"), NULL },
    { "type", 0, 0, G_OPTION_ARG_FILENAME, &type_name,
      N_ ("Document type: resident-id (default), hk-macau-taiwan, passport, military"),
      N_ ("TYPE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &numbers, NULL, N_ ("NUMBER…") },
    { NULL },
  };
  g_autoptr (GOptionContext) options = bk_tool_option_context_new ("id", NULL);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  BkIdType type = BK_ID_TYPE_RESIDENT_ID;
  int status = BK_TOOL_EXIT_OK;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    options, _ ("Checks resident identity card numbers (GB 11643-1999) and the format of other "
                "documents. Exit status: 0 all valid, 1 some invalid, 2 bad arguments."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return bk_tool_option_error ("id", error);
  if (type_name != NULL && !bk_id_type_from_nick (type_name, &type))
    {
      /* TRANSLATORS: %s is what the user typed */
      bk_tool_printerr (
        _ ("Unknown document type “%s”; use resident-id, hk-macau-taiwan, passport or "
           "military.\n"),
        type_name);
      return BK_TOOL_EXIT_USAGE;
    }
  if (numbers == NULL || numbers[0] == NULL)
    {
      bk_tool_printerr ("%s\n", _ ("Give at least one number to check, e.g. “baokao-tool id "
                                   "11010519491231002X”."));
      return BK_TOOL_EXIT_USAGE;
    }

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (BkIdDocument) doc = NULL;
      g_autofree char *shown = bk_tool_make_valid (numbers[i]);

      if (g_utf8_validate (numbers[i], -1, NULL))
        doc = bk_id_document_parse (type, numbers[i], NULL, &local_error);
      else
        g_set_error_literal (&local_error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                             _ ("The number contains bytes that are not text (shown as �); "
                                "type the number again."));
      if (doc == NULL)
        status = BK_TOOL_EXIT_NEGATIVE;
      if (json)
        print_json (generator, type, shown, doc, local_error);
      else
        print_text (shown, doc, local_error);
    }
  return status;
}
