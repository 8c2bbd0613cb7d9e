/* bk-http-response.h — what the server answered to one request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_TYPE_HTTP_RESPONSE (bk_http_response_get_type ())

typedef struct
{
  guint status;       /* the HTTP status */
  GBytes *body;       /* the body, decompressed; never NULL */
  gint64 retry_after; /* seconds from Retry-After; -1 without one */
  char *content_type; /* nullable */
} BkHttpResponse;

GType bk_http_response_get_type (void) G_GNUC_CONST;

BkHttpResponse *bk_http_response_new (void);
BkHttpResponse *bk_http_response_copy (const BkHttpResponse *self);
void bk_http_response_free (BkHttpResponse *self);

/* Parses a Retry-After value: delay-seconds or an HTTP date; -1 if neither. */
gint64 bk_http_response_parse_retry_after (const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkHttpResponse, bk_http_response_free)

G_END_DECLS
