/* bk-server-database.h — where the registration server keeps its data
 *
 * An interface, so that the HTTP handlers never see SQL and a second
 * implementation (PostgreSQL) can sit beside the SQLite one. Every method
 * may be called from any thread and blocks: the server calls them from
 * GTask worker threads, never from the main loop. Nothing a second server
 * process would need is kept in memory: accounts, tokens, sign-in failures,
 * idempotent answers and the audit log all live in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bk-server-account.h"
#include "bk-server-change.h"
#include "bk-server-entity.h"

G_BEGIN_DECLS

#define BK_TYPE_SERVER_DATABASE (bk_server_database_get_type ())

G_DECLARE_INTERFACE (BkServerDatabase, bk_server_database, BK, SERVER_DATABASE, GObject)

/* One line of the audit log: who, when, what, from where, and the decision. */
typedef struct
{
  gint64 at;              /* Unix seconds */
  const char *account_id; /* NULL when nobody is signed in */
  const char *address;    /* the client's IP address */
  const char *method;
  const char *path;
  const char *action; /* e.g. "sign-in", "push", "pull" */
  gboolean allowed;
  guint status; /* the HTTP status answered */
  const char *detail;
  /* An allowed read's line: the answer need not wait for its commit. */
  gboolean later;
} BkServerAuditEntry;

/* The outcome of a push: the HTTP status and the JSON answer, either
 * worked out now or the one stored for an earlier request with the same
 * idempotency key. */
typedef struct
{
  guint status;
  char *body; /* JSON text */
  gboolean replayed;
} BkServerPushAnswer;

/* A file for a candidate's record: the photo of a photo record, a proof
 * of a proof record. */
typedef struct
{
  const char *entity; /* "photo" or "proof" */
  const char *entity_id;
  const char *content_type; /* sniffed: "image/jpeg" or "application/pdf" */
  GBytes *bytes;
  const char *sha256; /* hex, of the bytes */
  /* JSON object the server writes as the record's "verdict" (a new
   * version in the change feed), or NULL to leave the record alone. */
  const char *verdict;
} BkServerFileUpload;

/* A stored file and who it belongs to. */
typedef struct
{
  GBytes *bytes;
  char *content_type;
  char *owner_id;
  /* A proof's application's session and point (a photo's: NULL). */
  char *session_id;
  char *point_code;
} BkServerStoredFile;

struct _BkServerDatabaseInterface
{
  GTypeInterface parent_iface;

  /* A cheap round trip: is the database reachable and migrated? */
  gboolean (*check) (BkServerDatabase *self, GError **error);

  /* Adds @account unless its user name or ID number is taken; *@created
   * says which. */
  gboolean (*create_account) (BkServerDatabase *self,
                              const BkServerAccount *account,
                              gboolean *created,
                              GError **error);
  /* NULL without an error when there is no such user name. */
  BkServerAccount *(*find_account) (BkServerDatabase *self, const char *user_name, GError **error);

  /* Failed sign-ins, counted per @scope ("account" or "address") and @key
   * since @since; *@oldest is the time of the oldest one counted. */
  gboolean (*count_failures) (BkServerDatabase *self,
                              const char *scope,
                              const char *key,
                              gint64 since,
                              guint *count,
                              gint64 *oldest,
                              GError **error);
  gboolean (*record_failure) (BkServerDatabase *self,
                              const char *account_key,
                              const char *address,
                              gint64 at,
                              GError **error);
  gboolean (*clear_failures) (BkServerDatabase *self, const char *account_key, GError **error);

  /* Bearer tokens, stored as their SHA-256 (hex). */
  gboolean (*add_token) (BkServerDatabase *self,
                         const char *token_hash,
                         const char *account_id,
                         gint64 created_at,
                         gint64 expires_at,
                         GError **error);
  /* The account of a token that is neither expired at @now nor revoked;
   * NULL without an error otherwise. */
  BkServerAccount *(*account_for_token) (BkServerDatabase *self,
                                         const char *token_hash,
                                         gint64 now,
                                         GError **error);
  gboolean (*revoke_token) (BkServerDatabase *self,
                            const char *token_hash,
                            gint64 at,
                            GError **error);

  gboolean (*audit) (BkServerDatabase *self, const BkServerAuditEntry *entry, GError **error);
  /* The newest @limit lines of the audit log, newest first, as a JSON
   * object {"entries": [...]}. */
  char *(*list_audit) (BkServerDatabase *self, guint limit, GError **error);

  /* Applies @changes for @account in one write transaction, storing the
   * answer under (@account, @idempotency_key) in the same transaction; a
   * request with a key already stored gets the stored answer and changes
   * nothing (a different @request_hash under the same key is refused with
   * 422). Each change is judged with bk_server_change_judge(). @audit
   * (nullable) is the push's audit line, completed from the answer with
   * bk_server_push_answer_audit() and written in the same transaction:
   * one durable commit, and no push applied without its line. */
  gboolean (*push) (BkServerDatabase *self,
                    const BkServerAccount *account,
                    const char *idempotency_key,
                    const char *request_hash,
                    GPtrArray *changes,
                    gint64 now,
                    const BkServerAuditEntry *audit,
                    BkServerPushAnswer *answer,
                    GError **error);

  /* Up to @limit changes @account may see with a cursor above @since, in
   * commit order, as a JSON object {"changes": [...], "next": N, "more": b}. */
  char *(*pull) (BkServerDatabase *self,
                 const BkServerAccount *account,
                 gint64 since,
                 guint limit,
                 GError **error);

  /* The workflow's storage (bk-server-workflow*.c). */

  /* The record, deleted or not; NULL without an error when there is none. */
  BkServerEntity *(*get_entity) (BkServerDatabase *self,
                                 const char *type,
                                 const char *id,
                                 GError **error);
  /* Of BkServerEntity, not deleted, matching @filter, oldest first. */
  GPtrArray *(*list_entities) (BkServerDatabase *self,
                               const BkServerEntityFilter *filter,
                               GError **error);
  /* In one write transaction: each write replaces an existing record's
   * payload if it is still at its base version, with a change in the feed
   * (as the owner's, seen by their pull), and @audit (nullable) is
   * appended. Any stale write applies nothing and fails with
   * BK_SERVER_ERROR_CONFLICT. */
  gboolean (*write_entities) (BkServerDatabase *self,
                              const BkServerEntityWrite *writes,
                              guint n_writes,
                              gint64 now,
                              const BkServerAuditEntry *audit,
                              GError **error);

  /* Reference documents the admin adds, as text under (@kind, @id),
   * replacing one with that key: kind "session" holds the exam sessions
   * (core's session format), kind "integrity" the exam-integrity file (one
   * document per ID number). */
  gboolean (*put_document) (BkServerDatabase *self,
                            const char *kind,
                            const char *id,
                            const char *data,
                            gint64 now,
                            GError **error);
  /* NULL without an error when there is none. */
  char *(*get_document) (BkServerDatabase *self, const char *kind, const char *id, GError **error);

  /* Stores @upload as the file of @account's record, replacing the one
   * before, in one write transaction with its verdict (if any). *@version
   * is the record's version afterwards; 0 when @account has no such
   * record (nothing is written). The same bytes again change nothing. */
  gboolean (*put_file) (BkServerDatabase *self,
                        const BkServerAccount *account,
                        const BkServerFileUpload *upload,
                        gint64 now,
                        gint64 *version,
                        GError **error);
  /* The file of the record (@entity, @entity_id); *@found FALSE when there
   * is none (or the record is deleted). */
  gboolean (*get_file) (BkServerDatabase *self,
                        const char *entity,
                        const char *entity_id,
                        BkServerStoredFile *file,
                        gboolean *found,
                        GError **error);
};

gboolean bk_server_database_check (BkServerDatabase *self, GError **error);
gboolean bk_server_database_create_account (BkServerDatabase *self,
                                            const BkServerAccount *account,
                                            gboolean *created,
                                            GError **error);
BkServerAccount *
bk_server_database_find_account (BkServerDatabase *self, const char *user_name, GError **error);
gboolean bk_server_database_count_failures (BkServerDatabase *self,
                                            const char *scope,
                                            const char *key,
                                            gint64 since,
                                            guint *count,
                                            gint64 *oldest,
                                            GError **error);
gboolean bk_server_database_record_failure (
  BkServerDatabase *self, const char *account_key, const char *address, gint64 at, GError **error);
gboolean
bk_server_database_clear_failures (BkServerDatabase *self, const char *account_key, GError **error);
gboolean bk_server_database_add_token (BkServerDatabase *self,
                                       const char *token_hash,
                                       const char *account_id,
                                       gint64 created_at,
                                       gint64 expires_at,
                                       GError **error);
BkServerAccount *bk_server_database_account_for_token (BkServerDatabase *self,
                                                       const char *token_hash,
                                                       gint64 now,
                                                       GError **error);
gboolean bk_server_database_revoke_token (BkServerDatabase *self,
                                          const char *token_hash,
                                          gint64 at,
                                          GError **error);
gboolean
bk_server_database_audit (BkServerDatabase *self, const BkServerAuditEntry *entry, GError **error);
char *bk_server_database_list_audit (BkServerDatabase *self, guint limit, GError **error);
gboolean bk_server_database_push (BkServerDatabase *self,
                                  const BkServerAccount *account,
                                  const char *idempotency_key,
                                  const char *request_hash,
                                  GPtrArray *changes,
                                  gint64 now,
                                  const BkServerAuditEntry *audit,
                                  BkServerPushAnswer *answer,
                                  GError **error);
char *bk_server_database_pull (BkServerDatabase *self,
                               const BkServerAccount *account,
                               gint64 since,
                               guint limit,
                               GError **error);

BkServerEntity *bk_server_database_get_entity (BkServerDatabase *self,
                                               const char *type,
                                               const char *id,
                                               GError **error);
GPtrArray *bk_server_database_list_entities (BkServerDatabase *self,
                                             const BkServerEntityFilter *filter,
                                             GError **error);
gboolean bk_server_database_write_entities (BkServerDatabase *self,
                                            const BkServerEntityWrite *writes,
                                            guint n_writes,
                                            gint64 now,
                                            const BkServerAuditEntry *audit,
                                            GError **error);
gboolean bk_server_database_put_document (BkServerDatabase *self,
                                          const char *kind,
                                          const char *id,
                                          const char *data,
                                          gint64 now,
                                          GError **error);
char *bk_server_database_get_document (BkServerDatabase *self,
                                       const char *kind,
                                       const char *id,
                                       GError **error);
gboolean bk_server_database_put_file (BkServerDatabase *self,
                                      const BkServerAccount *account,
                                      const BkServerFileUpload *upload,
                                      gint64 now,
                                      gint64 *version,
                                      GError **error);
gboolean bk_server_database_get_file (BkServerDatabase *self,
                                      const char *entity,
                                      const char *entity_id,
                                      BkServerStoredFile *file,
                                      gboolean *found,
                                      GError **error);

void bk_server_push_answer_clear (BkServerPushAnswer *answer);
/* Completes @entry, the audit line of a push of @n_changes, from its
 * @answer: status, decision (a change refused inside the push, another's
 * record or a server field, is a refusal too) and detail, which *@detail
 * holds. */
void bk_server_push_answer_audit (const BkServerPushAnswer *answer,
                                  guint n_changes,
                                  BkServerAuditEntry *entry,
                                  char **detail);
void bk_server_stored_file_clear (BkServerStoredFile *file);

G_END_DECLS
