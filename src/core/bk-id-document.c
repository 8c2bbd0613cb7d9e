/* bk-id-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-id-document.h"
#include "bk-text.h"
#include "bk-enum-nick.h"

G_DEFINE_BOXED_TYPE (BkIdDocument, bk_id_document, bk_id_document_copy, bk_id_document_free)

/* Province-level codes of GB/T 2260, plus 71 (Taiwan), 81 (Hong Kong), 82
 * (Macau) and 83, which residence permits for Taiwan residents use. */
static const guint province_codes[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
  44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
};

/* ISO 7064 MOD 11-2 as GB 11643-1999 lays it out. */
static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

char
bk_id_document_compute_check_char (const char *first17)
{
  guint sum = 0;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      g_return_val_if_fail (g_ascii_isdigit (first17[i]), '\0');
      sum += (guint) (first17[i] - '0') * weights[i];
    }
  return check_chars[sum % 11];
}

static gboolean
is_province (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    {
      if (province_codes[i] == code)
        return TRUE;
    }
  return FALSE;
}

static guint
digits_value (const char *text, guint count)
{
  guint v = 0;

  for (guint i = 0; i < count; i++)
    v = v * 10 + (guint) (text[i] - '0');
  return v;
}

static gboolean
check_resident_id (BkIdDocument *doc, const GDate *today, GError **error)
{
  const char *n = doc->number;
  guint year, month, day;
  glong length;
  char expected;

  length = g_utf8_strlen (n, -1);
  if (length != 18)
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %ld is how many characters were typed */
                   _ ("A resident ID number has 18 characters, this one %ld; check that none is "
                      "missing or extra."),
                   (long) length);
      return FALSE;
    }
  {
    const char *p = n;

    for (guint i = 0; i < 17; i++, p = g_utf8_next_char (p))
      {
        if (!g_ascii_isdigit (*p))
          {
            g_autofree char *found = g_strndup (p, g_utf8_next_char (p) - p);

            g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                         /* TRANSLATORS: the position (1–17) and the character found there */
                         _ ("Character %u is “%s”, but the first 17 characters of a resident "
                            "ID number are digits; check the number."),
                         i + 1, found);
            return FALSE;
          }
      }
  }
  if (!g_ascii_isdigit (n[17]) && n[17] != 'X')
    return bk_core_error_set_invalid (
      error, _ ("The last character of a resident ID number is a digit or X; "
                "check the number."));

  if (!is_province (digits_value (n, 2)))
    return bk_core_error_set_invalid (
      error, _ ("The number does not start with a province code; check the "
                "first two digits."));

  year = digits_value (n + 6, 4);
  month = digits_value (n + 10, 2);
  day = digits_value (n + 12, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return bk_core_error_set_invalid (
      error, _ ("Digits 7 to 14 are not a real birth date; check the number."));
  g_date_set_dmy (&doc->birth_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  if (g_date_compare (&doc->birth_date, today) > 0)
    {
      g_date_clear (&doc->birth_date, 1);
      return bk_core_error_set_invalid (
        error, _ ("The birth date in the number is in the future; check the "
                  "number."));
    }

  expected = bk_id_document_compute_check_char (n);
  if (n[17] != expected)
    {
      g_date_clear (&doc->birth_date, 1);
      return bk_core_error_set_invalid (
        error, _ ("The check character does not match the other digits; one of "
                  "them is probably mistyped."));
    }

  /* The 17th digit is the sequence's last: odd for men, even for women. */
  doc->sex = ((n[16] - '0') % 2 == 1) ? BK_SEX_MALE : BK_SEX_FEMALE;
  doc->region = g_strndup (n, 6);
  return TRUE;
}

static gboolean
matches (const char *pattern, const char *text)
{
  return g_regex_match_simple (pattern, text, 0, 0);
}

static gboolean
check_other (BkIdDocument *doc, const GDate *today, GError **error)
{
  const char *n = doc->number;

  switch (doc->type)
    {
      case BK_ID_TYPE_HK_MACAU_TAIWAN:
        /* Home-return permits (H/M + 8 or 10 digits), Taiwan compatriot
         * permits (8 digits, older ones 10) and 18-character residence
         * permits (810000/820000/830000, GB 11643 format). */
        if (matches ("^[HM][0-9]{8}([0-9]{2})?$", n) || matches ("^[0-9]{8}([0-9]{2})?$", n))
          return TRUE;
        if (strlen (n) == 18 && (g_str_has_prefix (n, "81") || g_str_has_prefix (n, "82") ||
                                 g_str_has_prefix (n, "83")))
          return check_resident_id (doc, today, error);
        return bk_core_error_set_invalid (
          error, _ ("A Hong Kong or Macau permit number is H or M and 8 or 10 "
                    "digits, a Taiwan permit number 8 digits, a residence permit "
                    "number 18 characters; check the number."));
      case BK_ID_TYPE_PASSPORT:
        if (matches ("^[A-Z0-9]{5,17}$", n) && strpbrk (n, "0123456789") != NULL)
          return TRUE;
        return bk_core_error_set_invalid (
          error, _ ("A passport number has 5 to 17 letters and digits; check the "
                    "number."));
      case BK_ID_TYPE_MILITARY:
        if (matches ("^(\\p{Han}{1,3}字第)?[0-9]{6,10}号?$", n))
          return TRUE;
        return bk_core_error_set_invalid (
          error, _ ("A military officer card number is 6 to 10 digits, optionally "
                    "as “X字第…号”; check the number."));
      case BK_ID_TYPE_RESIDENT_ID:
      default:
        g_assert_not_reached ();
    }
}

BkIdDocument *
bk_id_document_parse (BkIdType type, const char *number, const GDate *today, GError **error)
{
  g_autoptr (BkIdDocument) doc = NULL;
  GDate now;

  g_return_val_if_fail (type <= BK_ID_TYPE_MILITARY, NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  doc = g_new0 (BkIdDocument, 1);
  doc->type = type;
  g_date_clear (&doc->birth_date, 1);
  /* Full-width digits and Ｘ/ｘ as a Chinese input method types them, spaces
   * anywhere, and 'x' for 'X' are accepted. */
  doc->number = bk_text_normalize_number (number);
  doc->needs_manual_verification = (type != BK_ID_TYPE_RESIDENT_ID);

  if (*doc->number == '\0')
    {
      bk_core_error_set_invalid (error, _ ("The document number is empty; type the number."));
      return NULL;
    }

  if (type == BK_ID_TYPE_RESIDENT_ID ? !check_resident_id (doc, today, error)
                                     : !check_other (doc, today, error))
    return NULL;

  return g_steal_pointer (&doc);
}

BkIdDocument *
bk_id_document_copy (const BkIdDocument *self)
{
  BkIdDocument *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->number = g_strdup (self->number);
  copy->region = g_strdup (self->region);
  return copy;
}

void
bk_id_document_free (BkIdDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->number);
  g_free (self->region);
  g_free (self);
}

const char *
bk_id_type_to_nick (BkIdType type)
{
  return bk_enum_to_nick (BK_TYPE_ID_TYPE, type);
}

gboolean
bk_id_type_from_nick (const char *nick, BkIdType *type)
{
  int value;

  g_return_val_if_fail (type != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_ID_TYPE, nick, &value))
    return FALSE;
  if (type != NULL)
    *type = (BkIdType) value;
  return TRUE;
}

const char *
bk_sex_to_nick (BkSex sex)
{
  return bk_enum_to_nick (BK_TYPE_SEX, sex);
}

gboolean
bk_sex_from_nick (const char *nick, BkSex *sex)
{
  int value;

  g_return_val_if_fail (sex != NULL, FALSE);

  if (!bk_enum_from_nick (BK_TYPE_SEX, nick, &value))
    return FALSE;
  if (sex != NULL)
    *sex = (BkSex) value;
  return TRUE;
}
