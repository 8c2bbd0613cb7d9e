/* bk-sessions.h — the exam sessions installed with Baokao, loaded once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-exam-session.h"

G_BEGIN_DECLS

/* Of BkExamSession, sorted by exam year, newest first; NULL with @error
 * when the installed data is broken. */
GPtrArray *bk_sessions_get_all (GError **error);
BkExamSession *bk_sessions_lookup (const char *id);
/* The session a new application should default to: the one whose
 * registration is open or next to open, else the newest. */
BkExamSession *bk_sessions_get_default (void);

G_END_DECLS
