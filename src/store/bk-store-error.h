/* bk-store-error.h — errors of the store layer (the local SQLite database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_STORE_ERROR (bk_store_error_quark ())

typedef enum
{
  BK_STORE_ERROR_SQLITE,    /* the code is the SQLite result code */
  BK_STORE_ERROR_MIGRATION, /* the schema could not be brought up to date */
  BK_STORE_ERROR_NOT_FOUND, /* no such record */
} BkStoreError;

GQuark bk_store_error_quark (void);

G_END_DECLS
