/* bk-server-log.h — the server's log lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The log goes to stderr, one line per event with a priority prefix that
 * journald understands (sd-daemon(3)): 3 is an error, 4 a warning, 5 a
 * notice. Line breaks in the text become spaces. */
void bk_server_log (int priority, const char *format, ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
