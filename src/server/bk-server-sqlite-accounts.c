/* bk-server-sqlite-accounts.c — accounts, tokens and failed sign-ins in SQLite
 *
 * The account, token and sign_in_failure tables: what BkServerDatabase
 * asks for registering, signing in (with its rate limits) and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-sqlite-accounts.h"

gboolean
bk_server_sqlite_accounts_create (BkServerSqlitePool *self,
                                  const BkServerAccount *account,
                                  gboolean *created,
                                  GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;
  gboolean ok = FALSE;
  int rc;

  if (db == NULL)
    return FALSE;
  key = g_ascii_strdown (account->user_name, -1);
  stmt = bk_server_sqlite_prepare (
    db,
    "INSERT INTO account (id, user_key, user_name, real_name, id_type, id_number, "
    "mobile, password_hash, role, session_id, point_code, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%s', 'now')) "
    "ON CONFLICT DO NOTHING",
    error);
  if (stmt != NULL)
    {
      bk_server_sqlite_bind_text (stmt, 1, account->id);
      bk_server_sqlite_bind_text (stmt, 2, key);
      bk_server_sqlite_bind_text (stmt, 3, account->user_name);
      bk_server_sqlite_bind_text (stmt, 4, account->real_name);
      bk_server_sqlite_bind_text (stmt, 5, account->id_type);
      bk_server_sqlite_bind_text (stmt, 6, account->id_number);
      bk_server_sqlite_bind_text (stmt, 7, account->mobile);
      bk_server_sqlite_bind_text (stmt, 8, account->password_hash);
      bk_server_sqlite_bind_text (stmt, 9, bk_server_role_to_nick (account->role));
      bk_server_sqlite_bind_text (stmt, 10, account->session_id);
      bk_server_sqlite_bind_text (stmt, 11, account->point_code);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          *created = sqlite3_changes (db) == 1;
          ok = TRUE;
        }
      else
        bk_server_sqlite_fail (db, error, "adding an account");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return ok;
}

#define ACCOUNT_COLUMNS                                                                            \
  "a.id, a.user_name, a.real_name, a.id_type, a.id_number, a.mobile, a.password_hash, a.role, "    \
  "a.session_id, a.point_code"

static BkServerAccount *
read_account (sqlite3_stmt *stmt)
{
  BkServerAccount *account = bk_server_account_new ();

  account->id = bk_server_sqlite_column_text (stmt, 0);
  account->user_name = bk_server_sqlite_column_text (stmt, 1);
  account->real_name = bk_server_sqlite_column_text (stmt, 2);
  account->id_type = bk_server_sqlite_column_text (stmt, 3);
  account->id_number = bk_server_sqlite_column_text (stmt, 4);
  account->mobile = bk_server_sqlite_column_text (stmt, 5);
  account->password_hash = bk_server_sqlite_column_text (stmt, 6);
  if (!bk_server_role_from_nick ((const char *) sqlite3_column_text (stmt, 7), &account->role))
    account->role = BK_SERVER_ROLE_CANDIDATE;
  account->session_id = bk_server_sqlite_column_text (stmt, 8);
  account->point_code = bk_server_sqlite_column_text (stmt, 9);
  return account;
}

static BkServerAccount *
query_account (
  BkServerSqlitePool *self, const char *sql, const char *text, gint64 number, GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  BkServerAccount *account = NULL;
  int rc;

  if (db == NULL)
    return NULL;
  stmt = bk_server_sqlite_prepare (db, sql, error);
  if (stmt != NULL)
    {
      bk_server_sqlite_bind_text (stmt, 1, text);
      sqlite3_bind_int64 (stmt, 2, number);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        account = read_account (stmt);
      else if (rc != SQLITE_DONE)
        bk_server_sqlite_fail (db, error, "reading an account");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return account;
}

BkServerAccount *
bk_server_sqlite_accounts_find (BkServerSqlitePool *self, const char *user_name, GError **error)
{
  g_autofree char *key = g_ascii_strdown (user_name, -1);

  return query_account (self,
                        "SELECT " ACCOUNT_COLUMNS " FROM account a WHERE a.user_key = ? AND ? = 0",
                        key, 0, error);
}

BkServerAccount *
bk_server_sqlite_accounts_for_token (BkServerSqlitePool *self,
                                     const char *token_hash,
                                     gint64 now,
                                     GError **error)
{
  return query_account (self,
                        "SELECT " ACCOUNT_COLUMNS " FROM token t JOIN account a ON a.id = "
                        "t.account_id WHERE t.hash = ? AND t.expires_at > ? AND "
                        "t.revoked_at IS NULL",
                        token_hash, now, error);
}

gboolean
bk_server_sqlite_accounts_count_failures (BkServerSqlitePool *self,
                                          const char *scope,
                                          const char *key,
                                          gint64 since,
                                          guint *count,
                                          gint64 *oldest,
                                          GError **error)
{
  sqlite3 *db = bk_server_sqlite_pool_acquire (self, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  if (db == NULL)
    return FALSE;
  stmt = bk_server_sqlite_prepare (
    db,
    "SELECT count(*), coalesce(min(at), 0) FROM sign_in_failure WHERE scope = ? "
    "AND key = ? AND at >= ?",
    error);
  if (stmt != NULL)
    {
      bk_server_sqlite_bind_text (stmt, 1, scope);
      bk_server_sqlite_bind_text (stmt, 2, key);
      sqlite3_bind_int64 (stmt, 3, since);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *count = sqlite3_column_int (stmt, 0);
          *oldest = sqlite3_column_int64 (stmt, 1);
          ok = TRUE;
        }
      else
        bk_server_sqlite_fail (db, error, "counting failed sign-ins");
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  bk_server_sqlite_pool_release (self, db);
  return ok;
}

gboolean
bk_server_sqlite_accounts_record_failure (
  BkServerSqlitePool *self, const char *account_key, const char *address, gint64 at, GError **error)
{
  /* Failures older than a day count for nothing any more. */
  return bk_server_sqlite_pool_run (self, "DELETE FROM sign_in_failure WHERE at < ?", "i", error,
                                    at - 86400) &&
         bk_server_sqlite_pool_run (
           self,
           "INSERT INTO sign_in_failure (scope, key, at) VALUES ('account', ?, ?), "
           "('address', ?, ?)",
           "titi", error, account_key, at, address, at);
}

gboolean
bk_server_sqlite_accounts_clear_failures (BkServerSqlitePool *self,
                                          const char *account_key,
                                          GError **error)
{
  return bk_server_sqlite_pool_run (
    self, "DELETE FROM sign_in_failure WHERE scope = 'account' AND key = ?", "t", error,
    account_key);
}

gboolean
bk_server_sqlite_accounts_add_token (BkServerSqlitePool *self,
                                     const char *token_hash,
                                     const char *account_id,
                                     gint64 created_at,
                                     gint64 expires_at,
                                     GError **error)
{
  return bk_server_sqlite_pool_run (
    self, "INSERT INTO token (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
    "ttii", error, token_hash, account_id, created_at, expires_at);
}

gboolean
bk_server_sqlite_accounts_revoke_token (BkServerSqlitePool *self,
                                        const char *token_hash,
                                        gint64 at,
                                        GError **error)
{
  return bk_server_sqlite_pool_run (
    self, "UPDATE token SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL", "it", error, at,
    token_hash);
}
