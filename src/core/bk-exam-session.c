/* bk-exam-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "bk-core-error.h"
#include "bk-data-dirs.h"
#include "bk-dates.h"
#include "bk-exam-session.h"
#include "bk-localized.h"

typedef struct
{
  guint level;
  char *name_zh;
  char *name_en;
  GPtrArray *subjects; /* of BkExamSubject */
  guint exempt_subject;
  guint window_all;
  guint window_exempt;
} Level;

struct _BkExamSession
{
  GObject parent_instance;

  char *id;
  char *name_zh, *name_en;
  char *province_zh, *province_en;
  char *authority_zh, *authority_en;
  char *source;
  char *timetable_note_zh, *timetable_note_en;
  guint exam_year;
  GDate cutoff;
  double pass_mark_percent;
  gboolean free;
  GPtrArray *levels;  /* of Level */
  GPtrArray *windows; /* of BkExamWindow */
  GPtrArray *points;  /* of BkExamPoint */
  GPtrArray *venues_zh, *venues_en;
  GPtrArray *contacts_zh, *contacts_en, *contact_phones;
};

G_DEFINE_FINAL_TYPE (BkExamSession, bk_exam_session, G_TYPE_OBJECT)

static void
level_free (Level *level)
{
  g_free (level->name_zh);
  g_free (level->name_en);
  g_clear_pointer (&level->subjects, g_ptr_array_unref);
  g_free (level);
}

/* Reading. Every problem is reported as "FILE: field “PATH”: what is wrong",
 * so that whoever edits a session file knows where to look. */

typedef struct
{
  const char *file;
  GError **error;
} Reader;

static gboolean
fail (Reader *r, const char *field, const char *problem)
{
  if (r->error != NULL && *r->error != NULL)
    return FALSE;
  /* TRANSLATORS: a malformed session file; first %s is the file name, second
   * the field (e.g. “levels[0].subjects[1].start”), third what is wrong */
  g_set_error (r->error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("%s: field “%s”: %s"),
               r->file, field, problem);
  return FALSE;
}

static JsonNode *
member (Reader *r, JsonObject *object, const char *prefix, const char *name, gboolean required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    {
      g_autofree char *field = *prefix ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);

      fail (r, field, _ ("missing; add it."));
    }
  return node;
}

static char *
path_of (const char *prefix, const char *name)
{
  return *prefix ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);
}

static gboolean
get_string (
  Reader *r, JsonObject *o, const char *prefix, const char *name, gboolean required, char **out)
{
  JsonNode *node = member (r, o, prefix, name, required);
  g_autofree char *field = path_of (prefix, name);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, field, _ ("expected a string."));
  if (*json_node_get_string (node) == '\0')
    return fail (r, field, _ ("is empty; write the text."));
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
get_uint (
  Reader *r, JsonObject *o, const char *prefix, const char *name, guint min, guint max, guint *out)
{
  JsonNode *node = member (r, o, prefix, name, TRUE);
  g_autofree char *field = path_of (prefix, name);
  gint64 v;

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, field, _ ("expected a whole number."));
  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      /* TRANSLATORS: %u and %u are the bounds of a number */
      g_autofree char *problem = g_strdup_printf (_ ("expected a number from %u to %u."), min, max);

      return fail (r, field, problem);
    }
  *out = (guint) v;
  return TRUE;
}

static gboolean
get_number (Reader *r, JsonObject *o, const char *prefix, const char *name, double *out)
{
  JsonNode *node = member (r, o, prefix, name, TRUE);
  g_autofree char *field = path_of (prefix, name);
  GType type;

  if (node == NULL)
    return FALSE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail (r, field, _ ("expected a number."));
  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
get_bool (
  Reader *r, JsonObject *o, const char *prefix, const char *name, gboolean required, gboolean *out)
{
  JsonNode *node = member (r, o, prefix, name, required);
  g_autofree char *field = path_of (prefix, name);

  *out = FALSE;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, field, _ ("expected true or false."));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
get_object (Reader *r, JsonObject *o, const char *prefix, const char *name, gboolean required)
{
  JsonNode *node = member (r, o, prefix, name, required);
  g_autofree char *field = path_of (prefix, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, field, _ ("expected an object."));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
get_array (Reader *r,
           JsonObject *o,
           const char *prefix,
           const char *name,
           gboolean required,
           gboolean non_empty)
{
  JsonNode *node = member (r, o, prefix, name, required);
  g_autofree char *field = path_of (prefix, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, field, _ ("expected a list."));
      return NULL;
    }
  if (non_empty && json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (r, field, _ ("is empty; list at least one."));
      return NULL;
    }
  return json_node_get_array (node);
}

/* {"zh": …, "en": …}: both required, so every user sees a name. */
static gboolean
get_text (Reader *r,
          JsonObject *o,
          const char *prefix,
          const char *name,
          gboolean required,
          char **zh,
          char **en)
{
  JsonObject *text;
  g_autofree char *field = path_of (prefix, name);

  *zh = *en = NULL;
  text = get_object (r, o, prefix, name, required);
  if (text == NULL)
    return !required && json_object_get_member (o, name) == NULL;
  if (!get_string (r, text, field, "zh", TRUE, zh) || !get_string (r, text, field, "en", TRUE, en))
    {
      g_clear_pointer (zh, g_free);
      g_clear_pointer (en, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_date (Reader *r, JsonObject *o, const char *prefix, const char *name, GDate *out)
{
  g_autofree char *text = NULL;
  g_autofree char *field = path_of (prefix, name);

  if (!get_string (r, o, prefix, name, TRUE, &text))
    return FALSE;
  if (!bk_dates_parse (text, out))
    return fail (r, field, _ ("expected a real date written YYYY-MM-DD."));
  return TRUE;
}

/* Times carry their offset (+08:00 for Asia/Shanghai); one without an
 * offset would depend on the machine's time zone. */
static gboolean
get_time (Reader *r,
          JsonObject *o,
          const char *prefix,
          const char *name,
          gboolean required,
          GDateTime **out)
{
  g_autofree char *text = NULL;
  g_autofree char *field = path_of (prefix, name);

  *out = NULL;
  if (!get_string (r, o, prefix, name, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *out = g_date_time_new_from_iso8601 (text, NULL);
  if (*out == NULL)
    return fail (r, field,
                 _ ("expected a date and time with its offset, like 2020-11-07T09:00:00+08:00."));
  return TRUE;
}

static gboolean
check_order (Reader *r, const char *prefix, GDateTime *start, GDateTime *end)
{
  g_autofree char *field = path_of (prefix, "end");

  if (end != NULL && g_date_time_compare (start, end) >= 0)
    return fail (r, field, _ ("is not after the start; check both times."));
  return TRUE;
}

static BkExamSubject *
read_subject (Reader *r, JsonNode *node, const char *prefix, guint level, gboolean free)
{
  g_autoptr (BkExamSubject) subject = g_new0 (BkExamSubject, 1);
  g_autofree char *kind = NULL;
  g_autofree char *kind_field = path_of (prefix, "kind");
  g_autofree char *fee_field = path_of (prefix, "fee_yuan");
  g_autofree char *score_field = path_of (prefix, "full_score");
  JsonObject *o;
  double fee;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, prefix, _ ("expected an object."));
      return NULL;
    }
  o = json_node_get_object (node);
  subject->level = level;
  if (!get_uint (r, o, prefix, "number", 1, 9, &subject->number) ||
      !get_text (r, o, prefix, "name", TRUE, &subject->name_zh, &subject->name_en) ||
      !get_string (r, o, prefix, "kind", TRUE, &kind))
    return NULL;
  if (!g_str_equal (kind, "objective") && !g_str_equal (kind, "subjective"))
    {
      fail (r, kind_field, _ ("expected “objective” or “subjective”."));
      return NULL;
    }
  subject->subjective = g_str_equal (kind, "subjective");
  if (!get_time (r, o, prefix, "start", TRUE, &subject->start) ||
      !get_time (r, o, prefix, "end", TRUE, &subject->end) ||
      !check_order (r, prefix, subject->start, subject->end) ||
      !get_number (r, o, prefix, "full_score", &subject->full_score))
    return NULL;
  if (!(subject->full_score > 0))
    {
      fail (r, score_field, _ ("must be more than zero."));
      return NULL;
    }

  if (free)
    {
      if (json_object_has_member (o, "fee_yuan"))
        {
          fail (r, fee_field,
                _ ("the session is free (“free”: true); remove the fee or the flag."));
          return NULL;
        }
      return g_steal_pointer (&subject);
    }
  if (!get_number (r, o, prefix, "fee_yuan", &fee))
    return NULL;
  if (fee < 0 || fee > 100000 || fabs (fee * 100 - round (fee * 100)) > 1e-6)
    {
      fail (r, fee_field, _ ("expected an amount in yuan, not negative, at most two decimals."));
      return NULL;
    }
  subject->fee_fen = (guint64) llround (fee * 100);
  return g_steal_pointer (&subject);
}

static Level *
read_level (Reader *r, JsonNode *node, const char *prefix, gboolean free)
{
  Level *level = g_new0 (Level, 1);
  g_autofree char *exempt_prefix = path_of (prefix, "exempt");
  g_autofree char *windows_prefix = path_of (prefix, "score_window_years");
  g_autofree char *subjects_field = path_of (prefix, "subjects");
  g_autofree char *exempt_field = path_of (exempt_prefix, "subject");
  JsonObject *o, *exempt, *windows;
  JsonArray *subjects;

  level->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_subject_free);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, prefix, _ ("expected an object."));
      goto error;
    }
  o = json_node_get_object (node);
  if (!get_uint (r, o, prefix, "level", 1, 2, &level->level) ||
      !get_text (r, o, prefix, "name", TRUE, &level->name_zh, &level->name_en) ||
      !(subjects = get_array (r, o, prefix, "subjects", TRUE, TRUE)))
    goto error;

  for (guint i = 0; i < json_array_get_length (subjects); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.subjects[%u]", prefix, i);
      BkExamSubject *subject = read_subject (r, json_array_get_element (subjects, i), p,
                                             level->level, free);

      if (subject == NULL)
        goto error;
      /* Subjects are numbered 1, 2, 3 in order; verdicts and tickets rely on it. */
      if (subject->number != i + 1)
        {
          g_autofree char *f = path_of (p, "number");
          g_autofree char *problem =
            g_strdup_printf (_ ("expected %u: subjects are numbered from 1, in order."), i + 1);

          bk_exam_subject_free (subject);
          fail (r, f, problem);
          goto error;
        }
      g_ptr_array_add (level->subjects, subject);
    }

  if (!(exempt = get_object (r, o, prefix, "exempt", TRUE)) ||
      !get_uint (r, exempt, exempt_prefix, "subject", 1, 9, &level->exempt_subject))
    goto error;
  if (level->exempt_subject > level->subjects->len || level->subjects->len < 2)
    {
      fail (r, exempt_field, _ ("names no subject of this level that could be exempted."));
      goto error;
    }
  if (!(windows = get_object (r, o, prefix, "score_window_years", TRUE)) ||
      !get_uint (r, windows, windows_prefix, "all", 1, 10, &level->window_all) ||
      !get_uint (r, windows, windows_prefix, "exempt", 1, 10, &level->window_exempt))
    goto error;

  return level;

error:
  level_free (level);
  return NULL;
}

static BkExamWindow *
read_window (Reader *r, JsonNode *node, const char *prefix)
{
  g_autoptr (BkExamWindow) window = g_new0 (BkExamWindow, 1);
  g_autofree char *step_field = path_of (prefix, "step");
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, prefix, _ ("expected an object."));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!get_string (r, o, prefix, "step", TRUE, &window->step))
    return NULL;
  if (!bk_exam_window_is_known_step (window->step))
    {
      fail (r, step_field,
            _ ("expected one of register, verification, spot-check-review, confirmation, "
               "payment, ticket-printing, exam, scores."));
      return NULL;
    }
  if (!get_time (r, o, prefix, "start", TRUE, &window->start) ||
      !get_time (r, o, prefix, "end", FALSE, &window->end) ||
      !check_order (r, prefix, window->start, window->end) ||
      !get_bool (r, o, prefix, "approximate", FALSE, &window->approximate) ||
      !get_text (r, o, prefix, "note", FALSE, &window->note_zh, &window->note_en))
    return NULL;
  /* Only an approximate window ("mid-August") may leave its end open. */
  if (window->end == NULL && !window->approximate)
    {
      g_autofree char *f = path_of (prefix, "end");

      fail (r, f, _ ("missing; only an approximate window may leave its end open."));
      return NULL;
    }
  return g_steal_pointer (&window);
}

static GStrv
read_strings (Reader *r, JsonObject *o, const char *prefix, const char *name, gboolean non_empty)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = get_array (r, o, prefix, name, non_empty, non_empty);

  if (array == NULL)
    return (non_empty || json_object_has_member (o, name)) ? NULL : g_new0 (char *, 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        {
          g_autofree char *f = g_strdup_printf ("%s.%s[%u]", prefix, name, i);

          fail (r, f, _ ("expected a non-empty string."));
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static BkExamPoint *
read_point (Reader *r, JsonNode *node, const char *prefix)
{
  g_autoptr (BkExamPoint) point = g_new0 (BkExamPoint, 1);
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, prefix, _ ("expected an object."));
      return NULL;
    }
  o = json_node_get_object (node);
  if (!get_string (r, o, prefix, "code", FALSE, &point->code) ||
      !get_string (r, o, prefix, "city", FALSE, &point->city) ||
      !get_string (r, o, prefix, "name", TRUE, &point->name) ||
      !get_string (r, o, prefix, "address", TRUE, &point->address) ||
      !(point->phones = read_strings (r, o, prefix, "phones", TRUE)) ||
      !get_string (r, o, prefix, "email", FALSE, &point->email) ||
      !get_string (r, o, prefix, "hours", FALSE, &point->hours) ||
      !(point->open_during = read_strings (r, o, prefix, "open_during", FALSE)))
    return NULL;
  for (guint i = 0; point->open_during[i] != NULL; i++)
    {
      if (!bk_exam_window_is_known_step (point->open_during[i]))
        {
          g_autofree char *f = g_strdup_printf ("%s.open_during[%u]", prefix, i);

          fail (r, f, _ ("is not the name of a window step."));
          return NULL;
        }
    }
  return g_steal_pointer (&point);
}

static gboolean
read_session (BkExamSession *self, Reader *r, JsonNode *root)
{
  static const char *const required_steps[] = { "register",        "verification", "confirmation",
                                                "ticket-printing", "exam",         "scores" };
  JsonObject *o;
  JsonArray *array;
  guint format;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (r, "/", _ ("expected a JSON object describing one session."));
  o = json_node_get_object (root);

  if (!get_uint (r, o, "", "format", 1, 1, &format) ||
      !get_string (r, o, "", "id", TRUE, &self->id))
    return FALSE;
  if (!g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", self->id, 0, 0))
    return fail (r, "id", _ ("use lower-case letters, digits and hyphens, like “liaoning-2020”."));
  if (!get_text (r, o, "", "name", TRUE, &self->name_zh, &self->name_en) ||
      !get_text (r, o, "", "province", TRUE, &self->province_zh, &self->province_en) ||
      !get_text (r, o, "", "authority", FALSE, &self->authority_zh, &self->authority_en) ||
      !get_string (r, o, "", "source", FALSE, &self->source) ||
      !get_text (r, o, "", "timetable_note", FALSE, &self->timetable_note_zh,
                 &self->timetable_note_en) ||
      !get_uint (r, o, "", "exam_year", 2000, 2100, &self->exam_year) ||
      !get_date (r, o, "", "cutoff", &self->cutoff))
    return FALSE;
  /* The rules count work up to 31 December of the exam year. */
  if (g_date_get_year (&self->cutoff) != self->exam_year)
    return fail (r, "cutoff", _ ("must fall in the exam year."));
  if (!get_number (r, o, "", "pass_mark_percent", &self->pass_mark_percent))
    return FALSE;
  if (!(self->pass_mark_percent > 0 && self->pass_mark_percent <= 100))
    return fail (r, "pass_mark_percent", _ ("expected a percentage above 0, at most 100."));
  if (!get_bool (r, o, "", "free", TRUE, &self->free))
    return FALSE;

  if (!(array = get_array (r, o, "", "levels", TRUE, TRUE)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("levels[%u]", i);
      Level *level = read_level (r, json_array_get_element (array, i), p, self->free);

      if (level == NULL)
        return FALSE;
      g_ptr_array_add (self->levels, level);
      for (guint j = 0; j < i; j++)
        {
          if (((Level *) self->levels->pdata[j])->level == level->level)
            {
              g_autofree char *f = path_of (p, "level");

              return fail (r, f, _ ("this level is described twice."));
            }
        }
    }

  if (!(array = get_array (r, o, "", "windows", TRUE, TRUE)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("windows[%u]", i);
      BkExamWindow *window = read_window (r, json_array_get_element (array, i), p);

      if (window == NULL)
        return FALSE;
      if (bk_exam_session_get_window (self, window->step) != NULL)
        {
          g_autofree char *f = path_of (p, "step");

          bk_exam_window_free (window);
          return fail (r, f, _ ("this step has a window already."));
        }
      g_ptr_array_add (self->windows, window);
    }
  for (guint i = 0; i < G_N_ELEMENTS (required_steps); i++)
    {
      if (bk_exam_session_get_window (self, required_steps[i]) == NULL)
        {
          /* TRANSLATORS: %s is a step name such as “register” */
          g_autofree char *problem = g_strdup_printf (_ ("no window for the step “%s”; add one."),
                                                      required_steps[i]);

          return fail (r, "windows", problem);
        }
    }
  if (!self->free && bk_exam_session_get_window (self, "payment") == NULL)
    return fail (r, "windows",
                 _ ("no window for the step “payment”, but the session is not free."));

  if (!(array = get_array (r, o, "", "venues", TRUE, TRUE)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("venues[%u]", i);
      JsonNode *node = json_array_get_element (array, i);
      char *zh, *en;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (r, p, _ ("expected an object."));
      if (!get_text (r, json_node_get_object (node), p, "name", TRUE, &zh, &en))
        return FALSE;
      g_ptr_array_add (self->venues_zh, zh);
      g_ptr_array_add (self->venues_en, en);
    }

  if (!(array = get_array (r, o, "", "points", TRUE, TRUE)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *p = g_strdup_printf ("points[%u]", i);
      BkExamPoint *point = read_point (r, json_array_get_element (array, i), p);

      if (point == NULL)
        return FALSE;
      g_ptr_array_add (self->points, point);
    }

  if ((array = get_array (r, o, "", "contacts", FALSE, FALSE)) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *p = g_strdup_printf ("contacts[%u]", i);
          JsonNode *node = json_array_get_element (array, i);
          char *zh, *en, *phone;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (r, p, _ ("expected an object."));
          if (!get_text (r, json_node_get_object (node), p, "name", TRUE, &zh, &en))
            return FALSE;
          g_ptr_array_add (self->contacts_zh, zh);
          g_ptr_array_add (self->contacts_en, en);
          if (!get_string (r, json_node_get_object (node), p, "phone", TRUE, &phone))
            return FALSE;
          g_ptr_array_add (self->contact_phones, phone);
        }
    }
  else if (r->error != NULL && *r->error != NULL)
    return FALSE;

  return TRUE;
}

static void
bk_exam_session_finalize (GObject *object)
{
  BkExamSession *self = (BkExamSession *) object;

  g_free (self->id);
  g_free (self->name_zh);
  g_free (self->name_en);
  g_free (self->province_zh);
  g_free (self->province_en);
  g_free (self->authority_zh);
  g_free (self->authority_en);
  g_free (self->source);
  g_free (self->timetable_note_zh);
  g_free (self->timetable_note_en);
  g_clear_pointer (&self->levels, g_ptr_array_unref);
  g_clear_pointer (&self->windows, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->venues_zh, g_ptr_array_unref);
  g_clear_pointer (&self->venues_en, g_ptr_array_unref);
  g_clear_pointer (&self->contacts_zh, g_ptr_array_unref);
  g_clear_pointer (&self->contacts_en, g_ptr_array_unref);
  g_clear_pointer (&self->contact_phones, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_exam_session_parent_class)->finalize (object);
}

static void
bk_exam_session_class_init (BkExamSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_exam_session_finalize;
}

static void
bk_exam_session_init (BkExamSession *self)
{
  g_date_clear (&self->cutoff, 1);
  self->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
  self->windows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_window_free);
  self->points = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_point_free);
  self->venues_zh = g_ptr_array_new_with_free_func (g_free);
  self->venues_en = g_ptr_array_new_with_free_func (g_free);
  self->contacts_zh = g_ptr_array_new_with_free_func (g_free);
  self->contacts_en = g_ptr_array_new_with_free_func (g_free);
  self->contact_phones = g_ptr_array_new_with_free_func (g_free);
}

BkExamSession *
bk_exam_session_new_from_data (const char *data,
                               gssize length,
                               const char *file_name,
                               GError **error)
{
  g_autoptr (BkExamSession) self = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  Reader r = { file_name != NULL ? file_name : "-", error };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* TRANSLATORS: first %s is a file name, second the JSON parser's message */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("%s: not valid JSON: %s"),
                   r.file, local_error->message);
      return NULL;
    }

  self = g_object_new (BK_TYPE_EXAM_SESSION, NULL);
  /* Without a caller's GError, still stop at the first problem. */
  r.error = error != NULL ? error : &local_error;
  if (!read_session (self, &r, json_parser_get_root (parser)))
    return NULL;
  return g_steal_pointer (&self);
}

BkExamSession *
bk_exam_session_new_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                   ? BK_CORE_ERROR_NOT_FOUND
                   : BK_CORE_ERROR_INVALID_DATA;

      g_set_error_literal (error, BK_CORE_ERROR, code, local_error->message);
      return NULL;
    }
  return bk_exam_session_new_from_data (contents, (gssize) length, path, error);
}

BkExamSession *
bk_exam_session_load (const char *id, GError **error)
{
  g_autofree char *dir = bk_data_dirs_get_sessions_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (BkExamSession) session = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_strconcat (id, ".json", NULL);
  path = g_build_filename (dir, name, NULL);
  if (strchr (id, '/') != NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* TRANSLATORS: %s is a session id such as “liaoning-2020” */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_NOT_FOUND,
                   _ ("There is no exam session “%s”; run “baokao-tool sessions” to list them."),
                   id);
      return NULL;
    }
  session = bk_exam_session_new_from_file (path, error);
  if (session == NULL)
    return NULL;
  /* The file name is the id callers use; a mismatch would confuse lookups. */
  if (!g_str_equal (session->id, id))
    {
      Reader r = { path, error };

      fail (&r, "id", _ ("does not match the file name; rename the file or fix the id."));
      return NULL;
    }
  return g_steal_pointer (&session);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(BkExamSession **) a)->id, (*(BkExamSession **) b)->id);
}

GPtrArray *
bk_exam_session_load_all (GError **error)
{
  g_autofree char *dir_path = bk_data_dirs_get_sessions_dir ();
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_open (dir_path, 0, error);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      BkExamSession *session;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      session = bk_exam_session_load (id, error);
      if (session == NULL)
        return NULL;
      g_ptr_array_add (sessions, session);
    }
  g_ptr_array_sort (sessions, compare_ids);
  return g_steal_pointer (&sessions);
}

const char *
bk_exam_session_get_id (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->id;
}

const char *
bk_exam_session_get_name (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->name_zh, self->name_en);
}

const char *
bk_exam_session_get_province (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->province_zh, self->province_en);
}

const char *
bk_exam_session_get_authority (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->authority_zh, self->authority_en);
}

const char *
bk_exam_session_get_source (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->source;
}

const char *
bk_exam_session_get_timetable_note (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return bk_localized_pick (self->timetable_note_zh, self->timetable_note_en);
}

guint
bk_exam_session_get_exam_year (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->exam_year;
}

const GDate *
bk_exam_session_get_cutoff (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return &self->cutoff;
}

double
bk_exam_session_get_pass_mark_percent (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->pass_mark_percent;
}

gboolean
bk_exam_session_is_free (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), FALSE);

  return self->free;
}

static Level *
find_level (BkExamSession *self, guint level)
{
  for (guint i = 0; i < self->levels->len; i++)
    {
      Level *l = self->levels->pdata[i];

      if (l->level == level)
        return l;
    }
  return NULL;
}

gboolean
bk_exam_session_has_level (BkExamSession *self, guint level)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), FALSE);

  return find_level (self, level) != NULL;
}

const char *
bk_exam_session_get_level_name (BkExamSession *self, guint level)
{
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  return l != NULL ? bk_localized_pick (l->name_zh, l->name_en) : NULL;
}

GPtrArray *
bk_exam_session_get_subjects (BkExamSession *self, guint level)
{
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  return l != NULL ? l->subjects : NULL;
}

const BkExamSubject *
bk_exam_session_get_subject (BkExamSession *self, guint level, guint number)
{
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  l = find_level (self, level);
  if (l == NULL || number < 1 || number > l->subjects->len)
    return NULL;
  return l->subjects->pdata[number - 1];
}

guint
bk_exam_session_get_exempt_subject (BkExamSession *self, guint level)
{
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  l = find_level (self, level);
  return l != NULL ? l->exempt_subject : 0;
}

GArray *
bk_exam_session_get_subjects_to_sit (BkExamSession *self, guint level, BkExamMode mode)
{
  GArray *numbers;
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  l = find_level (self, level);
  for (guint n = 1; l != NULL && n <= l->subjects->len; n++)
    {
      if (mode == BK_EXAM_MODE_EXEMPT && n == l->exempt_subject)
        continue;
      g_array_append_val (numbers, n);
    }
  return numbers;
}

guint64
bk_exam_session_get_fee_fen (BkExamSession *self, guint level, BkExamMode mode)
{
  g_autoptr (GArray) numbers = NULL;
  guint64 fee = 0;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  numbers = bk_exam_session_get_subjects_to_sit (self, level, mode);
  for (guint i = 0; i < numbers->len; i++)
    {
      const BkExamSubject *subject =
        bk_exam_session_get_subject (self, level, g_array_index (numbers, guint, i));

      fee += subject->fee_fen;
    }
  return fee;
}

guint
bk_exam_session_get_score_window_years (BkExamSession *self, guint level, BkExamMode mode)
{
  Level *l;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  l = find_level (self, level);
  if (l == NULL)
    return 0;
  return mode == BK_EXAM_MODE_EXEMPT ? l->window_exempt : l->window_all;
}

GPtrArray *
bk_exam_session_get_windows (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->windows;
}

const BkExamWindow *
bk_exam_session_get_window (BkExamSession *self, const char *step)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  for (guint i = 0; i < self->windows->len; i++)
    {
      BkExamWindow *window = self->windows->pdata[i];

      if (g_str_equal (window->step, step))
        return window;
    }
  return NULL;
}

GPtrArray *
bk_exam_session_get_points (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);

  return self->points;
}

guint
bk_exam_session_get_n_venues (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->venues_zh->len;
}

const char *
bk_exam_session_get_venue (BkExamSession *self, guint index)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (index < self->venues_zh->len, NULL);

  return bk_localized_pick (self->venues_zh->pdata[index], self->venues_en->pdata[index]);
}

guint
bk_exam_session_get_n_contacts (BkExamSession *self)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), 0);

  return self->contact_phones->len;
}

const char *
bk_exam_session_get_contact (BkExamSession *self, guint index, const char **phone)
{
  g_return_val_if_fail (BK_IS_EXAM_SESSION (self), NULL);
  g_return_val_if_fail (index < self->contact_phones->len, NULL);

  if (phone != NULL)
    *phone = self->contact_phones->pdata[index];
  return bk_localized_pick (self->contacts_zh->pdata[index], self->contacts_en->pdata[index]);
}
