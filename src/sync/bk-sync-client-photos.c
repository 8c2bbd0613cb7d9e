/* bk-sync-client-photos.c — part of BkSyncClient: the profile's photo
 * files, carried at the end of each sync once push and pull have met
 *
 * A photo record travels in the change feed like any other, but not its
 * bytes. So after the pull, each local photo the server has not
 * acknowledged is uploaded (PUT /v1/photos/{id}/file: the server checks
 * it again and writes its verdict into the record), and each photo of
 * the server's this store lacks, or holds older bytes of, is downloaded
 * and kept as the local photo (bk-store-photos.h says when a photo here
 * is newer and stays). A second computer signed in to the account so
 * gets the photo with the profile.
 *
 * A file that cannot be carried now (the record not on the server yet,
 * the file never uploaded, the network gone) does not fail the sync: the
 * next sync tries again. A photo the server refused is noted as answered,
 * so the same bytes are not sent again and again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-store-photos.h"
#include "bk-store-uploads.h"
#include "bk-sync-client-files.h"
#include "bk-sync-client-private.h"
#include "bk-sync-error.h"

typedef struct
{
  GTask *task; /* the sync's, owned */
  void (*next) (GTask *task);
  char *profile_id;
  GPtrArray *transfers;
  guint index;
} Carry;

static void
carry_free (Carry *carry)
{
  g_free (carry->profile_id);
  g_clear_pointer (&carry->transfers, g_ptr_array_unref);
  g_free (carry);
}

static void carry_next (Carry *carry);

static void
carry_done (Carry *carry)
{
  GTask *task = g_steal_pointer (&carry->task);
  void (*next) (GTask *) = carry->next;

  carry_free (carry);
  next (task);
}

/* Why a transfer did not go; it goes again at the next sync. */
static void
skip (Carry *carry, GError *error)
{
  BkPhotoTransfer *transfer = g_ptr_array_index (carry->transfers, carry->index);

  g_debug ("photo %s not %s now: %s", transfer->id, transfer->download ? "downloaded" : "uploaded",
           error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      bk_sync_error_is_transient (error) ||
      g_error_matches (error, BK_SYNC_ERROR, BK_SYNC_ERROR_NOT_SIGNED_IN))
    carry->index = carry->transfers->len; /* the server is away: the rest later */
  else
    carry->index++;
  g_error_free (error);
  carry_next (carry);
}

static void
step_done (Carry *carry)
{
  carry->index++;
  carry_next (carry);
}

static void
marked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Carry *carry = user_data;
  GError *error = NULL;

  if (!bk_store_mark_uploaded_finish (BK_STORE (source), result, &error))
    skip (carry, error);
  else
    step_done (carry);
}

static void
uploaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Carry *carry = user_data;
  BkSyncClient *self = BK_SYNC_CLIENT (source);
  BkPhotoTransfer *transfer = g_ptr_array_index (carry->transfers, carry->index);
  GError *error = NULL;
  g_autofree char *code = NULL;

  if (!bk_sync_client_upload_photo_finish (self, result, &error))
    {
      code = bk_sync_error_dup_server_code (error);
      if (g_strcmp0 (code, "photo_refused") != 0)
        {
          skip (carry, error);
          return;
        }
      /* Answered: the same bytes would be refused again. */
      g_debug ("photo %s refused by the server: %s", transfer->id, error->message);
      g_error_free (error);
    }
  bk_store_mark_uploaded_async (bk_sync_client_get_store (self), transfer->id, transfer->sha256,
                                g_task_get_cancellable (carry->task), marked_cb, carry);
}

static void
kept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Carry *carry = user_data;
  GError *error = NULL;

  if (!bk_store_keep_downloaded_photo_finish (BK_STORE (source), result, NULL, &error))
    skip (carry, error);
  else
    step_done (carry);
}

static void
downloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Carry *carry = user_data;
  BkSyncClient *self = BK_SYNC_CLIENT (source);
  BkPhotoTransfer *transfer = g_ptr_array_index (carry->transfers, carry->index);
  GError *error = NULL;
  g_autoptr (GBytes) bytes = bk_sync_client_download_photo_finish (self, result, &error);

  if (bytes == NULL)
    {
      skip (carry, error);
      return;
    }
  bk_store_keep_downloaded_photo_async (bk_sync_client_get_store (self), carry->profile_id,
                                        transfer, bytes, g_task_get_cancellable (carry->task),
                                        kept_cb, carry);
}

static void
carry_next (Carry *carry)
{
  BkSyncClient *self = g_task_get_source_object (carry->task);
  BkPhotoTransfer *transfer;

  if (carry->index >= carry->transfers->len)
    {
      carry_done (carry);
      return;
    }
  transfer = g_ptr_array_index (carry->transfers, carry->index);
  if (transfer->download)
    bk_sync_client_download_photo_async (self, transfer->id, g_task_get_cancellable (carry->task),
                                         downloaded_cb, carry);
  else
    bk_sync_client_upload_photo_async (self, transfer->id, transfer->bytes,
                                       g_task_get_cancellable (carry->task), uploaded_cb, carry);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Carry *carry = user_data;
  g_autoptr (GError) error = NULL;

  carry->transfers = bk_store_list_photo_transfers_finish (BK_STORE (source), result, &error);
  if (carry->transfers == NULL)
    {
      g_debug ("the photos to carry could not be read: %s", error->message);
      carry->transfers = g_ptr_array_new ();
    }
  carry_next (carry);
}

void
bk_sync_client_carry_photos (BkSyncClient *self,
                             const char *profile_id,
                             GTask *task,
                             void (*next) (GTask *task))
{
  Carry *carry;

  g_return_if_fail (BK_IS_SYNC_CLIENT (self));
  g_return_if_fail (G_IS_TASK (task) && next != NULL);

  if (profile_id == NULL || bk_sync_client_get_token (self) == NULL)
    {
      next (task);
      return;
    }
  carry = g_new0 (Carry, 1);
  carry->task = task;
  carry->next = next;
  carry->profile_id = g_strdup (profile_id);
  bk_store_list_photo_transfers_async (bk_sync_client_get_store (self), profile_id,
                                       g_task_get_cancellable (task), listed_cb, carry);
}
