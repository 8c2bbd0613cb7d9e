/* bk-enum-nick.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-enum-nick.h"

const char *
bk_enum_to_nick (GType enum_type, int value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  g_return_val_if_fail (enum_value != NULL, NULL);

  /* The class of a static type is never finalised: the nick outlives it. */
  return enum_value->value_nick;
}

gboolean
bk_enum_from_nick (GType enum_type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;
  if (value != NULL)
    *value = enum_value->value;
  return TRUE;
}

char *
bk_enum_join_nicks (GType enum_type, const char *separator)
{
  g_autoptr (GEnumClass) klass = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, klass->values[i].value_nick);
    }
  return g_string_free (out, FALSE);
}
