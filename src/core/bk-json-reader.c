/* bk-json-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-enum-nick.h"
#include "bk-json-reader.h"

void
bk_json_reader_init (BkJsonReader *self, const char *file, GError **error)
{
  g_return_if_fail (self != NULL);

  self->file = file;
  self->error = error;
  self->failed = FALSE;
}

gboolean
bk_json_reader_failed (const BkJsonReader *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->failed;
}

char *
bk_json_reader_path (const char *prefix, const char *name)
{
  if (name == NULL)
    return g_strdup (prefix);
  return *prefix != '\0' ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
}

gboolean
bk_json_reader_fail (BkJsonReader *self, const char *prefix, const char *name, const char *problem)
{
  g_autofree char *field = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);
  g_return_val_if_fail (problem != NULL, FALSE);

  /* The first problem is the one to fix; later ones may follow from it. */
  if (self->failed)
    return FALSE;
  self->failed = TRUE;
  field = bk_json_reader_path (prefix, name);
  if (self->file != NULL)
    /* TRANSLATORS: a malformed session file; first %s is the file name, second
     * the field (e.g. “levels[0].subjects[1].start”), third what is wrong */
    g_set_error (self->error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("%s: field “%s”: %s"),
                 self->file, field, problem);
  else
    /* TRANSLATORS: first %s is a field name such as “education[0].graduated”,
     * second %s says what is wrong with it */
    g_set_error (self->error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, _ ("Field “%s”: %s"),
                 field, problem);
  return FALSE;
}

JsonNode *
bk_json_reader_member (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags)
{
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (o != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = json_object_get_member (o, name);
  if (node == NULL && (flags & BK_JSON_REQUIRED) != 0)
    bk_json_reader_fail (self, prefix, name, _ ("missing; add it."));
  if (node != NULL && (flags & BK_JSON_NULLABLE) != 0 && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

JsonObject *
bk_json_reader_object (BkJsonReader *self, JsonNode *node, const char *prefix)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bk_json_reader_fail (self, prefix, NULL, _ ("expected an object."));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The member, or %NULL; *@ok says whether that is a problem. */
static JsonNode *
member_or_absent (BkJsonReader *self,
                  JsonObject *o,
                  const char *prefix,
                  const char *name,
                  BkJsonFlags flags,
                  gboolean *ok)
{
  JsonNode *node = bk_json_reader_member (self, o, prefix, name, flags);

  /* Absent when required is the only problem; a null that reads as absent
   * is not one. */
  *ok = node != NULL || (flags & BK_JSON_REQUIRED) == 0 || json_object_has_member (o, name);
  return node;
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
bk_json_reader_get_string (BkJsonReader *self,
                           JsonObject *o,
                           const char *prefix,
                           const char *name,
                           BkJsonFlags flags,
                           const char **out)
{
  gboolean ok;
  JsonNode *node = member_or_absent (self, o, prefix, name, flags, &ok);

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!holds (node, G_TYPE_STRING))
    return bk_json_reader_fail (self, prefix, name, _ ("expected a string."));
  if ((flags & BK_JSON_NON_EMPTY) != 0 && *json_node_get_string (node) == '\0')
    return bk_json_reader_fail (self, prefix, name, _ ("is empty; write the text."));
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
bk_json_reader_dup_string (BkJsonReader *self,
                           JsonObject *o,
                           const char *prefix,
                           const char *name,
                           BkJsonFlags flags,
                           char **out)
{
  const char *text;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!bk_json_reader_get_string (self, o, prefix, name, flags, &text))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

gboolean
bk_json_reader_get_uint (BkJsonReader *self,
                         JsonObject *o,
                         const char *prefix,
                         const char *name,
                         guint min,
                         guint max,
                         guint *out)
{
  JsonNode *node = bk_json_reader_member (self, o, prefix, name, BK_JSON_REQUIRED);
  gint64 v;

  g_return_val_if_fail (out != NULL, FALSE);

  if (node == NULL)
    return FALSE;
  if (!holds (node, G_TYPE_INT64))
    return bk_json_reader_fail (self, prefix, name, _ ("expected a whole number."));
  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      /* TRANSLATORS: %u and %u are the bounds of a number */
      g_autofree char *problem = g_strdup_printf (_ ("expected a number from %u to %u."), min, max);

      return bk_json_reader_fail (self, prefix, name, problem);
    }
  *out = (guint) v;
  return TRUE;
}

gboolean
bk_json_reader_get_number (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, double *out)
{
  JsonNode *node = bk_json_reader_member (self, o, prefix, name, BK_JSON_REQUIRED);

  g_return_val_if_fail (out != NULL, FALSE);

  if (node == NULL)
    return FALSE;
  if (!holds (node, G_TYPE_INT64) && !holds (node, G_TYPE_DOUBLE))
    return bk_json_reader_fail (self, prefix, name, _ ("expected a number."));
  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
bk_json_reader_get_bool (BkJsonReader *self,
                         JsonObject *o,
                         const char *prefix,
                         const char *name,
                         BkJsonFlags flags,
                         gboolean *out)
{
  gboolean ok;
  JsonNode *node = member_or_absent (self, o, prefix, name, flags, &ok);

  g_return_val_if_fail (out != NULL, FALSE);

  if (node == NULL)
    return ok;
  if (!holds (node, G_TYPE_BOOLEAN))
    return bk_json_reader_fail (self, prefix, name, _ ("expected true or false."));
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
bk_json_reader_get_choice (BkJsonReader *self,
                           JsonObject *o,
                           const char *prefix,
                           const char *name,
                           BkJsonFlags flags,
                           GType enum_type,
                           guint *out)
{
  const char *text;
  int value;
  g_autofree char *list = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!bk_json_reader_get_string (self, o, prefix, name, flags, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (bk_enum_from_nick (enum_type, text, &value))
    {
      *out = (guint) value;
      return TRUE;
    }
  list = bk_enum_join_nicks (enum_type, ", ");
  /* TRANSLATORS: first %s is the value given, second a list of the accepted values */
  problem = g_strdup_printf (_ ("“%s” is not one of: %s."), text, list);
  return bk_json_reader_fail (self, prefix, name, problem);
}

gboolean
bk_json_reader_get_date (BkJsonReader *self,
                         JsonObject *o,
                         const char *prefix,
                         const char *name,
                         BkJsonFlags flags,
                         GDate *out)
{
  const char *text;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!bk_json_reader_get_string (self, o, prefix, name, flags, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!bk_dates_parse (text, out))
    return bk_json_reader_fail (self, prefix, name, _ ("expected a real date written YYYY-MM-DD."));
  return TRUE;
}

/* Times carry their offset (+08:00 for Asia/Shanghai); one without an
 * offset would depend on the machine's time zone. */
gboolean
bk_json_reader_get_time (BkJsonReader *self,
                         JsonObject *o,
                         const char *prefix,
                         const char *name,
                         BkJsonFlags flags,
                         GDateTime **out)
{
  const char *text;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!bk_json_reader_get_string (self, o, prefix, name, flags, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  *out = g_date_time_new_from_iso8601 (text, NULL);
  if (*out == NULL)
    return bk_json_reader_fail (
      self, prefix, name,
      _ ("expected a date and time with its offset, like 2020-11-07T09:00:00+08:00."));
  return TRUE;
}

JsonObject *
bk_json_reader_get_object (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags)
{
  JsonNode *node = bk_json_reader_member (self, o, prefix, name, flags);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bk_json_reader_fail (self, prefix, name, _ ("expected an object."));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
bk_json_reader_get_array (
  BkJsonReader *self, JsonObject *o, const char *prefix, const char *name, BkJsonFlags flags)
{
  JsonNode *node = bk_json_reader_member (self, o, prefix, name, flags);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bk_json_reader_fail (self, prefix, name, _ ("expected a list."));
      return NULL;
    }
  if ((flags & BK_JSON_NON_EMPTY) != 0 && json_array_get_length (json_node_get_array (node)) == 0)
    {
      bk_json_reader_fail (self, prefix, name, _ ("is empty; list at least one."));
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
bk_json_reader_get_strv (BkJsonReader *self,
                         JsonObject *o,
                         const char *prefix,
                         const char *name,
                         BkJsonFlags flags,
                         GStrv *out)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  array = bk_json_reader_get_array (self, o, prefix, name, flags);
  if (array == NULL)
    {
      if (bk_json_reader_failed (self))
        return FALSE;
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!holds (node, G_TYPE_STRING) || *json_node_get_string (node) == '\0')
        {
          g_autofree char *path = bk_json_reader_path (prefix, name);
          g_autofree char *field = g_strdup_printf ("%s[%u]", path, i);

          return bk_json_reader_fail (self, field, NULL, _ ("expected a non-empty string."));
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}
