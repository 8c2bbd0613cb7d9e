/* bk-staff-application-view.h — one application as the help desk reviews
 * it: the candidate's data, the photo's check, the eligibility verdict
 * worked out again by core, the proofs, and the decision or payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-staff-client.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_APPLICATION_VIEW (bk_staff_application_view_get_type ())

G_DECLARE_FINAL_TYPE (
  BkStaffApplicationView, bk_staff_application_view, BK, STAFF_APPLICATION_VIEW, GtkWidget)

GtkWidget *bk_staff_application_view_new (BkStaffClient *client);

/* Reads the application from the server and shows it ("loaded" when it
 * is on screen, proofs still coming; "proof-shown" for each proof shown;
 * "moved" after a decision or a payment the server took). */
void bk_staff_application_view_open (BkStaffApplicationView *self, const char *application_id);
/* The application shown or being read, or NULL. */
const char *bk_staff_application_view_get_application_id (BkStaffApplicationView *self);
/* Forgets everything shown; says to choose an application. */
void bk_staff_application_view_clear (BkStaffApplicationView *self);

G_END_DECLS
