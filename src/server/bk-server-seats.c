/* bk-server-seats.c
 *
 * Seats are taken in the session file's order: venue 1, room 1, seat 1,
 * 2, …, then room 2, and so on; a seat some application's ticket holds
 * already (whatever its state now) is never given again. The applications
 * that wait for a ticket are placed in the order point code, confirmation
 * time, application id, so the same database always gives the same seats
 * and a point's candidates sit together. Every ticket is made and checked
 * by core before anything is written; then all of them are written in one
 * transaction (compare-and-swap on each application's version, with its
 * change in the feed and one audit line): a server process that moves an
 * application meanwhile makes the allocation fail whole, and it can simply
 * be run again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "bk-server-error.h"
#include "bk-server-seats.h"
#include "bk-server-workflow-store.h"

/* The secret half of the project's development key
 * (tests/ticket/test-authority.key): the session files in data/sessions
 * carry its public half. Anyone can sign with it, so it is used only with
 * --dev. */
#define DEV_SECRET_KEY "bkDx7p93EkfQNzOJWvdVo5O04xrl0ulSu7Yu1AmTehs="

typedef struct
{
  BkServerEntity *application;
  JsonObject *payload;
  char *text; /* the new payload */
} Placement;

static void
placement_free (Placement *placement)
{
  bk_server_entity_free (placement->application);
  g_clear_pointer (&placement->payload, json_object_unref);
  g_free (placement->text);
  g_free (placement);
}

static const char *
confirmed_at (const Placement *placement)
{
  JsonNode *node = json_object_get_member (placement->payload, "workflow");
  JsonObject *workflow = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                       : NULL;

  return bk_server_workflow_get_string (workflow, "confirmed_at");
}

static int
compare_placements (gconstpointer a, gconstpointer b)
{
  const Placement *left = *(Placement *const *) a;
  const Placement *right = *(Placement *const *) b;
  int order = g_strcmp0 (left->application->point_code, right->application->point_code);

  if (order == 0)
    order = g_strcmp0 (confirmed_at (left), confirmed_at (right));
  return order != 0 ? order : g_strcmp0 (left->application->id, right->application->id);
}

static guint
seat_key (gint64 venue, gint64 room, gint64 seat)
{
  return venue * 100000 + room * 100 + seat;
}

gboolean
bk_server_seats_load_key (const char *path,
                          gboolean dev,
                          guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                          GError **error)
{
  g_return_val_if_fail (secret_key != NULL, FALSE);

  if (path != NULL)
    return bk_ticket_key_load_secret (path, secret_key, error);
  if (dev)
    return bk_ticket_key_parse_secret (DEV_SECRET_KEY, secret_key, error);
  g_set_error_literal (error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFIG,
                       "no key signs the tickets: set [tickets] signing-key=FILE in the "
                       "configuration (a key from baokao-tool ticket keygen), or pass --dev "
                       "to sign with the development key");
  return FALSE;
}

/* The audit line of a run: the session as the path. */
static BkServerAuditEntry
audit_entry (const char *session_id, gint64 now, gboolean allowed, const char *detail)
{
  return (BkServerAuditEntry){
    .at = now,
    .address = "local",
    .method = "ADMIN",
    .path = session_id,
    .action = "allocate-seats",
    .allowed = allowed,
    .status = allowed ? 200 : 409,
    .detail = detail,
  };
}

static int
fail (BkServerDatabase *database, const char *session_id, gint64 now, const char *message)
{
  g_autofree char *detail = g_strdup_printf ("session %s: %s", session_id, message);
  BkServerAuditEntry entry = audit_entry (session_id, now, FALSE, detail);

  fprintf (stderr, "baokao-server admin: allocate-seats %s: %s; nothing was written\n", session_id,
           message);
  /* The refusal is audited too; a database that cannot take it has said
   * so already in the message above. */
  bk_server_database_audit (database, &entry, NULL);
  return 1;
}

/* The free seats of @session, in order, as (venue, room, seat) triples. */
static GArray *
free_seats (BkExamSession *session, GHashTable *taken)
{
  GPtrArray *venues = bk_exam_session_get_venues (session);
  GArray *seats = g_array_new (FALSE, FALSE, sizeof (guint) * 3);

  for (guint v = 0; venues != NULL && v < venues->len; v++)
    {
      const BkExamVenue *venue = venues->pdata[v];

      for (guint room = 1; room <= venue->rooms; room++)
        for (guint seat = 1; seat <= venue->seats_per_room; seat++)
          {
            guint triple[3] = { venue->number, room, seat };

            if (!g_hash_table_contains (taken,
                                        GUINT_TO_POINTER (seat_key (venue->number, room, seat))))
              g_array_append_vals (seats, triple, 1);
          }
    }
  return seats;
}

/* Sorts the applications of the session: those waiting for a ticket into
 * @waiting, the seats of tickets already issued into @taken. */
static void
sort_applications (
  GPtrArray *entities, BkExamSession *session, GPtrArray *waiting, GHashTable *taken, guint *unpaid)
{
  for (guint i = 0; i < entities->len; i++)
    {
      BkServerEntity *application = entities->pdata[i];
      g_autoptr (JsonObject)
        payload = application->deleted ? NULL : bk_server_workflow_parse (application);
      JsonNode *node = payload != NULL ? json_object_get_member (payload, "ticket") : NULL;
      Placement *placement;

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *ticket = json_node_get_object (node);

          g_hash_table_add (taken, GUINT_TO_POINTER (seat_key (
                                     json_object_get_int_member_with_default (ticket, "venue", 0),
                                     json_object_get_int_member_with_default (ticket, "room", 0),
                                     json_object_get_int_member_with_default (ticket, "seat", 0))));
          continue;
        }
      if (payload == NULL || !bk_server_workflow_awaits_ticket (payload, session))
        {
          if (payload != NULL &&
              g_strcmp0 (bk_server_workflow_queue (payload, session), "payment-due") == 0)
            (*unpaid)++;
          continue;
        }
      placement = g_new0 (Placement, 1);
      placement->application = g_steal_pointer (&entities->pdata[i]);
      placement->payload = g_steal_pointer (&payload);
      g_ptr_array_add (waiting, placement);
    }
}

int
bk_server_seats_allocate (BkServerDatabase *database,
                          const BkServerLimits *limits,
                          const char *session_id,
                          const guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES],
                          gint64 now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkExamSession) session = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GPtrArray) waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) placement_free);
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) seats = NULL;
  g_autoptr (GArray) writes = g_array_new (FALSE, TRUE, sizeof (BkServerEntityWrite));
  g_autofree char *detail = NULL;
  BkServerEntityFilter filter = { .type = "application", .session_id = session_id };
  BkServerAuditEntry entry;
  guint unpaid = 0;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), 1);
  g_return_val_if_fail (limits != NULL && session_id != NULL && secret_key != NULL, 1);

  session = bk_server_workflow_find_session (database, session_id, &error);
  if (session == NULL)
    {
      g_autofree char *message = error != NULL ? g_strdup (error->message)
                                               : g_strdup ("the server knows no such session: "
                                                           "add it with admin add-session");

      return fail (database, session_id, now, message);
    }
  if (bk_exam_session_get_n_venues (session) == 0)
    return fail (database, session_id, now,
                 "the session lists no venues: add them to its file and run admin add-session");
  entities = bk_server_database_list_entities (database, &filter, &error);
  if (entities == NULL)
    return fail (database, session_id, now, error->message);
  sort_applications (entities, session, waiting, taken, &unpaid);
  g_ptr_array_sort (waiting, compare_placements);
  seats = free_seats (session, taken);
  if (seats->len < waiting->len)
    {
      g_autofree char *message = g_strdup_printf (
        "not enough seats: %u applications wait for a ticket and the venues have %u free seats, "
        "so %u would be left unplaced; add rooms or a venue to the session file, run admin "
        "add-session, then allocate-seats again",
        waiting->len, seats->len, waiting->len - seats->len);

      return fail (database, session_id, now, message);
    }

  for (guint i = 0; i < waiting->len; i++)
    {
      Placement *placement = waiting->pdata[i];
      const guint *seat = &g_array_index (seats, guint, i * 3);
      BkServerWorkflowFacts facts = { 0 };
      BkServerWorkflowRefusal refusal = { 0 };
      g_autoptr (JsonNode) node = NULL;
      BkServerEntityWrite write = { 0 };
      gboolean issued;

      if (!bk_server_workflow_gather (database, limits, placement->application, placement->payload,
                                      TRUE, &facts, &error))
        return fail (database, session_id, now, error->message);
      issued = bk_server_workflow_issue_ticket (placement->payload, session, facts.profile, seat[0],
                                                seat[1], seat[2], secret_key, now, &refusal);
      bk_server_workflow_facts_clear (&facts);
      if (!issued)
        {
          g_autofree char *message = g_strdup_printf ("application %s: %s",
                                                      placement->application->id, refusal.message);

          bk_server_workflow_refusal_clear (&refusal);
          return fail (database, session_id, now, message);
        }
      node = json_node_init_object (json_node_alloc (), placement->payload);
      placement->text = json_to_string (node, FALSE);
      write.type = "application";
      write.id = placement->application->id;
      write.base_version = placement->application->version;
      write.payload = placement->text;
      g_array_append_val (writes, write);
    }

  detail = g_strdup_printf ("session %s: %u tickets issued, %u kept, %u not paid", session_id,
                            waiting->len, g_hash_table_size (taken), unpaid);
  entry = audit_entry (session_id, now, TRUE, detail);
  if (!bk_server_database_write_entities (database, (BkServerEntityWrite *) writes->data,
                                          writes->len, now, &entry, &error))
    return fail (database, session_id, now, error->message);
  printf ("allocate-seats %s: %u tickets issued, %u already issued kept, %u confirmed but not "
          "paid (not placed)\n",
          session_id, waiting->len, g_hash_table_size (taken), unpaid);
  return 0;
}
