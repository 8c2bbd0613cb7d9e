/* bk-tool-photo.c — `baokao-tool photo check|standardise`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "bk-photo.h"
#include "bk-tool-photo.h"
#include "bk-tool.h"

static void
print_photo_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _ ("Usage: baokao-tool photo check [--json] FILE…"));
  fprintf (stream, "%s\n\n", _ ("       baokao-tool photo standardise INPUT OUTPUT"));
  fprintf (stream, "%s\n",
           _ ("“check” tells whether each photo meets the examination’s photo rules, and what to "
              "fix. With --json it prints one JSON object per line. The exit status is 0 when "
              "every photo is accepted and 1 when any is refused."));
  fprintf (stream, "%s\n",
           _ ("“standardise” writes the 295 × 413 JPEG that goes on the admission ticket "
              "(413 × 579 for 2-inch photos), cropped, resized and without metadata."));
}

/* @file is already valid UTF-8 (see run_check()). */
static JsonNode *
error_to_json (const char *file, const GError *error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *message = bk_tool_make_valid (error->message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  json_builder_set_member_name (builder, "accepted");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Takes @node. */
static void
print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = node;
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_report (const char *file, BkPhotoReport *report)
{
  bk_tool_print ("%s: %s\n", file,
                 bk_photo_report_get_accepted (report) ? _ ("accepted") : _ ("refused"));
  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      const BkPhotoCheck *check = bk_photo_report_get_check (report, i);
      const char *mark = "-";

      switch (check->verdict)
        {
          case BK_PHOTO_VERDICT_PASS:
            mark = "✓";
            break;
          case BK_PHOTO_VERDICT_WARNING:
            mark = "!";
            break;
          case BK_PHOTO_VERDICT_FAIL:
            mark = "✗";
            break;
          case BK_PHOTO_VERDICT_NOT_EVALUATED:
          default:
            break;
        }
      printf ("  %s %-10s %s\n", mark, bk_photo_check_kind_to_string (i),
              check->message != NULL ? check->message : _ ("Not checked."));
    }
}

/* --repeat N times the checks in-process, for bench/photo. */
static void
time_checks (const char *file, int repeat)
{
  g_autoptr (GBytes) contents = bk_photo_read_file (file, NULL);
  const guint8 *data;
  gsize length = 0;
  gint64 start;
  double ms;

  if (contents == NULL)
    return;
  data = g_bytes_get_data (contents, &length);
  start = g_get_monotonic_time ();
  for (int i = 0; i < repeat; i++)
    g_object_unref (bk_photo_check_data (data, length));
  ms = (g_get_monotonic_time () - start) / 1000.0 / repeat;
  fprintf (stderr, "time %s %.3f ms\n", file, ms);
}

static int
run_check (int argc, char **argv)
{
  gboolean json = FALSE;
  int repeat = 0;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print one JSON object per line"), NULL },
    { "repeat", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &repeat, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE…") },
    { NULL },
  };
  int status = BK_TOOL_EXIT_OK;

  context = bk_tool_option_context_new ("photo check", NULL);
  g_option_context_set_summary (context, _ ("Check ID photos against the examination’s rules."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      print_photo_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      bk_tool_printerr ("%s\n", _ ("Name at least one photo file to check."));
      print_photo_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }

  for (int i = 0; files[i] != NULL; i++)
    {
      g_autoptr (BkPhotoReport) report = NULL;
      g_autoptr (GBytes) contents = NULL;
      g_autoptr (GError) file_error = NULL;
      /* File names need not be UTF-8; what is printed must be. */
      g_autofree char *name = g_filename_display_name (files[i]);

      if (repeat > 0)
        time_checks (files[i], repeat);
      /* Read as every photo is read: a regular file of bounded size. */
      contents = bk_photo_read_file (files[i], &file_error);
      if (contents != NULL)
        {
          const guint8 *data;
          gsize length = 0;

          data = g_bytes_get_data (contents, &length);
          report = bk_photo_check_data (data, length);
        }
      if (report == NULL)
        {
          status = BK_TOOL_EXIT_NEGATIVE;
          if (json)
            print_json (error_to_json (name, file_error));
          else
            bk_tool_printerr ("%s: %s\n", name, file_error->message);
          continue;
        }
      if (!bk_photo_report_get_accepted (report))
        status = BK_TOOL_EXIT_NEGATIVE;
      if (json)
        print_json (bk_photo_report_to_json (report, name));
      else
        print_report (name, report);
    }
  return status;
}

static int
run_standardise (int argc, char **argv)
{
  g_autoptr (BkPhotoReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_photo_usage (stdout);
      return BK_TOOL_EXIT_OK;
    }
  if (argc != 3 || g_str_has_prefix (argv[1], "-") || g_str_has_prefix (argv[2], "-"))
    {
      print_photo_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }
  input = g_filename_display_name (argv[1]);
  output = g_filename_display_name (argv[2]);
  if (!bk_photo_standardise (argv[1], argv[2], &report, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      if (report != NULL)
        print_report (input, report);
      return g_error_matches (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO) ? BK_TOOL_EXIT_USAGE
                                                                        : BK_TOOL_EXIT_NEGATIVE;
    }
  /* TRANSLATORS: %s is the file written, then its width and height */
  bk_tool_print (_ ("Wrote %s (%d × %d pixels).\n"), output, bk_photo_report_get_width (report),
                 bk_photo_report_get_height (report));
  return BK_TOOL_EXIT_OK;
}

int
bk_tool_photo_run (int argc, char **argv)
{
  if (argc < 2)
    {
      print_photo_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_photo_usage (stdout);
      return BK_TOOL_EXIT_OK;
    }
  if (g_str_equal (argv[1], "check"))
    return run_check (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "standardise"))
    return run_standardise (argc - 1, argv + 1);

  /* TRANSLATORS: %s is what the user typed */
  bk_tool_printerr (_ ("Unknown photo command “%s”; use “check” or “standardise”.\n"), argv[1]);
  print_photo_usage (stderr);
  return BK_TOOL_EXIT_USAGE;
}
