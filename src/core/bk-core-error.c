/* bk-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-core-error.h"

G_DEFINE_QUARK (bk_core_error_quark, bk_core_error)
