/* bk-sync-client-sign-up.c — a new candidate's account: register, then
 * sign in; when the server cannot be reached, the details wait in memory
 * for the next sync
 *
 * Part of BkSyncClient (declared in bk-sync-client.h); shares only
 * bk-sync-client-private.h. The password waits in memory only, for this
 * run, and is wiped when the sign-up is done or forgotten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-sync-client-private.h"
#include "bk-sync-error.h"

struct _BkSyncSignUp
{
  char *real_name;
  char *id_type;
  char *id_number;
  char *mobile;
  char *user_name;
  char *password;
};

void
bk_sync_sign_up_free (BkSyncSignUp *sign_up)
{
  if (sign_up == NULL)
    return;
  g_free (sign_up->real_name);
  g_free (sign_up->id_type);
  g_free (sign_up->id_number);
  g_free (sign_up->mobile);
  g_free (sign_up->user_name);
  if (sign_up->password != NULL)
    memset (sign_up->password, 0, strlen (sign_up->password));
  g_free (sign_up->password);
  g_free (sign_up);
}

static BkSyncSignUp *
sign_up_new (const char *real_name,
             const char *id_type,
             const char *id_number,
             const char *mobile,
             const char *user_name,
             const char *password)
{
  BkSyncSignUp *sign_up = g_new0 (BkSyncSignUp, 1);

  sign_up->real_name = g_strdup (real_name);
  sign_up->id_type = g_strdup (id_type);
  sign_up->id_number = g_strdup (id_number);
  sign_up->mobile = g_strdup (mobile);
  sign_up->user_name = g_strdup (user_name);
  sign_up->password = g_strdup (password);
  return sign_up;
}

static BkSyncSignUp *
sign_up_copy (const BkSyncSignUp *from)
{
  return sign_up_new (from->real_name, from->id_type, from->id_number, from->mobile,
                      from->user_name, from->password);
}

/* One attempt: register, then sign in. Its task's data is the sign-up. */

static void
attempt_failed (GTask *task, GError *error)
{
  BkSyncClient *self = g_task_get_source_object (task);

  /* Cancelled: the waiting sign-up (if any) stays as it was. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    bk_sync_client_set_pending_sign_up (
      self, bk_sync_error_is_transient (error) ? sign_up_copy (g_task_get_task_data (task)) : NULL);
  g_task_return_error (task, error);
}

static void
attempt_signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!bk_sync_client_sign_in_finish (BK_SYNC_CLIENT (source), result, &error))
    {
      attempt_failed (task, error);
      return;
    }
  bk_sync_client_set_pending_sign_up (BK_SYNC_CLIENT (source), NULL);
  g_task_return_boolean (task, TRUE);
}

static void
attempt_registered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  BkSyncSignUp *sign_up = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (!bk_sync_client_register_finish (BK_SYNC_CLIENT (source), result, &error))
    {
      attempt_failed (task, error);
      return;
    }
  /* The same answer whether or not the details were taken: the sign-in
   * tells (wrong_credentials when someone else has them). */
  cancellable = g_task_get_cancellable (task);
  bk_sync_client_sign_in_async (BK_SYNC_CLIENT (source), sign_up->user_name, sign_up->password,
                                cancellable, attempt_signed_in_cb, g_steal_pointer (&task));
}

/* @sign_up: taken. */
static void
attempt_async (BkSyncClient *self,
               BkSyncSignUp *sign_up,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, attempt_async);
  g_task_set_task_data (task, sign_up, (GDestroyNotify) bk_sync_sign_up_free);
  bk_sync_client_register_async (self, sign_up->real_name, sign_up->id_type, sign_up->id_number,
                                 sign_up->mobile, sign_up->user_name, sign_up->password,
                                 cancellable, attempt_registered_cb, task);
}

/* The waiting sign-up, before a sync */

typedef struct
{
  GTask *task;
  void (*next) (GTask *);
} Pending;

static void
pending_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *pending = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    pending->next (pending->task);
  else
    {
      g_task_return_error (pending->task, error);
      g_object_unref (pending->task);
    }
  g_free (pending);
}

void
bk_sync_client_run_pending_sign_up (BkSyncClient *self, GTask *task, void (*next) (GTask *))
{
  Pending *pending = g_new0 (Pending, 1);

  pending->task = task;
  pending->next = next;
  attempt_async (self, sign_up_copy (bk_sync_client_get_pending_sign_up (self)),
                 g_task_get_cancellable (task), pending_done_cb, pending);
}

/* Public API */

static void
signed_up_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
bk_sync_client_sign_up_async (BkSyncClient *self,
                              const char *real_name,
                              const char *id_type,
                              const char *id_number,
                              const char *mobile,
                              const char *user_name,
                              const char *password,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (user_name != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_sync_client_sign_up_async);
  attempt_async (self, sign_up_new (real_name, id_type, id_number, mobile, user_name, password),
                 cancellable, signed_up_cb, task);
}

gboolean
bk_sync_client_sign_up_finish (BkSyncClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_sync_client_sign_up_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
bk_sync_client_get_signing_up (BkSyncClient *self)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (self), FALSE);

  return bk_sync_client_get_pending_sign_up (self) != NULL;
}
