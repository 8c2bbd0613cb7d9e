/* bk-server-admin.c
 *
 * Imports are all or nothing: every row is checked with the workflow's
 * rules first; a bad row is reported with its line number and nothing of
 * the file is applied. The rows that pass are written in one transaction
 * (compare-and-swap on each application's version, with its change in the
 * feed and one audit line), so a server process that moves an application
 * meanwhile makes the import fail whole and it can simply be run again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bk-dates.h"
#include "bk-score-outcome.h"
#include "bk-server-admin.h"
#include "bk-server-workflow-store.h"

typedef struct
{
  BkServerEntity *application;
  JsonObject *payload;
  BkExamSession *session;
  GArray *results; /* of BkExamResult, scores only */
  guint line;
  char *text; /* the new payload */
} Row;

static void
row_free (Row *row)
{
  bk_server_entity_free (row->application);
  g_clear_pointer (&row->payload, json_object_unref);
  g_clear_object (&row->session);
  g_clear_pointer (&row->results, g_array_unref);
  g_free (row->text);
  g_free (row);
}

gboolean
bk_server_admin_is_workflow_command (const char *command)
{
  return g_strcmp0 (command, "add-session") == 0 || g_strcmp0 (command, "import-payments") == 0 ||
         g_strcmp0 (command, "import-scores") == 0 || g_strcmp0 (command, "import-integrity") == 0;
}

static int
fail (const char *path, guint line, const char *message)
{
  if (line > 0)
    fprintf (stderr, "baokao-server admin: %s:%u: %s; nothing was imported\n", path, line, message);
  else
    fprintf (stderr, "baokao-server admin: %s: %s\n", path, message);
  return 1;
}

static void
audit (BkServerAuditEntry *entry, gint64 now, const char *path, const char *action)
{
  *entry = (BkServerAuditEntry){
    .at = now,
    .address = "local",
    .method = "ADMIN",
    .path = path,
    .action = action,
    .allowed = TRUE,
    .status = 200,
  };
}

static int
add_session (BkServerDatabase *database, const BkServerLimits *limits, const char *path, gint64 now)
{
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = NULL;
  gsize length;
  const char *id;

  if (!g_file_get_contents (path, &data, &length, &error))
    return fail (path, 0, error->message);
  /* Core's loader is the validation: what it refuses is never stored. */
  session = bk_exam_session_new_from_data (data, length, name, &error);
  if (session == NULL)
    return fail (path, 0, error->message);
  id = bk_exam_session_get_id (session);
  if (!bk_server_database_put_document (database, "session", id, data, now, &error))
    return fail (path, 0, error->message);
  {
    BkServerAuditEntry entry;
    g_autofree char *detail = g_strdup_printf ("session %s from %s", id, name);

    audit (&entry, now, name, "add-session");
    entry.detail = detail;
    if (!bk_server_database_audit (database, &entry, &error))
      return fail (path, 0, error->message);
  }
  printf ("added session %s\n", id);
  /* Applications submitted for it before it was known are checked now. */
  if (!bk_server_workflow_sweep (database, limits, NULL, id, NULL, now, &error))
    return fail (path, 0, error->message);
  return 0;
}

/* The cells of a CSV line: comma-separated, no quoting, blanks trimmed. */
static GStrv
split_line (const char *line)
{
  GStrv cells = g_strsplit (line, ",", -1);

  for (guint i = 0; cells[i] != NULL; i++)
    g_strstrip (cells[i]);
  return cells;
}

/* The lines of a UTF-8 text file (a byte-order mark skipped); NULL when
 * it cannot be read, said on standard error. */
static GStrv
read_lines (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, &data, NULL, &error))
    return fail (path, 0, error->message), NULL;
  if (!g_utf8_validate (data, -1, NULL))
    return fail (path, 0, "the file is not UTF-8 text"), NULL;
  return g_strsplit (g_str_has_prefix (data, "\xEF\xBB\xBF") ? data + 3 : data, "\n", -1);
}

static Row *
find_row (GPtrArray *rows, const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];

      if (g_str_equal (row->application->id, id))
        return row;
    }
  return NULL;
}

/* The application of a row, with its payload and session; NULL with
 * @message when it cannot be imported. */
static Row *
load_row (BkServerDatabase *database, const char *id, guint line, char **message)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id_down = NULL;
  Row *row;

  if (!g_uuid_string_is_valid (id))
    {
      *message = g_strdup_printf ("“%s” is not an application's UUID", id);
      return NULL;
    }
  id_down = g_ascii_strdown (id, -1);
  row = g_new0 (Row, 1);
  row->line = line;
  row->application = bk_server_database_get_entity (database, "application", id_down, &error);
  if (row->application != NULL && !row->application->deleted)
    row->payload = bk_server_workflow_parse (row->application);
  if (row->payload != NULL)
    row->session = bk_server_workflow_find_session (database, row->application->session_id, &error);
  if (row->session == NULL)
    {
      *message = error != NULL ? g_strdup (error->message)
                               : g_strdup_printf ("there is no application %s (or the server "
                                                  "does not know its session)",
                                                  id);
      row_free (row);
      return NULL;
    }
  return row;
}

/* The candidate's other applications (of JsonObject), for the passes of
 * earlier years. */
static GPtrArray *
other_applications (BkServerDatabase *database, const BkServerEntity *application, GError **error)
{
  BkServerEntityFilter filter = { .type = "application", .owner_id = application->owner_id };
  g_autoptr (GPtrArray) entities = bk_server_database_list_entities (database, &filter, error);
  GPtrArray *others;

  if (entities == NULL)
    return NULL;
  others = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < entities->len; i++)
    {
      const BkServerEntity *other = entities->pdata[i];
      JsonObject *payload;

      if (g_str_equal (other->id, application->id) ||
          (payload = bk_server_workflow_parse (other)) == NULL)
        continue;
      g_ptr_array_add (others, payload);
    }
  return others;
}

static gboolean
parse_score (const char *subject_text, const char *score_text, BkExamResult *result)
{
  guint64 subject;
  char *end = NULL;

  if (!g_ascii_string_to_unsigned (subject_text, 10, 1, 9, &subject, NULL) || *score_text == '\0')
    return FALSE;
  result->subject = subject;
  result->score = g_ascii_strtod (score_text, &end);
  return end != NULL && *end == '\0';
}

static int
import (BkServerDatabase *database, const char *command, const char *path, gint64 now)
{
  static const char *const payment_header[] = { "application_id", "receipt", "amount_yuan", NULL };
  static const char *const score_header[] = { "application_id", "subject", "score", NULL };
  gboolean scores = g_str_equal (command, "import-scores");
  const char *const *header = scores ? score_header : payment_header;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr (GArray) writes = g_array_new (FALSE, TRUE, sizeof (BkServerEntityWrite));
  g_autofree char *detail = NULL;
  BkServerAuditEntry entry;
  gboolean seen_header = FALSE;
  guint line = 0;

  lines = read_lines (path);
  if (lines == NULL)
    return 1;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = split_line (lines[i]);
      g_autofree char *message = NULL;
      g_autofree char *id = NULL;
      Row *row;

      line = i + 1;
      if (cells[0] == NULL || (cells[1] == NULL && *cells[0] == '\0'))
        continue; /* a blank line */
      if (g_strv_length (cells) != 3)
        return fail (path, line, "a row has three cells separated by commas");
      if (!seen_header)
        {
          g_autofree char *expected = g_strjoinv (",", (GStrv) header);
          g_autofree char *wrong = g_strdup_printf ("the first row must be the header “%s”",
                                                    expected);

          if (!g_strv_equal ((const char *const *) cells, header))
            return fail (path, line, wrong);
          seen_header = TRUE;
          continue;
        }
      id = g_ascii_strdown (cells[0], -1);
      if (scores && (row = find_row (rows, id)) != NULL)
        ; /* another subject of the same application */
      else if (!scores && find_row (rows, id) != NULL)
        return fail (path, line, "the application is paid in an earlier row already");
      else if ((row = load_row (database, cells[0], line, &message)) == NULL)
        return fail (path, line, message);
      else
        g_ptr_array_add (rows, row);

      if (scores)
        {
          BkExamResult result = { 0 };

          if (!parse_score (cells[1], cells[2], &result))
            return fail (path, line, "“subject” must be a subject number and “score” a number");
          if (row->results == NULL)
            row->results = g_array_new (FALSE, TRUE, sizeof (BkExamResult));
          g_array_append_val (row->results, result);
          row->line = line;
        }
      else
        {
          BkServerWorkflowRefusal refusal = { 0 };
          guint64 fen;

          if (*cells[1] == '\0' || !bk_server_workflow_parse_yuan (cells[2], &fen))
            return fail (path, line, "a payment needs a receipt number and an amount in yuan");
          if (!bk_server_workflow_pay (row->payload, row->session, cells[1], fen, "import", now,
                                       &refusal))
            {
              int status = fail (path, line, refusal.message);

              bk_server_workflow_refusal_clear (&refusal);
              return status;
            }
        }
    }
  if (!seen_header)
    return fail (path, 0, "the file is empty: it needs a header and one row per line");

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      g_autoptr (JsonNode) node = NULL;
      BkServerEntityWrite write = { 0 };

      if (scores)
        {
          BkServerWorkflowRefusal refusal = { 0 };

          g_autoptr (GPtrArray) earlier = other_applications (database, row->application, &error);

          if (earlier == NULL)
            return fail (path, 0, error->message);
          if (!bk_server_workflow_publish_scores (row->payload, row->session, row->results, earlier,
                                                  now, &refusal))
            {
              int status = fail (path, row->line, refusal.message);

              bk_server_workflow_refusal_clear (&refusal);
              return status;
            }
        }
      node = json_node_init_object (json_node_alloc (), row->payload);
      row->text = json_to_string (node, FALSE);
      write.type = "application";
      write.id = row->application->id;
      write.base_version = row->application->version;
      write.payload = row->text;
      g_array_append_val (writes, write);
    }

  detail = g_strdup_printf ("%u applications from %s", rows->len, name);
  audit (&entry, now, name, command);
  entry.detail = detail;
  if (!bk_server_database_write_entities (database, (BkServerEntityWrite *) writes->data,
                                          writes->len, now, &entry, &error))
    return fail (path, 0, error->message);
  printf ("%s: %u applications\n", command, rows->len);
  return 0;
}

/* The exam-integrity file (诚信档案库): who may not use the commitment
 * system, by ID number, to the end of their recording period. Every row
 * is checked before any is stored. */
static int
import_integrity (BkServerDatabase *database, const char *path, gint64 now)
{
  static const char *const header[] = { "id_number", "recorded_until", NULL };
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *detail = NULL;
  BkServerAuditEntry entry;
  gboolean seen_header = FALSE;

  lines = read_lines (path);
  if (lines == NULL)
    return 1;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = split_line (lines[i]);
      GDate until;

      if (cells[0] == NULL || (cells[1] == NULL && *cells[0] == '\0'))
        continue;
      if (g_strv_length (cells) != 2)
        return fail (path, i + 1, "a row has two cells separated by a comma");
      if (!seen_header)
        {
          if (!g_strv_equal ((const char *const *) cells, header))
            return fail (path, i + 1,
                         "the first row must be the header “id_number,recorded_until”");
          seen_header = TRUE;
          continue;
        }
      g_date_clear (&until, 1);
      if (*cells[0] == '\0' || strlen (cells[0]) > 32 || !bk_dates_parse (cells[1], &until))
        return fail (path, i + 1,
                     "a row is an ID number and the last day of its record "
                     "(YYYY-MM-DD)");
      g_ptr_array_add (rows, g_steal_pointer (&cells));
    }
  if (!seen_header)
    return fail (path, 0, "the file is empty: it needs a header and one row per line");
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv cells = rows->pdata[i];
      g_autofree char *id_number = g_ascii_strup (cells[0], -1);
      g_autofree char *document = g_strdup_printf ("{\"recorded_until\":\"%s\"}", cells[1]);

      if (!bk_server_database_put_document (database, "integrity", id_number, document, now,
                                            &error))
        return fail (path, 0, error->message);
    }
  detail = g_strdup_printf ("%u records from %s", rows->len, name);
  audit (&entry, now, name, "import-integrity");
  entry.detail = detail;
  if (!bk_server_database_audit (database, &entry, &error))
    return fail (path, 0, error->message);
  printf ("import-integrity: %u records\n", rows->len);
  return 0;
}

int
bk_server_admin_run (BkServerDatabase *database,
                     const BkServerLimits *limits,
                     const char *command,
                     const char *path,
                     gint64 now)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), 2);
  g_return_val_if_fail (command != NULL && path != NULL, 2);

  if (g_str_equal (command, "add-session"))
    return add_session (database, limits, path, now);
  if (g_str_equal (command, "import-integrity"))
    return import_integrity (database, path, now);
  if (bk_server_admin_is_workflow_command (command))
    return import (database, command, path, now);
  return 2;
}
