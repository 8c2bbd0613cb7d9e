/* bk-sync-messages.h — what to tell the user about a sync error, in their
 * language: the server's messages are English, for administrators, so
 * the client maps each stable error code to its own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A translated sentence for @error (of any domain) that says what happened
 * and what to do next. */
char *bk_sync_messages_describe (const GError *error);

G_END_DECLS
