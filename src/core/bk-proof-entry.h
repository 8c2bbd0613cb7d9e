/* bk-proof-entry.h — a proof uploaded with an application (work certificate, …)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-record.h"

G_BEGIN_DECLS

/* Kinds of proof (the "kind" property); free text is allowed for others. */
#define BK_PROOF_KIND_WORK_CERTIFICATE                 "work-certificate"
#define BK_PROOF_KIND_EDUCATION_CERTIFICATE            "education-certificate"
#define BK_PROOF_KIND_TITLE_CERTIFICATE                "title-certificate"
#define BK_PROOF_KIND_VERIFICATION_OFFICER_CERTIFICATE "verification-officer-certificate"
#define BK_PROOF_KIND_OTHER                            "other"

#define BK_TYPE_PROOF_ENTRY (bk_proof_entry_get_type ())

G_DECLARE_FINAL_TYPE (BkProofEntry, bk_proof_entry, BK, PROOF_ENTRY, BkRecord)

/* Properties: "id" (construct-only), "version" (gint64), "kind", "file-name"
 * (strings), "bytes" (GBytes). */

BkProofEntry *bk_proof_entry_new (const char *kind, const char *file_name, GBytes *bytes);
BkProofEntry *bk_proof_entry_dup (BkProofEntry *self);

const char *bk_proof_entry_get_id (BkProofEntry *self);
gint64 bk_proof_entry_get_version (BkProofEntry *self);
void bk_proof_entry_set_version (BkProofEntry *self, gint64 version);
const char *bk_proof_entry_get_kind (BkProofEntry *self);
void bk_proof_entry_set_kind (BkProofEntry *self, const char *kind);
const char *bk_proof_entry_get_file_name (BkProofEntry *self);
void bk_proof_entry_set_file_name (BkProofEntry *self, const char *file_name);
GBytes *bk_proof_entry_get_bytes (BkProofEntry *self);
void bk_proof_entry_set_bytes (BkProofEntry *self, GBytes *bytes);

/* Translated name of a kind, e.g. "Work certificate"; the kind itself if unknown. */
const char *bk_proof_kind_get_display_name (const char *kind);

/* Outbox payload: metadata, size and SHA-256 of the bytes (not the bytes). */
char *bk_proof_entry_to_json (BkProofEntry *self);

G_END_DECLS
