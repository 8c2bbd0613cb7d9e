/* bk-server-workflow-request.h — what the workflow's handlers share: the
 * application a request names, seen only by those who may, and the answer
 * to a move
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-server-entity.h"
#include "bk-server-request.h"
#include "bk-server-workflow.h"

G_BEGIN_DECLS

/* The body with only @allowed members, "application_id" a UUID and
 * "version" a positive integer; NULL when answered 400. */
JsonObject *bk_server_workflow_request_body (BkServerRequest *request,
                                             const char *const *allowed,
                                             const char **application_id,
                                             gint64 *version);

/* A string member (@required or absent) of at most @max_length characters;
 * FALSE when answered 400. */
gboolean bk_server_workflow_request_string (BkServerRequest *request,
                                            JsonObject *body,
                                            const char *member,
                                            gboolean required,
                                            guint max_length,
                                            const char **value);

/* The application @id if the caller may see it (the candidate who owns it;
 * staff of its session and point; the admin), at @version when not 0;
 * NULL when answered (404 for one they may not see, 409 for a stale
 * version). */
BkServerEntity *bk_server_workflow_request_application (BkServer *self,
                                                        BkServerRequest *request,
                                                        const char *id,
                                                        gint64 version);

/* The application (as bk_server_workflow_request_application()), its
 * payload and its facts (bk_server_workflow_gather()), for a move; FALSE
 * when answered (409 unknown_session when the server does not know its
 * session). */
gboolean bk_server_workflow_request_prepare (BkServer *self,
                                             BkServerRequest *request,
                                             const char *id,
                                             gint64 version,
                                             BkServerEntity **application,
                                             JsonObject **payload,
                                             BkServerWorkflowFacts *facts);

/* Writes the moved @payload with an audit line (@action, @detail) in the
 * same transaction, and answers {application_id, state, version, queue}. */
void bk_server_workflow_request_commit (BkServer *self,
                                        BkServerRequest *request,
                                        const BkServerEntity *application,
                                        JsonObject *payload,
                                        BkExamSession *session,
                                        const char *action,
                                        const char *detail);

/* Answers a refusal of the workflow. */
void bk_server_workflow_request_refuse (BkServerRequest *request,
                                        const BkServerWorkflowRefusal *refusal);

G_END_DECLS
