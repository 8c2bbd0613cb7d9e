/* bk-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-set.h"

gboolean
bk_set_str (char **slot, const char *value)
{
  char *copy;

  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == value || g_strcmp0 (*slot, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*slot);
  *slot = copy;
  return TRUE;
}

gboolean
bk_set_date_time (GDateTime **slot, GDateTime *value)
{
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value)))
    return FALSE;
  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_ref (value);
  return TRUE;
}
