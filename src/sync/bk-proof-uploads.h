/* bk-proof-uploads.h — the queue of proof files to send to the server:
 * each proof whose bytes the server has not acknowledged is uploaded, one
 * after the other; what could not go (offline, the record not pushed yet)
 * stays queued in the store for the next run, so nothing is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-sync-client.h"

G_BEGIN_DECLS

#define BK_TYPE_PROOF_UPLOADS (bk_proof_uploads_get_type ())

G_DECLARE_FINAL_TYPE (BkProofUploads, bk_proof_uploads, BK, PROOF_UPLOADS, GObject)

/* Properties (notify on change): "running" (gboolean), "total" (guint:
 * files this run has to send), "sent" (guint: of them, sent so far),
 * "fraction" (double: with the file on its way, 0 to 1),
 * "problem" (a translated sentence saying why the rest wait and what to
 * do; NULL when all went). Signal "finished" when a run ends. */
BkProofUploads *bk_proof_uploads_new (BkSyncClient *client);

/* Sends the files of @proofs (BkProofEntry with bytes) the server does
 * not have yet; a run on its way finishes first, then this one runs. */
void bk_proof_uploads_run (BkProofUploads *self, GListModel *proofs);
gboolean bk_proof_uploads_get_running (BkProofUploads *self);
guint bk_proof_uploads_get_total (BkProofUploads *self);
guint bk_proof_uploads_get_sent (BkProofUploads *self);
/* How much of the run's bytes have gone, file by file: 0 to 1. */
double bk_proof_uploads_get_fraction (BkProofUploads *self);
const char *bk_proof_uploads_get_problem (BkProofUploads *self);
/* Stops the run on its way (the profile closes): what is left stays queued. */
void bk_proof_uploads_cancel (BkProofUploads *self);

G_END_DECLS
