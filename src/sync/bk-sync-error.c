/* bk-sync-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-sync-error.h"

G_DEFINE_QUARK (bk_sync_error_quark, bk_sync_error)
