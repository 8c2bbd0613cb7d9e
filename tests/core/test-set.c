/* test-set.c — the shared small helpers the models' setters and
 * validators use: change only on a different value, say so, and free
 * what they replace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"
#include "bk-set.h"
#include "bk-text.h"

static void
test_set_str (void)
{
  g_autofree char *slot = NULL;
  const char *before;

  g_assert_false (bk_set_str (&slot, NULL));
  g_assert_true (bk_set_str (&slot, "上海"));
  g_assert_cmpstr (slot, ==, "上海");

  /* An equal value keeps the old copy; the caller must not notify. */
  before = slot;
  g_assert_false (bk_set_str (&slot, "上海"));
  g_assert_true (slot == before);

  /* Setting from its own value is no change either. */
  g_assert_false (bk_set_str (&slot, slot));

  g_assert_true (bk_set_str (&slot, ""));
  g_assert_cmpstr (slot, ==, "");
  g_assert_true (bk_set_str (&slot, NULL));
  g_assert_null (slot);
}

static void
test_set_date_time (void)
{
  g_autoptr (GDateTime) slot = NULL;
  g_autoptr (GDateTime) a = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GDateTime) same = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr (GDateTime) b = g_date_time_new_utc (2026, 3, 1, 9, 0, 1);

  g_assert_false (bk_set_date_time (&slot, NULL));
  g_assert_true (bk_set_date_time (&slot, a));
  g_assert_true (slot == a);
  g_assert_false (bk_set_date_time (&slot, same));
  g_assert_true (slot == a);
  g_assert_true (bk_set_date_time (&slot, b));
  g_assert_true (g_date_time_equal (slot, b));
  g_assert_true (bk_set_date_time (&slot, NULL));
  g_assert_null (slot);
}

static void
test_is_blank (void)
{
  g_assert_true (bk_text_is_blank (NULL));
  g_assert_true (bk_text_is_blank (""));
  g_assert_true (bk_text_is_blank (" \t\n"));
  g_assert_false (bk_text_is_blank (" x "));
  g_assert_false (bk_text_is_blank ("李"));
}

static void
test_set_invalid (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (bk_core_error_set_invalid (NULL, "ignored"));
  g_assert_false (bk_core_error_set_invalid (&error, "Postcode: enter six digits."));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Postcode: enter six digits.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/set/str", test_set_str);
  g_test_add_func ("/set/date-time", test_set_date_time);
  g_test_add_func ("/set/is-blank", test_is_blank);
  g_test_add_func ("/set/invalid", test_set_invalid);

  return g_test_run ();
}
