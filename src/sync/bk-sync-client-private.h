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

/* For a task whose answer is any 2xx: returns TRUE, or the error. */
void bk_sync_client_answered_cb (GObject *source, GAsyncResult *result, gpointer user_data);
/* The finish of such a task started with @source_tag. */
gboolean bk_sync_client_finish_boolean (BkSyncClient *self,
                                        GAsyncResult *result,
                                        gpointer source_tag,
                                        GError **error);

/* A sign-up waiting for the server (bk-sync-client-sign-up.c). */
typedef struct _BkSyncSignUp BkSyncSignUp;

void bk_sync_sign_up_free (BkSyncSignUp *sign_up);

/* The client's waiting sign-up (nullable; taken), notifying "signing-up". */
void bk_sync_client_set_pending_sign_up (BkSyncClient *self, BkSyncSignUp *sign_up);
BkSyncSignUp *bk_sync_client_get_pending_sign_up (BkSyncClient *self);

/* Runs the waiting sign-up for @task (a sync's), then @next (@task
 * owned) on success; on failure returns @task's error. */
void bk_sync_client_run_pending_sign_up (BkSyncClient *self, GTask *task, void (*next) (GTask *));

/* The photo files of @profile_id (nullable: nothing to carry) up and
 * down, at the end of a sync (bk-sync-client-photos.c); then @next
 * (@task owned). Never fails the sync: what did not go goes next time. */
void bk_sync_client_carry_photos (BkSyncClient *self,
                                  const char *profile_id,
                                  GTask *task,
                                  void (*next) (GTask *task));

G_END_DECLS
