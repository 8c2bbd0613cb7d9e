/* bk-staff-client.h — the help desk's calls to the registration server
 * (docs/protocol.md, the staff endpoints), async on BkHttpClient: nothing
 * waits on the main loop, and nothing is written to this computer (the
 * token and the answers live in memory only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-http-client.h"
#include "bk-staff-listing.h"

G_BEGIN_DECLS

#define BK_TYPE_STAFF_CLIENT (bk_staff_client_get_type ())

G_DECLARE_FINAL_TYPE (BkStaffClient, bk_staff_client, BK, STAFF_CLIENT, GObject)

BkStaffClient *bk_staff_client_new (BkHttpClient *http, const char *server_url);

gboolean bk_staff_client_is_signed_in (BkStaffClient *self);

/* POST /v1/sessions. An account that is not staff is signed out again at
 * once and refused with BK_SYNC_ERROR_REFUSED, server code "not_staff". */
void bk_staff_client_sign_in_async (BkStaffClient *self,
                                    const char *user_name,
                                    const char *password,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean bk_staff_client_sign_in_finish (BkStaffClient *self, GAsyncResult *result, GError **error);

/* DELETE /v1/sessions/current; the token is forgotten at once, whatever
 * the server answers. */
void bk_staff_client_sign_out (BkStaffClient *self);

/* GET /v1/staff/applications: @queue one of bk_staff_queues, "all" (every
 * application of the point) or NULL (every queued one). The answer is
 * read on a worker thread. */
void bk_staff_client_list_async (BkStaffClient *self,
                                 const char *queue,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
BkStaffListing *
bk_staff_client_list_finish (BkStaffClient *self, GAsyncResult *result, GError **error);

/* GET /v1/staff/application?id=: {id, version, queue, application, records}. */
void bk_staff_client_read_async (BkStaffClient *self,
                                 const char *application_id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);

/* POST /v1/staff/decisions: @decision "pass", "fail" or "more-proofs";
 * @reason a reason code; @text nullable (required with "other"). The
 * answer: {application_id, state, version, queue}. */
void bk_staff_client_decide_async (BkStaffClient *self,
                                   const char *application_id,
                                   gint64 version,
                                   const char *decision,
                                   const char *reason,
                                   const char *text,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);

/* POST /v1/staff/payments (@amount_yuan e.g. "136.00"). */
void bk_staff_client_pay_async (BkStaffClient *self,
                                const char *application_id,
                                gint64 version,
                                const char *receipt,
                                const char *amount_yuan,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);

/* GET /v1/staff/tickets: {session_id, point_code, tickets: […]}. */
void bk_staff_client_tickets_async (BkStaffClient *self,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);

/* The answer of _read, _decide, _pay or _tickets (transfer full). */
JsonObject *
bk_staff_client_object_finish (BkStaffClient *self, GAsyncResult *result, GError **error);

/* GET /v1/proofs/{id}/file: the bytes; *@content_type (nullable) the
 * server's sniffed type ("image/jpeg" or "application/pdf"). */
void bk_staff_client_download_proof_async (BkStaffClient *self,
                                           const char *proof_id,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
GBytes *bk_staff_client_download_proof_finish (BkStaffClient *self,
                                               GAsyncResult *result,
                                               char **content_type,
                                               GError **error);

/* GET /v1/photos/{id}/file: the candidate's photo (a JPEG), in memory
 * only; not_found (BK_SYNC_ERROR_REFUSED) when the server has no file or
 * the application is not at the staff member's point. */
void bk_staff_client_download_photo_async (BkStaffClient *self,
                                           const char *photo_id,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
GBytes *
bk_staff_client_download_photo_finish (BkStaffClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
