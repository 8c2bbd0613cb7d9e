/* bk-test-tickets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "bk-admission-ticket.h"
#include "bk-test-tickets.h"
#include "bk-ticket-key.h"

char *
bk_test_ticket_sign (const char *name, const char *id_number)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ticket", "test-authority.key", NULL);
  g_autoptr (BkExamSession) session = bk_exam_session_load ("shanghai-2026", NULL);
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  guint8 key[BK_TICKET_SECRET_KEY_BYTES];

  g_assert_true (bk_ticket_key_load_secret (path, key, NULL));
  ticket = bk_admission_ticket_new (session, name, BK_ID_TYPE_RESIDENT_ID, id_number, 1,
                                    BK_EXAM_MODE_ALL, 2, 12, 7, NULL);
  return g_strdup (bk_admission_ticket_sign (ticket, key));
}

GBytes *
bk_test_ticket_photo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "photo", "corpus",
                                                 "good-295x413.jpg", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
bk_test_ticket_data_contains (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}
