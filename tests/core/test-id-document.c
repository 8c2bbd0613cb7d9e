/* test-id-document.c — GB 11643-1999 numbers and other documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-id-document.h"

static GDate today;

static BkIdDocument *
parse (BkIdType type, const char *number, GError **error)
{
  return bk_id_document_parse (type, number, &today, error);
}

static void
assert_invalid (BkIdType type, const char *number, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkIdDocument) doc = parse (type, number, &error);

  g_test_message ("%s", number);
  g_assert_null (doc);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

/* The sample number of GB 11643-1999. */
static void
test_standard_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkIdDocument) doc = parse (BK_ID_TYPE_RESIDENT_ID, "11010519491231002X", &error);
  char buf[16];

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (bk_dates_format (&doc->birth_date, buf), ==, "1949-12-31");
  g_assert_cmpint (doc->sex, ==, BK_SEX_FEMALE);
  g_assert_cmpstr (doc->region, ==, "110105");
  g_assert_false (doc->needs_manual_verification);
  g_assert_cmpint (bk_id_document_compute_check_char ("11010519491231002"), ==, 'X');
}

static void
test_lower_case_x (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkIdDocument) doc = parse (BK_ID_TYPE_RESIDENT_ID, " 11010519491231002x ", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->number, ==, "11010519491231002X");
}

/* As a Chinese input method types it: full-width digits and Ｘ, spaces. */
static void
test_full_width (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkIdDocument) doc = NULL;
  g_autoptr (BkIdDocument) spaced = NULL;
  g_autoptr (BkIdDocument) lower = NULL;
  char buf[16];

  doc = parse (BK_ID_TYPE_RESIDENT_ID, "１１０１０５１９４９１２３１００２Ｘ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->number, ==, "11010519491231002X");
  g_assert_cmpstr (bk_dates_format (&doc->birth_date, buf), ==, "1949-12-31");
  lower = parse (BK_ID_TYPE_RESIDENT_ID, "１１０１０５１９４９１２３１００２ｘ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lower->number, ==, "11010519491231002X");
  /* Groups separated by spaces, the ideographic one too. */
  spaced = parse (BK_ID_TYPE_RESIDENT_ID, "110105 19491231\u3000002X", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spaced->number, ==, "11010519491231002X");

  /* What is wrong is said exactly: the count of characters typed. */
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "１１０１０５１９４９１２３１００２", "this one 17");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "一一０１０５１９４９１２３１００２Ｘ",
                  "Character 1 is “一”");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "1101051949123100AX", "Character 17 is “A”");
  /* Other documents too. */
  g_clear_pointer (&doc, bk_id_document_free);
  doc = parse (BK_ID_TYPE_PASSPORT, "Ｅ１２３４５６７８", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (doc->number, ==, "E12345678");
}

/* Numbers whose check character is computed here from the weights, so a
 * wrong table in the code would fail. */
static void
test_check_characters (void)
{
  static const guint weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char *const bodies[] = {
    "44030419900101001", "21010219851115123", "31011520000229456",
    "65010120101231987", "81000019990909111",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      guint sum = 0;
      char number[19];
      char right;

      for (guint j = 0; j < 17; j++)
        sum += (guint) (bodies[i][j] - '0') * weights[j];
      right = "10X98765432"[sum % 11];
      g_snprintf (number, sizeof number, "%s%c", bodies[i], right);
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (BkIdDocument) doc = parse (BK_ID_TYPE_RESIDENT_ID, number, &error);

        g_assert_no_error (error);
        g_assert_cmpint (doc->sex, ==, (bodies[i][16] - '0') % 2 ? BK_SEX_MALE : BK_SEX_FEMALE);
      }
      /* Every other check character is refused. */
      for (const char *c = "0123456789X"; *c != '\0'; c++)
        {
          if (*c == right)
            continue;
          number[17] = *c;
          assert_invalid (BK_ID_TYPE_RESIDENT_ID, number, "check character");
        }
    }
}

static void
test_male (void)
{
  g_autoptr (GError) error = NULL;
  char number[19] = "11010519491231001";
  g_autoptr (BkIdDocument) doc = NULL;

  number[17] = bk_id_document_compute_check_char (number);
  number[18] = '\0';
  doc = parse (BK_ID_TYPE_RESIDENT_ID, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->sex, ==, BK_SEX_MALE);
}

static char *
with_check (const char *body)
{
  return g_strdup_printf ("%s%c", body, bk_id_document_compute_check_char (body));
}

static void
test_impossible_dates (void)
{
  static const char *const bodies[] = {
    "11010519490230002", /* 30 February */
    "11010519491301002", /* month 13 */
    "11010519490001002", /* month 0 */
    "11010519490100002", /* day 0 */
    "11010519000229002", /* 1900 was not a leap year */
    "11010518991231002", /* before 1900 */
    "11010530000101002", /* far future */
    "11010520260101002", /* after "today" (2025-06-15) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *number = with_check (bodies[i]);

      assert_invalid (BK_ID_TYPE_RESIDENT_ID, number, "date");
    }
  /* 29 February of a leap year and "today" itself are fine. */
  {
    g_autofree char *leap = with_check ("11010520000229002");
    g_autofree char *now = with_check ("11010520250615002");
    g_autofree char *first = with_check ("11010519000101002");
    g_autoptr (BkIdDocument) a = parse (BK_ID_TYPE_RESIDENT_ID, leap, NULL);
    g_autoptr (BkIdDocument) b = parse (BK_ID_TYPE_RESIDENT_ID, now, NULL);
    g_autoptr (BkIdDocument) c = parse (BK_ID_TYPE_RESIDENT_ID, first, NULL);

    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_nonnull (c);
  }
}

static void
test_region (void)
{
  static const char *const bad[] = { "00010519491231002", "99010519491231002", "10010519491231002",
                                     "20010519491231002" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *number = with_check (bad[i]);

      assert_invalid (BK_ID_TYPE_RESIDENT_ID, number, "province");
    }
}

static void
test_format (void)
{
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "", "empty");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "11010519491231002", "18");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "11010519491231002X1", "18");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "1101051949123100AX", "digits");
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "11010519491231002Y", "digit or X");
  /* The old 15-digit numbers are not accepted. */
  assert_invalid (BK_ID_TYPE_RESIDENT_ID, "110105491231002", "18");
}

static void
test_other_types (void)
{
  static const struct
  {
    BkIdType type;
    const char *number;
    gboolean valid;
  } cases[] = {
    { BK_ID_TYPE_HK_MACAU_TAIWAN, "H12345678", TRUE },
    { BK_ID_TYPE_HK_MACAU_TAIWAN, "m1234567890", TRUE },
    { BK_ID_TYPE_HK_MACAU_TAIWAN, "12345678", TRUE },
    { BK_ID_TYPE_HK_MACAU_TAIWAN, "X12345678", FALSE },
    { BK_ID_TYPE_HK_MACAU_TAIWAN, "H1234", FALSE },
    { BK_ID_TYPE_PASSPORT, "E12345678", TRUE },
    { BK_ID_TYPE_PASSPORT, "ab1234567", TRUE },
    { BK_ID_TYPE_PASSPORT, "ABCDEFGH", FALSE },
    { BK_ID_TYPE_PASSPORT, "E12-345", FALSE },
    { BK_ID_TYPE_MILITARY, "南字第1234567号", TRUE },
    { BK_ID_TYPE_MILITARY, "12345678", TRUE },
    { BK_ID_TYPE_MILITARY, "南字第12号", FALSE },
    { BK_ID_TYPE_MILITARY, "ABC", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkIdDocument) doc = parse (cases[i].type, cases[i].number, &error);

      g_test_message ("%s", cases[i].number);
      g_assert_cmpint (doc != NULL, ==, cases[i].valid);
      if (doc != NULL)
        {
          g_assert_true (doc->needs_manual_verification);
          g_assert_cmpint (doc->sex, ==, BK_SEX_UNKNOWN);
          g_assert_false (g_date_valid (&doc->birth_date));
        }
      else
        g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
    }

  /* A residence permit for Hong Kong residents is a GB 11643 number. */
  {
    g_autofree char *permit = with_check ("81000019900101001");
    g_autoptr (BkIdDocument) doc = parse (BK_ID_TYPE_HK_MACAU_TAIWAN, permit, NULL);

    g_assert_nonnull (doc);
    g_assert_true (doc->needs_manual_verification);
    g_assert_cmpint (doc->sex, ==, BK_SEX_MALE);
    permit[17] = permit[17] == '1' ? '2' : '1';
    assert_invalid (BK_ID_TYPE_HK_MACAU_TAIWAN, permit, "check character");
  }
}

static void
test_nicks (void)
{
  BkIdType type;

  for (BkIdType t = BK_ID_TYPE_RESIDENT_ID; t <= BK_ID_TYPE_MILITARY; t++)
    {
      g_assert_true (bk_id_type_from_nick (bk_id_type_to_nick (t), &type));
      g_assert_cmpint (type, ==, t);
    }
  g_assert_false (bk_id_type_from_nick ("driving-licence", &type));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2025);

  g_test_add_func ("/id/resident/standard-sample", test_standard_sample);
  g_test_add_func ("/id/resident/lower-case-x", test_lower_case_x);
  g_test_add_func ("/id/resident/full-width", test_full_width);
  g_test_add_func ("/id/resident/check-characters", test_check_characters);
  g_test_add_func ("/id/resident/male", test_male);
  g_test_add_func ("/id/resident/impossible-dates", test_impossible_dates);
  g_test_add_func ("/id/resident/region", test_region);
  g_test_add_func ("/id/resident/format", test_format);
  g_test_add_func ("/id/other-types", test_other_types);
  g_test_add_func ("/id/nicks", test_nicks);

  return g_test_run ();
}
