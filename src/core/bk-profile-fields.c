/* bk-profile-fields.c — the rules for each field of a profile, as typed
 *
 * Each function checks one value on its own, so a page can check a field
 * while the candidate types and BkProfile can judge its completeness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-profile-fields.h"
#include "bk-text.h"

char *
bk_profile_mask_id_number (const char *number)
{
  g_autofree gunichar *chars = NULL;
  glong length = 0;
  glong keep_start, keep_end;
  GString *masked;

  if (number == NULL)
    return g_strdup ("");

  chars = g_utf8_to_ucs4 (number, -1, NULL, &length, NULL);
  if (chars == NULL)
    return g_strdup ("");

  /* Enough to tell two of one's own profiles apart, too little to use. */
  if (length >= 10)
    keep_start = 3, keep_end = 4;
  else if (length >= 4)
    keep_start = 1, keep_end = 1;
  else
    keep_start = 0, keep_end = 0;

  masked = g_string_new (NULL);
  for (glong i = 0; i < length; i++)
    {
      if (i < keep_start || i >= length - keep_end)
        g_string_append_unichar (masked, chars[i]);
      else
        g_string_append_c (masked, '*');
    }
  return g_string_free (masked, FALSE);
}

gboolean
bk_profile_validate_real_name (const char *real_name, GError **error)
{
  g_autofree char *trimmed = NULL;

  if (bk_text_is_blank (real_name))
    return bk_core_error_set_invalid (
      error, _ ("Real name: enter your name exactly as on your ID document."));
  trimmed = g_strstrip (g_strdup (real_name));
  return bk_text_check_name (_ ("Real name"), trimmed, BK_TEXT_MIN_NAME, BK_TEXT_MAX_NAME, error);
}

gboolean
bk_profile_validate_mobile (const char *text, GError **error)
{
  g_autofree char *mobile = bk_text_normalize_number (text);

  if (*mobile == '\0')
    return bk_core_error_set_invalid (
      error, _ ("Mobile phone: enter your own mobile number; notices are sent to "
                "it by SMS."));
  if (!g_regex_match_simple ("^[0-9]+$", mobile, 0, 0))
    return bk_core_error_set_invalid (
      error, _ ("Mobile phone: use digits only, without spaces, dashes or +86."));
  if (strlen (mobile) != 11)
    return bk_core_error_set_invalid (
      error, _ ("Mobile phone: a mainland mobile number has 11 digits; check that "
                "none is missing or extra."));
  if (!g_regex_match_simple ("^1[3-9]", mobile, 0, 0))
    return bk_core_error_set_invalid (
      error, _ ("Mobile phone: a mainland mobile number starts with 13 to 19; "
                "check the first two digits."));
  return TRUE;
}

gboolean
bk_profile_validate_user_name (const char *user_name, GError **error)
{
  gsize length = user_name != NULL ? strlen (user_name) : 0;

  if (length == 0)
    return bk_core_error_set_invalid (error, _ ("User name: choose a user name to sign in with."));
  /* A Chinese input method in full-width mode types ｚｈａｎｇ: say so. */
  if (g_utf8_validate (user_name, -1, NULL))
    for (const char *p = user_name; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c >= 0xFF01 && c <= 0xFF5E)
          return bk_core_error_set_invalid (
            error, _ ("User name: these are full-width characters; switch the "
                      "input method to English (half-width) and type it again."));
      }
  if (!g_ascii_isalpha (user_name[0]))
    return bk_core_error_set_invalid (error, _ ("User name: start with a letter (a–z)."));
  if (!g_regex_match_simple ("^[A-Za-z0-9_]+$", user_name, 0, 0))
    return bk_core_error_set_invalid (
      error, _ ("User name: use only letters a–z, digits and the underscore (_)."));
  if (length < 4 || length > 20)
    return bk_core_error_set_invalid (error, _ ("User name: use 4 to 20 characters."));
  return TRUE;
}

gboolean
bk_profile_validate_id_number (BkIdType id_type, const char *number, GError **error)
{
  g_autoptr (BkIdDocument) doc = NULL;
  GDate today;

  g_return_val_if_fail (id_type <= BK_ID_TYPE_MILITARY, FALSE);

  bk_clock_get_today (&today);
  doc = bk_id_document_parse (id_type, number != NULL ? number : "", &today, error);
  return doc != NULL;
}

gboolean
bk_profile_validate_email (const char *email, GError **error)
{
  if (email == NULL || *email == '\0')
    return TRUE;
  for (const char *p = email; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return bk_core_error_set_invalid (
        error, _ ("Email: use only English letters, digits and symbols such as . _ - "
                  "@, without spaces; switch the input method to English "
                  "(half-width) characters."));
  if (!bk_text_check_plain (_ ("Email"), email, BK_TEXT_MAX_EMAIL, error))
    return FALSE;
  if (!g_regex_match_simple ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email, 0, 0))
    return bk_core_error_set_invalid (
      error, _ ("Email: enter an address like name@example.com, or leave it "
                "empty."));
  return TRUE;
}

static gboolean
validate_required_text (const char *label, const char *text, guint max, GError **error)
{
  if (bk_text_is_blank (text))
    {
      /* TRANSLATORS: a field name */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   _ ("%s: fill this in; it is needed to apply."), label);
      return FALSE;
    }
  return bk_text_check_plain (label, text, max, error);
}

gboolean
bk_profile_validate_ethnicity (const char *ethnicity, GError **error)
{
  return validate_required_text (_ ("Ethnicity"), ethnicity, BK_TEXT_MAX_ETHNICITY, error);
}

gboolean
bk_profile_validate_work_unit (const char *work_unit, GError **error)
{
  return validate_required_text (_ ("Work unit"), work_unit, BK_TEXT_MAX_WORK_UNIT, error);
}

gboolean
bk_profile_validate_address (const char *address, GError **error)
{
  return validate_required_text (_ ("Contact address"), address, BK_TEXT_MAX_ADDRESS, error);
}

gboolean
bk_profile_validate_postcode (const char *text, GError **error)
{
  g_autofree char *postcode = bk_text_normalize_number (text);

  if (!g_regex_match_simple ("^[0-9]{6}$", postcode, 0, 0))
    return bk_core_error_set_invalid (error,
                                      _ ("Postcode: enter the six digits of your postcode."));
  return TRUE;
}
