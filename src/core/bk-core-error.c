/* bk-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"

G_DEFINE_QUARK (bk_core_error_quark, bk_core_error)

gboolean
bk_core_error_set_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, message);
  return FALSE;
}
