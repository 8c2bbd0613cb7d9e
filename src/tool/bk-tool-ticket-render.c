/* bk-tool-ticket-render.c — `baokao-tool ticket render`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "bk-admission-ticket.h"
#include "bk-core-enums.h"
#include "bk-core-error.h"
#include "bk-json-reader.h"
#include "bk-photo.h"
#include "bk-ticket-page.h"
#include "bk-ticket-pdf.h"
#include "bk-tool-ticket.h"
#include "bk-tool.h"

typedef struct
{
  const char *base_dir;   /* photos are named relative to the input file */
  const char *photo_path; /* --photo, for a single ticket */
  guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES];
  gboolean have_key;
  GHashTable *sessions; /* id → BkExamSession */
  BkTicketPdf *pdf;     /* NULL for `ticket sign`, which prints instead */
  guint n_tickets;
} Render;

static BkExamSession *
session_for (Render *render, const char *id, GError **error)
{
  BkExamSession *session = g_hash_table_lookup (render->sessions, id);

  if (session == NULL && (session = bk_exam_session_load (id, error)) != NULL)
    g_hash_table_insert (render->sessions, g_strdup (id), session);
  return session;
}

/* An unsigned ticket: the seat the allocation gave, signed here with --key. */
static BkAdmissionTicket *
read_unsigned (Render *render, BkJsonReader *r, JsonObject *o, GError **error)
{
  const char *session_id = NULL, *name = NULL, *id_number = NULL;
  guint id_type = BK_ID_TYPE_RESIDENT_ID, mode = BK_EXAM_MODE_ALL;
  guint level = 0, venue = 0, room = 0, seat = 0;
  BkExamSession *session;
  BkAdmissionTicket *ticket;
  const BkJsonFlags text = BK_JSON_REQUIRED | BK_JSON_NON_EMPTY;

  if (!bk_json_reader_get_string (r, o, "", "session", text, &session_id) ||
      !bk_json_reader_get_string (r, o, "", "name", text, &name) ||
      !bk_json_reader_get_choice (r, o, "", "id_type", BK_JSON_REQUIRED, BK_TYPE_ID_TYPE,
                                  &id_type) ||
      !bk_json_reader_get_string (r, o, "", "id_number", text, &id_number) ||
      !bk_json_reader_get_uint (r, o, "", "level", 1, 2, &level) ||
      !bk_json_reader_get_choice (r, o, "", "mode", BK_JSON_OPTIONAL, BK_TYPE_EXAM_MODE, &mode) ||
      !bk_json_reader_get_uint (r, o, "", "venue", 1, 99, &venue) ||
      !bk_json_reader_get_uint (r, o, "", "room", 1, 999, &room) ||
      !bk_json_reader_get_uint (r, o, "", "seat", 1, 99, &seat))
    return NULL;
  if (!render->have_key)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("This ticket is not signed; give the authority’s secret key with "
                              "--key, or render the signed ticket the server issued."));
      return NULL;
    }
  if ((session = session_for (render, session_id, error)) == NULL)
    return NULL;
  ticket = bk_admission_ticket_new (session, name, id_type, id_number, level, mode, venue, room,
                                    seat, error);
  if (ticket != NULL)
    bk_admission_ticket_sign (ticket, render->secret_key);
  return ticket;
}

/* For `ticket sign`: one JSON line that `ticket render` reads back. */
static void
print_signed (const BkAdmissionTicket *ticket, const char *photo_name)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "signed");
  json_builder_add_string_value (b, ticket->signed_text);
  if (photo_name != NULL)
    {
      json_builder_set_member_name (b, "photo");
      json_builder_add_string_value (b, photo_name);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* One ticket object: {"signed": QR text} or the fields of an unsigned one,
 * with "photo" naming its JPEG. */
static gboolean
render_one (Render *render, JsonNode *node, const char *where, GError **error)
{
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  g_autoptr (GBytes) photo = NULL;
  g_autofree char *photo_path = NULL;
  const char *signed_text = NULL, *photo_name = NULL;
  BkJsonReader r;
  JsonObject *o;
  BkExamSession *session;

  bk_json_reader_init (&r, where, error);
  if ((o = bk_json_reader_object (&r, node, "")) == NULL ||
      !bk_json_reader_get_string (&r, o, "", "signed", BK_JSON_NON_EMPTY, &signed_text) ||
      !bk_json_reader_get_string (&r, o, "", "photo", BK_JSON_NON_EMPTY, &photo_name))
    return FALSE;
  if (signed_text != NULL)
    {
      g_autofree char *id = bk_admission_ticket_peek_session_id (signed_text);

      /* A batch names a few sessions: each is read once. */
      session = id != NULL ? session_for (render, id, NULL) : NULL;
      ticket = bk_admission_ticket_verify (signed_text, session, error);
    }
  else
    ticket = read_unsigned (render, &r, o, error);
  if (ticket == NULL || (session = session_for (render, ticket->session_id, error)) == NULL)
    return FALSE;
  render->n_tickets++;
  if (render->pdf == NULL)
    {
      print_signed (ticket, photo_name);
      return TRUE;
    }

  if (photo_name != NULL)
    photo_path = g_path_is_absolute (photo_name)
                   ? g_strdup (photo_name)
                   : g_build_filename (render->base_dir, photo_name, NULL);
  else if (render->photo_path != NULL)
    photo_path = g_strdup (render->photo_path);
  if (photo_path != NULL && (photo = bk_photo_read_file (photo_path, error)) == NULL)
    return FALSE;
  return bk_ticket_pdf_add (render->pdf, ticket, session, photo, error);
}

static gboolean
render_batch (Render *render, const char *path, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GFileInputStream) input = g_file_read (file, NULL, error);
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *name = g_filename_display_name (path);
  guint number = 0;

  if (input == NULL)
    return FALSE;
  lines = g_data_input_stream_new (G_INPUT_STREAM (input));
  for (;;)
    {
      g_autofree char *line = NULL;
      g_autofree char *where = NULL;
      g_autoptr (GError) local_error = NULL;
      gsize length;

      line = g_data_input_stream_read_line_utf8 (lines, &length, NULL, error);
      if (line == NULL)
        return error == NULL || *error == NULL;
      number++;
      if (*g_strstrip (line) == '\0')
        continue;
      /* TRANSLATORS: a place in a file: its name and a line number */
      where = g_strdup_printf (_ ("%s, line %u"), name, number);
      if (!json_parser_load_from_data (parser, line, -1, &local_error))
        {
          g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                       _ ("%s: not valid JSON: %s"), where, local_error->message);
          return FALSE;
        }
      if (!render_one (render, json_parser_get_root (parser), where, error))
        return FALSE;
    }
}

static gboolean
render_single (Render *render, const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GError) local_error = NULL;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("%s: not valid JSON: %s"),
                   name, local_error->message);
      return FALSE;
    }
  return render_one (render, json_parser_get_root (parser), name, error);
}

int
bk_tool_ticket_render_run (int argc, char **argv)
{
  g_autofree char *key_path = NULL, *photo_path = NULL, *batch_path = NULL, *output = NULL;
  g_autofree char *base_dir = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sessions = NULL;
  g_autoptr (BkTicketPdf) pdf = NULL;
  gboolean ok;
  gboolean timing = FALSE;
  gint64 start;
  Render render = { 0 };
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path,
      N_ ("The authority's secret key, to sign tickets that are not signed yet"), N_ ("FILE") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo_path,
      N_ ("The standardised photo (JPEG) of a single ticket"), N_ ("JPEG") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch_path,
      N_ ("Render every ticket of a JSON Lines file, one page each"), N_ ("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("The PDF file to write"), N_ ("PDF") },
    { "time", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &timing, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("TICKET.json") },
    { NULL },
  };

  context = bk_tool_option_context_new ("ticket render", NULL);
  g_option_context_set_summary (
    context, _ ("Draw admission tickets as an A4 PDF, a page each. A ticket is a JSON object: "
                "either {\"signed\": QR text} as the server issues it, or the seat to sign with "
                "--key: session, name, id_type, id_number, level, mode, venue, room, seat. "
                "\"photo\" names its JPEG, relative to the JSON file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bk_tool_option_error ("ticket render", error);
  if (output == NULL || (batch_path == NULL) == (files == NULL || files[0] == NULL) ||
      (files != NULL && files[0] != NULL && files[1] != NULL))
    {
      bk_tool_printerr ("%s\n", _ ("Give --output and either one ticket file or --batch."));
      bk_tool_printerr ("%s\n", _ ("Run “baokao-tool ticket render --help” to see how."));
      return BK_TOOL_EXIT_USAGE;
    }
  if (key_path != NULL && !bk_ticket_key_load_secret (key_path, render.secret_key, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }
  render.have_key = key_path != NULL;
  render.photo_path = photo_path;
  base_dir = g_path_get_dirname (batch_path != NULL ? batch_path : files[0]);
  render.base_dir = base_dir;
  sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  render.sessions = sessions;

  start = g_get_monotonic_time ();
  /* The fonts go when the command is done (see bk_ticket_page_release_fonts()). */
  atexit (bk_ticket_page_release_fonts);
  pdf = bk_ticket_pdf_new (output, &error);
  render.pdf = pdf;
  ok = pdf != NULL && (batch_path != NULL ? render_batch (&render, batch_path, &error)
                                          : render_single (&render, files[0], &error));
  sodium_memzero (render.secret_key, sizeof render.secret_key);
  if (ok && bk_ticket_pdf_get_n_pages (pdf) == 0)
    {
      bk_tool_printerr ("%s\n", _ ("The batch file has no tickets; nothing was written."));
      g_unlink (output);
      return BK_TOOL_EXIT_USAGE;
    }
  if (!ok || !bk_ticket_pdf_finish (pdf, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      g_unlink (output);
      return BK_TOOL_EXIT_USAGE;
    }
  if (timing)
    fprintf (stderr, "time %u tickets %.3f ms\n", bk_ticket_pdf_get_n_pages (pdf),
             (g_get_monotonic_time () - start) / 1000.0);
  {
    g_autofree char *name = g_filename_display_name (output);

    /* TRANSLATORS: %u is a number of pages, %s a file name */
    bk_tool_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u ticket to “%s”.\n",
                                "Wrote %u tickets to “%s”.\n", bk_ticket_pdf_get_n_pages (pdf)),
                   bk_ticket_pdf_get_n_pages (pdf), name);
  }
  return BK_TOOL_EXIT_OK;
}

/* `ticket sign`: the authority signs seats without drawing them, one JSON
 * line each, as the server will deliver them. */
int
bk_tool_ticket_sign_run (int argc, char **argv)
{
  g_autofree char *key_path = NULL, *batch_path = NULL, *base_dir = NULL;
  g_auto (GStrv) files = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) sessions = NULL;
  Render render = { 0 };
  gboolean ok;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_FILENAME, &key_path, N_ ("The authority's secret key"),
      N_ ("FILE") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &batch_path,
      N_ ("Sign every ticket of a JSON Lines file"), N_ ("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("TICKET.json") },
    { NULL },
  };

  context = bk_tool_option_context_new ("ticket sign", NULL);
  g_option_context_set_summary (
    context, _ ("Sign tickets with the authority's key and print each as {\"signed\": QR text}, "
                "one JSON line a ticket, which “baokao-tool ticket render” reads."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bk_tool_option_error ("ticket sign", error);
  if (key_path == NULL || (batch_path == NULL) == (files == NULL || files[0] == NULL) ||
      (files != NULL && files[0] != NULL && files[1] != NULL))
    {
      bk_tool_printerr ("%s\n", _ ("Give --key and either one ticket file or --batch."));
      return BK_TOOL_EXIT_USAGE;
    }
  if (!bk_ticket_key_load_secret (key_path, render.secret_key, &error))
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }
  render.have_key = TRUE;
  base_dir = g_path_get_dirname (batch_path != NULL ? batch_path : files[0]);
  render.base_dir = base_dir;
  sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  render.sessions = sessions;
  ok = batch_path != NULL ? render_batch (&render, batch_path, &error)
                          : render_single (&render, files[0], &error);
  sodium_memzero (render.secret_key, sizeof render.secret_key);
  if (!ok)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }
  return BK_TOOL_EXIT_OK;
}
