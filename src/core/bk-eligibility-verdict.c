/* bk-eligibility-verdict.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-dates.h"
#include "bk-eligibility-verdict.h"

G_DEFINE_BOXED_TYPE (BkEligibilityVerdict,
                     bk_eligibility_verdict,
                     bk_eligibility_verdict_copy,
                     bk_eligibility_verdict_free)

static const char *const route_nicks[] = { "automatic", "proofs", "on-site" };

BkEligibilityVerdict *
bk_eligibility_verdict_new (void)
{
  BkEligibilityVerdict *self = g_new0 (BkEligibilityVerdict, 1);

  self->qualifying_education = -1;
  g_date_clear (&self->eligible_from, 1);
  self->subjects = g_array_new (FALSE, FALSE, sizeof (guint));
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  self->other_open = g_array_new (FALSE, FALSE, sizeof (BkExamOption));
  self->commitment_allowed = TRUE;
  return self;
}

BkEligibilityVerdict *
bk_eligibility_verdict_copy (const BkEligibilityVerdict *self)
{
  BkEligibilityVerdict *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->rule_id = g_strdup (self->rule_id);
  copy->rule = g_strdup (self->rule);
  copy->subjects = g_array_copy (self->subjects);
  copy->other_open = g_array_copy (self->other_open);
  copy->reasons = g_ptr_array_copy (self->reasons, (GCopyFunc) (void (*) (void)) g_strdup, NULL);
  g_ptr_array_set_free_func (copy->reasons, g_free);
  return copy;
}

void
bk_eligibility_verdict_free (BkEligibilityVerdict *self)
{
  if (self == NULL)
    return;

  g_free (self->rule_id);
  g_free (self->rule);
  g_clear_pointer (&self->subjects, g_array_unref);
  g_clear_pointer (&self->other_open, g_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_free (self);
}

const char *
bk_verification_route_to_nick (BkVerificationRoute route)
{
  g_return_val_if_fail (route <= BK_VERIFICATION_ROUTE_ON_SITE, NULL);

  return route_nicks[route];
}

static void
add_fee (JsonBuilder *builder, guint64 fee_fen)
{
  json_builder_set_member_name (builder, "fee_yuan");
  if (fee_fen % 100 == 0)
    json_builder_add_int_value (builder, (gint64) (fee_fen / 100));
  else
    json_builder_add_double_value (builder, fee_fen / 100.0);
}

JsonNode *
bk_eligibility_verdict_to_json (const BkEligibilityVerdict *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  char buf[16];

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eligible");
  json_builder_add_boolean_value (builder, self->eligible);
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, self->level);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, bk_exam_mode_to_nick (self->mode));
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, self->rule_id);

  json_builder_set_member_name (builder, "subjects");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->subjects->len; i++)
    json_builder_add_int_value (builder, g_array_index (self->subjects, guint, i));
  json_builder_end_array (builder);

  add_fee (builder, self->fee_fen);

  json_builder_set_member_name (builder, "verification");
  json_builder_add_string_value (builder, bk_verification_route_to_nick (self->verification));
  json_builder_set_member_name (builder, "commitment_allowed");
  json_builder_add_boolean_value (builder, self->commitment_allowed);

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reasons->len; i++)
    json_builder_add_string_value (builder, self->reasons->pdata[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "counted");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "work_days");
  json_builder_add_int_value (builder, self->counted_work_days);
  json_builder_set_member_name (builder, "metrology_days");
  json_builder_add_int_value (builder, self->counted_metrology_days);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "required");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "work_years");
  json_builder_add_int_value (builder, self->required_work_years);
  json_builder_set_member_name (builder, "metrology_years");
  json_builder_add_int_value (builder, self->required_metrology_years);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "work_days");
  json_builder_add_int_value (builder, self->missing_work_days);
  json_builder_set_member_name (builder, "metrology_days");
  json_builder_add_int_value (builder, self->missing_metrology_days);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "eligible_from");
  if (g_date_valid (&self->eligible_from))
    json_builder_add_string_value (builder, bk_dates_format (&self->eligible_from, buf));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "qualifying_education");
  if (self->qualifying_education >= 0)
    json_builder_add_int_value (builder, self->qualifying_education);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "other_open");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->other_open->len; i++)
    {
      const BkExamOption *option = &g_array_index (self->other_open, BkExamOption, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, option->level);
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, bk_exam_mode_to_nick (option->mode));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
bk_eligibility_verdict_to_text (const BkEligibilityVerdict *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  if (self->eligible)
    g_string_append (text, _ ("Eligible."));
  else
    g_string_append (text, _ ("Not eligible."));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->reasons->len; i++)
    g_string_append_printf (text, "  • %s\n", (const char *) self->reasons->pdata[i]);
  return g_string_free (text, FALSE);
}
