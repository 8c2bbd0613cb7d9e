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

/* The answer to a request, or NULL with its error (a 401 also forgets the
 * token; Retry-After is kept). */
BkHttpResponse *
bk_sync_client_read_response (BkSyncClient *self, GAsyncResult *result, GError **error);
/* The same for a request of @task, returning the error to @task. */
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

/* The push and the pull of one run (bk-sync-client.c and
 * bk-sync-client-push.c). */

typedef enum
{
  BK_SYNC_RUN_PUSH = 1 << 0,
  BK_SYNC_RUN_PULL = 1 << 1,
} BkSyncRunKind;

/* A push, a pull or both, as the data of its task. */
typedef struct
{
  BkSyncRunKind kind;
  char *profile_id; /* the profile's at the start of the run */
  BkOutboxBatch *batch;
  guint max; /* entries per push: halved while the server finds one too large */
  gint64 cursor;
  gboolean last_page;
  guint pushed;
  guint pulled;
} BkSyncRun;

/* Returns the run's counts to its task. */
void bk_sync_client_run_done (GTask *task);
/* @func in a thread, for JSON too large for the main loop. */
void bk_sync_client_off_main_thread (GTask *task,
                                     gpointer data,
                                     GDestroyNotify data_free,
                                     GTaskThreadFunc func,
                                     GAsyncReadyCallback callback);
/* The next push of the run's profile, then its pull (if the run pulls). */
void bk_sync_client_push_next (GTask *task);
void bk_sync_client_pull_start (GTask *task);

/* The photo files of @profile_id (nullable: nothing to carry) up and
 * down, at the end of a sync (bk-sync-client-photos.c); then @next
 * (@task owned). Never fails the sync: what did not go goes next time. */
void bk_sync_client_carry_photos (BkSyncClient *self,
                                  const char *profile_id,
                                  GTask *task,
                                  void (*next) (GTask *task));

G_END_DECLS
