/* bk-server-account.h — an account on the registration server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Nicks: "candidate", "staff", "admin". */
typedef enum
{
  BK_SERVER_ROLE_CANDIDATE, /* their own data only */
  BK_SERVER_ROLE_STAFF,     /* bound to one point of one session */
  BK_SERVER_ROLE_ADMIN,     /* the examination authority */
} BkServerRole;

typedef struct
{
  char *id; /* UUID */
  char *user_name;
  char *real_name;
  char *id_type;   /* BkIdType nick */
  char *id_number; /* normalised */
  char *mobile;
  char *password_hash; /* libsodium crypto_pwhash_str */
  BkServerRole role;
  char *session_id; /* staff only */
  char *point_code; /* staff only */
} BkServerAccount;

#define BK_TYPE_SERVER_ACCOUNT (bk_server_account_get_type ())

GType bk_server_account_get_type (void) G_GNUC_CONST;
BkServerAccount *bk_server_account_new (void);
BkServerAccount *bk_server_account_copy (const BkServerAccount *self);
void bk_server_account_free (BkServerAccount *self);

const char *bk_server_role_to_nick (BkServerRole role);
gboolean bk_server_role_from_nick (const char *nick, BkServerRole *role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkServerAccount, bk_server_account_free)

G_END_DECLS
