/* test-admission-ticket.c — ticket numbers, the ticket model, signing and
 * verifying with the session's key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "bk-admission-ticket.h"
#include "bk-core-error.h"
#include "bk-ticket-key.h"
#include "bk-ticket-number.h"

static BkExamSession *
load (const char *id)
{
  g_autoptr (GError) error = NULL;
  BkExamSession *session = bk_exam_session_load (id, &error);

  g_assert_no_error (error);
  return session;
}

/* The project's development key pair: its public half is in both session files. */
static void
test_key (guint8 secret[BK_TICKET_SECRET_KEY_BYTES])
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ticket", "test-authority.key", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_ticket_key_load_secret (path, secret, &error));
  g_assert_no_error (error);
}

static BkAdmissionTicket *
shanghai_ticket (BkExamSession *session)
{
  g_autoptr (GError) error = NULL;
  BkAdmissionTicket *t = bk_admission_ticket_new (session, "张三丰", BK_ID_TYPE_RESIDENT_ID,
                                                  "11010519491231002X", 1, BK_EXAM_MODE_ALL, 2, 12,
                                                  7, &error);

  g_assert_no_error (error);
  g_assert_nonnull (t);
  return t;
}

static void
test_number (void)
{
  g_autofree char *number = bk_ticket_number_make ("31", 2026, 1, 2, 12, 7);
  g_autofree char *largest = bk_ticket_number_make ("21", 2020, 2, 99, 999, 99);
  BkTicketNumberParts parts;

  g_assert_cmpstr (number, ==, "312610201207");
  g_assert_cmpstr (largest, ==, "212029999999");
  g_assert_true (bk_ticket_number_parse (number, &parts));
  g_assert_cmpstr (parts.province_code, ==, "31");
  g_assert_cmpuint (parts.year_2digits, ==, 26);
  g_assert_cmpuint (parts.level, ==, 1);
  g_assert_cmpuint (parts.venue, ==, 2);
  g_assert_cmpuint (parts.room, ==, 12);
  g_assert_cmpuint (parts.seat, ==, 7);
  g_assert_false (bk_ticket_number_parse ("31261020120", NULL));
  g_assert_false (bk_ticket_number_parse ("3126102012O7", NULL));
  g_assert_false (bk_ticket_number_parse ("312610201200", NULL)); /* seat 0 */

  g_test_expect_message ("Baokao-Core", G_LOG_LEVEL_CRITICAL, "*seat*");
  g_assert_null (bk_ticket_number_make ("31", 2026, 1, 2, 12, 100));
  g_test_assert_expected_messages ();
}

static void
test_new (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  g_autoptr (BkAdmissionTicket) t = shanghai_ticket (session);
  g_autoptr (BkAdmissionTicket) copy = bk_admission_ticket_copy (t);
  g_autoptr (BkAdmissionTicket) exempt = NULL;
  const BkExamSubject *s;

  g_assert_cmpstr (t->session_id, ==, "shanghai-2026");
  g_assert_cmpuint (t->exam_year, ==, 2026);
  g_assert_cmpstr (t->exam_name, ==, "上海市2026年度全国注册计量师职业资格考试");
  g_assert_cmpstr (t->number, ==, "312610201207");
  g_assert_cmpstr (t->level_name, ==, "一级注册计量师");
  g_assert_cmpstr (t->venue_name, ==, "上海市浦东考点");
  g_assert_cmpstr (t->venue_address, ==, "上海市浦东新区金海路2360号");
  g_assert_cmpuint (t->subjects->len, ==, 3);
  s = t->subjects->pdata[2];
  g_assert_cmpstr (s->name_zh, ==, "计量专业案例分析");
  g_assert_cmpint (g_date_time_get_day_of_month (s->start), ==, 14);
  g_assert_null (t->signed_text);
  g_assert_cmpstr (copy->number, ==, t->number);
  g_assert_cmpuint (copy->subjects->len, ==, 3);

  /* Level 2 with subject 2 exempted sits subject 1 only. */
  exempt = bk_admission_ticket_new (session, "李四", BK_ID_TYPE_PASSPORT, "E12345678", 2,
                                    BK_EXAM_MODE_EXEMPT, 1, 1, 1, NULL);
  g_assert_nonnull (exempt);
  g_assert_cmpuint (exempt->subjects->len, ==, 1);
  g_assert_cmpuint (((BkExamSubject *) exempt->subjects->pdata[0])->number, ==, 1);
  g_assert_cmpstr (exempt->number, ==, "312620100101");
}

static void
test_new_refused (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  const struct
  {
    const char *name, *id;
    guint level, venue, room, seat;
  } cases[] = {
    { "张三丰", "11010519491231002X", 1, 3, 1, 1 },   /* no venue 3 */
    { "张三丰", "11010519491231002X", 1, 2, 21, 1 },  /* the venue has 20 rooms */
    { "张三丰", "11010519491231002X", 1, 2, 1, 31 },  /* and 30 seats a room */
    { "张三丰", "11010519491231002X", 3, 2, 1, 1 },   /* no level 3 */
    { "张|三丰", "11010519491231002X", 1, 2, 1, 1 },  /* the separator */
    { "张三丰\n", "11010519491231002X", 1, 2, 1, 1 }, /* a control character */
    { "", "11010519491231002X", 1, 2, 1, 1 },         { "张三丰", "", 1, 2, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkAdmissionTicket) t = bk_admission_ticket_new (
        session, cases[i].name, BK_ID_TYPE_RESIDENT_ID, cases[i].id, cases[i].level,
        BK_EXAM_MODE_ALL, cases[i].venue, cases[i].room, cases[i].seat, &error);

      g_test_message ("case %u", i);
      g_assert_null (t);
      g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
    }
}

/* The canonical form is documented in docs/protocol.md; signatures from the
 * server must keep verifying, so it may not change silently. */
static void
test_serialize (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  g_autoptr (BkAdmissionTicket) t = shanghai_ticket (session);
  g_autofree char *text = bk_admission_ticket_serialize (t);

  g_assert_cmpstr (text, ==,
                   "BKT1|shanghai-2026|312610201207|张三丰|resident-id|11010519491231002X|1|"
                   "1@202606130900-202606131130,2@202606131400-202606131630,"
                   "3@202606140900-202606141200|2|12|7");
}

static void
test_sign_verify (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  g_autoptr (BkAdmissionTicket) t = shanghai_ticket (session);
  g_autoptr (BkAdmissionTicket) back = NULL;
  g_autoptr (BkAdmissionTicket) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *scanned = NULL;
  guint8 secret[BK_TICKET_SECRET_KEY_BYTES];
  const char *text;

  test_key (secret);
  text = bk_admission_ticket_sign (t, secret);
  g_assert_true (g_str_has_prefix (text, "BKT1."));
  g_assert_cmpstr (t->signed_text, ==, text);
  /* Scanner-friendly: printable ASCII, no space, nothing a keyboard lacks. */
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_');

  back = bk_admission_ticket_verify (text, session, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->candidate_name, ==, "张三丰");
  g_assert_cmpstr (back->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (back->number, ==, "312610201207");
  g_assert_cmpuint (back->room, ==, 12);
  g_assert_cmpuint (back->seat, ==, 7);
  g_assert_cmpuint (back->subjects->len, ==, 3);
  g_assert_true (g_date_time_equal (((BkExamSubject *) back->subjects->pdata[1])->start,
                                    ((BkExamSubject *) t->subjects->pdata[1])->start));

  /* Scanners end with Enter; the session comes from the payload. */
  scanned = g_strconcat (text, "\r\n", NULL);
  loaded = bk_admission_ticket_verify (scanned, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->venue_name, ==, "上海市浦东考点");
}

/* Whatever single character of the QR text changes, the ticket is refused. */
static void
test_one_character_changed (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  g_autoptr (BkAdmissionTicket) t = shanghai_ticket (session);
  guint8 secret[BK_TICKET_SECRET_KEY_BYTES];
  g_autofree char *text = NULL;
  gsize length;

  test_key (secret);
  text = g_strdup (bk_admission_ticket_sign (t, secret));
  length = strlen (text);
  for (gsize i = 0; i < length; i++)
    {
      const char *others = "AQgw_-.9";

      for (const char *c = others; *c != '\0'; c++)
        {
          g_autofree char *changed = g_strdup (text);
          g_autoptr (GError) error = NULL;
          g_autoptr (BkAdmissionTicket) refused = NULL;

          if (changed[i] == *c)
            continue;
          changed[i] = *c;
          refused = bk_admission_ticket_verify (changed, session, &error);
          if (refused != NULL)
            g_error ("position %" G_GSIZE_FORMAT " changed to %c was accepted", i, *c);
          g_assert_nonnull (error);
        }
    }
}

static char *
base64url (const guint8 *data, gsize length)
{
  char *text = g_base64_encode (data, length);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  text[strcspn (text, "=")] = '\0';
  return text;
}

/* Signed by the authority but not a ticket this version can read: refused,
 * saying so, and nothing else happens. */
static void
test_signed_but_malformed (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  const char *payloads[] = {
    "BKT1|shanghai-2026|312610201207|张三丰|resident-id|11010519491231002X|1|"
    "1@202606130900-202606131299|2|12|7", /* minute 99 */
    "BKT1|shanghai-2026|312610201207|张三丰|resident-id|11010519491231002X|1|"
    "1@202606131130-202606130900|2|12|7", /* ends first */
    "BKT1|shanghai-2026|312610201207|张三丰|alien|11010519491231002X|1|"
    "1@202606130900-202606131130|2|12|7", /* ID type */
    "BKT1|shanghai-2026|312610201208|张三丰|resident-id|11010519491231002X|1|"
    "1@202606130900-202606131130|2|12|7",                 /* number */
    "BKT1|shanghai-2026|312610201207|张三丰|resident-id", /* short */
  };
  guint8 secret[BK_TICKET_SECRET_KEY_BYTES];

  test_key (secret);
  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      guint8 signature[crypto_sign_BYTES];
      g_autofree char *p64 = NULL, *s64 = NULL, *text = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (BkAdmissionTicket) t = NULL;

      crypto_sign_detached (signature, NULL, (const guint8 *) payloads[i], strlen (payloads[i]),
                            secret);
      p64 = base64url ((const guint8 *) payloads[i], strlen (payloads[i]));
      s64 = base64url (signature, sizeof signature);
      text = g_strconcat ("BKT1.", p64, ".", s64, NULL);
      t = bk_admission_ticket_verify (text, session, &error);
      g_test_message ("payload %u", i);
      g_assert_null (t);
      g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
    }
}

static void
test_wrong_key (void)
{
  g_autoptr (BkExamSession) session = load ("shanghai-2026");
  g_autoptr (BkExamSession) liaoning = load ("liaoning-2020");
  g_autoptr (BkAdmissionTicket) t = shanghai_ticket (session);
  g_autoptr (BkAdmissionTicket) refused = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *public_key = NULL;
  g_autofree char *secret_text = NULL;
  guint8 secret[BK_TICKET_SECRET_KEY_BYTES];

  g_assert_true (bk_ticket_key_generate (&public_key, &secret_text, &error));
  g_assert_cmpuint (strlen (public_key), ==, 44);
  g_assert_true (bk_ticket_key_parse_secret (secret_text, secret, &error));
  bk_admission_ticket_sign (t, secret);
  refused = bk_admission_ticket_verify (t->signed_text, session, &error);
  g_assert_null (refused);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* A Shanghai ticket is not a Liaoning one. */
  test_key (secret);
  bk_admission_ticket_sign (t, secret);
  refused = bk_admission_ticket_verify (t->signed_text, liaoning, &error);
  g_assert_null (refused);
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      const char *junk[] = { "", "BKT1..", "hello" };

      refused = bk_admission_ticket_verify (junk[i], session, &error);
      g_assert_null (refused);
      g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
  g_assert_false (bk_ticket_key_parse_secret ("not a key", secret, &error));
  g_assert_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ticket/number", test_number);
  g_test_add_func ("/ticket/new", test_new);
  g_test_add_func ("/ticket/new-refused", test_new_refused);
  g_test_add_func ("/ticket/serialize", test_serialize);
  g_test_add_func ("/ticket/sign-verify", test_sign_verify);
  g_test_add_func ("/ticket/one-character-changed", test_one_character_changed);
  g_test_add_func ("/ticket/wrong-key", test_wrong_key);
  g_test_add_func ("/ticket/signed-but-malformed", test_signed_but_malformed);
  return g_test_run ();
}
