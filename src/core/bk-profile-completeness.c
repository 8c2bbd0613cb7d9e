/* bk-profile-completeness.c — what a profile still lacks before the
 * candidate can apply, and whether its account page is right
 *
 * Part of BkProfile (declared in bk-profile.h); works through the
 * profile's public accessors only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-core-error.h"
#include "bk-profile.h"

/* 0: none; 1: some, all valid; -1: some, not all valid. */
static int
list_state (GListModel *list, gboolean (*validate) (gpointer, const char **, GError **))
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  /* Not yet constructed: the lists do not exist. */
  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) entry = g_list_model_get_item (list, i);

      if (!validate (entry, NULL, NULL))
        return -1;
    }
  return 1;
}

int
bk_profile_get_completeness (BkProfile *self, GPtrArray **missing)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint total = 0, done = 0;
  int education, work;

#define ITEM(ok, name)                                                                             \
  G_STMT_START                                                                                     \
  {                                                                                                \
    total++;                                                                                       \
    if (ok)                                                                                        \
      done++;                                                                                      \
    else                                                                                           \
      g_ptr_array_add (names, g_strdup (name));                                                    \
  }                                                                                                \
  G_STMT_END

  g_return_val_if_fail (BK_IS_PROFILE (self), 0);

  /* The account page */
  ITEM (bk_profile_validate_real_name (bk_profile_get_real_name (self), NULL), _ ("Real name"));
  ITEM (bk_profile_validate_id_number (bk_profile_get_id_type (self),
                                       bk_profile_get_id_number (self), NULL),
        _ ("ID number"));
  ITEM (bk_profile_validate_mobile (bk_profile_get_mobile (self), NULL), _ ("Mobile phone number"));
  ITEM (bk_profile_validate_user_name (bk_profile_get_user_name (self), NULL), _ ("User name"));
  ITEM (*bk_profile_get_password_hash (self) != '\0', _ ("Password"));

  /* The profile page */
  ITEM (bk_profile_get_sex (self) != BK_SEX_UNKNOWN, _ ("Sex"));
  ITEM (g_date_valid (bk_profile_get_birth_date (self)), _ ("Date of birth"));
  ITEM (bk_profile_validate_ethnicity (bk_profile_get_ethnicity (self), NULL), _ ("Ethnicity"));
  ITEM (bk_profile_validate_work_unit (bk_profile_get_work_unit (self), NULL), _ ("Work unit"));
  ITEM (bk_profile_validate_address (bk_profile_get_address (self), NULL), _ ("Contact address"));
  ITEM (bk_profile_validate_postcode (bk_profile_get_postcode (self), NULL), _ ("Postcode"));
  ITEM (bk_profile_validate_email (bk_profile_get_email (self), NULL), _ ("Email address"));

  education =
    list_state (bk_profile_get_education (self),
                (gboolean (*) (gpointer, const char **, GError **)) bk_education_entry_validate);
  ITEM (education == 1, education == 0 ? _ ("At least one education record")
                                       : _ ("Every education record filled in correctly"));
  work = list_state (bk_profile_get_work (self),
                     (gboolean (*) (gpointer, const char **, GError **)) bk_work_entry_validate);
  ITEM (work == 1,
        work == 0 ? _ ("At least one work period") : _ ("Every work period filled in correctly"));

  /* The photo page */
  ITEM (bk_profile_get_photo_standardised (self) != NULL && bk_profile_get_photo_accepted (self),
        _ ("A photo that passed the checks"));

#undef ITEM

  if (missing != NULL)
    *missing = g_steal_pointer (&names);

  /* Rounded down, so 100 means nothing is missing. */
  return (int) (done * 100 / total);
}

gboolean
bk_profile_validate_account (BkProfile *self, const char **field, GError **error)
{
  const char *at = NULL;
  gboolean ok;

  g_return_val_if_fail (BK_IS_PROFILE (self), FALSE);

  if (!bk_profile_validate_real_name (bk_profile_get_real_name (self), error))
    at = "real-name";
  else if (!bk_profile_validate_id_number (bk_profile_get_id_type (self),
                                           bk_profile_get_id_number (self), error))
    at = "id-number";
  else if (!bk_profile_validate_mobile (bk_profile_get_mobile (self), error))
    at = "mobile";
  else if (!bk_profile_validate_user_name (bk_profile_get_user_name (self), error))
    at = "user-name";
  else if (*bk_profile_get_password_hash (self) == '\0')
    {
      at = "password-hash";
      bk_core_error_set_invalid (
        error, _ ("Password: choose a password to protect this profile on a shared "
                  "computer."));
    }

  ok = at == NULL;
  if (field != NULL)
    *field = at;
  return ok;
}
