/* bk-server-database.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-database.h"

G_DEFINE_INTERFACE (BkServerDatabase, bk_server_database, G_TYPE_OBJECT)

static void
bk_server_database_default_init (BkServerDatabaseInterface *iface)
{
}

#define IFACE(self) BK_SERVER_DATABASE_GET_IFACE (self)

gboolean
bk_server_database_check (BkServerDatabase *self, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  return IFACE (self)->check (self, error);
}

gboolean
bk_server_database_create_account (BkServerDatabase *self,
                                   const BkServerAccount *account,
                                   gboolean *created,
                                   GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (account != NULL && created != NULL, FALSE);
  return IFACE (self)->create_account (self, account, created, error);
}

BkServerAccount *
bk_server_database_find_account (BkServerDatabase *self, const char *user_name, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (user_name != NULL, NULL);
  return IFACE (self)->find_account (self, user_name, error);
}

gboolean
bk_server_database_count_failures (BkServerDatabase *self,
                                   const char *scope,
                                   const char *key,
                                   gint64 since,
                                   guint *count,
                                   gint64 *oldest,
                                   GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (scope != NULL && key != NULL && count != NULL && oldest != NULL, FALSE);
  return IFACE (self)->count_failures (self, scope, key, since, count, oldest, error);
}

gboolean
bk_server_database_record_failure (
  BkServerDatabase *self, const char *account_key, const char *address, gint64 at, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (account_key != NULL && address != NULL, FALSE);
  return IFACE (self)->record_failure (self, account_key, address, at, error);
}

gboolean
bk_server_database_clear_failures (BkServerDatabase *self, const char *account_key, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (account_key != NULL, FALSE);
  return IFACE (self)->clear_failures (self, account_key, error);
}

gboolean
bk_server_database_add_token (BkServerDatabase *self,
                              const char *token_hash,
                              const char *account_id,
                              gint64 created_at,
                              gint64 expires_at,
                              GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL && account_id != NULL, FALSE);
  return IFACE (self)->add_token (self, token_hash, account_id, created_at, expires_at, error);
}

BkServerAccount *
bk_server_database_account_for_token (BkServerDatabase *self,
                                      const char *token_hash,
                                      gint64 now,
                                      GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (token_hash != NULL, NULL);
  return IFACE (self)->account_for_token (self, token_hash, now, error);
}

gboolean
bk_server_database_revoke_token (BkServerDatabase *self,
                                 const char *token_hash,
                                 gint64 at,
                                 GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  return IFACE (self)->revoke_token (self, token_hash, at, error);
}

gboolean
bk_server_database_audit (BkServerDatabase *self, const BkServerAuditEntry *entry, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  return IFACE (self)->audit (self, entry, error);
}

char *
bk_server_database_list_audit (BkServerDatabase *self, guint limit, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  return IFACE (self)->list_audit (self, limit, error);
}

gboolean
bk_server_database_push (BkServerDatabase *self,
                         const BkServerAccount *account,
                         const char *idempotency_key,
                         const char *request_hash,
                         GPtrArray *changes,
                         gint64 now,
                         const BkServerAuditEntry *audit,
                         BkServerPushAnswer *answer,
                         GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (account != NULL && idempotency_key != NULL, FALSE);
  g_return_val_if_fail (request_hash != NULL && changes != NULL && answer != NULL, FALSE);
  return IFACE (self)->push (self, account, idempotency_key, request_hash, changes, now, audit,
                             answer, error);
}

void
bk_server_push_answer_audit (const BkServerPushAnswer *answer,
                             guint n_changes,
                             BkServerAuditEntry *entry,
                             char **detail)
{
  const char *body;

  g_return_if_fail (answer != NULL && entry != NULL && detail != NULL);

  body = answer->body != NULL ? answer->body : "";
  entry->status = answer->status;
  entry->allowed = answer->status < 400;
  if (entry->allowed &&
      (strstr (body, "\"status\":403") != NULL || strstr (body, "\"status\":404") != NULL ||
       strstr (body, "\"code\":\"id_taken\"") != NULL))
    {
      entry->allowed = FALSE;
      *detail = g_strdup ("some changes refused: another's record or a server field");
    }
  else
    *detail = g_strdup_printf ("%u changes%s", n_changes, answer->replayed ? ", replayed" : "");
  entry->detail = *detail;
}

char *
bk_server_database_pull (
  BkServerDatabase *self, const BkServerAccount *account, gint64 since, guint limit, GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (account != NULL, NULL);
  return IFACE (self)->pull (self, account, since, limit, error);
}

void
bk_server_push_answer_clear (BkServerPushAnswer *answer)
{
  g_clear_pointer (&answer->body, g_free);
}

BkServerEntity *
bk_server_database_get_entity (BkServerDatabase *self,
                               const char *type,
                               const char *id,
                               GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (type != NULL && id != NULL, NULL);
  return IFACE (self)->get_entity (self, type, id, error);
}

GPtrArray *
bk_server_database_list_entities (BkServerDatabase *self,
                                  const BkServerEntityFilter *filter,
                                  GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (filter != NULL && filter->type != NULL, NULL);
  return IFACE (self)->list_entities (self, filter, error);
}

gboolean
bk_server_database_write_entities (BkServerDatabase *self,
                                   const BkServerEntityWrite *writes,
                                   guint n_writes,
                                   gint64 now,
                                   const BkServerAuditEntry *audit,
                                   GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (writes != NULL || n_writes == 0, FALSE);
  return IFACE (self)->write_entities (self, writes, n_writes, now, audit, error);
}

gboolean
bk_server_database_put_document (BkServerDatabase *self,
                                 const char *kind,
                                 const char *id,
                                 const char *data,
                                 gint64 now,
                                 GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (kind != NULL && id != NULL && data != NULL, FALSE);
  return IFACE (self)->put_document (self, kind, id, data, now, error);
}

char *
bk_server_database_get_document (BkServerDatabase *self,
                                 const char *kind,
                                 const char *id,
                                 GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);
  return IFACE (self)->get_document (self, kind, id, error);
}

gboolean
bk_server_database_put_file (BkServerDatabase *self,
                             const BkServerAccount *account,
                             const BkServerFileUpload *upload,
                             gint64 now,
                             gint64 *version,
                             GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (account != NULL && upload != NULL && version != NULL, FALSE);
  g_return_val_if_fail (upload->entity != NULL && upload->entity_id != NULL, FALSE);
  g_return_val_if_fail (upload->bytes != NULL && upload->sha256 != NULL, FALSE);
  return IFACE (self)->put_file (self, account, upload, now, version, error);
}

gboolean
bk_server_database_get_file (BkServerDatabase *self,
                             const char *entity,
                             const char *entity_id,
                             BkServerStoredFile *file,
                             gboolean *found,
                             GError **error)
{
  g_return_val_if_fail (BK_IS_SERVER_DATABASE (self), FALSE);
  g_return_val_if_fail (entity != NULL && entity_id != NULL, FALSE);
  g_return_val_if_fail (file != NULL && found != NULL, FALSE);
  return IFACE (self)->get_file (self, entity, entity_id, file, found, error);
}

void
bk_server_stored_file_clear (BkServerStoredFile *file)
{
  g_clear_pointer (&file->bytes, g_bytes_unref);
  g_clear_pointer (&file->content_type, g_free);
  g_clear_pointer (&file->owner_id, g_free);
  g_clear_pointer (&file->session_id, g_free);
  g_clear_pointer (&file->point_code, g_free);
}
