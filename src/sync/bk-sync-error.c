/* bk-sync-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-sync-error.h"

G_DEFINE_QUARK (bk_sync_error_quark, bk_sync_error)

char *
bk_sync_error_dup_server_code (const GError *error)
{
  const char *colon;

  if (error == NULL || error->domain != BK_SYNC_ERROR)
    return NULL;
  switch (error->code)
    {
      case BK_SYNC_ERROR_HTTP:
      case BK_SYNC_ERROR_NOT_SIGNED_IN:
      case BK_SYNC_ERROR_REFUSED:
      case BK_SYNC_ERROR_UNAVAILABLE:
        colon = strchr (error->message, ':');
        return colon != NULL ? g_strndup (error->message, colon - error->message) : NULL;
      default:
        return NULL;
    }
}

gboolean
bk_sync_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != BK_SYNC_ERROR)
    return FALSE;
  switch (error->code)
    {
      case BK_SYNC_ERROR_NETWORK:
      case BK_SYNC_ERROR_PROTOCOL:
      case BK_SYNC_ERROR_TIMEOUT:
      case BK_SYNC_ERROR_UNAVAILABLE:
      case BK_SYNC_ERROR_HTTP:
        return TRUE;
      default:
        return FALSE;
    }
}
