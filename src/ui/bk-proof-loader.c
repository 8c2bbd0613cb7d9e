/* bk-proof-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-proof-entry.h"
#include "bk-proof-loader.h"

struct _BkProofLoader
{
  GObject parent_instance;

  BkExamApplication *application; /* the one proofs go to now */
  GCancellable *loads;            /* the reads for @application; NULL when none started */
};

G_DEFINE_FINAL_TYPE (BkProofLoader, bk_proof_loader, G_TYPE_OBJECT)

enum
{
  ADDED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A proof is a scan or a PDF of a certificate: a few hundred kilobytes to
 * a few megabytes. Above this the file is not read at all (a help-desk PC
 * must not hold a whole disk image in memory) and the candidate is told. */
#define PROOF_MAX_SIZE (10 * 1000 * 1000)

/* One file being read for one application. The read is cancelled when
 * the page moves to another profile or application (the help desk opens
 * the next candidate), and the result is attached only to the application
 * it was chosen for. */
typedef struct
{
  BkProofLoader *self;
  BkExamApplication *application;
  GCancellable *cancellable;
  GFile *file;
  char *kind;
  char *file_name;
} ProofLoad;

static void
proof_load_free (ProofLoad *load)
{
  g_object_unref (load->self);
  g_object_unref (load->application);
  g_object_unref (load->cancellable);
  g_object_unref (load->file);
  g_free (load->kind);
  g_free (load->file_name);
  g_free (load);
}

static gboolean
proof_load_is_current (ProofLoad *load)
{
  return !g_cancellable_is_cancelled (load->cancellable) &&
         load->application == load->self->application;
}

static void
proof_unreadable (ProofLoad *load, const GError *error)
{
  g_autofree char *message = g_strdup_printf (
    /* TRANSLATORS: %s is a file name, then the system's reason */
    _ ("“%s” could not be read (%s). Choose the file again, or another copy of it."),
    load->file_name, error->message);

  g_signal_emit (load->self, signals[FAILED], 0, message);
}

static void
proof_too_large (ProofLoad *load, goffset size)
{
  g_autofree char *actual = g_format_size (size);
  g_autofree char *limit = g_format_size (PROOF_MAX_SIZE);
  g_autofree char *message = g_strdup_printf (
    /* TRANSLATORS: a file name, its size and the largest size allowed, e.g.
     * "“scan.pdf” is 24.3 MB; a proof may be at most 10.0 MB. …" */
    _ ("“%s” is %s; a proof may be at most %s. Scan it again at a lower resolution, or save it "
       "as a smaller PDF or JPEG, then add that file."),
    load->file_name, actual, limit);

  g_signal_emit (load->self, signals[FAILED], 0, message);
}

static void
proof_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ProofLoad *load = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (!proof_load_is_current (load))
    ; /* another candidate's or application's now: nothing to add or say */
  else if (bytes == NULL)
    proof_unreadable (load, error);
  else if (g_bytes_get_size (bytes) > PROOF_MAX_SIZE)
    proof_too_large (load, g_bytes_get_size (bytes)); /* it grew since we looked */
  else
    {
      g_autoptr (BkProofEntry) proof = bk_proof_entry_new (load->kind, load->file_name, bytes);

      bk_exam_application_add_proof (load->application, proof);
      g_signal_emit (load->self, signals[ADDED], 0);
    }
  proof_load_free (load);
}

static void
proof_measured_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ProofLoad *load = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, &error);

  if (!proof_load_is_current (load))
    proof_load_free (load);
  else if (info == NULL)
    {
      proof_unreadable (load, error);
      proof_load_free (load);
    }
  else if (g_file_info_get_size (info) > PROOF_MAX_SIZE)
    {
      proof_too_large (load, g_file_info_get_size (info));
      proof_load_free (load);
    }
  else
    g_file_load_bytes_async (load->file, load->cancellable, proof_loaded_cb, load);
}

static void
bk_proof_loader_dispose (GObject *object)
{
  BkProofLoader *self = BK_PROOF_LOADER (object);

  bk_proof_loader_cancel (self);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bk_proof_loader_parent_class)->dispose (object);
}

static void
bk_proof_loader_class_init (BkProofLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_proof_loader_dispose;

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_proof_loader_init (BkProofLoader *self)
{
}

BkProofLoader *
bk_proof_loader_new (void)
{
  return g_object_new (BK_TYPE_PROOF_LOADER, NULL);
}

void
bk_proof_loader_set_application (BkProofLoader *self, BkExamApplication *application)
{
  g_return_if_fail (BK_IS_PROOF_LOADER (self));
  g_return_if_fail (application == NULL || BK_IS_EXAM_APPLICATION (application));

  if (self->application != application)
    bk_proof_loader_cancel (self);
  g_set_object (&self->application, application);
}

void
bk_proof_loader_cancel (BkProofLoader *self)
{
  g_return_if_fail (BK_IS_PROOF_LOADER (self));

  g_cancellable_cancel (self->loads);
  g_clear_object (&self->loads);
}

void
bk_proof_loader_add_file (BkProofLoader *self, const char *kind, GFile *file)
{
  ProofLoad *load;

  g_return_if_fail (BK_IS_PROOF_LOADER (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->application != NULL);

  if (self->loads == NULL)
    self->loads = g_cancellable_new ();
  load = g_new0 (ProofLoad, 1);
  load->self = g_object_ref (self);
  load->application = g_object_ref (self->application);
  load->cancellable = g_object_ref (self->loads);
  load->file = g_object_ref (file);
  load->kind = g_strdup (kind);
  load->file_name = g_file_get_basename (file);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, load->cancellable, proof_measured_cb, load);
}
