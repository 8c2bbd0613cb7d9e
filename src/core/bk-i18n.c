/* bk-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bk-i18n.h"

/* BAOKAO_LOCALEDIR points gettext at the catalogues of the build tree, so
 * that tests and `scripts/run` show translations without installing. */
void
bk_i18n_init (void)
{
  const char *localedir = g_getenv ("BAOKAO_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
