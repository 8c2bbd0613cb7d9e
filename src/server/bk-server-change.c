/* bk-server-change.c
 *
 * A candidate's client is never trusted: the shape of every change is
 * checked before anything is written, and the fields the server owns
 * (an application's workflow state beyond submission, decisions, the
 * ticket, scores) keep the server's values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-server-change.h"
#include "bk-server-error.h"

/* The entities the client's store writes to its outbox. */
static const char *const entities[] = {
  "profile", "education", "work_period", "photo", "application", "proof",
};

static const char *const operations[] = { "insert", "update", "delete" };

/* Members an outbox row may carry; anything else is refused. */
static const char *const members[] = {
  "seq", "entity", "entity_id", "operation", "version", "payload", "created_at",
};

/* Members of a payload that name the record it belongs to. */
static const struct
{
  const char *member;
  const char *entity;
} parents[] = {
  { "profile_id", "profile" },
  { "application_id", "application" },
};

/* Members of an application the workflow checked on submission (see
 * bk-server-workflow.c): after it, they keep their values. */
static const char *const frozen_fields[] = {
  "profile_id", "session_id", "level", "mode", "point_code", "commitment",
};

/* Members of a payload only the server writes. */
static const char *const owned_fields[] = {
  "decisions", "decision", "ticket", "scores", "score", "verdict", "workflow",
};

static gboolean
invalid (GError **error, guint index, const char *what)
{
  g_set_error (error, BK_SERVER_ERROR, BK_SERVER_ERROR_INVALID_REQUEST, "changes[%u]: %s", index,
               what);
  return FALSE;
}

static gboolean
in_list (const char *value, const char *const *list, guint n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (value, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
get_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object, const char *member, gint64 *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

BkServerChange *
bk_server_change_parse (JsonNode *node, guint index, GError **error)
{
  g_autoptr (BkServerChange) change = g_new0 (BkServerChange, 1);
  g_autoptr (GList) names = NULL;
  JsonObject *object;
  JsonNode *payload;
  const char *text;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, index, "is not an object"), NULL;
  object = json_node_get_object (node);

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!in_list (l->data, members, G_N_ELEMENTS (members)))
      {
        g_autofree char *what = g_strdup_printf ("unknown member “%s”", (char *) l->data);
        return invalid (error, index, what), NULL;
      }

  change->seq = -1;
  if (json_object_has_member (object, "seq") && !get_int (object, "seq", &change->seq))
    return invalid (error, index, "“seq” must be an integer"), NULL;
  if (json_object_has_member (object, "created_at") && get_string (object, "created_at") == NULL)
    return invalid (error, index, "“created_at” must be a string"), NULL;

  text = get_string (object, "entity");
  if (text == NULL || !in_list (text, entities, G_N_ELEMENTS (entities)))
    return invalid (error, index,
                    "“entity” must be one of profile, education, work_period, photo, "
                    "application, proof"),
           NULL;
  change->entity = g_strdup (text);

  text = get_string (object, "entity_id");
  if (text == NULL || !g_uuid_string_is_valid (text))
    return invalid (error, index, "“entity_id” must be a UUID"), NULL;
  change->entity_id = g_ascii_strdown (text, -1);

  text = get_string (object, "operation");
  if (text == NULL || !in_list (text, operations, G_N_ELEMENTS (operations)))
    return invalid (error, index, "“operation” must be insert, update or delete"), NULL;
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    if (g_str_equal (text, operations[i]))
      change->operation = i;

  if (!get_int (object, "version", &change->version) || change->version < 1 ||
      (change->operation == BK_SERVER_OPERATION_INSERT && change->version != 1))
    return invalid (error, index,
                    "“version” must be a positive integer (1 for an insert): the version "
                    "the change produces, or the version a delete removes"),
           NULL;

  payload = json_object_get_member (object, "payload");
  if (change->operation == BK_SERVER_OPERATION_DELETE)
    {
      if (payload != NULL && !JSON_NODE_HOLDS_NULL (payload))
        return invalid (error, index, "a delete carries no “payload”"), NULL;
    }
  else
    {
      JsonObject *fields;
      const char *id;

      if (payload == NULL || !JSON_NODE_HOLDS_OBJECT (payload))
        return invalid (error, index, "“payload” must be an object"), NULL;
      fields = json_node_get_object (payload);
      if (json_object_has_member (fields, "id"))
        {
          id = get_string (fields, "id");
          if (id == NULL || g_ascii_strcasecmp (id, change->entity_id) != 0)
            return invalid (error, index, "“payload.id” must be the change's “entity_id”"), NULL;
        }
      if (g_str_equal (change->entity, "application"))
        {
          /* Kept beside the change so staff see their point's applications. */
          if (json_object_has_member (fields, "session_id"))
            {
              if ((text = get_string (fields, "session_id")) == NULL)
                return invalid (error, index, "“payload.session_id” must be a string"), NULL;
              change->session_id = g_strdup (text);
            }
          if (json_object_has_member (fields, "point_code"))
            {
              if ((text = get_string (fields, "point_code")) == NULL)
                return invalid (error, index, "“payload.point_code” must be a string"), NULL;
              change->point_code = g_strdup (text);
            }
          if (json_object_has_member (fields, "state") && get_string (fields, "state") == NULL)
            return invalid (error, index, "“payload.state” must be a string"), NULL;
        }
      for (guint i = 0; i < G_N_ELEMENTS (parents); i++)
        if (json_object_has_member (fields, parents[i].member))
          {
            text = get_string (fields, parents[i].member);
            if (text == NULL || !g_uuid_string_is_valid (text))
              {
                g_autofree char *what = g_strdup_printf ("“payload.%s” must be a UUID",
                                                         parents[i].member);

                return invalid (error, index, what), NULL;
              }
            change->parent_entity = parents[i].entity;
            change->parent_id = g_ascii_strdown (text, -1);
          }
      change->payload = json_to_string (payload, FALSE);
      change->fields = json_object_ref (fields);
    }

  return g_steal_pointer (&change);
}

void
bk_server_change_free (BkServerChange *self)
{
  if (self == NULL)
    return;
  g_free (self->entity);
  g_free (self->entity_id);
  g_free (self->payload);
  g_clear_pointer (&self->fields, json_object_unref);
  g_free (self->session_id);
  g_free (self->point_code);
  g_free (self->parent_id);
  g_free (self);
}

gint64
bk_server_change_get_base_version (const BkServerChange *self)
{
  g_return_val_if_fail (self != NULL, 0);

  switch (self->operation)
    {
      case BK_SERVER_OPERATION_INSERT:
        return 0;
      case BK_SERVER_OPERATION_UPDATE:
        return self->version - 1;
      case BK_SERVER_OPERATION_DELETE:
      default:
        return self->version;
    }
}

const char *
bk_server_operation_to_nick (BkServerOperation operation)
{
  g_return_val_if_fail (operation <= BK_SERVER_OPERATION_DELETE, NULL);
  return operations[operation];
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr (JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* Removes from an application's @fields the staff account ids a candidate
 * is not shown: who made each decision (its "by"), who recorded the
 * payment (its "recorded_by" becomes "staff"). They stay in the stored
 * payload, for staff, and in the audit log. */
static gboolean
strip_staff_ids (JsonObject *fields)
{
  JsonNode *node = json_object_get_member (fields, "decisions");
  gboolean stripped = FALSE;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *decisions = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (decisions); i++)
        {
          JsonNode *decision = json_array_get_element (decisions, i);

          if (JSON_NODE_HOLDS_OBJECT (decision) &&
              json_object_has_member (json_node_get_object (decision), "by"))
            {
              json_object_remove_member (json_node_get_object (decision), "by");
              stripped = TRUE;
            }
        }
    }
  node = json_object_get_member (fields, "workflow");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (node), "payment");
      JsonObject *payment = member != NULL && JSON_NODE_HOLDS_OBJECT (member)
                              ? json_node_get_object (member)
                              : NULL;
      const char *by = payment != NULL ? get_string (payment, "recorded_by") : NULL;

      /* "import" (the admin's CSV) says nothing of anyone: kept. */
      if (by != NULL && !g_str_equal (by, "import") && !g_str_equal (by, "staff"))
        {
          json_object_set_string_member (payment, "recorded_by", "staff");
          stripped = TRUE;
        }
    }
  return stripped;
}

char *
bk_server_change_candidate_payload (const char *entity, const char *payload)
{
  g_autoptr (JsonObject) fields = NULL;
  g_autoptr (JsonNode) node = NULL;

  /* Most payloads have neither member: not parsed. */
  if (payload == NULL || g_strcmp0 (entity, "application") != 0 ||
      (strstr (payload, "\"by\"") == NULL && strstr (payload, "\"recorded_by\"") == NULL))
    return NULL;
  fields = parse_object (payload);
  if (fields == NULL || !strip_staff_ids (fields))
    return NULL;
  node = json_node_init_object (json_node_alloc (), fields);
  return json_to_string (node, FALSE);
}

/* Whether @fields (the client's) leaves @member as @stored has it; a
 * member the client leaves out is kept, so it changes nothing. */
static gboolean
same_member (JsonObject *fields, JsonObject *stored, const char *member)
{
  JsonNode *x = fields != NULL ? json_object_get_member (fields, member) : NULL;
  JsonNode *y = stored != NULL ? json_object_get_member (stored, member) : NULL;

  if (x == NULL)
    return TRUE;
  if (y == NULL)
    return FALSE;
  return json_node_equal (x, y);
}

/* An application's state: a candidate writes only "draft" and, from a
 * draft, "submitted"; every later state is the server's move. */
static gboolean
state_allowed (JsonObject *new_fields, JsonObject *stored_fields)
{
  const char *wanted = get_string (new_fields, "state");
  const char *stored = stored_fields != NULL ? get_string (stored_fields, "state") : NULL;

  if (wanted == NULL || g_strcmp0 (wanted, stored) == 0)
    return TRUE;
  if (stored != NULL && !g_str_equal (stored, "draft"))
    return FALSE;
  return g_str_equal (wanted, "draft") || g_str_equal (wanted, "submitted");
}

BkServerVerdict
bk_server_change_judge (const BkServerChange *change,
                        const BkServerAccount *account,
                        const BkServerStored *stored,
                        char **message)
{
  g_autoptr (JsonObject) new_fields = NULL;
  g_autoptr (JsonObject) stored_fields = NULL;

  g_return_val_if_fail (change != NULL && account != NULL && stored != NULL, 0);
  g_return_val_if_fail (message != NULL, 0);

  if (stored->exists && g_strcmp0 (stored->owner_id, account->id) != 0)
    {
      if (change->operation == BK_SERVER_OPERATION_INSERT)
        {
          *message = g_strdup ("This ID is already in use: make a new UUID for the record.");
          return BK_SERVER_VERDICT_TAKEN;
        }
      *message = g_strdup ("There is no such record among yours.");
      return BK_SERVER_VERDICT_NOT_FOUND;
    }
  if (!stored->exists && change->operation != BK_SERVER_OPERATION_INSERT)
    {
      *message = g_strdup ("There is no such record among yours: push its insert first.");
      return BK_SERVER_VERDICT_NOT_FOUND;
    }
  if ((stored->exists ? stored->version : 0) != bk_server_change_get_base_version (change) ||
      stored->deleted)
    {
      *message = g_strdup ("The record changed on the server since this change was made: "
                           "merge with the server's copy and push again.");
      return BK_SERVER_VERDICT_CONFLICT;
    }
  if (change->operation == BK_SERVER_OPERATION_DELETE)
    return BK_SERVER_VERDICT_APPLY;
  /* A record may only hang under one of the caller's own records. */
  if (change->parent_id != NULL && (!stored->parent_exists || stored->parent_deleted ||
                                    g_strcmp0 (stored->parent_owner_id, account->id) != 0))
    {
      *message = g_strdup_printf ("The %s this record belongs to is not among yours: push it "
                                  "first.",
                                  change->parent_entity);
      return BK_SERVER_VERDICT_NOT_FOUND;
    }

  /* Parsed once, in bk_server_change_parse(), unless made otherwise. */
  new_fields = change->fields != NULL ? json_object_ref (change->fields)
                                      : parse_object (change->payload);
  stored_fields = parse_object (stored->payload);
  /* A client has the server's members as its pull gave them. */
  if (stored_fields != NULL && g_str_equal (change->entity, "application"))
    strip_staff_ids (stored_fields);
  for (guint i = 0; i < G_N_ELEMENTS (owned_fields); i++)
    if (!same_member (new_fields, stored_fields, owned_fields[i]))
      {
        *message = g_strdup_printf ("“%s” is set by the registration authority, not by a "
                                    "client: push the record without changing it.",
                                    owned_fields[i]);
        return BK_SERVER_VERDICT_FORBIDDEN;
      }
  if (g_str_equal (change->entity, "application") && stored_fields != NULL &&
      g_strcmp0 (get_string (stored_fields, "state"), "draft") != 0)
    for (guint i = 0; i < G_N_ELEMENTS (frozen_fields); i++)
      if (json_object_has_member (stored_fields, frozen_fields[i]) &&
          !same_member (new_fields, stored_fields, frozen_fields[i]))
        {
          *message = g_strdup_printf ("“%s” of a submitted application cannot change: push the "
                                      "application with its value as submitted.",
                                      frozen_fields[i]);
          return BK_SERVER_VERDICT_FORBIDDEN;
        }
  if (g_str_equal (change->entity, "application") && !state_allowed (new_fields, stored_fields))
    {
      *message = g_strdup ("An application's state after submission is set by the registration "
                           "authority: push the application without changing its state.");
      return BK_SERVER_VERDICT_FORBIDDEN;
    }
  return BK_SERVER_VERDICT_APPLY;
}

/* The next member of @stored the merge keeps: each of the server's it has
 * (a client's copy may lack the staff ids, see strip_staff_ids()), and
 * "state" when @fields leaves it out. */
static gboolean
keeps_owned (JsonObject *fields, JsonObject *stored, const char **member, guint *next)
{
  for (; *next < G_N_ELEMENTS (owned_fields) + 1; (*next)++)
    {
      gboolean owned = *next < G_N_ELEMENTS (owned_fields);

      *member = owned ? owned_fields[*next] : "state";
      if (json_object_has_member (stored, *member) &&
          (owned || !json_object_has_member (fields, *member)))
        {
          (*next)++;
          return TRUE;
        }
    }
  return FALSE;
}

char *
bk_server_change_merge_owned (const BkServerChange *change, const char *stored_payload)
{
  g_autoptr (JsonObject) fields = NULL;
  g_autoptr (JsonObject) stored = NULL;
  g_autoptr (JsonNode) node = NULL;
  const char *member;
  guint next = 0;

  g_return_val_if_fail (change != NULL, NULL);

  stored = parse_object (stored_payload);
  fields = change->fields != NULL ? json_object_ref (change->fields)
                                  : parse_object (change->payload);
  /* Nothing of the server's to keep (an insert, a profile): the client's
   * text as it is. */
  if (stored == NULL || fields == NULL || !keeps_owned (fields, stored, &member, &next))
    return g_strdup (change->payload);

  g_clear_pointer (&fields, json_object_unref);
  fields = parse_object (change->payload); /* a copy of our own to add to */
  next = 0;
  while (keeps_owned (fields, stored, &member, &next))
    json_object_set_member (fields, member,
                            json_node_copy (json_object_get_member (stored, member)));
  node = json_node_init_object (json_node_alloc (), fields);
  return json_to_string (node, FALSE);
}
