/* bk-sync-client-private.h — what the files of BkSyncClient share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-sync-client.h"

G_BEGIN_DECLS

/* Sends @method to @path of the server for @task, with @headers and, if
 * @token is not NULL, its Authorization; @callback gets @task (owned). */
void bk_sync_client_send (BkSyncClient *self,
                          const char *method,
                          const char *path,
                          const char *const *headers,
                          GBytes *body,
                          const char *token,
                          GTask *task,
                          GAsyncReadyCallback callback);

/* The answer to a request of @task, or NULL after returning its error (a
 * 401 also forgets the token; Retry-After is kept). */
BkHttpResponse *
bk_sync_client_take_response (BkSyncClient *self, GAsyncResult *result, GTask *task);

G_END_DECLS
