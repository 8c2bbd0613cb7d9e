/* bk-profile-entries.c — a profile's education records and work periods
 *
 * Part of BkProfile (declared in bk-profile.h): the lists are the
 * profile's own GListStores; a change to a list or to one of its entries
 * updates the profile's completeness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-profile-private.h"
#include "bk-profile.h"

static void
entry_notify_cb (BkProfile *self, GParamSpec *pspec, GObject *entry)
{
  bk_profile_update_completeness (self);
}

static void
add_entry (BkProfile *self, GListModel *list, gpointer entry)
{
  g_return_if_fail (!g_list_store_find (G_LIST_STORE (list), entry, NULL));

  g_signal_connect_object (entry, "notify", G_CALLBACK (entry_notify_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (G_LIST_STORE (list), entry);
  bk_profile_update_completeness (self);
}

static void
remove_entry (BkProfile *self, GListModel *list, gpointer entry)
{
  guint position;

  if (!g_list_store_find (G_LIST_STORE (list), entry, &position))
    return;
  g_signal_handlers_disconnect_by_data (entry, self);
  g_list_store_remove (G_LIST_STORE (list), position);
  bk_profile_update_completeness (self);
}

void
bk_profile_add_education (BkProfile *self, BkEducationEntry *entry)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (entry));

  add_entry (self, bk_profile_get_education (self), entry);
}

void
bk_profile_remove_education (BkProfile *self, BkEducationEntry *entry)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (BK_IS_EDUCATION_ENTRY (entry));

  remove_entry (self, bk_profile_get_education (self), entry);
}

void
bk_profile_add_work (BkProfile *self, BkWorkEntry *entry)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (BK_IS_WORK_ENTRY (entry));

  add_entry (self, bk_profile_get_work (self), entry);
}

void
bk_profile_remove_work (BkProfile *self, BkWorkEntry *entry)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (BK_IS_WORK_ENTRY (entry));

  remove_entry (self, bk_profile_get_work (self), entry);
}
