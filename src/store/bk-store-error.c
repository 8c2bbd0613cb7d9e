/* bk-store-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-store-error.h"

G_DEFINE_QUARK (bk_store_error_quark, bk_store_error)
