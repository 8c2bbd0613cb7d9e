/* bk-server-workflow-private.h — what bk-server-workflow.c shares with
 * bk-server-workflow-scores.c and bk-server-workflow-ticket.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-workflow.h"

G_BEGIN_DECLS

/* Fills @refusal and returns FALSE. */
G_GNUC_PRINTF (4, 5)
gboolean bk_server_workflow_refuse (
  BkServerWorkflowRefusal *refusal, guint status, const char *code, const char *format, ...);
/* ISO 8601 in UTC. */
char *bk_server_workflow_iso_time (gint64 unix_time);

/* Members of an untrusted payload (@object may be NULL): the object,
 * integer or boolean, or NULL / @fallback / FALSE. */
JsonObject *bk_server_workflow_get_object (JsonObject *object, const char *member);
gint64 bk_server_workflow_get_int (JsonObject *object, const char *member, gint64 fallback);
gboolean bk_server_workflow_get_bool (JsonObject *object, const char *member);

/* The application's "workflow" member, made when missing. */
JsonObject *bk_server_workflow_of (JsonObject *application);

/* The application's level and mode, if @session offers them. */
gboolean bk_server_workflow_level_and_mode (JsonObject *application,
                                            BkExamSession *session,
                                            guint *level,
                                            BkExamMode *mode);

/* The application's commitment (UNSET when it has none or an unknown one). */
BkCommitment bk_server_workflow_get_commitment (JsonObject *application);

G_END_DECLS
