/* bk-tool-eligibility.c — `baokao-tool eligibility`: check a candidate's case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bk-core-error.h"
#include "bk-eligibility.h"
#include "bk-tool.h"

int bk_tool_eligibility_run (int argc, char **argv);

typedef struct
{
  GHashTable *sessions; /* id → BkExamSession; a batch mostly names few sessions */
  JsonGenerator *generator;
  JsonParser *parser;
  gboolean pretty;  /* one case: indented JSON; batch: one line per verdict */
  char *last_error; /* the message of the last malformed case */
} Context;

static BkExamSession *
lookup_session (Context *ctx, const char *id, GError **error)
{
  BkExamSession *session = g_hash_table_lookup (ctx->sessions, id);

  if (session == NULL)
    {
      session = bk_exam_session_load (id, error);
      if (session == NULL)
        return NULL;
      g_hash_table_insert (ctx->sessions, g_strdup (id), session);
    }
  return session;
}

/* Decides one parsed case (or reports @problem); returns the exit status
 * for it and appends JSON or text to @out. @line is the input line in a
 * batch, 0 otherwise. */
static int
decide (
  Context *ctx, JsonNode *root, const GError *problem, guint line, gboolean json, GString *out)
{
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  g_autoptr (BkEligibilityVerdict) verdict = NULL;
  g_autoptr (GError) error = problem != NULL ? g_error_copy (problem) : NULL;
  BkExamSession *session;

  if (error == NULL && root == NULL)
    g_set_error_literal (&error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                         _ ("The input is empty; give one case as a JSON object."));
  else if (error == NULL &&
           (eligibility_case = bk_eligibility_case_new_from_json (root, &error)) != NULL &&
           (session = lookup_session (ctx, eligibility_case->session_id, &error)) != NULL)
    verdict = bk_eligibility_evaluate (session, eligibility_case, &error);

  if (verdict == NULL)
    {
      /* The message may quote the input, which need not be UTF-8. */
      g_free (ctx->last_error);
      ctx->last_error = bk_tool_make_valid (error->message);
      if (json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();
          g_autoptr (JsonNode) node = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, ctx->last_error);
          if (line > 0)
            {
              json_builder_set_member_name (builder, "line");
              json_builder_add_int_value (builder, line);
            }
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          json_generator_set_root (ctx->generator, node);
          json_generator_to_gstring (ctx->generator, out);
        }
      else
        g_string_append (out, ctx->last_error);
      return BK_TOOL_EXIT_USAGE;
    }

  if (json && ctx->pretty)
    {
      g_autoptr (JsonNode) node = bk_eligibility_verdict_to_json (verdict);

      json_object_set_string_member (json_node_get_object (node), "session",
                                     eligibility_case->session_id);
      json_generator_set_root (ctx->generator, node);
      json_generator_to_gstring (ctx->generator, out);
    }
  else if (json)
    bk_eligibility_verdict_write_json (verdict, eligibility_case->session_id, out);
  else
    {
      g_autofree char *text = bk_eligibility_verdict_to_text (verdict);

      g_string_append (out, text);
    }
  return verdict->eligible ? BK_TOOL_EXIT_OK : BK_TOOL_EXIT_NEGATIVE;
}

static int
check_case (Context *ctx, const char *data, gsize length, guint line, gboolean json, GString *out)
{
  g_autoptr (GError) error = NULL;

  /* The parser recurses once per level: bound the depth before it runs. */
  if (!bk_eligibility_case_check_data (data, length, &error))
    return decide (ctx, NULL, error, line, json, out);
  if (!json_parser_load_from_data (ctx->parser, data, (gssize) length, &error))
    {
      /* TRANSLATORS: %s is the JSON parser's message */
      g_autofree char *message = g_strdup_printf (
        _ ("Not valid JSON: %s. Write the case as one JSON object (one per line with --batch); "
           "“baokao-tool eligibility --help” shows an example."),
        error->message);

      g_clear_error (&error);
      g_set_error_literal (&error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, message);
      return decide (ctx, NULL, error, line, json, out);
    }
  return decide (ctx, json_parser_get_root (ctx->parser), NULL, line, json, out);
}

/* Opens the input: standard input for "-", else a regular file or a pipe
 * (never a device or a folder, which could be read without end). */
static FILE *
open_input (const char *file, GError **error)
{
  g_autofree char *name = NULL;
  struct stat st;
  FILE *stream;
  int fd;

  if (g_str_equal (file, "-"))
    return stdin;
  name = g_filename_display_name (file);
  fd = g_open (file, O_RDONLY | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _ ("Cannot read “%s”: %s. Check the file name, or give “-” to read standard "
                      "input."),
                   name, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) && !S_ISFIFO (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _ ("“%s” is a folder or a special file, not a case file. Name the case file, "
                      "or give “-” to read standard input."),
                   name);
      return NULL;
    }
  stream = fdopen (fd, "r");
  if (stream == NULL)
    g_close (fd, NULL);
  return stream;
}

static gboolean
read_error (FILE *stream, GError **error)
{
  if (!ferror (stream))
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
               /* TRANSLATORS: %s is the system's reason */
               _ ("The input could not be read: %s. Check the file and try again."),
               g_strerror (errno));
  return FALSE;
}

/* Reads one case: at most BK_ELIGIBILITY_CASE_MAX_SIZE + 1 bytes, so that a
 * larger input is told apart (and refused) without reading it all. */
static char *
read_case (FILE *stream, gsize *length, GError **error)
{
  gsize room = BK_ELIGIBILITY_CASE_MAX_SIZE + 1;
  g_autofree char *contents = g_malloc (room + 1);
  gsize n = 0;

  while (n < room)
    {
      size_t got = fread (contents + n, 1, room - n, stream);

      if (got == 0)
        break;
      n += got;
    }
  if (!read_error (stream, error))
    return NULL;
  contents[n] = '\0';
  *length = n;
  return g_steal_pointer (&contents);
}

/* Reads a batch line by line; a line longer than the limit is kept
 * truncated and marked, the rest of it skipped, so memory stays bounded
 * whatever the input. */
typedef struct
{
  FILE *stream;
  char buffer[65536];
  gsize position;
  gsize length;
} LineReader;

/* Appends the next line, without its newline, to @arena (at most @max
 * bytes); FALSE at the end of the input. */
static gboolean
line_reader_next (LineReader *reader, GString *arena, gsize max, gboolean *too_long)
{
  gboolean any = FALSE;
  gsize kept = 0;

  *too_long = FALSE;
  for (;;)
    {
      const char *start, *newline;
      gsize n, take;

      if (reader->position == reader->length)
        {
          reader->length = fread (reader->buffer, 1, sizeof reader->buffer, reader->stream);
          reader->position = 0;
          if (reader->length == 0)
            return any;
        }
      any = TRUE;
      start = reader->buffer + reader->position;
      newline = memchr (start, '\n', reader->length - reader->position);
      n = newline != NULL ? (gsize) (newline - start) : reader->length - reader->position;
      take = MIN (n, max - kept);
      g_string_append_len (arena, start, (gssize) take);
      kept += take;
      if (take < n)
        *too_long = TRUE;
      reader->position += n + (newline != NULL ? 1 : 0);
      if (newline != NULL)
        return TRUE;
    }
}

typedef struct
{
  const char *start;
  gsize offset; /* in the block's text, until the block is complete */
  gsize length;
  guint number; /* 1-based line number */
  gboolean too_long;
} Line;

static int
worse (int a, int b)
{
  /* The worst outcome decides: bad input, then not eligible. */
  if (a == BK_TOOL_EXIT_USAGE || b == BK_TOOL_EXIT_USAGE)
    return BK_TOOL_EXIT_USAGE;
  return MAX (a, b);
}

static void
context_init (Context *ctx)
{
  ctx->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx->generator = json_generator_new ();
  ctx->parser = json_parser_new ();
  ctx->pretty = FALSE;
  ctx->last_error = NULL;
}

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->sessions, g_hash_table_unref);
  g_clear_object (&ctx->generator);
  g_clear_object (&ctx->parser);
  g_clear_pointer (&ctx->last_error, g_free);
}

/* A batch is split between threads, each with its own parser and sessions
 * (the rules share nothing), and the outputs are written in input order. */
typedef struct
{
  Context ctx;
  const Line *lines;
  guint n;
  GString *out;
  int status;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;

  w->status = BK_TOOL_EXIT_OK;
  for (guint i = 0; i < w->n; i++)
    {
      const Line *line = &w->lines[i];

      if (line->too_long)
        {
          g_autoptr (GError) error = g_error_new_literal (
            BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
            _ ("The line is longer than 1 MiB, far longer than a case (a JSON object of a few "
               "hundred bytes). Put one case on each line."));

          w->status = worse (w->status, decide (&w->ctx, NULL, error, line->number, TRUE, w->out));
        }
      else
        w->status = worse (
          w->status, check_case (&w->ctx, line->start, line->length, line->number, TRUE, w->out));
      g_string_append_c (w->out, '\n');
    }
  return NULL;
}

#define BLOCK_LINES 8192
#define MAX_WORKERS 8

static int
run_block (Worker *workers, guint n_workers, const Line *lines, guint n)
{
  GThread *threads[MAX_WORKERS] = { NULL };
  guint per = (n + n_workers - 1) / n_workers;
  int status = BK_TOOL_EXIT_OK;

  for (guint i = 0; i < n_workers; i++)
    {
      guint first = MIN (i * per, n);

      workers[i].lines = lines + first;
      workers[i].n = MIN (per, n - first);
      g_string_truncate (workers[i].out, 0);
      if (i > 0 && workers[i].n > 0)
        threads[i] = g_thread_new ("eligibility", worker_run, &workers[i]);
    }
  worker_run (&workers[0]);
  for (guint i = 0; i < n_workers; i++)
    {
      if (threads[i] != NULL)
        g_thread_join (threads[i]);
      if (workers[i].n > 0)
        status = worse (status, workers[i].status);
      fwrite (workers[i].out->str, 1, workers[i].out->len, stdout);
    }
  return status;
}

#define BLOCK_BYTES (16 << 20)

static int
run_batch (FILE *stream, GError **error)
{
  g_autofree Line *lines = g_new (Line, BLOCK_LINES);
  g_autoptr (GString) text = g_string_sized_new (1 << 20);
  g_autofree LineReader *reader = g_new0 (LineReader, 1);
  Worker workers[MAX_WORKERS];
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  guint n = 0, number = 0;
  int status = BK_TOOL_EXIT_OK;
  gboolean too_long;

  for (guint i = 0; i < n_workers; i++)
    {
      context_init (&workers[i].ctx);
      workers[i].out = g_string_sized_new (1 << 20);
    }

  /* One verdict per non-blank line, in order, so results pair with input;
   * lines are answered a block at a time, so memory stays bounded. */
  reader->stream = stream;
  for (;;)
    {
      gsize offset = text->len;
      gboolean more = line_reader_next (reader, text, BK_ELIGIBILITY_CASE_MAX_SIZE, &too_long);
      const char *p = text->str + offset;
      const char *stop = text->str + text->len;

      if (more)
        {
          number++;
          while (p < stop && g_ascii_isspace (*p))
            p++;
          if (too_long)
            {
              /* Answered with an error: its text is not needed. */
              g_string_truncate (text, offset);
              lines[n++] = (Line){ NULL, offset, 0, number, TRUE };
            }
          else if (p < stop)
            lines[n++] = (Line){ NULL, offset, text->len - offset, number, FALSE };
          else
            g_string_truncate (text, offset);
        }
      if (n > 0 && (!more || n == BLOCK_LINES || text->len >= BLOCK_BYTES))
        {
          for (guint i = 0; i < n; i++)
            lines[i].start = text->str + lines[i].offset;
          status = worse (status, run_block (workers, n_workers, lines, n));
          n = 0;
          g_string_truncate (text, 0);
        }
      if (!more)
        break;
    }

  for (guint i = 0; i < n_workers; i++)
    {
      context_clear (&workers[i].ctx);
      g_string_free (workers[i].out, TRUE);
    }
  if (!read_error (stream, error))
    return BK_TOOL_EXIT_USAGE;
  return status;
}

int
bk_tool_eligibility_run (int argc, char **argv)
{
  gboolean json = FALSE, batch = FALSE;
  g_auto (GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Write the verdict as JSON"), NULL },
    { "batch", 0, 0, G_OPTION_ARG_NONE, &batch,
      N_ ("Read one case per line (JSON Lines) and write one JSON verdict per line"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE|-") },
    { NULL },
  };
  g_autoptr (GOptionContext) options = bk_tool_option_context_new ("eligibility", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  FILE *stream;
  gsize length;
  Context ctx;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    options, _ ("Checks a candidate's case (JSON) against the rules of an exam session. "
                "Exit status: 0 eligible, 1 not eligible, 2 bad input."));
  g_option_context_set_description (
    options, _ ("A case is one JSON object, e.g.\n"
                "  {\"session\": \"liaoning-2020\", \"level\": 1, \"mode\": \"all\",\n"
                "   \"education\": [{\"level\": \"associate\", \"discipline\": \"engineering\",\n"
                "                  \"graduated\": \"2014-07-01\", "
                "\"full_time\": true, \"foreign\": false}],\n"
                "   \"work\": [{\"from\": \"2015-01-01\", \"to\": null, \"metrology\": true}],\n"
                "   \"senior_title\": \"none\", \"verification_officer_certificate\": false,\n"
                "   \"integrity_record\": false, \"id_type\": \"resident-id\"}\n"
                "Dates are written YYYY-MM-DD, from 1900 to 2100; “baokao-tool sessions” lists the "
                "sessions. A case may be at most 1 MiB and nested at most 32 levels."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return bk_tool_option_error ("eligibility", error);
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      bk_tool_printerr ("%s\n", _ ("Give exactly one case file, or “-” to read standard input. Run "
                                   "“baokao-tool eligibility --help” for the input format."));
      return BK_TOOL_EXIT_USAGE;
    }
  stream = open_input (files[0], &error);
  if (stream == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }

  if (batch)
    {
      status = run_batch (stream, &error);
      if (error != NULL)
        bk_tool_printerr ("%s\n", error->message);
      if (stream != stdin)
        fclose (stream);
      return status;
    }

  contents = read_case (stream, &length, &error);
  if (stream != stdin)
    fclose (stream);
  if (contents == NULL)
    {
      bk_tool_printerr ("%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }

  context_init (&ctx);
  {
    g_autoptr (GString) out = g_string_new (NULL);

    ctx.pretty = TRUE;
    json_generator_set_pretty (ctx.generator, TRUE);
    status = check_case (&ctx, contents, length, 0, json, out);
    if (out->len == 0 || out->str[out->len - 1] != '\n')
      g_string_append_c (out, '\n');
    /* Scripts read the JSON; people read the message on stderr too. */
    if (status == BK_TOOL_EXIT_USAGE && json)
      bk_tool_printerr ("%s\n", ctx.last_error);
    /* Bad input is an error message: stderr, unless JSON was asked for. */
    fputs (out->str, status == BK_TOOL_EXIT_USAGE && !json ? stderr : stdout);
  }
  context_clear (&ctx);
  return status;
}
