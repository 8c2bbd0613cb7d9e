/* bk-server-staff-tickets.c — GET /v1/staff/tickets
 *
 * The help desk prints the tickets of its point in one batch: the staff
 * read the signed tickets of their own session and point, in ticket-number
 * order (room by room, seat by seat), each as the application holds it.
 * Nothing is re-signed here: the text is the one the server issued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-database.h"
#include "bk-server-private.h"
#include "bk-server-staff.h"
#include "bk-server-workflow-store.h"

static int
compare_numbers (gconstpointer a, gconstpointer b)
{
  JsonObject *left = json_node_get_object (*(JsonNode *const *) a);
  JsonObject *right = json_node_get_object (*(JsonNode *const *) b);

  return g_strcmp0 (json_object_get_string_member (left, "number"),
                    json_object_get_string_member (right, "number"));
}

void
bk_server_handle_staff_tickets (BkServer *self, BkServerRequest *request)
{
  const BkServerAccount *account = request->account;
  BkServerEntityFilter filter = {
    .type = "application",
    .session_id = account->session_id,
    .point_code = account->point_code,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) applications = NULL;
  g_autoptr (GPtrArray) tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonObject *answer = json_object_new ();
  JsonArray *list = json_array_new ();
  g_autoptr (JsonNode) root = json_node_init_object (json_node_alloc (), answer);

  json_object_unref (answer);
  applications = bk_server_database_list_entities (bk_server_get_database (self), &filter, &error);
  if (applications == NULL)
    {
      json_array_unref (list);
      bk_server_request_answer_gerror (request, error);
      return;
    }
  for (guint i = 0; i < applications->len; i++)
    {
      const BkServerEntity *application = applications->pdata[i];
      g_autoptr (JsonObject) payload = bk_server_workflow_parse (application);
      JsonNode *node = payload != NULL ? json_object_get_member (payload, "ticket") : NULL;
      JsonObject *ticket;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          bk_server_workflow_get_string (json_node_get_object (node), "number") == NULL)
        continue;
      node = json_node_copy (node);
      ticket = json_node_get_object (node);
      json_object_set_string_member (ticket, "application_id", application->id);
      json_object_set_int_member (ticket, "version", application->version);
      json_object_set_string_member (ticket, "state",
                                     bk_server_workflow_get_string (payload, "state"));
      g_ptr_array_add (tickets, node);
    }
  g_ptr_array_sort (tickets, compare_numbers);
  for (guint i = 0; i < tickets->len; i++)
    json_array_add_element (list, json_node_ref (tickets->pdata[i]));
  json_object_set_string_member (answer, "session_id", account->session_id);
  json_object_set_string_member (answer, "point_code", account->point_code);
  json_object_set_array_member (answer, "tickets", list);
  bk_server_request_answer (request, 200, json_to_string (root, FALSE));
}
