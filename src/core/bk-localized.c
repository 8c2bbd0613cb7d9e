/* bk-localized.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-localized.h"

gboolean
bk_localized_prefers_chinese (void)
{
  const char *const *names = g_get_language_names ();

  /* The first non-C entry is the user's preferred language. */
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "C."))
        continue;
      return g_str_has_prefix (names[i], "zh");
    }
  return FALSE;
}

const char *
bk_localized_pick (const char *zh, const char *en)
{
  if (zh == NULL)
    return en;
  if (en == NULL)
    return zh;
  return bk_localized_prefers_chinese () ? zh : en;
}
