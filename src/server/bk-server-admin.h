/* bk-server-admin.h — the administrator's workflow commands
 *
 *   baokao-server admin add-session FILE.json
 *   baokao-server admin import-payments FILE.csv
 *   baokao-server admin import-scores FILE.csv
 *   baokao-server admin import-integrity FILE.csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-limits.h"

G_BEGIN_DECLS

/* Whether @command is one of the commands below. */
gboolean bk_server_admin_is_workflow_command (const char *command);

/* Runs @command on @path at @now; messages go to standard output and
 * error. Returns the exit status: 0, 1 (nothing applied) or 2 (usage). */
int bk_server_admin_run (BkServerDatabase *database,
                         const BkServerLimits *limits,
                         const char *command,
                         const char *path,
                         gint64 now);

G_END_DECLS
