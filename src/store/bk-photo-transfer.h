/* bk-photo-transfer.h — one photo file to carry between the store and the
 * server: the local bytes of a photo record the server does not have yet
 * (an upload), or the server's file of a record this store lacks or holds
 * older bytes of (a download)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BK_TYPE_PHOTO_TRANSFER (bk_photo_transfer_get_type ())

typedef struct
{
  gboolean download; /* TRUE: fetch the server's file; FALSE: upload @bytes */
  char *id;          /* the photo record's UUID */
  char *kind;        /* "original" or "standardised" */
  char *file_name;   /* as the candidate chose it */
  gboolean accepted; /* the record's accepted flag */
  gint64 version;    /* a download: the server's version of the record */
  char *sha256;      /* a download: the server's; an upload: of @bytes */
  GBytes *bytes;     /* an upload: the local file; NULL for a download */
} BkPhotoTransfer;

GType bk_photo_transfer_get_type (void) G_GNUC_CONST;

BkPhotoTransfer *bk_photo_transfer_new (gboolean download, const char *id, const char *kind);
BkPhotoTransfer *bk_photo_transfer_copy (const BkPhotoTransfer *self);
void bk_photo_transfer_free (BkPhotoTransfer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPhotoTransfer, bk_photo_transfer_free)

G_END_DECLS
