/* bk-server-change.h — one change a client pushes from its outbox, and the
 * rules that decide whether it may be applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "bk-server-account.h"

G_BEGIN_DECLS

typedef enum
{
  BK_SERVER_OPERATION_INSERT,
  BK_SERVER_OPERATION_UPDATE,
  BK_SERVER_OPERATION_DELETE,
} BkServerOperation;

/* A row of the client's outbox (src/store's outbox table), as sent. */
typedef struct
{
  gint64 seq; /* the client's outbox sequence, echoed back; -1 if absent */
  char *entity;
  char *entity_id;
  BkServerOperation operation;
  /* The version the change produces (insert: 1, update: base + 1) or, for
   * a delete, the version deleted: exactly what the outbox row holds. */
  gint64 version;
  char *payload;      /* JSON object text; NULL for a delete */
  JsonObject *fields; /* the same, as parsed (immutable); NULL for a delete */
  char *session_id;   /* an application's session, for staff visibility */
  char *point_code;   /* an application's point */
  /* The record this one belongs to, when the payload names it
   * ("profile_id" → a profile, "application_id" → an application). */
  const char *parent_entity;
  char *parent_id;
} BkServerChange;

typedef enum
{
  BK_SERVER_VERDICT_APPLY,
  BK_SERVER_VERDICT_CONFLICT,  /* 409 with the server's copy */
  BK_SERVER_VERDICT_TAKEN,     /* 409 without a copy: the UUID is someone else's */
  BK_SERVER_VERDICT_NOT_FOUND, /* 404: nothing of the caller's has that UUID */
  BK_SERVER_VERDICT_FORBIDDEN, /* 403: a field the server owns */
} BkServerVerdict;

/* What the server holds for the change's entity. */
typedef struct
{
  gboolean exists;
  const char *owner_id;
  gint64 version;
  gboolean deleted;
  const char *payload; /* JSON object text or NULL */
  /* The change's parent record, when it names one. */
  gboolean parent_exists;
  const char *parent_owner_id;
  gboolean parent_deleted;
} BkServerStored;

/* Parses and checks the shape of one change (known members only, right
 * types, a known entity, a UUID, a version, a payload object whose "id",
 * if any, is the entity's). @index names the change in the message. */
BkServerChange *bk_server_change_parse (JsonNode *node, guint index, GError **error);
void bk_server_change_free (BkServerChange *self);

/* The version the change was based on. */
gint64 bk_server_change_get_base_version (const BkServerChange *self);
const char *bk_server_operation_to_nick (BkServerOperation operation);

/* Decides a candidate's change against what the server holds; *@message
 * says why when the verdict is not APPLY. Pure: no database access, so
 * every storage implementation applies the same rules. */
BkServerVerdict bk_server_change_judge (const BkServerChange *change,
                                        const BkServerAccount *account,
                                        const BkServerStored *stored,
                                        char **message);

/* The payload to store for a change judged APPLY: the client's, with the
 * server-owned members it left out taken from @stored_payload (a client
 * that does not know a member keeps the server's value). */
char *bk_server_change_merge_owned (const BkServerChange *change, const char *stored_payload);

/* @payload (stored, of an @entity) as a candidate is shown it: an
 * application without the staff account ids of its decisions and payment
 * (kept for staff and in the audit log); NULL when that is @payload itself. */
char *bk_server_change_candidate_payload (const char *entity, const char *payload);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerChange, bk_server_change_free)

G_END_DECLS
