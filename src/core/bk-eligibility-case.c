/* bk-eligibility-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-eligibility-case.h"
#include "bk-enum-nick.h"
#include "bk-json-reader.h"

G_DEFINE_BOXED_TYPE (BkEligibilityCase,
                     bk_eligibility_case,
                     bk_eligibility_case_copy,
                     bk_eligibility_case_free)

BkEligibilityCase *
bk_eligibility_case_new (void)
{
  BkEligibilityCase *self = g_new0 (BkEligibilityCase, 1);

  self->level = 1;
  self->education = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_education_record_free);
  self->work = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_work_period_free);
  return self;
}

BkEligibilityCase *
bk_eligibility_case_copy (const BkEligibilityCase *self)
{
  BkEligibilityCase *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_eligibility_case_new ();
  copy->session_id = g_strdup (self->session_id);
  copy->level = self->level;
  copy->mode = self->mode;
  for (guint i = 0; self->education != NULL && i < self->education->len; i++)
    g_ptr_array_add (copy->education, bk_education_record_copy (self->education->pdata[i]));
  for (guint i = 0; self->work != NULL && i < self->work->len; i++)
    g_ptr_array_add (copy->work, bk_work_period_copy (self->work->pdata[i]));
  copy->senior_title = self->senior_title;
  copy->verification_officer_certificate = self->verification_officer_certificate;
  copy->integrity_record = self->integrity_record;
  copy->id_type = self->id_type;
  return copy;
}

void
bk_eligibility_case_free (BkEligibilityCase *self)
{
  if (self == NULL)
    return;

  g_free (self->session_id);
  g_clear_pointer (&self->education, g_ptr_array_unref);
  g_clear_pointer (&self->work, g_ptr_array_unref);
  g_free (self);
}

void
bk_eligibility_case_add_education (BkEligibilityCase *self, BkEducationRecord *record)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (record != NULL);

  g_ptr_array_add (self->education, record);
}

void
bk_eligibility_case_add_work (BkEligibilityCase *self, BkWorkPeriod *period)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (period != NULL);

  g_ptr_array_add (self->work, period);
}

/* JSON reading. Every error names the field, as the tool's users (scripts
 * and help-desk staff) need to know what to fix. */

/* A date within the years the date arithmetic covers. */
static gboolean
read_date (BkJsonReader *r,
           JsonObject *o,
           const char *prefix,
           const char *name,
           BkJsonFlags flags,
           GDate *out)
{
  if (!bk_json_reader_get_date (r, o, prefix, name, flags, out))
    return FALSE;
  if (g_date_valid (out) && !bk_dates_in_domain (out))
    {
      /* TRANSLATORS: the first and last years a date may have, e.g. 1900 and 2100 */
      g_autofree char *problem = g_strdup_printf (_ ("the year must be from %d to %d; check the "
                                                     "year."),
                                                  BK_DATES_MIN_YEAR, BK_DATES_MAX_YEAR);

      return bk_json_reader_fail (r, prefix, name, problem);
    }
  return TRUE;
}

static BkEducationRecord *
read_education (BkJsonReader *r, JsonNode *node, guint index)
{
  g_autoptr (BkEducationRecord) record = NULL;
  /* On the stack: batches read many records. */
  char prefix[32];
  JsonObject *o;
  guint level, discipline;

  g_snprintf (prefix, sizeof prefix, "education[%u]", index);
  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  record = bk_education_record_new (BK_EDUCATION_LEVEL_BELOW_SECONDARY, BK_DISCIPLINE_OTHER, NULL,
                                    FALSE, FALSE);

  /* Every field that changes the verdict is required: a default would
   * silently pick a side (full-time or not changes what is counted). */
  if (!bk_json_reader_get_choice (r, o, prefix, "level", BK_JSON_REQUIRED, BK_TYPE_EDUCATION_LEVEL,
                                  &level) ||
      !bk_json_reader_get_choice (r, o, prefix, "discipline", BK_JSON_REQUIRED, BK_TYPE_DISCIPLINE,
                                  &discipline) ||
      !read_date (r, o, prefix, "graduated", BK_JSON_REQUIRED, &record->graduated) ||
      !bk_json_reader_get_bool (r, o, prefix, "full_time", BK_JSON_REQUIRED, &record->full_time) ||
      !bk_json_reader_get_bool (r, o, prefix, "foreign", BK_JSON_REQUIRED, &record->foreign))
    return NULL;
  record->level = level;
  record->discipline = discipline;
  return g_steal_pointer (&record);
}

static BkWorkPeriod *
read_work (BkJsonReader *r, JsonNode *node, guint index)
{
  g_autoptr (BkWorkPeriod) period = NULL;
  char prefix[32];
  JsonObject *o;
  GDate from;

  g_snprintf (prefix, sizeof prefix, "work[%u]", index);
  if ((o = bk_json_reader_object (r, node, prefix)) == NULL)
    return NULL;
  if (!read_date (r, o, prefix, "from", BK_JSON_REQUIRED, &from))
    return NULL;
  period = bk_work_period_new (&from, NULL, FALSE);

  /* null: still working; absent is an error, as it may be an omission */
  if (!read_date (r, o, prefix, "to", BK_JSON_REQUIRED | BK_JSON_NULLABLE, &period->to))
    return NULL;
  if (g_date_valid (&period->to) && g_date_compare (&period->to, &period->from) < 0)
    {
      bk_json_reader_fail (r, prefix, "to",
                           _ ("the period ends before it starts; check both "
                              "dates."));
      return NULL;
    }

  if (!bk_json_reader_get_bool (r, o, prefix, "metrology", BK_JSON_REQUIRED, &period->metrology))
    return NULL;
  return g_steal_pointer (&period);
}

/* A list member, with the problem a wrong type gets named for the case. */
static JsonArray *
read_list (BkJsonReader *r, JsonObject *o, const char *name, const char *problem)
{
  JsonNode *node = bk_json_reader_member (r, o, "", name, BK_JSON_REQUIRED);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bk_json_reader_fail (r, "", name, problem);
      return NULL;
    }
  return json_node_get_array (node);
}

BkEligibilityCase *
bk_eligibility_case_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (BkEligibilityCase) self = NULL;
  BkJsonReader r;
  JsonObject *o;
  JsonNode *member;
  JsonArray *array;
  guint mode = BK_EXAM_MODE_ALL, title = BK_SENIOR_TITLE_NONE, id_type = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   _ ("A case must be a JSON object with the fields “session”, “level”, "
                      "“education” and “work”."));
      return NULL;
    }
  o = json_node_get_object (node);
  bk_json_reader_init (&r, NULL, error);
  self = bk_eligibility_case_new ();

  if (!bk_json_reader_dup_string (&r, o, "", "session", BK_JSON_REQUIRED, &self->session_id))
    return NULL;

  if (!(member = bk_json_reader_member (&r, o, "", "level", BK_JSON_REQUIRED)))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) < 1 || json_node_get_int (member) > 2)
    {
      bk_json_reader_fail (&r, "", "level", _ ("expected 1 or 2."));
      return NULL;
    }
  self->level = (guint) json_node_get_int (member);

  if (!bk_json_reader_get_choice (&r, o, "", "mode", BK_JSON_OPTIONAL, BK_TYPE_EXAM_MODE, &mode))
    return NULL;
  self->mode = mode;

  if (!(array = read_list (&r, o, "education", _ ("expected a list of education records."))))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkEducationRecord *record = read_education (&r, json_array_get_element (array, i), i);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (self->education, record);
    }

  if (!(array = read_list (&r, o, "work", _ ("expected a list of work periods."))))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkWorkPeriod *period = read_work (&r, json_array_get_element (array, i), i);

      if (period == NULL)
        return NULL;
      g_ptr_array_add (self->work, period);
    }

  if (!bk_json_reader_get_choice (&r, o, "", "senior_title", BK_JSON_OPTIONAL, BK_TYPE_SENIOR_TITLE,
                                  &title) ||
      !bk_json_reader_get_bool (&r, o, "", "verification_officer_certificate", BK_JSON_OPTIONAL,
                                &self->verification_officer_certificate) ||
      !bk_json_reader_get_bool (&r, o, "", "integrity_record", BK_JSON_OPTIONAL,
                                &self->integrity_record) ||
      !bk_json_reader_get_choice (&r, o, "", "id_type", BK_JSON_OPTIONAL, BK_TYPE_ID_TYPE,
                                  &id_type))
    return NULL;
  self->senior_title = title;
  self->id_type = id_type;
  return g_steal_pointer (&self);
}

/**
 * bk_eligibility_case_check_data:
 * @length: the length of @data in bytes
 *
 * Checks the text of a case before it is parsed: no larger than
 * %BK_ELIGIBILITY_CASE_MAX_SIZE and no deeper than
 * %BK_ELIGIBILITY_CASE_MAX_DEPTH arrays and objects (the JSON parser
 * recurses once per level and has no limit of its own). A cheap scan of
 * the brackets outside strings; the parser finds every other fault.
 *
 * Returns: %FALSE with a translated %BK_CORE_ERROR_INVALID_DATA
 */
gboolean
bk_eligibility_case_check_data (const char *data, gsize length, GError **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > BK_ELIGIBILITY_CASE_MAX_SIZE)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The case is larger than 1 MiB, far larger than a case (a JSON "
                              "object of a few hundred bytes). Check that the input is a case."));
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > BK_ELIGIBILITY_CASE_MAX_DEPTH)
            {
              g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           /* TRANSLATORS: %d is the number of levels allowed */
                           _ ("The case nests arrays and objects more than %d levels deep; a "
                              "case has three. Check that the input is a case."),
                           BK_ELIGIBILITY_CASE_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

BkEligibilityCase *
bk_eligibility_case_new_from_data (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!bk_eligibility_case_check_data (data, (gsize) length, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* TRANSLATORS: %s is the JSON parser's message */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("Not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The input is empty; give one case as a JSON object."));
      return NULL;
    }
  return bk_eligibility_case_new_from_json (json_parser_get_root (parser), error);
}

const char *
bk_exam_mode_to_nick (BkExamMode mode)
{
  return bk_enum_to_nick (BK_TYPE_EXAM_MODE, mode);
}

gboolean
bk_exam_mode_from_nick (const char *nick, BkExamMode *mode)
{
  int value;

  g_return_val_if_fail (mode != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_EXAM_MODE, nick, &value))
    return FALSE;
  if (mode != NULL)
    *mode = (BkExamMode) value;
  return TRUE;
}

const char *
bk_senior_title_to_nick (BkSeniorTitle title)
{
  return bk_enum_to_nick (BK_TYPE_SENIOR_TITLE, title);
}

gboolean
bk_senior_title_from_nick (const char *nick, BkSeniorTitle *title)
{
  int value;

  g_return_val_if_fail (title != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_SENIOR_TITLE, nick, &value))
    return FALSE;
  if (title != NULL)
    *title = (BkSeniorTitle) value;
  return TRUE;
}
