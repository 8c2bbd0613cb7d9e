/* bk-tool-ticket.c — `baokao-tool ticket keygen|render|verify`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bk-admission-ticket.h"
#include "bk-core-error.h"
#include "bk-tool-ticket.h"
#include "bk-tool.h"

static void
print_ticket_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _ ("Usage: baokao-tool ticket keygen SECRET-KEY-FILE"));
  fprintf (stream, "%s\n",
           _ ("       baokao-tool ticket render [--key FILE] [--photo JPEG] --output PDF "
              "TICKET.json"));
  fprintf (stream, "%s\n",
           _ ("       baokao-tool ticket render [--key FILE] --batch TICKETS.jsonl --output PDF"));
  fprintf (stream, "%s\n",
           _ ("       baokao-tool ticket sign --key FILE (TICKET.json | --batch TICKETS.jsonl)"));
  fprintf (stream, "%s\n\n", _ ("       baokao-tool ticket verify [--json] TEXT"));
  fprintf (stream, "%s\n",
           _ ("“keygen” makes the examination authority’s signing key pair: it writes the secret "
              "key to the file (readable only by you) and prints the public key for the session "
              "file’s “ticket_key”."));
  fprintf (stream, "%s\n",
           _ ("“render” draws admission tickets as an A4 PDF, a page each (see “baokao-tool "
              "ticket render --help”)."));
  fprintf (stream, "%s\n",
           _ ("“sign” signs tickets with the authority’s key and prints them as “render” reads "
              "them, one JSON line each."));
  fprintf (stream, "%s\n",
           _ ("“verify” checks the text of a scanned ticket QR code against its session’s key "
              "and prints the ticket. The exit status is 0 for a valid ticket, 1 for one that "
              "is refused and 2 for wrong arguments."));
}

static int
run_keygen (int argc, char **argv)
{
  g_autofree char *public_key = NULL;
  g_autofree char *secret_key = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  int fd;
  gssize written;

  if (argc != 2)
    {
      bk_tool_printerr ("%s\n", _ ("Name the file to write the secret key to."));
      print_ticket_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }
  name = g_filename_display_name (argv[1]);
  if (!bk_ticket_key_generate (&public_key, &secret_key, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_NEGATIVE;
    }
  /* Never overwrite a key: tickets signed with it would no longer verify. */
  fd = g_open (argv[1], O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;

      /* TRANSLATORS: first %s is a file name, second the system's reason */
      bk_tool_printerr (_ ("Cannot create “%s”: %s. Choose a file that does not exist yet.\n"),
                        name, g_strerror (saved));
      return BK_TOOL_EXIT_USAGE;
    }
  contents = g_strconcat (secret_key, "\n", NULL);
  written = write (fd, contents, strlen (contents));
  if (written != (gssize) strlen (contents) || close (fd) != 0)
    {
      bk_tool_printerr (_ ("Cannot write “%s”; check the disk and try again.\n"), name);
      g_unlink (argv[1]);
      return BK_TOOL_EXIT_NEGATIVE;
    }
  bk_tool_print (_ ("Secret key written to “%s”; keep it where only the authority can read it.\n"),
                 name);
  bk_tool_print (_ ("Public key, for “ticket_key”: {“public”: …} in the session file:\n"));
  printf ("%s\n", public_key);
  return BK_TOOL_EXIT_OK;
}

static void
add_member (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_uint (JsonBuilder *b, const char *name, guint value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

void
bk_tool_ticket_print_json (const BkAdmissionTicket *t)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, TRUE);
  add_member (b, "session", t->session_id);
  add_uint (b, "exam_year", t->exam_year);
  add_member (b, "exam", t->exam_name);
  add_member (b, "name", t->candidate_name);
  add_member (b, "id_type", bk_id_type_to_nick (t->id_type));
  add_member (b, "id_number", t->id_number);
  add_member (b, "number", t->number);
  add_uint (b, "level", t->level);
  add_member (b, "level_name", t->level_name);
  json_builder_set_member_name (b, "subjects");
  json_builder_begin_array (b);
  for (guint i = 0; i < t->subjects->len; i++)
    {
      const BkExamSubject *s = t->subjects->pdata[i];
      g_autofree char *start = g_date_time_format_iso8601 (s->start);
      g_autofree char *end = g_date_time_format_iso8601 (s->end);

      json_builder_begin_object (b);
      add_uint (b, "number", s->number);
      add_member (b, "name", s->name_zh);
      add_member (b, "start", start);
      add_member (b, "end", end);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_uint (b, "venue", t->venue);
  add_member (b, "venue_name", t->venue_name);
  add_member (b, "venue_address", t->venue_address);
  add_uint (b, "room", t->room);
  add_uint (b, "seat", t->seat);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_ticket (const BkAdmissionTicket *t)
{
  bk_tool_print ("%s\n", _ ("Valid admission ticket, signed by the examination authority."));
  bk_tool_print ("  %-14s %s (%u)\n", _ ("Exam:"), t->exam_name, t->exam_year);
  bk_tool_print ("  %-14s %s\n", _ ("Name:"), t->candidate_name);
  bk_tool_print ("  %-14s %s %s\n", _ ("ID:"), bk_id_type_to_nick (t->id_type), t->id_number);
  bk_tool_print ("  %-14s %s\n", _ ("Ticket number:"), t->number);
  bk_tool_print ("  %-14s %s\n", _ ("Level:"), t->level_name);
  for (guint i = 0; i < t->subjects->len; i++)
    {
      const BkExamSubject *s = t->subjects->pdata[i];
      g_autofree char *start = g_date_time_format (s->start, "%Y-%m-%d %H:%M");
      g_autofree char *end = g_date_time_format (s->end, "%H:%M");

      bk_tool_print ("  %-14s %u %s, %s–%s\n", i == 0 ? _ ("Subjects:") : "", s->number, s->name_zh,
                     start, end);
    }
  bk_tool_print ("  %-14s %s, %s\n", _ ("Venue:"), t->venue_name, t->venue_address);
  /* TRANSLATORS: room and seat numbers on the admission ticket */
  bk_tool_print (_ ("  %-14s room %03u, seat %02u\n"), _ ("Seat:"), t->room, t->seat);
}

static void
print_refusal_json (const GError *error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *message = bk_tool_make_valid (error->message);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "signature_mismatch");
  json_builder_add_boolean_value (
    b, g_error_matches (error, BK_CORE_ERROR, BK_CORE_ERROR_BAD_SIGNATURE));
  add_member (b, "error", message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
run_verify (int argc, char **argv)
{
  gboolean json = FALSE;
  g_auto (GStrv) texts = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the ticket as one JSON object"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &texts, NULL, N_ ("TEXT") },
    { NULL },
  };

  context = bk_tool_option_context_new ("ticket verify", NULL);
  g_option_context_set_summary (
    context, _ ("Check the text of a scanned admission ticket QR code and print the ticket."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bk_tool_option_error ("ticket verify", error);
  if (texts == NULL || texts[0] == NULL || texts[1] != NULL)
    {
      bk_tool_printerr ("%s\n", _ ("Give the text of one scanned QR code, in quotes."));
      print_ticket_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }

  ticket = bk_admission_ticket_verify (texts[0], NULL, &error);
  if (ticket == NULL)
    {
      if (json)
        print_refusal_json (error);
      bk_tool_printerr (_ ("Refused: %s\n"), error->message);
      return BK_TOOL_EXIT_NEGATIVE;
    }
  if (json)
    bk_tool_ticket_print_json (ticket);
  else
    print_ticket (ticket);
  return BK_TOOL_EXIT_OK;
}

int
bk_tool_ticket_run (int argc, char **argv)
{
  if (argc < 2)
    {
      print_ticket_usage (stderr);
      return BK_TOOL_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_ticket_usage (stdout);
      return BK_TOOL_EXIT_OK;
    }
  if (g_str_equal (argv[1], "keygen"))
    return run_keygen (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "render"))
    return bk_tool_ticket_render_run (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "sign"))
    return bk_tool_ticket_sign_run (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "verify"))
    return run_verify (argc - 1, argv + 1);
  /* TRANSLATORS: %s is what the user typed after “ticket” */
  bk_tool_printerr (_ ("Unknown ticket command “%s”.\n"), argv[1]);
  print_ticket_usage (stderr);
  return BK_TOOL_EXIT_USAGE;
}
