/* bk-photo-transfer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-photo-transfer.h"

G_DEFINE_BOXED_TYPE (BkPhotoTransfer,
                     bk_photo_transfer,
                     bk_photo_transfer_copy,
                     bk_photo_transfer_free)

BkPhotoTransfer *
bk_photo_transfer_new (gboolean download, const char *id, const char *kind)
{
  BkPhotoTransfer *self;

  g_return_val_if_fail (id != NULL && kind != NULL, NULL);

  self = g_new0 (BkPhotoTransfer, 1);
  self->download = download;
  self->id = g_strdup (id);
  self->kind = g_strdup (kind);
  return self;
}

BkPhotoTransfer *
bk_photo_transfer_copy (const BkPhotoTransfer *self)
{
  BkPhotoTransfer *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_photo_transfer_new (self->download, self->id, self->kind);
  copy->file_name = g_strdup (self->file_name);
  copy->accepted = self->accepted;
  copy->version = self->version;
  copy->sha256 = g_strdup (self->sha256);
  copy->bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  return copy;
}

void
bk_photo_transfer_free (BkPhotoTransfer *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->kind);
  g_free (self->file_name);
  g_free (self->sha256);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}
