/* bk-server-entity.h — one stored record (profile, education, application, …)
 * as the workflow reads it, and a write the server makes to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *type; /* "profile", "education", "work_period", "photo", "application", "proof" */
  char *id;
  char *owner_id;
  gint64 version;
  gboolean deleted;
  char *payload; /* JSON object text; NULL when deleted */
  char *session_id;
  char *point_code;
  gint64 updated_at; /* Unix seconds of the last write */
} BkServerEntity;

/* A write by the server itself: replaces the payload of an existing record
 * if it is still at @base_version (compare-and-swap), making version
 * @base_version + 1 and a change in the feed. */
typedef struct
{
  const char *type;
  const char *id;
  gint64 base_version;
  const char *payload;
} BkServerEntityWrite;

/* Which records to list; NULL members match anything. */
typedef struct
{
  const char *type; /* required */
  const char *owner_id;
  const char *session_id;
  const char *point_code;
  const char *const *states; /* NULL-terminated: an application's "state" is one of these */
  const char *parent_id;     /* the payload's "profile_id", else its "application_id" */
} BkServerEntityFilter;

BkServerEntity *bk_server_entity_new (void);
void bk_server_entity_free (BkServerEntity *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerEntity, bk_server_entity_free)

G_END_DECLS
