/* bk-proof-loader.h — reads the proof files a candidate adds to their
 * application, off the main loop, each at most 10 MB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-exam-application.h"

G_BEGIN_DECLS

#define BK_TYPE_PROOF_LOADER (bk_proof_loader_get_type ())

G_DECLARE_FINAL_TYPE (BkProofLoader, bk_proof_loader, BK, PROOF_LOADER, GObject)

/* Signals: "added" once a proof is in the application; "failed" (const
 * char *message) when a file cannot be added, saying what to do. */
BkProofLoader *bk_proof_loader_new (void);
/* The application proofs are added to; another one cancels the reads. */
void bk_proof_loader_set_application (BkProofLoader *self, BkExamApplication *application);
/* Stops every read under way: none of them adds a proof or fails. */
void bk_proof_loader_cancel (BkProofLoader *self);
/* Reads @file and adds it, as a proof of @kind (BK_PROOF_KIND_…). */
void bk_proof_loader_add_file (BkProofLoader *self, const char *kind, GFile *file);

G_END_DECLS
