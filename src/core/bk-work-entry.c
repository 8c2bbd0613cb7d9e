/* bk-work-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-field-error.h"
#include "bk-set.h"
#include "bk-text.h"
#include "bk-work-entry.h"

struct _BkWorkEntry
{
  BkRecord parent_instance;

  GDate from;
  GDate to;
  gboolean metrology;
  char *employer;
};

G_DEFINE_FINAL_TYPE (BkWorkEntry, bk_work_entry, BK_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_METROLOGY,
  PROP_EMPLOYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets *@slot from @value (NULL or invalid clears); TRUE if it changed. */
static gboolean
set_date (GDate *slot, const GDate *value)
{
  gboolean was_valid = g_date_valid (slot);
  gboolean is_valid = value != NULL && g_date_valid (value);

  if (was_valid == is_valid && (!is_valid || g_date_compare (slot, value) == 0))
    return FALSE;
  if (is_valid)
    *slot = *value;
  else
    g_date_clear (slot, 1);
  return TRUE;
}

static void
bk_work_entry_finalize (GObject *object)
{
  BkWorkEntry *self = BK_WORK_ENTRY (object);

  g_free (self->employer);

  G_OBJECT_CLASS (bk_work_entry_parent_class)->finalize (object);
}

static void
bk_work_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkWorkEntry *self = BK_WORK_ENTRY (object);

  switch (prop_id)
    {
      case PROP_FROM:
        g_value_set_boxed (value, g_date_valid (&self->from) ? &self->from : NULL);
        break;
      case PROP_TO:
        g_value_set_boxed (value, g_date_valid (&self->to) ? &self->to : NULL);
        break;
      case PROP_METROLOGY:
        g_value_set_boolean (value, self->metrology);
        break;
      case PROP_EMPLOYER:
        g_value_set_string (value, bk_work_entry_get_employer (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_work_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkWorkEntry *self = BK_WORK_ENTRY (object);

  switch (prop_id)
    {
      case PROP_FROM:
        bk_work_entry_set_from (self, g_value_get_boxed (value));
        break;
      case PROP_TO:
        bk_work_entry_set_to (self, g_value_get_boxed (value));
        break;
      case PROP_METROLOGY:
        bk_work_entry_set_metrology (self, g_value_get_boolean (value));
        break;
      case PROP_EMPLOYER:
        bk_work_entry_set_employer (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_work_entry_class_init (BkWorkEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_work_entry_finalize;
  object_class->get_property = bk_work_entry_get_property;
  object_class->set_property = bk_work_entry_set_property;

  properties[PROP_FROM] = g_param_spec_boxed ("from", NULL, NULL, G_TYPE_DATE, rw);
  properties[PROP_TO] = g_param_spec_boxed ("to", NULL, NULL, G_TYPE_DATE, rw);
  properties[PROP_METROLOGY] = g_param_spec_boolean ("metrology", NULL, NULL, FALSE, rw);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_work_entry_init (BkWorkEntry *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
}

BkWorkEntry *
bk_work_entry_new (void)
{
  return g_object_new (BK_TYPE_WORK_ENTRY, NULL);
}

BkWorkEntry *
bk_work_entry_new_from_period (const BkWorkPeriod *period)
{
  BkWorkEntry *self;

  g_return_val_if_fail (period != NULL, NULL);

  self = bk_work_entry_new ();
  set_date (&self->from, &period->from);
  set_date (&self->to, &period->to);
  self->metrology = period->metrology;
  self->employer = g_strdup (period->employer);
  return self;
}

BkWorkEntry *
bk_work_entry_dup (BkWorkEntry *self)
{
  BkWorkEntry *copy;

  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  copy = g_object_new (BK_TYPE_WORK_ENTRY, "id", bk_record_get_id (BK_RECORD (self)), NULL);
  bk_record_copy_state (BK_RECORD (copy), BK_RECORD (self));
  copy->from = self->from;
  copy->to = self->to;
  copy->metrology = self->metrology;
  copy->employer = g_strdup (self->employer);
  return copy;
}

const char *
bk_work_entry_get_id (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  return bk_record_get_id (BK_RECORD (self));
}

gint64
bk_work_entry_get_version (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), 0);

  return bk_record_get_version (BK_RECORD (self));
}

void
bk_work_entry_set_version (BkWorkEntry *self, gint64 version)
{
  g_return_if_fail (BK_IS_WORK_ENTRY (self));

  bk_record_set_version (BK_RECORD (self), version);
}

const GDate *
bk_work_entry_get_from (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  return &self->from;
}

void
bk_work_entry_set_from (BkWorkEntry *self, const GDate *from)
{
  g_return_if_fail (BK_IS_WORK_ENTRY (self));

  if (set_date (&self->from, from))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
}

const GDate *
bk_work_entry_get_to (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  return &self->to;
}

void
bk_work_entry_set_to (BkWorkEntry *self, const GDate *to)
{
  g_return_if_fail (BK_IS_WORK_ENTRY (self));

  if (set_date (&self->to, to))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
}

gboolean
bk_work_entry_get_metrology (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), FALSE);

  return self->metrology;
}

void
bk_work_entry_set_metrology (BkWorkEntry *self, gboolean metrology)
{
  g_return_if_fail (BK_IS_WORK_ENTRY (self));

  metrology = !!metrology;
  if (self->metrology == metrology)
    return;
  self->metrology = metrology;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METROLOGY]);
}

const char *
bk_work_entry_get_employer (BkWorkEntry *self)
{
  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  return self->employer != NULL ? self->employer : "";
}

void
bk_work_entry_set_employer (BkWorkEntry *self, const char *employer)
{
  g_return_if_fail (BK_IS_WORK_ENTRY (self));

  if (bk_set_str (&self->employer, employer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYER]);
}

BkWorkPeriod *
bk_work_entry_to_period (BkWorkEntry *self)
{
  BkWorkPeriod *period;

  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  period = g_new0 (BkWorkPeriod, 1);
  period->from = self->from;
  period->to = self->to;
  period->metrology = self->metrology;
  period->employer = g_strdup (self->employer);
  return period;
}

gboolean
bk_work_entry_validate_employer (const char *employer, GError **error)
{
  const char *p;

  for (p = employer; p != NULL && *p != '\0' && g_ascii_isspace (*p); p++)
    ;
  if (p == NULL || *p == '\0')
    return bk_core_error_set_invalid (error,
                                      _ ("Employer: enter the name of the unit you worked for."));
  return bk_text_check_plain (_ ("Employer"), employer, BK_TEXT_MAX_EMPLOYER, error);
}

GPtrArray *
bk_work_entry_validate_all (BkWorkEntry *self)
{
  g_autoptr (GPtrArray) errors = bk_field_errors_new ();
  g_autoptr (GError) error = NULL;
  GDate today;

  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  if (!bk_work_entry_validate_employer (self->employer, &error))
    bk_field_errors_take (errors, "employer", &error);

  bk_clock_get_today (&today);
  if (!g_date_valid (&self->from))
    g_ptr_array_add (
      errors, bk_field_error_new ("from", _ ("Start date: enter the first day of this work.")));
  else if (g_date_compare (&self->from, &today) > 0)
    g_ptr_array_add (
      errors, bk_field_error_new ("from", _ ("Start date: it is in the future; enter only work "
                                             "already begun.")));
  if (g_date_valid (&self->to))
    {
      if (g_date_valid (&self->from) && g_date_compare (&self->to, &self->from) < 0)
        g_ptr_array_add (
          errors, bk_field_error_new ("to", _ ("End date: it is before the start date; check both "
                                               "dates.")));
      else if (g_date_compare (&self->to, &today) > 0)
        g_ptr_array_add (errors,
                         bk_field_error_new ("to", _ ("End date: it is in the future; leave it "
                                                      "empty if you still work there.")));
    }
  return g_steal_pointer (&errors);
}

gboolean
bk_work_entry_validate (BkWorkEntry *self, const char **field, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;

  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), FALSE);

  errors = bk_work_entry_validate_all (self);
  return !bk_field_errors_propagate_first (errors, field, error);
}

char *
bk_work_entry_to_json (BkWorkEntry *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  char date[16];

  g_return_val_if_fail (BK_IS_WORK_ENTRY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bk_record_get_id (BK_RECORD (self)));
  json_builder_set_member_name (builder, "employer");
  json_builder_add_string_value (builder, bk_work_entry_get_employer (self));
  json_builder_set_member_name (builder, "from");
  if (g_date_valid (&self->from))
    json_builder_add_string_value (builder, bk_dates_format (&self->from, date));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "to");
  if (g_date_valid (&self->to))
    json_builder_add_string_value (builder, bk_dates_format (&self->to, date));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "metrology");
  json_builder_add_boolean_value (builder, self->metrology);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
