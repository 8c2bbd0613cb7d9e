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

static gboolean
field_error (GError **error, const char *field, const char *problem)
{
  /* TRANSLATORS: first %s is a field name such as “education[0].graduated”,
   * second %s says what is wrong with it */
  g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("Field “%s”: %s"), field,
               problem);
  return FALSE;
}

static JsonNode *
get_member (
  JsonObject *object, const char *name, gboolean required, const char *field, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL && required)
    field_error (error, field, _ ("missing; add it."));
  return node;
}

static gboolean
read_string (JsonNode *node, const char *field, const char **out, GError **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return field_error (error, field, _ ("expected a string."));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_bool (JsonNode *node, const char *field, gboolean *out, GError **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return field_error (error, field, _ ("expected true or false."));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_date (JsonNode *node, const char *field, GDate *out, GError **error)
{
  const char *text;

  if (!read_string (node, field, &text, error))
    return FALSE;
  if (!bk_dates_parse (text, out))
    return field_error (error, field, _ ("expected a real date written YYYY-MM-DD."));
  if (!bk_dates_in_domain (out))
    {
      /* TRANSLATORS: the first and last years a date may have, e.g. 1900 and 2100 */
      g_autofree char *problem = g_strdup_printf (_ ("the year must be from %d to %d; check the "
                                                     "year."),
                                                  BK_DATES_MIN_YEAR, BK_DATES_MAX_YEAR);

      return field_error (error, field, problem);
    }
  return TRUE;
}

static gboolean
read_choice (JsonNode *node, const char *field, GType enum_type, guint *out, GError **error)
{
  const char *text;
  int value;
  g_autofree char *list = NULL;
  g_autofree char *problem = NULL;

  if (!read_string (node, field, &text, error))
    return FALSE;
  if (bk_enum_from_nick (enum_type, text, &value))
    {
      *out = (guint) value;
      return TRUE;
    }
  list = bk_enum_join_nicks (enum_type, ", ");
  /* TRANSLATORS: first %s is the value given, second a list of the accepted values */
  problem = g_strdup_printf (_ ("“%s” is not one of: %s."), text, list);
  return field_error (error, field, problem);
}

static BkEducationRecord *
read_education (JsonNode *node, guint index, GError **error)
{
  g_autoptr (BkEducationRecord) record = NULL;
  /* Field names on the stack: batches read many records. */
  char prefix[32], f_level[48], f_disc[48], f_grad[48], f_full[48], f_foreign[48];
  JsonObject *object;
  JsonNode *member;
  guint value;

  g_snprintf (prefix, sizeof prefix, "education[%u]", index);
  g_snprintf (f_level, sizeof f_level, "%s.level", prefix);
  g_snprintf (f_disc, sizeof f_disc, "%s.discipline", prefix);
  g_snprintf (f_grad, sizeof f_grad, "%s.graduated", prefix);
  g_snprintf (f_full, sizeof f_full, "%s.full_time", prefix);
  g_snprintf (f_foreign, sizeof f_foreign, "%s.foreign", prefix);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field_error (error, prefix, _ ("expected an object."));
      return NULL;
    }
  object = json_node_get_object (node);
  record = bk_education_record_new (BK_EDUCATION_LEVEL_BELOW_SECONDARY, BK_DISCIPLINE_OTHER, NULL,
                                    FALSE, FALSE);

  if (!(member = get_member (object, "level", TRUE, f_level, error)) ||
      !read_choice (member, f_level, BK_TYPE_EDUCATION_LEVEL, &value, error))
    return NULL;
  record->level = value;

  /* Every field that changes the verdict is required: a default would
   * silently pick a side (full-time or not changes what is counted). */
  if (!(member = get_member (object, "discipline", TRUE, f_disc, error)) ||
      !read_choice (member, f_disc, BK_TYPE_DISCIPLINE, &value, error))
    return NULL;
  record->discipline = value;

  if (!(member = get_member (object, "graduated", TRUE, f_grad, error)) ||
      !read_date (member, f_grad, &record->graduated, error))
    return NULL;

  if (!(member = get_member (object, "full_time", TRUE, f_full, error)) ||
      !read_bool (member, f_full, &record->full_time, error))
    return NULL;

  if (!(member = get_member (object, "foreign", TRUE, f_foreign, error)) ||
      !read_bool (member, f_foreign, &record->foreign, error))
    return NULL;

  return g_steal_pointer (&record);
}

static BkWorkPeriod *
read_work (JsonNode *node, guint index, GError **error)
{
  g_autoptr (BkWorkPeriod) period = NULL;
  char prefix[32], f_from[48], f_to[48], f_metrology[48];
  JsonObject *object;
  JsonNode *member;
  GDate from;

  g_snprintf (prefix, sizeof prefix, "work[%u]", index);
  g_snprintf (f_from, sizeof f_from, "%s.from", prefix);
  g_snprintf (f_to, sizeof f_to, "%s.to", prefix);
  g_snprintf (f_metrology, sizeof f_metrology, "%s.metrology", prefix);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field_error (error, prefix, _ ("expected an object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!(member = get_member (object, "from", TRUE, f_from, error)) ||
      !read_date (member, f_from, &from, error))
    return NULL;
  period = bk_work_period_new (&from, NULL, FALSE);

  /* null: still working; absent is an error, as it may be an omission */
  if (!(member = get_member (object, "to", TRUE, f_to, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_NULL (member))
    {
      if (!read_date (member, f_to, &period->to, error))
        return NULL;
      if (g_date_compare (&period->to, &period->from) < 0)
        {
          field_error (error, f_to, _ ("the period ends before it starts; check both dates."));
          return NULL;
        }
    }

  if (!(member = get_member (object, "metrology", TRUE, f_metrology, error)) ||
      !read_bool (member, f_metrology, &period->metrology, error))
    return NULL;

  return g_steal_pointer (&period);
}

BkEligibilityCase *
bk_eligibility_case_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (BkEligibilityCase) self = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *array;
  const char *text;
  guint value;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   _ ("A case must be a JSON object with the fields “session”, “level”, "
                      "“education” and “work”."));
      return NULL;
    }
  object = json_node_get_object (node);
  self = bk_eligibility_case_new ();

  if (!(member = get_member (object, "session", TRUE, "session", error)) ||
      !read_string (member, "session", &text, error))
    return NULL;
  self->session_id = g_strdup (text);

  if (!(member = get_member (object, "level", TRUE, "level", error)))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
      json_node_get_int (member) < 1 || json_node_get_int (member) > 2)
    {
      field_error (error, "level", _ ("expected 1 or 2."));
      return NULL;
    }
  self->level = (guint) json_node_get_int (member);

  member = get_member (object, "mode", FALSE, "mode", error);
  if (member != NULL && !read_choice (member, "mode", BK_TYPE_EXAM_MODE, &value, error))
    return NULL;
  if (member != NULL)
    self->mode = value;

  if (!(member = get_member (object, "education", TRUE, "education", error)))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      field_error (error, "education", _ ("expected a list of education records."));
      return NULL;
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkEducationRecord *record = read_education (json_array_get_element (array, i), i, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (self->education, record);
    }

  if (!(member = get_member (object, "work", TRUE, "work", error)))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      field_error (error, "work", _ ("expected a list of work periods."));
      return NULL;
    }
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BkWorkPeriod *period = read_work (json_array_get_element (array, i), i, error);

      if (period == NULL)
        return NULL;
      g_ptr_array_add (self->work, period);
    }

  member = get_member (object, "senior_title", FALSE, "senior_title", error);
  if (member != NULL && !read_choice (member, "senior_title", BK_TYPE_SENIOR_TITLE, &value, error))
    return NULL;
  if (member != NULL)
    self->senior_title = value;

  member = get_member (object, "verification_officer_certificate", FALSE, NULL, error);
  if (member != NULL && !read_bool (member, "verification_officer_certificate",
                                    &self->verification_officer_certificate, error))
    return NULL;

  member = get_member (object, "integrity_record", FALSE, NULL, error);
  if (member != NULL && !read_bool (member, "integrity_record", &self->integrity_record, error))
    return NULL;

  member = get_member (object, "id_type", FALSE, "id_type", error);
  if (member != NULL && !read_choice (member, "id_type", BK_TYPE_ID_TYPE, &value, error))
    return NULL;
  if (member != NULL)
    self->id_type = value;

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
