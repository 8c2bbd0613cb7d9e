/* bk-staff-labels.h — the help desk's words for the server's stable
 * names: queues, decisions, reasons, and its error codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A queue's name in the window ("manual-verification" → "Manual
 * Verification"); NULL for an unknown one. */
const char *bk_staff_labels_queue (const char *queue);

/* The decisions and reasons the server takes (docs/protocol.md), in the
 * order the window offers them, NULL-terminated. */
extern const char *const bk_staff_decisions[];
extern const char *const bk_staff_reasons[];
const char *bk_staff_labels_decision (const char *decision);
const char *bk_staff_labels_reason (const char *reason);

/* A state nick's display name (core's), or the nick itself. */
const char *bk_staff_labels_state (const char *state);

/* What to tell the staff member about a failed call, in their language. */
char *bk_staff_labels_describe_error (const GError *error);

G_END_DECLS
