/* bk-server-workflow-store.h — reading the facts of an application and
 * writing the workflow's moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-database.h"
#include "bk-server-limits.h"
#include "bk-server-workflow.h"

G_BEGIN_DECLS

/* A session the admin added (the database), or else one shipped in
 * data/sessions; NULL without an error when neither has @id. */
BkExamSession *
bk_server_workflow_find_session (BkServerDatabase *database, const char *id, GError **error);

/* The facts beside @application: its session, the proofs pushed for it
 * and, with @with_profile, the candidate's profile rebuilt with core. */
gboolean bk_server_workflow_gather (BkServerDatabase *database,
                                    const BkServerLimits *limits,
                                    const BkServerEntity *application,
                                    JsonObject *payload,
                                    gboolean with_profile,
                                    BkServerWorkflowFacts *facts,
                                    GError **error);
void bk_server_workflow_facts_clear (BkServerWorkflowFacts *facts);

/* The application's payload as a JSON object (NULL if it is not one). */
JsonObject *bk_server_workflow_parse (const BkServerEntity *application);

/* Writes @payload over @application (compare-and-swap on its version),
 * its change in the feed and @audit, in one transaction. */
gboolean bk_server_workflow_commit (BkServerDatabase *database,
                                    const BkServerEntity *application,
                                    JsonObject *payload,
                                    gint64 now,
                                    const BkServerAuditEntry *audit,
                                    GError **error);

/* Moves every application that waits for the server (submitted and not
 * checked; proofs pushed after the server asked for them) among those of
 * @owner_id, or of @session_id and @point_code (NULL: any). Run after each
 * push and when the server starts, so a server that died between a push
 * and its check catches up; a concurrent move by another process is left
 * to it. */
gboolean bk_server_workflow_sweep (BkServerDatabase *database,
                                   const BkServerLimits *limits,
                                   const char *owner_id,
                                   const char *session_id,
                                   const char *point_code,
                                   gint64 now,
                                   GError **error);

/* TRUE, once, when a confirmation or payment window has closed at @now
 * that a sweep of this process saw ahead (of an application it looked
 * at): the applications whose candidate missed it lapse in the next
 * full sweep (bk-server-lapse-timer.c). */
gboolean bk_server_workflow_take_closed (gint64 now);

G_END_DECLS
