/* bk-tool-eligibility.c — `baokao-tool eligibility`: check a candidate's case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

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
      g_free (ctx->last_error);
      ctx->last_error = g_strdup (error->message);
      if (json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();
          g_autoptr (JsonNode) node = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, error->message);
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
        g_string_append (out, error->message);
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
check_case (Context *ctx, const char *data, gssize length, guint line, gboolean json, GString *out)
{
  g_autoptr (GError) error = NULL;

  if (!json_parser_load_from_data (ctx->parser, data, length, &error))
    {
      /* TRANSLATORS: %s is the JSON parser's message */
      g_autofree char *message = g_strdup_printf (_ ("Not valid JSON: %s"), error->message);

      g_clear_error (&error);
      g_set_error_literal (&error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, message);
      return decide (ctx, NULL, error, line, json, out);
    }
  return decide (ctx, json_parser_get_root (ctx->parser), NULL, line, json, out);
}

static gboolean
read_input (const char *file, char **contents, gsize *length, GError **error)
{
  if (g_str_equal (file, "-"))
    {
      GString *buffer = g_string_new (NULL);
      char chunk[65536];
      size_t n;

      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_string_append_len (buffer, chunk, (gssize) n);
      *length = buffer->len;
      *contents = g_string_free (buffer, FALSE);
      return TRUE;
    }
  return g_file_get_contents (file, contents, length, error);
}

typedef struct
{
  const char *start;
  gsize length;
  guint number; /* 1-based line number */
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
      w->status = worse (w->status,
                         check_case (&w->ctx, w->lines[i].start, (gssize) w->lines[i].length,
                                     w->lines[i].number, TRUE, w->out));
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

static int
run_batch (const char *contents, gsize length)
{
  g_autofree Line *lines = g_new (Line, BLOCK_LINES);
  Worker workers[MAX_WORKERS];
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  guint n = 0, number = 0;
  int status = BK_TOOL_EXIT_OK;
  const char *line = contents;
  const char *end = contents + length;

  for (guint i = 0; i < n_workers; i++)
    {
      context_init (&workers[i].ctx);
      workers[i].out = g_string_sized_new (1 << 20);
    }

  /* One verdict per non-blank line, in order, so results pair with input. */
  while (line < end)
    {
      const char *newline = memchr (line, '\n', (size_t) (end - line));
      const char *stop = newline != NULL ? newline : end;
      const char *p = line;

      number++;
      while (p < stop && g_ascii_isspace (*p))
        p++;
      if (p < stop)
        lines[n++] = (Line){ line, (gsize) (stop - line), number };
      if (n == BLOCK_LINES)
        {
          status = worse (status, run_block (workers, n_workers, lines, n));
          n = 0;
        }
      line = stop + 1;
    }
  if (n > 0)
    status = worse (status, run_block (workers, n_workers, lines, n));

  for (guint i = 0; i < n_workers; i++)
    {
      context_clear (&workers[i].ctx);
      g_string_free (workers[i].out, TRUE);
    }
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
  g_autoptr (GOptionContext) options = g_option_context_new (_ ("FILE|- — check eligibility"));
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  Context ctx;
  int status;

  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    options, _ ("Checks a candidate's case (JSON) against the rules of an exam session. "
                "Exit status: 0 eligible, 1 not eligible, 2 bad input."));
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      fprintf (stderr, "%s\n",
               _ ("Give exactly one case file, or “-” to read standard input. Run “baokao-tool "
                  "eligibility --help” for the input format."));
      return BK_TOOL_EXIT_USAGE;
    }
  if (!read_input (files[0], &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return BK_TOOL_EXIT_USAGE;
    }

  context_init (&ctx);
  if (batch)
    status = run_batch (contents, length);
  else
    {
      g_autoptr (GString) out = g_string_new (NULL);

      ctx.pretty = TRUE;
      json_generator_set_pretty (ctx.generator, TRUE);
      status = check_case (&ctx, contents, (gssize) length, 0, json, out);
      if (out->len == 0 || out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
      /* Scripts read the JSON; people read the message on stderr too. */
      if (status == BK_TOOL_EXIT_USAGE && json)
        fprintf (stderr, "%s\n", ctx.last_error);
      /* Bad input is an error message: stderr, unless JSON was asked for. */
      fputs (out->str, status == BK_TOOL_EXIT_USAGE && !json ? stderr : stdout);
    }

  context_clear (&ctx);
  return status;
}
