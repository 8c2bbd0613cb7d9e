/* bk-conflict-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-conflict-labels.h"

typedef struct
{
  const char *entity;
  const char *member;
  const char *label;
} FieldLabel;

/* The titles of the rows that edit each field (ui/bk-*-page.ui and the
 * record dialogs): the same messages, so the same translations. */
static const FieldLabel field_labels[] = {
  { "profile", "user_name", N_ ("User name") },
  { "profile", "real_name", N_ ("Real name") },
  { "profile", "id_type", N_ ("ID type") },
  { "profile", "id_number", N_ ("ID number") },
  { "profile", "mobile", N_ ("Mobile phone number") },
  { "profile", "sex", N_ ("Sex") },
  { "profile", "birth_date", N_ ("Birth date (YYYY-MM-DD)") },
  { "profile", "ethnicity", N_ ("Ethnic group") },
  { "profile", "work_unit", N_ ("Employer (work unit)") },
  { "profile", "email", N_ ("Email") },
  { "profile", "address", N_ ("Postal address") },
  { "profile", "postcode", N_ ("Postcode") },
  { "profile", "senior_title", N_ ("Senior professional title") },
  { "profile", "verification_officer_certificate",
    N_ ("Metrology verification officer certificate") },
  { "education", "level", N_ ("Level") },
  { "education", "discipline", N_ ("Discipline category") },
  { "education", "school", N_ ("School") },
  { "education", "major", N_ ("Major, exactly as on the certificate") },
  { "education", "graduated", N_ ("Graduation date (YYYY-MM-DD)") },
  { "education", "certificate_number", N_ ("Certificate number (17 or 18 digits)") },
  { "education", "full_time", N_ ("Full-time (全日制)") },
  { "education", "foreign", N_ ("Awarded abroad or in Hong Kong, Macau or Taiwan") },
  { "work_period", "employer", N_ ("Employer") },
  { "work_period", "from", N_ ("From (YYYY-MM-DD)") },
  { "work_period", "to", N_ ("To (YYYY-MM-DD; empty if you still work there)") },
  { "work_period", "metrology", N_ ("Metrology technical work (计量技术工作)") },
};

const char *
bk_conflict_labels_record (const char *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);

  if (g_str_equal (entity, "profile"))
    return _ ("Profile");
  if (g_str_equal (entity, "education"))
    return _ ("Education Record");
  if (g_str_equal (entity, "work_period"))
    return _ ("Period of Work");
  if (g_str_equal (entity, "photo"))
    return _ ("Photo");
  if (g_str_equal (entity, "application"))
    return _ ("Application");
  if (g_str_equal (entity, "proof"))
    return _ ("Proof");
  return entity;
}

const char *
bk_conflict_labels_field (const char *entity, const char *member)
{
  g_return_val_if_fail (entity != NULL && member != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].entity, entity) &&
        g_str_equal (field_labels[i].member, member))
      return _ (field_labels[i].label);
  return member;
}

char *
bk_conflict_labels_value (const char *payload, const char *member)
{
  g_autoptr (JsonNode) root = payload != NULL ? json_from_string (payload, NULL) : NULL;
  JsonNode *node = NULL;

  g_return_val_if_fail (member != NULL, NULL);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    node = json_object_get_member (json_node_get_object (root), member);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_ ("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _ ("Yes") : _ ("No"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      return g_strdup (text[0] != '\0' ? text : _ ("(empty)"));
    }
  return json_to_string (node, FALSE);
}
