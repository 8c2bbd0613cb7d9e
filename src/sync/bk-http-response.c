/* bk-http-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <curl/curl.h>

#include "bk-http-response.h"

G_DEFINE_BOXED_TYPE (BkHttpResponse, bk_http_response, bk_http_response_copy, bk_http_response_free)

BkHttpResponse *
bk_http_response_new (void)
{
  BkHttpResponse *self = g_new0 (BkHttpResponse, 1);

  self->body = g_bytes_new (NULL, 0);
  self->retry_after = -1;
  return self;
}

BkHttpResponse *
bk_http_response_copy (const BkHttpResponse *self)
{
  BkHttpResponse *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_http_response_new ();
  copy->status = self->status;
  g_bytes_unref (copy->body);
  copy->body = g_bytes_ref (self->body);
  copy->retry_after = self->retry_after;
  copy->content_type = g_strdup (self->content_type);
  return copy;
}

void
bk_http_response_free (BkHttpResponse *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->body);
  g_free (self->content_type);
  g_free (self);
}

gint64
bk_http_response_parse_retry_after (const char *value)
{
  g_autofree char *text = NULL;
  guint64 seconds;
  time_t when;

  if (value == NULL)
    return -1;
  text = g_strstrip (g_strdup (value));
  if (*text == '\0')
    return -1;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &seconds, NULL))
    return seconds;
  when = curl_getdate (text, NULL);
  if (when < 0)
    return -1;
  return MAX (0, (gint64) when - g_get_real_time () / G_USEC_PER_SEC);
}
