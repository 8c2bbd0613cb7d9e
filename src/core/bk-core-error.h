/* bk-core-error.h — errors of the domain layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_CORE_ERROR (bk_core_error_quark ())

typedef enum
{
  BK_CORE_ERROR_INVALID_DATA,  /* a data file or input is malformed */
  BK_CORE_ERROR_NOT_FOUND,     /* a named thing (session, file) does not exist */
  BK_CORE_ERROR_BAD_SIGNATURE, /* a signed ticket that the authority's key does not verify */
} BkCoreError;

GQuark bk_core_error_quark (void);

/* Sets BK_CORE_ERROR_INVALID_DATA with @message (translated; says what to
 * do) and returns FALSE, so a validator can `return` it. */
gboolean bk_core_error_set_invalid (GError **error, const char *message);

G_END_DECLS
