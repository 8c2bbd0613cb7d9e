/* bk-server-monitor.c — readiness and the audit log
 *
 * Handlers (worker thread) for the operators: GET /v1/ready (can the
 * server reach its database) and GET /v1/audit (admins only). GET
 * /v1/health needs neither and is answered by the front.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-log.h"
#include "bk-server-monitor.h"
#include "bk-server-private.h"

void
bk_server_handle_ready (BkServer *self, BkServerRequest *request)
{
  g_autoptr (GError) error = NULL;

  if (!bk_server_database_check (bk_server_get_database (self), &error))
    {
      bk_server_log (3, "not ready: %s", error->message);
      bk_server_request_answer_error (request, 503, "database_unreachable",
                                      "The server cannot reach its database yet.");
      return;
    }
  bk_server_request_answer (request, 200, g_strdup ("{\"status\":\"ready\"}"));
}

void
bk_server_handle_audit (BkServer *self, BkServerRequest *request)
{
  g_autoptr (GError) error = NULL;
  gint64 limit;
  char *body;

  if (!bk_server_request_query_int (request, "limit", 100, 1000, &limit) || limit == 0)
    {
      bk_server_request_answer_error (request, 400, "invalid_request",
                                      "“limit” must be a number from 1 to 1000.");
      return;
    }
  body = bk_server_database_list_audit (bk_server_get_database (self), limit, &error);
  if (body == NULL)
    {
      bk_server_request_answer_gerror (request, error);
      return;
    }
  bk_server_request_answer (request, 200, body);
}
