/* bk-http-client.h — HTTPS requests on libcurl's multi interface, driven
 * by the GLib main loop: no request ever blocks the loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-http-response.h"

G_BEGIN_DECLS

#define BK_TYPE_HTTP_CLIENT (bk_http_client_get_type ())

G_DECLARE_FINAL_TYPE (BkHttpClient, bk_http_client, BK, HTTP_CLIENT, GObject)

/* HTTPS only, with the peer's certificate and host name always verified
 * (against the system's CAs, or "ca-file" alone when set); compressed
 * answers accepted; no redirects followed. Timeouts: "connect-timeout"
 * seconds to connect (TLS included), and an answer that moves less than
 * one byte a second for "low-speed-time" seconds is abandoned
 * (BK_SYNC_ERROR_TIMEOUT). A body over "max-body-bytes" is abandoned as
 * it arrives (BK_SYNC_ERROR_TOO_LARGE).
 *
 * Use a client from the thread whose thread-default main context was
 * current when it was made; callbacks run there. */
BkHttpClient *bk_http_client_new (void);

const char *bk_http_client_get_ca_file (BkHttpClient *self);
/* @ca_file: a PEM file of the CA(s) to trust instead of the system's; NULL for the system's. */
void bk_http_client_set_ca_file (BkHttpClient *self, const char *ca_file);
void bk_http_client_set_timeouts (BkHttpClient *self, guint connect_timeout, guint low_speed_time);
void bk_http_client_set_max_body_bytes (BkHttpClient *self, guint64 max_body_bytes);

/* Sends @method (GET, POST, PUT, DELETE) to @url with @headers ("Name: value",
 * NULL-terminated; nullable) and @body (nullable; sent as is). Any HTTP
 * status is a response; errors are the transport's (BK_SYNC_ERROR_NETWORK,
 * _CERTIFICATE, _TIMEOUT, _TOO_LARGE, _ADDRESS, _PROTOCOL) or
 * G_IO_ERROR_CANCELLED. */
void bk_http_client_request_async (BkHttpClient *self,
                                   const char *method,
                                   const char *url,
                                   const char *const *headers,
                                   GBytes *body,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
/* How much of a request's body has gone: @sent of @total bytes. Called
 * on the client's thread while the transfer runs. */
typedef void (*BkHttpProgressFunc) (guint64 sent, guint64 total, gpointer data);

/* As bk_http_client_request_async(), telling @progress (nullable) how the
 * body goes out (a file upload). */
void bk_http_client_request_full_async (BkHttpClient *self,
                                        const char *method,
                                        const char *url,
                                        const char *const *headers,
                                        GBytes *body,
                                        BkHttpProgressFunc progress,
                                        gpointer progress_data,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
BkHttpResponse *
bk_http_client_request_finish (BkHttpClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
