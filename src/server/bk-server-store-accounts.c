/* bk-server-store-accounts.c — accounts, tokens and failed sign-ins
 *
 * The account, token and sign_in_failure tables: what BkServerDatabase
 * asks for registering, signing in (with its rate limits) and out. Every
 * count lives in the database, so server processes sharing it share the
 * limits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-store-accounts.h"

gboolean
bk_server_store_accounts_check (BkServerSql *self, GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  gboolean ok;

  if (connection == NULL)
    return FALSE;
  /* count(*) always gives a row: NULL is an error. */
  rows = bk_server_sql_query_row (connection, error, "SELECT count(*) FROM account", "");
  ok = rows != NULL;
  g_clear_pointer (&rows, bk_server_sql_rows_free); /* before the connection goes back */
  bk_server_sql_release (self, connection);
  return ok;
}

gboolean
bk_server_store_accounts_create (BkServerSql *self,
                                 const BkServerAccount *account,
                                 gboolean *created,
                                 GError **error)
{
  g_autofree char *key = g_ascii_strdown (account->user_name, -1);
  gint64 changed;

  changed = bk_server_sql_run_once (
    self, error,
    "INSERT INTO account (id, user_key, user_name, real_name, id_type, id_number, "
    "mobile, password_hash, role, session_id, point_code, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
    "ON CONFLICT DO NOTHING",
    "ttttttttttti", account->id, key, account->user_name, account->real_name, account->id_type,
    account->id_number, account->mobile, account->password_hash,
    bk_server_role_to_nick (account->role), account->session_id, account->point_code,
    g_get_real_time () / G_USEC_PER_SEC);
  if (changed < 0)
    return FALSE;
  *created = changed == 1;
  return TRUE;
}

#define ACCOUNT_COLUMNS                                                                            \
  "a.id, a.user_name, a.real_name, a.id_type, a.id_number, a.mobile, a.password_hash, a.role, "    \
  "a.session_id, a.point_code"

static BkServerAccount *
read_account (BkServerSqlRows *rows)
{
  BkServerAccount *account = bk_server_account_new ();

  account->id = bk_server_sql_rows_dup_text (rows, 0);
  account->user_name = bk_server_sql_rows_dup_text (rows, 1);
  account->real_name = bk_server_sql_rows_dup_text (rows, 2);
  account->id_type = bk_server_sql_rows_dup_text (rows, 3);
  account->id_number = bk_server_sql_rows_dup_text (rows, 4);
  account->mobile = bk_server_sql_rows_dup_text (rows, 5);
  account->password_hash = bk_server_sql_rows_dup_text (rows, 6);
  if (!bk_server_role_from_nick (bk_server_sql_rows_text (rows, 7), &account->role))
    account->role = BK_SERVER_ROLE_CANDIDATE;
  account->session_id = bk_server_sql_rows_dup_text (rows, 8);
  account->point_code = bk_server_sql_rows_dup_text (rows, 9);
  return account;
}

/* The account @sql finds with @text as $1 and @number as $2, if any. */
static BkServerAccount *
query_account (BkServerSql *self, const char *sql, const char *text, gint64 number, GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  BkServerAccount *account = NULL;

  if (connection == NULL)
    return NULL;
  rows = bk_server_sql_query_row (connection, error, sql, "ti", text, number);
  if (rows != NULL)
    account = read_account (rows);
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  return account;
}

BkServerAccount *
bk_server_store_accounts_find (BkServerSql *self, const char *user_name, GError **error)
{
  g_autofree char *key = g_ascii_strdown (user_name, -1);

  return query_account (
    self, "SELECT " ACCOUNT_COLUMNS " FROM account a WHERE a.user_key = $1 AND $2 = 0", key, 0,
    error);
}

BkServerAccount *
bk_server_store_accounts_for_token (BkServerSql *self,
                                    const char *token_hash,
                                    gint64 now,
                                    GError **error)
{
  return query_account (self,
                        "SELECT " ACCOUNT_COLUMNS " FROM token t JOIN account a ON a.id = "
                        "t.account_id WHERE t.hash = $1 AND t.expires_at > $2 AND "
                        "t.revoked_at IS NULL",
                        token_hash, now, error);
}

gboolean
bk_server_store_accounts_count_failures (BkServerSql *self,
                                         const char *scope,
                                         const char *key,
                                         gint64 since,
                                         guint *count,
                                         gint64 *oldest,
                                         GError **error)
{
  BkServerSqlConnection *connection = bk_server_sql_acquire (self, error);
  g_autoptr (BkServerSqlRows) rows = NULL;
  gboolean ok = FALSE;

  if (connection == NULL)
    return FALSE;
  rows = bk_server_sql_query_row (connection, error,
                                  "SELECT count(*), coalesce(min(at), 0) FROM sign_in_failure "
                                  "WHERE scope = $1 AND key = $2 AND at >= $3",
                                  "tti", scope, key, since);
  if (rows != NULL)
    {
      *count = bk_server_sql_rows_int (rows, 0);
      *oldest = bk_server_sql_rows_int (rows, 1);
      ok = TRUE;
    }
  g_clear_pointer (&rows, bk_server_sql_rows_free);
  bk_server_sql_release (self, connection);
  return ok;
}

gboolean
bk_server_store_accounts_record_failure (
  BkServerSql *self, const char *account_key, const char *address, gint64 at, GError **error)
{
  /* Failures older than a day count for nothing any more. */
  return bk_server_sql_run_once (self, error, "DELETE FROM sign_in_failure WHERE at < $1", "i",
                                 at - 86400) >= 0 &&
         bk_server_sql_run_once (self, error,
                                 "INSERT INTO sign_in_failure (scope, key, at) VALUES "
                                 "('account', $1, $2), ('address', $3, $2)",
                                 "tit", account_key, at, address) >= 0;
}

gboolean
bk_server_store_accounts_clear_failures (BkServerSql *self, const char *account_key, GError **error)
{
  return bk_server_sql_run_once (self, error,
                                 "DELETE FROM sign_in_failure WHERE scope = 'account' AND key = $1",
                                 "t", account_key) >= 0;
}

gboolean
bk_server_store_accounts_add_token (BkServerSql *self,
                                    const char *token_hash,
                                    const char *account_id,
                                    gint64 created_at,
                                    gint64 expires_at,
                                    GError **error)
{
  return bk_server_sql_run_once (self, error,
                                 "INSERT INTO token (hash, account_id, created_at, expires_at) "
                                 "VALUES ($1, $2, $3, $4)",
                                 "ttii", token_hash, account_id, created_at, expires_at) >= 0;
}

gboolean
bk_server_store_accounts_revoke_token (BkServerSql *self,
                                       const char *token_hash,
                                       gint64 at,
                                       GError **error)
{
  return bk_server_sql_run_once (
           self, error, "UPDATE token SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL",
           "it", at, token_hash) >= 0;
}
