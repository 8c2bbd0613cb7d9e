/* bk-server-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-error.h"

G_DEFINE_QUARK (bk - server - error - quark, bk_server_error)
