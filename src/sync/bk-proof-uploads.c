/* bk-proof-uploads.c
 *
 * The store keeps, per proof, the SHA-256 of the bytes the server
 * acknowledged (bk-store-uploads.h): a proof is queued while its bytes'
 * hash differs, so a file changed after an upload goes again and an
 * upload cut off goes again. The server keeps nothing twice (the same
 * bytes change nothing), so sending once more is harmless.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-proof-entry.h"
#include "bk-proof-uploads.h"
#include "bk-store-uploads.h"
#include "bk-sync-client-files.h"
#include "bk-sync-error.h"
#include "bk-sync-messages.h"

struct _BkProofUploads
{
  GObject parent_instance;

  BkSyncClient *client;
  GCancellable *cancellable;
  GPtrArray *queue;  /* of BkProofEntry (snapshots) still to look at */
  GListModel *again; /* a run asked for while one was on its way */
  guint total;
  guint sent;
  double current; /* how much of the file on its way has gone, 0 to 1 */
  gboolean running;
  char *problem;
};

G_DEFINE_FINAL_TYPE (BkProofUploads, bk_proof_uploads, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_TOTAL,
  PROP_SENT,
  PROP_FRACTION,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void next (BkProofUploads *self);

static void
set_uint (BkProofUploads *self, guint *field, guint value, int prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* A percent at a time: curl tells progress far more often. */
static void
set_current (BkProofUploads *self, double current)
{
  if ((int) (current * 100) == (int) (self->current * 100))
    {
      self->current = current;
      return;
    }
  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
progress_cb (guint64 sent, guint64 total, gpointer data)
{
  set_current (data, total > 0 ? (double) sent / total : 0);
}

static void
set_problem (BkProofUploads *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
set_running (BkProofUploads *self, gboolean running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
finish (BkProofUploads *self, const char *problem)
{
  g_autoptr (GListModel) again = g_steal_pointer (&self->again);

  g_ptr_array_set_size (self->queue, 0);
  set_problem (self, problem);
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0);
  if (again != NULL)
    bk_proof_uploads_run (self, again);
}

/* Why the rest wait: the application's records have not reached the
 * server yet (the proof is "not found" there), or a sync's error. */
static char *
describe_failure (const GError *error)
{
  g_autofree char *code = bk_sync_error_dup_server_code (error);
  g_autofree char *cause = NULL;

  if (g_strcmp0 (code, "not_found") == 0)
    return g_strdup (_ ("Your files wait for the application’s records to reach the server; "
                        "they are sent with the next sync."));
  if (g_strcmp0 (code, "unsupported_file_type") == 0 || g_strcmp0 (code, "invalid_file") == 0)
    return g_strdup (_ ("The server did not accept a file: it must be a JPEG or a whole PDF. "
                        "Remove it and add the file again as a scan or a PDF."));
  if (g_strcmp0 (code, "body_too_large") == 0)
    return g_strdup (_ ("A file is over 8 MB, the server’s limit. Remove it and add a smaller "
                        "scan."));
  cause = bk_sync_messages_describe (error);
  /* TRANSLATORS: %s says why the server could not be reached and what to do */
  return g_strdup_printf (_ ("Your files are kept and sent with the next sync. %s"), cause);
}

static void
marked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkProofUploads) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_store_mark_uploaded_finish (BK_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("A sent proof could not be marked sent: %s", error->message);
    }
  set_current (self, 0);
  set_uint (self, &self->sent, self->sent + 1, PROP_SENT);
  g_ptr_array_remove_index (self->queue, 0);
  next (self);
}

static void
uploaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkProofUploads) self = user_data;
  g_autoptr (GError) error = NULL;
  BkProofEntry *proof;
  g_autofree char *sha256 = NULL;

  if (!bk_sync_client_upload_proof_finish (self->client, result, &error))
    {
      g_autofree char *problem = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                   ? NULL
                                   : describe_failure (error);

      finish (self, problem);
      return;
    }
  proof = g_ptr_array_index (self->queue, 0);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bk_proof_entry_get_bytes (proof));
  bk_store_mark_uploaded_async (bk_sync_client_get_store (self->client),
                                bk_proof_entry_get_id (proof), sha256, NULL, marked_cb,
                                g_object_ref (self));
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkProofUploads) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *sent = bk_store_read_uploaded_finish (BK_STORE (source), result, &error);
  BkProofEntry *proof;
  g_autofree char *sha256 = NULL;

  if (error != NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                      ? NULL
                      : _ ("Baokao cannot read its own records of the files sent. Restart it; "
                           "your files are kept."));
      return;
    }
  proof = g_ptr_array_index (self->queue, 0);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bk_proof_entry_get_bytes (proof));
  if (g_strcmp0 (sent, sha256) == 0)
    {
      set_uint (self, &self->total, self->total - 1, PROP_TOTAL);
      g_ptr_array_remove_index (self->queue, 0);
      next (self);
      return;
    }
  bk_sync_client_upload_proof_async (self->client, bk_proof_entry_get_id (proof),
                                     bk_proof_entry_get_bytes (proof), progress_cb, self,
                                     self->cancellable, uploaded_cb, g_object_ref (self));
}

static void
next (BkProofUploads *self)
{
  BkProofEntry *proof;

  if (self->queue->len == 0)
    {
      finish (self, NULL);
      return;
    }
  proof = g_ptr_array_index (self->queue, 0);
  bk_store_read_uploaded_async (bk_sync_client_get_store (self->client),
                                bk_proof_entry_get_id (proof), self->cancellable, checked_cb,
                                g_object_ref (self));
}

void
bk_proof_uploads_run (BkProofUploads *self, GListModel *proofs)
{
  guint n;

  g_return_if_fail (BK_IS_PROOF_UPLOADS (self));
  g_return_if_fail (G_IS_LIST_MODEL (proofs));

  if (self->running)
    {
      g_set_object (&self->again, proofs);
      return;
    }
  n = g_list_model_get_n_items (proofs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (proofs, i);

      if (bk_proof_entry_get_bytes (proof) != NULL)
        g_ptr_array_add (self->queue, bk_proof_entry_dup (proof));
    }
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->current = 0;
  set_uint (self, &self->sent, 0, PROP_SENT);
  set_uint (self, &self->total, self->queue->len, PROP_TOTAL);
  set_running (self, TRUE);
  next (self);
}

void
bk_proof_uploads_cancel (BkProofUploads *self)
{
  g_return_if_fail (BK_IS_PROOF_UPLOADS (self));

  g_clear_object (&self->again);
  g_cancellable_cancel (self->cancellable);
}

gboolean
bk_proof_uploads_get_running (BkProofUploads *self)
{
  g_return_val_if_fail (BK_IS_PROOF_UPLOADS (self), FALSE);
  return self->running;
}

guint
bk_proof_uploads_get_total (BkProofUploads *self)
{
  g_return_val_if_fail (BK_IS_PROOF_UPLOADS (self), 0);
  return self->total;
}

guint
bk_proof_uploads_get_sent (BkProofUploads *self)
{
  g_return_val_if_fail (BK_IS_PROOF_UPLOADS (self), 0);
  return self->sent;
}

double
bk_proof_uploads_get_fraction (BkProofUploads *self)
{
  g_return_val_if_fail (BK_IS_PROOF_UPLOADS (self), 0);

  return self->total > 0 ? MIN (1.0, (self->sent + self->current) / self->total) : 1.0;
}

const char *
bk_proof_uploads_get_problem (BkProofUploads *self)
{
  g_return_val_if_fail (BK_IS_PROOF_UPLOADS (self), NULL);
  return self->problem;
}

BkProofUploads *
bk_proof_uploads_new (BkSyncClient *client)
{
  g_return_val_if_fail (BK_IS_SYNC_CLIENT (client), NULL);

  return g_object_new (BK_TYPE_PROOF_UPLOADS, "client", client, NULL);
}

static void
bk_proof_uploads_finalize (GObject *object)
{
  BkProofUploads *self = BK_PROOF_UPLOADS (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->again);
  g_ptr_array_unref (self->queue);
  g_free (self->problem);

  G_OBJECT_CLASS (bk_proof_uploads_parent_class)->finalize (object);
}

static void
bk_proof_uploads_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkProofUploads *self = BK_PROOF_UPLOADS (object);

  switch (prop_id)
    {
      case PROP_RUNNING:
        g_value_set_boolean (value, self->running);
        break;
      case PROP_TOTAL:
        g_value_set_uint (value, self->total);
        break;
      case PROP_SENT:
        g_value_set_uint (value, self->sent);
        break;
      case PROP_FRACTION:
        g_value_set_double (value, bk_proof_uploads_get_fraction (self));
        break;
      case PROP_PROBLEM:
        g_value_set_string (value, self->problem);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_proof_uploads_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  BkProofUploads *self = BK_PROOF_UPLOADS (object);

  if (prop_id == N_PROPS)
    self->client = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bk_proof_uploads_class_init (BkProofUploadsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_proof_uploads_finalize;
  object_class->get_property = bk_proof_uploads_get_property;
  object_class->set_property = bk_proof_uploads_set_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_SENT] = g_param_spec_uint ("sent", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 1,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The client, construct-only, outside properties[] (nothing notifies it). */
  g_object_class_install_property (
    object_class, N_PROPS,
    g_param_spec_object ("client", NULL, NULL, BK_TYPE_SYNC_CLIENT,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bk_proof_uploads_init (BkProofUploads *self)
{
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}
