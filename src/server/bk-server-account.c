/* bk-server-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-account.h"

G_DEFINE_BOXED_TYPE (BkServerAccount,
                     bk_server_account,
                     bk_server_account_copy,
                     bk_server_account_free)

static const char *const role_nicks[] = { "candidate", "staff", "admin" };

BkServerAccount *
bk_server_account_new (void)
{
  return g_new0 (BkServerAccount, 1);
}

BkServerAccount *
bk_server_account_copy (const BkServerAccount *self)
{
  BkServerAccount *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bk_server_account_new ();
  copy->id = g_strdup (self->id);
  copy->user_name = g_strdup (self->user_name);
  copy->real_name = g_strdup (self->real_name);
  copy->id_type = g_strdup (self->id_type);
  copy->id_number = g_strdup (self->id_number);
  copy->mobile = g_strdup (self->mobile);
  copy->password_hash = g_strdup (self->password_hash);
  copy->role = self->role;
  copy->session_id = g_strdup (self->session_id);
  copy->point_code = g_strdup (self->point_code);
  return copy;
}

void
bk_server_account_free (BkServerAccount *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->user_name);
  g_free (self->real_name);
  g_free (self->id_type);
  g_free (self->id_number);
  g_free (self->mobile);
  g_free (self->password_hash);
  g_free (self->session_id);
  g_free (self->point_code);
  g_free (self);
}

const char *
bk_server_role_to_nick (BkServerRole role)
{
  g_return_val_if_fail (role <= BK_SERVER_ROLE_ADMIN, NULL);
  return role_nicks[role];
}

gboolean
bk_server_role_from_nick (const char *nick, BkServerRole *role)
{
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (role_nicks); i++)
    if (g_strcmp0 (nick, role_nicks[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}
