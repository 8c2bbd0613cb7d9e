/* bk-photo-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-photo-error.h"

G_DEFINE_QUARK (bk_photo_error_quark, bk_photo_error)
