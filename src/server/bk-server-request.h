/* bk-server-request.h — one request on its way through a worker thread
 *
 * What the front read from the message (method, path, body, token, …),
 * and what the handler answers (status, body, audit detail). Handlers
 * answer with the helpers below, so every error body has the same shape:
 * {"code": …, "message": …}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bk-server-account.h"

G_BEGIN_DECLS

typedef struct _BkServer BkServer;
typedef struct _BkServerRoute BkServerRoute; /* bk-server.c's routing table */
typedef struct _BkServerRequest BkServerRequest;

/* Runs in a worker thread and answers @request. */
typedef void (*BkServerHandler) (BkServer *server, BkServerRequest *request);

struct _BkServerRequest
{
  BkServer *server;
  SoupServerMessage *msg;
  const BkServerRoute *route;
  char *method;
  char *path;
  char *address;
  GBytes *body;
  char *token;
  char *idempotency_key;
  GHashTable *query;
  char *path_id; /* the UUID in a path such as /v1/photos/{id}/file */
  gint64 now;
  BkServerAccount *account;

  guint status;
  char *response;
  GBytes *file;    /* answered instead of response, when set */
  char *file_type; /* its Content-Type */
  guint retry_after;
  char *audit_detail;
  gboolean audit;
  gboolean audited; /* the handler wrote its audit line (a push, in its transaction) */
};

void bk_server_request_free (BkServerRequest *request);

/* {"code": @code, "message": @message}, as every error answer. */
char *bk_server_error_body (const char *code, const char *message);

/* Answers @body (taken) with @status. */
void bk_server_request_answer (BkServerRequest *request, guint status, char *body);

/* Answers an error; @code is also the audit detail unless one is set. */
void bk_server_request_answer_error (BkServerRequest *request,
                                     guint status,
                                     const char *code,
                                     const char *message);

/* Answers a BkServerError: 400, 422 or (the database failing) 503. */
void bk_server_request_answer_gerror (BkServerRequest *request, const GError *error);

/* The body as a JSON object with only @allowed members, or NULL with a
 * BK_SERVER_ERROR_INVALID_REQUEST saying what to send. */
JsonObject *
bk_server_request_parse_body (BkServerRequest *request, const char *const *allowed, GError **error);

/* The string member @name, or NULL with an error saying what to send. */
const char *bk_server_required_string (JsonObject *object, const char *name, GError **error);

/* The query parameter @name as a number from 0 to @max (@fallback when
 * absent); FALSE when it is not one. */
gboolean bk_server_request_query_int (
  BkServerRequest *request, const char *name, gint64 fallback, gint64 max, gint64 *value);

/* Hex SHA-256 of @data: how tokens and request bodies are stored. */
char *bk_server_sha256_hex (const char *data, gsize size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerRequest, bk_server_request_free)

G_END_DECLS
