/* bk-status-proofs.h — the Status step's proofs the server asks for: the
 * candidate adds files (images or PDF) and sees them sent, with progress
 * and what to do when they wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-exam-application.h"
#include "bk-proof-uploads.h"

G_BEGIN_DECLS

#define BK_TYPE_STATUS_PROOFS (bk_status_proofs_get_type ())

G_DECLARE_FINAL_TYPE (BkStatusProofs, bk_status_proofs, BK, STATUS_PROOFS, AdwPreferencesGroup)

/* Signals: "added" when a file became a proof of the application (save
 * and sync it); "send-now" when the candidate asks to send the files
 * again; "failed" (const char *message) when a file cannot be added.
 * Action "proofs.add-file" (s: a path) adds a file as the chooser does. */
void bk_status_proofs_set_application (BkStatusProofs *self, BkExamApplication *application);
/* The queue whose progress is shown (nullable: not synced). */
void bk_status_proofs_set_uploads (BkStatusProofs *self, BkProofUploads *uploads);

G_END_DECLS
