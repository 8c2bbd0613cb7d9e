/* bk-staff-proof-view.h — one proof file shown to the help desk: a JPEG
 * as it is, a PDF's pages rendered with poppler-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BK_TYPE_STAFF_PROOF_VIEW (bk_staff_proof_view_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffProofView, bk_staff_proof_view, BK, STAFF_PROOF_VIEW, GtkWidget)

GtkWidget *bk_staff_proof_view_new (const char *title);

/* Shows @bytes (@content_type "image/jpeg" or "application/pdf"); says
 * what to do when it cannot be shown. Returns the pages shown (1 for an
 * image), 0 on failure. */
guint bk_staff_proof_view_show (BkStaffProofView *self, GBytes *bytes, const char *content_type);
/* Says why the file could not be fetched. */
void bk_staff_proof_view_show_error (BkStaffProofView *self, const char *message);

G_END_DECLS
