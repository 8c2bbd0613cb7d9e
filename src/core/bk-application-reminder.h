/* bk-application-reminder.h — the reminder a candidate gets on the day
 * before a window closes for a step that is theirs and not done yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-application-progress.h"
#include "bk-exam-session.h"

G_BEGIN_DECLS

/* The step the candidate still has to do (@state, and @progress, the
 * server's copy, nullable), when @now is inside its window on the day
 * before the window's last day (in the window's own time zone): a
 * translated sentence saying what to do by when, and the step
 * ("register", "verification", "confirmation", "payment",
 * "ticket-printing") through @step. NULL on any other day, or when the
 * step is done. */
char *bk_application_reminder_for (BkApplicationState state,
                                   const BkApplicationProgress *progress,
                                   BkExamSession *session,
                                   GDateTime *now,
                                   const char **step);

G_END_DECLS
