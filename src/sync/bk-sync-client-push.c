/* bk-sync-client-push.c — BkSyncClient's push: the outbox in batches
 * under idempotency keys, each answer settled in the store
 *
 * Part of BkSyncClient (bk-sync-client.c); shares only
 * bk-sync-client-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-client-private.h"
#include "bk-sync-error.h"
#include "bk-sync-protocol.h"

static void
settled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!bk_store_settle_outbox_finish (BK_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  run->pushed += run->batch->entries->len;
  g_clear_pointer (&run->batch, bk_outbox_batch_free);
  bk_sync_client_push_next (g_steal_pointer (&task));
}

/* The answer to a push, read into its batch (which the run keeps alive). */
typedef struct
{
  BkHttpResponse *response;
  BkOutboxBatch *batch;
} Answer;

static void
answer_free (Answer *answer)
{
  bk_http_response_free (answer->response);
  g_free (answer);
}

static void
read_results_thread (GTask *job, gpointer source, gpointer data, GCancellable *cancellable)
{
  Answer *answer = data;
  GError *error = NULL;

  if (bk_sync_protocol_read_push_results (answer->response, answer->batch, &error))
    g_task_return_boolean (job, TRUE);
  else
    g_task_return_error (job, error);
}

static void
results_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  bk_store_settle_outbox_async (bk_sync_client_get_store (self), run->batch,
                                g_task_get_cancellable (task), settled_cb, g_object_ref (task));
}

static void batch_taken_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* A request the server refused whole as too large (413, nothing
 * applied): sent again in halves, down to one change; one change too
 * large stops the run and names its record. */
static gboolean
split_if_too_large (GTask *task, GError **error)
{
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  g_autofree char *code = bk_sync_error_dup_server_code (*error);
  BkOutboxEntry *first;

  if (g_strcmp0 (code, "body_too_large") != 0)
    return FALSE;
  first = g_ptr_array_index (run->batch->entries, 0);
  if (run->batch->entries->len == 1)
    {
      g_clear_error (error);
      g_set_error (error, BK_SYNC_ERROR, BK_SYNC_ERROR_CHANGE_TOO_LARGE, "%s %s", first->entity,
                   first->entity_id);
      return FALSE;
    }
  g_clear_error (error);
  run->max = run->batch->entries->len / 2;
  g_debug ("a push of %u changes was too large: %u at a time", run->batch->entries->len, run->max);
  g_clear_pointer (&run->batch, bk_outbox_batch_free);
  bk_store_split_outbox_batch_async (bk_sync_client_get_store (self), run->profile_id, run->max,
                                     g_task_get_cancellable (task), batch_taken_cb, task);
  return TRUE;
}

static void
pushed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;
  BkHttpResponse *response = bk_sync_client_read_response (self, result, &error);
  Answer *answer;

  if (response == NULL)
    {
      if (split_if_too_large (task, &error))
        return;
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  answer = g_new0 (Answer, 1);
  answer->response = response;
  answer->batch = run->batch;
  bk_sync_client_off_main_thread (task, answer, (GDestroyNotify) answer_free, read_results_thread,
                                  results_read_cb);
}

static void
build_body_thread (GTask *job, gpointer source, gpointer data, GCancellable *cancellable)
{
  g_task_return_pointer (job, bk_sync_protocol_push_body (data), (GDestroyNotify) g_bytes_unref);
}

static void
body_built_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autofree char *key_header = NULL;
  GError *error = NULL;

  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  key_header = g_strdup_printf ("Idempotency-Key: %s", run->batch->idempotency_key);
  bk_sync_client_send (self, "POST", "/v1/changes",
                       (const char *const[]){ "Content-Type: application/json", key_header, NULL },
                       body, bk_sync_client_get_token (self), task, pushed_cb);
}

static void
batch_taken_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->batch = bk_store_take_outbox_batch_finish (BK_STORE (source), result, &error);
  if (run->batch == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (run->batch->entries->len == 0)
    {
      g_clear_pointer (&run->batch, bk_outbox_batch_free);
      if (run->kind & BK_SYNC_RUN_PULL)
        bk_sync_client_pull_start (g_steal_pointer (&task));
      else
        bk_sync_client_run_done (task);
      return;
    }
  bk_sync_client_off_main_thread (g_steal_pointer (&task), run->batch, NULL, build_body_thread,
                                  body_built_cb);
}

void
bk_sync_client_push_next (GTask *task)
{
  BkSyncClient *self = g_task_get_source_object (task);
  BkSyncRun *run = g_task_get_task_data (task);

  if (run->max == 0)
    run->max = BK_SYNC_CLIENT_PUSH_PAGE;
  bk_store_take_outbox_batch_async (bk_sync_client_get_store (self), run->profile_id, run->max,
                                    g_task_get_cancellable (task), batch_taken_cb, task);
}
