/* bk-education-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-education-entry.h"
#include "bk-field-error.h"
#include "bk-set.h"
#include "bk-text.h"

struct _BkEducationEntry
{
  BkRecord parent_instance;

  BkEducationLevel level;
  BkDiscipline discipline;
  GDate graduated;
  gboolean full_time;
  gboolean foreign;
  char *school;
  char *major;
  char *certificate_number;
};

G_DEFINE_FINAL_TYPE (BkEducationEntry, bk_education_entry, BK_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_LEVEL,
  PROP_DISCIPLINE,
  PROP_GRADUATED,
  PROP_FULL_TIME,
  PROP_FOREIGN,
  PROP_SCHOOL,
  PROP_MAJOR,
  PROP_CERTIFICATE_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (BkEducationEntry *self, char **slot, const char *value, int prop)
{
  if (!bk_set_str (slot, value))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
bk_education_entry_finalize (GObject *object)
{
  BkEducationEntry *self = BK_EDUCATION_ENTRY (object);

  g_free (self->school);
  g_free (self->major);
  g_free (self->certificate_number);

  G_OBJECT_CLASS (bk_education_entry_parent_class)->finalize (object);
}

static void
bk_education_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkEducationEntry *self = BK_EDUCATION_ENTRY (object);

  switch (prop_id)
    {
      case PROP_LEVEL:
        g_value_set_enum (value, self->level);
        break;
      case PROP_DISCIPLINE:
        g_value_set_enum (value, self->discipline);
        break;
      case PROP_GRADUATED:
        g_value_set_boxed (value, g_date_valid (&self->graduated) ? &self->graduated : NULL);
        break;
      case PROP_FULL_TIME:
        g_value_set_boolean (value, self->full_time);
        break;
      case PROP_FOREIGN:
        g_value_set_boolean (value, self->foreign);
        break;
      case PROP_SCHOOL:
        g_value_set_string (value, bk_education_entry_get_school (self));
        break;
      case PROP_MAJOR:
        g_value_set_string (value, bk_education_entry_get_major (self));
        break;
      case PROP_CERTIFICATE_NUMBER:
        g_value_set_string (value, bk_education_entry_get_certificate_number (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_education_entry_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  BkEducationEntry *self = BK_EDUCATION_ENTRY (object);

  switch (prop_id)
    {
      case PROP_LEVEL:
        bk_education_entry_set_level (self, g_value_get_enum (value));
        break;
      case PROP_DISCIPLINE:
        bk_education_entry_set_discipline (self, g_value_get_enum (value));
        break;
      case PROP_GRADUATED:
        bk_education_entry_set_graduated (self, g_value_get_boxed (value));
        break;
      case PROP_FULL_TIME:
        bk_education_entry_set_full_time (self, g_value_get_boolean (value));
        break;
      case PROP_FOREIGN:
        bk_education_entry_set_foreign (self, g_value_get_boolean (value));
        break;
      case PROP_SCHOOL:
        bk_education_entry_set_school (self, g_value_get_string (value));
        break;
      case PROP_MAJOR:
        bk_education_entry_set_major (self, g_value_get_string (value));
        break;
      case PROP_CERTIFICATE_NUMBER:
        bk_education_entry_set_certificate_number (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_education_entry_class_init (BkEducationEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_education_entry_finalize;
  object_class->get_property = bk_education_entry_get_property;
  object_class->set_property = bk_education_entry_set_property;

  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, BK_TYPE_EDUCATION_LEVEL,
                                              BK_EDUCATION_LEVEL_BACHELOR, rw);
  properties[PROP_DISCIPLINE] = g_param_spec_enum ("discipline", NULL, NULL, BK_TYPE_DISCIPLINE,
                                                   BK_DISCIPLINE_ENGINEERING, rw);
  properties[PROP_GRADUATED] = g_param_spec_boxed ("graduated", NULL, NULL, G_TYPE_DATE, rw);
  properties[PROP_FULL_TIME] = g_param_spec_boolean ("full-time", NULL, NULL, TRUE, rw);
  properties[PROP_FOREIGN] = g_param_spec_boolean ("foreign", NULL, NULL, FALSE, rw);
  properties[PROP_SCHOOL] = g_param_spec_string ("school", NULL, NULL, NULL, rw);
  properties[PROP_MAJOR] = g_param_spec_string ("major", NULL, NULL, NULL, rw);
  properties[PROP_CERTIFICATE_NUMBER] = g_param_spec_string ("certificate-number", NULL, NULL, NULL,
                                                             rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_education_entry_init (BkEducationEntry *self)
{
  self->level = BK_EDUCATION_LEVEL_BACHELOR;
  self->discipline = BK_DISCIPLINE_ENGINEERING;
  self->full_time = TRUE;
  g_date_clear (&self->graduated, 1);
}

BkEducationEntry *
bk_education_entry_new (void)
{
  return g_object_new (BK_TYPE_EDUCATION_ENTRY, NULL);
}

BkEducationEntry *
bk_education_entry_new_from_record (const BkEducationRecord *record)
{
  BkEducationEntry *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = bk_education_entry_new ();
  self->level = record->level;
  self->discipline = record->discipline;
  self->graduated = record->graduated;
  self->full_time = record->full_time;
  self->foreign = record->foreign;
  self->school = g_strdup (record->school);
  self->major = g_strdup (record->major);
  self->certificate_number = g_strdup (record->certificate_number);
  return self;
}

BkEducationEntry *
bk_education_entry_dup (BkEducationEntry *self)
{
  BkEducationEntry *copy;

  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  copy = g_object_new (BK_TYPE_EDUCATION_ENTRY, "id", bk_record_get_id (BK_RECORD (self)), NULL);
  bk_record_copy_state (BK_RECORD (copy), BK_RECORD (self));
  copy->level = self->level;
  copy->discipline = self->discipline;
  copy->graduated = self->graduated;
  copy->full_time = self->full_time;
  copy->foreign = self->foreign;
  copy->school = g_strdup (self->school);
  copy->major = g_strdup (self->major);
  copy->certificate_number = g_strdup (self->certificate_number);
  return copy;
}

const char *
bk_education_entry_get_id (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  return bk_record_get_id (BK_RECORD (self));
}

gint64
bk_education_entry_get_version (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), 0);

  return bk_record_get_version (BK_RECORD (self));
}

void
bk_education_entry_set_version (BkEducationEntry *self, gint64 version)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  bk_record_set_version (BK_RECORD (self), version);
}

BkEducationLevel
bk_education_entry_get_level (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), 0);

  return self->level;
}

void
bk_education_entry_set_level (BkEducationEntry *self, BkEducationLevel level)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));
  g_return_if_fail (level <= BK_EDUCATION_LEVEL_DOCTOR);

  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

BkDiscipline
bk_education_entry_get_discipline (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), 0);

  return self->discipline;
}

void
bk_education_entry_set_discipline (BkEducationEntry *self, BkDiscipline discipline)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));
  g_return_if_fail (discipline <= BK_DISCIPLINE_OTHER);

  if (self->discipline == discipline)
    return;
  self->discipline = discipline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCIPLINE]);
}

const GDate *
bk_education_entry_get_graduated (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  return &self->graduated;
}

void
bk_education_entry_set_graduated (BkEducationEntry *self, const GDate *graduated)
{
  gboolean was_valid, is_valid;

  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  was_valid = g_date_valid (&self->graduated);
  is_valid = graduated != NULL && g_date_valid (graduated);
  if (was_valid == is_valid && (!is_valid || g_date_compare (&self->graduated, graduated) == 0))
    return;

  if (is_valid)
    self->graduated = *graduated;
  else
    g_date_clear (&self->graduated, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADUATED]);
}

gboolean
bk_education_entry_get_full_time (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), FALSE);

  return self->full_time;
}

void
bk_education_entry_set_full_time (BkEducationEntry *self, gboolean full_time)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  full_time = !!full_time;
  if (self->full_time == full_time)
    return;
  self->full_time = full_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_TIME]);
}

gboolean
bk_education_entry_get_foreign (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), FALSE);

  return self->foreign;
}

void
bk_education_entry_set_foreign (BkEducationEntry *self, gboolean foreign)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  foreign = !!foreign;
  if (self->foreign == foreign)
    return;
  self->foreign = foreign;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOREIGN]);
}

const char *
bk_education_entry_get_school (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  return self->school != NULL ? self->school : "";
}

void
bk_education_entry_set_school (BkEducationEntry *self, const char *school)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  set_string (self, &self->school, school, PROP_SCHOOL);
}

const char *
bk_education_entry_get_major (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  return self->major != NULL ? self->major : "";
}

void
bk_education_entry_set_major (BkEducationEntry *self, const char *major)
{
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  /* Kept exactly as typed: the major must match the certificate,
   * brackets and punctuation included. */
  set_string (self, &self->major, major, PROP_MAJOR);
}

const char *
bk_education_entry_get_certificate_number (BkEducationEntry *self)
{
  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  return self->certificate_number != NULL ? self->certificate_number : "";
}

void
bk_education_entry_set_certificate_number (BkEducationEntry *self, const char *number)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (BK_IS_EDUCATION_ENTRY (self));

  normalized = bk_text_normalize_number (number);
  set_string (self, &self->certificate_number, normalized, PROP_CERTIFICATE_NUMBER);
}

BkEducationRecord *
bk_education_entry_to_record (BkEducationEntry *self)
{
  BkEducationRecord *record;

  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  record = g_new0 (BkEducationRecord, 1);
  record->level = self->level;
  record->discipline = self->discipline;
  record->graduated = self->graduated;
  record->full_time = self->full_time;
  record->foreign = self->foreign;
  record->school = g_strdup (self->school);
  record->major = g_strdup (self->major);
  record->certificate_number = g_strdup (self->certificate_number);
  return record;
}

gboolean
bk_education_entry_validate_certificate_number (const char *text, GError **error)
{
  g_autofree char *number = bk_text_normalize_number (text);
  gsize length = strlen (number);

  if (length == 0)
    return bk_core_error_set_invalid (
      error, _ ("Certificate number: enter the number printed on your certificate (17 or "
                "18 digits)."));

  for (const char *p = number; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return bk_core_error_set_invalid (
        error, _ ("Certificate number: use digits only, without spaces or dashes."));

  if (length != 17 && length != 18)
    return bk_core_error_set_invalid (
      error, _ ("Certificate number: it has 17 or 18 digits; check that none is missing "
                "or doubled."));
  return TRUE;
}

gboolean
bk_education_entry_validate_graduated (const GDate *graduated, GError **error)
{
  GDate today;

  if (graduated == NULL || !g_date_valid (graduated))
    return bk_core_error_set_invalid (error,
                                      _ ("Graduation date: enter the date on your certificate."));

  bk_clock_get_today (&today);
  if (g_date_compare (graduated, &today) > 0)
    return bk_core_error_set_invalid (
      error, _ ("Graduation date: it is in the future; only completed education counts."));
  return TRUE;
}

gboolean
bk_education_entry_validate_school (const char *school, GError **error)
{
  if (bk_text_is_blank (school))
    return bk_core_error_set_invalid (
      error, _ ("School: enter the name of the school as on your certificate."));
  return bk_text_check_plain (_ ("School"), school, BK_TEXT_MAX_SCHOOL, error);
}

gboolean
bk_education_entry_validate_major (const char *major, GError **error)
{
  if (bk_text_is_blank (major))
    return bk_core_error_set_invalid (
      error, _ ("Major: enter the major exactly as on your certificate, brackets and "
                "punctuation included."));
  return bk_text_check_plain (_ ("Major"), major, BK_TEXT_MAX_MAJOR, error);
}

GPtrArray *
bk_education_entry_validate_all (BkEducationEntry *self)
{
  g_autoptr (GPtrArray) errors = bk_field_errors_new ();
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  if (!bk_education_entry_validate_school (self->school, &error))
    bk_field_errors_take (errors, "school", &error);
  if (!bk_education_entry_validate_major (self->major, &error))
    bk_field_errors_take (errors, "major", &error);
  if (!bk_education_entry_validate_graduated (&self->graduated, &error))
    bk_field_errors_take (errors, "graduated", &error);
  if (!bk_education_entry_validate_certificate_number (self->certificate_number, &error))
    bk_field_errors_take (errors, "certificate-number", &error);
  return g_steal_pointer (&errors);
}

gboolean
bk_education_entry_validate (BkEducationEntry *self, const char **field, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;

  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), FALSE);

  errors = bk_education_entry_validate_all (self);
  return !bk_field_errors_propagate_first (errors, field, error);
}

char *
bk_education_entry_to_json (BkEducationEntry *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  char date[16] = "";

  g_return_val_if_fail (BK_IS_EDUCATION_ENTRY (self), NULL);

  if (g_date_valid (&self->graduated))
    bk_dates_format (&self->graduated, date);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bk_record_get_id (BK_RECORD (self)));
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, bk_education_level_to_nick (self->level));
  json_builder_set_member_name (builder, "discipline");
  json_builder_add_string_value (builder, bk_discipline_to_nick (self->discipline));
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, bk_education_entry_get_school (self));
  json_builder_set_member_name (builder, "major");
  json_builder_add_string_value (builder, bk_education_entry_get_major (self));
  json_builder_set_member_name (builder, "graduated");
  if (*date != '\0')
    json_builder_add_string_value (builder, date);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "certificate_number");
  json_builder_add_string_value (builder, bk_education_entry_get_certificate_number (self));
  json_builder_set_member_name (builder, "full_time");
  json_builder_add_boolean_value (builder, self->full_time);
  json_builder_set_member_name (builder, "foreign");
  json_builder_add_boolean_value (builder, self->foreign);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
