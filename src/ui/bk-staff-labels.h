/* bk-staff-labels.h — the help desk's words for the server's stable
 * names: queues, decisions, reasons, and its error codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-eligibility-verdict.h"

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

/* An ID document type's nick ("passport") in the staff's language, or the nick. */
const char *bk_staff_labels_id_type (const char *id_type);

/* A verification route's nick ("proofs") as staff read it, or the nick. */
const char *bk_staff_labels_route (const char *route);

/* The session's and the point's names for the window's subtitle. */
char *bk_staff_labels_point (const char *session_id, const char *point_code);

/* Core's eligibility verdict worded for staff (the candidate in the third
 * person), one sentence a line. */
char *bk_staff_labels_verdict (const BkEligibilityVerdict *verdict);

/* What to tell the staff member about a failed call, in their language. */
char *bk_staff_labels_describe_error (const GError *error);

G_END_DECLS
