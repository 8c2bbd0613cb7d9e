/* bk-admission-ticket.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "bk-admission-ticket.h"
#include "bk-core-error.h"
#include "bk-ticket-number.h"

G_DEFINE_BOXED_TYPE (BkAdmissionTicket,
                     bk_admission_ticket,
                     bk_admission_ticket_copy,
                     bk_admission_ticket_free)

#define MAGIC       "BKT1"
#define N_FIELDS    11
#define TIME_FORMAT "%Y%m%d%H%M"

static void
set_invalid (GError **error, const char *message)
{
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, message);
}

/* Texts go into a "|"-separated line: no separator, no control character. */
static gboolean
is_plain_text (const char *text)
{
  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '|' || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

/* The ticket for @session's seat; @starts and @ends (nullable) override the
 * session's times of the subjects in @numbers, as a signed ticket has them. */
static BkAdmissionTicket *
build (BkExamSession *session,
       const char *candidate_name,
       BkIdType id_type,
       const char *id_number,
       guint level,
       GArray *numbers,
       GPtrArray *starts,
       GPtrArray *ends,
       guint venue,
       guint room,
       guint seat,
       GError **error)
{
  g_autoptr (BkAdmissionTicket) self = NULL;
  const BkExamVenue *v;

  if (!is_plain_text (candidate_name) || !is_plain_text (id_number))
    {
      set_invalid (error, _ ("The candidate’s name and ID number must not be empty nor contain "
                             "“|” or control characters; correct them."));
      return NULL;
    }
  if (!bk_exam_session_has_level (session, level) || numbers->len == 0)
    {
      set_invalid (error, _ ("The session does not offer this level; choose level 1 or 2."));
      return NULL;
    }
  v = bk_exam_session_get_venue_by_number (session, venue);
  if (v == NULL)
    {
      set_invalid (error, _ ("The session has no venue with this number; run “baokao-tool session "
                             "ID” to list its venues."));
      return NULL;
    }
  if (room < 1 || room > v->rooms || seat < 1 || seat > v->seats_per_room)
    {
      set_invalid (error, _ ("The venue has no such room or seat; run “baokao-tool session ID” to "
                             "see its rooms and seats per room."));
      return NULL;
    }

  self = g_new0 (BkAdmissionTicket, 1);
  self->session_id = g_strdup (bk_exam_session_get_id (session));
  self->exam_year = bk_exam_session_get_exam_year (session);
  self->exam_name = g_strdup (bk_exam_session_get_name_zh (session));
  self->candidate_name = g_strdup (candidate_name);
  self->id_type = id_type;
  self->id_number = g_strdup (id_number);
  self->level = level;
  self->level_name = g_strdup (bk_exam_session_get_level_name_zh (session, level));
  self->venue = venue;
  self->venue_name = g_strdup (v->name_zh);
  self->venue_address = g_strdup (v->address_zh);
  self->room = room;
  self->seat = seat;
  self->number = bk_ticket_number_make (bk_exam_session_get_province_code (session),
                                        self->exam_year, level, venue, room, seat);
  self->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_subject_free);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint n = g_array_index (numbers, guint, i);
      const BkExamSubject *from = bk_exam_session_get_subject (session, level, n);
      BkExamSubject *subject;

      if (from == NULL)
        {
          set_invalid (error, _ ("The ticket names a subject that its level does not have; "
                                 "check the session file."));
          return NULL;
        }
      subject = bk_exam_subject_copy (from);
      if (starts != NULL)
        {
          g_date_time_unref (subject->start);
          g_date_time_unref (subject->end);
          subject->start = g_date_time_ref (starts->pdata[i]);
          subject->end = g_date_time_ref (ends->pdata[i]);
        }
      g_ptr_array_add (self->subjects, subject);
    }
  return g_steal_pointer (&self);
}

BkAdmissionTicket *
bk_admission_ticket_new (BkExamSession *session,
                         const char *candidate_name,
                         BkIdType id_type,
                         const char *id_number,
                         guint level,
                         BkExamMode mode,
                         guint venue,
                         guint room,
                         guint seat,
                         GError **error)
{
  g_autoptr (GArray) numbers = NULL;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  numbers = bk_exam_session_get_subjects_to_sit (session, level, mode);
  if (numbers == NULL)
    numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  return build (session, candidate_name, id_type, id_number, level, numbers, NULL, NULL, venue,
                room, seat, error);
}

BkAdmissionTicket *
bk_admission_ticket_copy (const BkAdmissionTicket *self)
{
  BkAdmissionTicket *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->session_id = g_strdup (self->session_id);
  copy->exam_name = g_strdup (self->exam_name);
  copy->candidate_name = g_strdup (self->candidate_name);
  copy->id_number = g_strdup (self->id_number);
  copy->number = g_strdup (self->number);
  copy->level_name = g_strdup (self->level_name);
  copy->venue_name = g_strdup (self->venue_name);
  copy->venue_address = g_strdup (self->venue_address);
  copy->signed_text = g_strdup (self->signed_text);
  copy->subjects = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_exam_subject_free);
  for (guint i = 0; i < self->subjects->len; i++)
    g_ptr_array_add (copy->subjects, bk_exam_subject_copy (self->subjects->pdata[i]));
  return copy;
}

void
bk_admission_ticket_free (BkAdmissionTicket *self)
{
  if (self == NULL)
    return;

  g_free (self->session_id);
  g_free (self->exam_name);
  g_free (self->candidate_name);
  g_free (self->id_number);
  g_free (self->number);
  g_free (self->level_name);
  g_free (self->venue_name);
  g_free (self->venue_address);
  g_free (self->signed_text);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_free (self);
}

/* Times are written in China Standard Time, whatever the machine's zone. */
static GTimeZone *
beijing (void)
{
  return g_time_zone_new_offset (8 * 3600);
}

char *
bk_admission_ticket_serialize (const BkAdmissionTicket *self)
{
  g_autoptr (GString) subjects = g_string_new (NULL);
  g_autoptr (GTimeZone) zone = beijing ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->subjects->len; i++)
    {
      const BkExamSubject *s = self->subjects->pdata[i];
      g_autoptr (GDateTime) start = g_date_time_to_timezone (s->start, zone);
      g_autoptr (GDateTime) end = g_date_time_to_timezone (s->end, zone);
      g_autofree char *a = g_date_time_format (start, TIME_FORMAT);
      g_autofree char *b = g_date_time_format (end, TIME_FORMAT);

      g_string_append_printf (subjects, "%s%u@%s-%s", i > 0 ? "," : "", s->number, a, b);
    }
  return g_strdup_printf (MAGIC "|%s|%s|%s|%s|%s|%u|%s|%u|%u|%u", self->session_id, self->number,
                          self->candidate_name, bk_id_type_to_nick (self->id_type), self->id_number,
                          self->level, subjects->str, self->venue, self->room, self->seat);
}

static char *
base64url_encode (const guint8 *data, gsize length)
{
  char *text = g_base64_encode (data, length);

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  text[strcspn (text, "=")] = '\0';
  return text;
}

/* Strict: only the base64url alphabet, and only the one encoding of the
 * bytes, so that no changed character decodes to the same bytes. */
static GBytes *
base64url_decode (const char *text, gsize length)
{
  g_autoptr (GString) padded = g_string_new_len (text, (gssize) length);
  g_autofree guint8 *data = NULL;
  g_autofree char *again = NULL;
  gsize n = 0;

  if (length == 0)
    return NULL;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
        return NULL;
    }
  g_strdelimit (padded->str, "-", '+');
  g_strdelimit (padded->str, "_", '/');
  while (padded->len % 4 != 0)
    g_string_append_c (padded, '=');
  data = g_base64_decode (padded->str, &n);
  again = base64url_encode (data, n);
  if (strlen (again) != length || memcmp (again, text, length) != 0)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), n);
}

const char *
bk_admission_ticket_sign (BkAdmissionTicket *self,
                          const guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES])
{
  g_autofree char *payload = NULL;
  g_autofree char *payload64 = NULL;
  g_autofree char *signature64 = NULL;
  guint8 signature[crypto_sign_BYTES];

  g_return_val_if_fail (self != NULL && secret_key != NULL, NULL);
  g_return_val_if_fail (sodium_init () >= 0, NULL);

  payload = bk_admission_ticket_serialize (self);
  crypto_sign_detached (signature, NULL, (const guint8 *) payload, strlen (payload), secret_key);
  payload64 = base64url_encode ((const guint8 *) payload, strlen (payload));
  signature64 = base64url_encode (signature, sizeof signature);
  g_free (self->signed_text);
  self->signed_text = g_strconcat (MAGIC ".", payload64, ".", signature64, NULL);
  return self->signed_text;
}

static gboolean
parse_uint (const char *text, guint max, guint *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static GDateTime *
parse_time (const char *text, GTimeZone *zone)
{
  int v[5];

  if (strlen (text) != 12 || strspn (text, "0123456789") != 12 ||
      sscanf (text, "%4d%2d%2d%2d%2d", &v[0], &v[1], &v[2], &v[3], &v[4]) != 5)
    return NULL;
  return g_date_time_new (zone, v[0], v[1], v[2], v[3], v[4], 0);
}

/* "1@202606130900-202606131130,2@…" */
static gboolean
parse_subjects (const char *text, GArray *numbers, GPtrArray *starts, GPtrArray *ends)
{
  g_auto (GStrv) items = g_strsplit (text, ",", -1);
  g_autoptr (GTimeZone) zone = beijing ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit_set (items[i], "@-", -1);
      GDateTime *start, *end;
      guint number;

      if (g_strv_length (parts) != 3 || !parse_uint (parts[0], 9, &number))
        return FALSE;
      start = parse_time (parts[1], zone);
      end = parse_time (parts[2], zone);
      if (start == NULL || end == NULL || g_date_time_compare (start, end) >= 0)
        {
          g_clear_pointer (&start, g_date_time_unref);
          g_clear_pointer (&end, g_date_time_unref);
          return FALSE;
        }
      g_array_append_val (numbers, number);
      g_ptr_array_add (starts, start);
      g_ptr_array_add (ends, end);
    }
  return numbers->len > 0;
}

/* The ticket that @payload describes, resolved against @session. */
static BkAdmissionTicket *
parse_payload (const char *payload, BkExamSession *session, GError **error)
{
  g_auto (GStrv) f = g_strsplit (payload, "|", -1);
  g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray)
    starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr (GPtrArray) ends = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  BkIdType id_type;
  guint level, venue, room, seat;

  if (g_strv_length (f) != N_FIELDS || !bk_id_type_from_nick (f[4], &id_type) ||
      !parse_uint (f[6], 9, &level) || !parse_subjects (f[7], numbers, starts, ends) ||
      !parse_uint (f[8], 99, &venue) || !parse_uint (f[9], 999, &room) ||
      !parse_uint (f[10], 99, &seat))
    {
      set_invalid (error, _ ("The ticket code is signed but cannot be read; this version of "
                             "Baokao may be too old for it."));
      return NULL;
    }
  ticket = build (session, f[3], id_type, f[5], level, numbers, starts, ends, venue, room, seat,
                  error);
  if (ticket == NULL)
    return NULL;
  /* The printed number must be the one the seat gives. */
  if (!g_str_equal (ticket->number, f[2]))
    {
      set_invalid (error, _ ("The ticket number does not match the seat it names; the ticket "
                             "is not valid: check the candidate’s documents by hand."));
      return NULL;
    }
  return g_steal_pointer (&ticket);
}

/* Splits the QR text into its payload (a NUL-terminated "BKT1|…" line) and
 * its signature, or says it is not a ticket code. */
static gboolean
decode (const char *text, char **payload_out, GBytes **signature_out, GError **error)
{
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (GBytes) signature = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *payload_text = NULL;
  const char *first_dot, *second_dot;
  gsize length = 0;

  /* A scanner ends what it types with Enter; a pasted code may have spaces. */
  first_dot = strchr (trimmed, '.');
  second_dot = first_dot != NULL ? strchr (first_dot + 1, '.') : NULL;
  if (g_str_has_prefix (trimmed, MAGIC ".") && second_dot != NULL)
    {
      payload = base64url_decode (first_dot + 1, (gsize) (second_dot - first_dot - 1));
      signature = base64url_decode (second_dot + 1, strlen (second_dot + 1));
    }
  if (payload != NULL)
    payload_text = g_strndup (g_bytes_get_data (payload, &length), g_bytes_get_size (payload));
  if (signature == NULL || g_bytes_get_size (signature) != crypto_sign_BYTES ||
      payload_text == NULL || strlen (payload_text) != length ||
      !g_utf8_validate (payload_text, -1, NULL) || !g_str_has_prefix (payload_text, MAGIC "|"))
    {
      set_invalid (error, _ ("This is not an admission ticket code; scan the QR code on the "
                             "ticket again."));
      return FALSE;
    }
  *payload_out = g_steal_pointer (&payload_text);
  *signature_out = g_steal_pointer (&signature);
  return TRUE;
}

char *
bk_admission_ticket_peek_session_id (const char *text)
{
  g_autofree char *payload = NULL;
  g_autoptr (GBytes) signature = NULL;
  const char *id;

  g_return_val_if_fail (text != NULL, NULL);

  if (!decode (text, &payload, &signature, NULL))
    return NULL;
  id = payload + strlen (MAGIC "|");
  return g_strndup (id, strcspn (id, "|"));
}

BkAdmissionTicket *
bk_admission_ticket_verify (const char *text, BkExamSession *session, GError **error)
{
  g_autoptr (GBytes) signature = NULL;
  g_autoptr (BkExamSession) loaded = NULL;
  g_autoptr (BkAdmissionTicket) ticket = NULL;
  g_autofree char *payload_text = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (session == NULL || BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!decode (text, &payload_text, &signature, error))
    return NULL;
  id = bk_admission_ticket_peek_session_id (text);
  if (session == NULL)
    {
      loaded = bk_exam_session_load (id, error);
      if (loaded == NULL)
        return NULL;
      session = loaded;
    }
  else if (!g_str_equal (id, bk_exam_session_get_id (session)))
    {
      set_invalid (error, _ ("This ticket is for another exam session; choose its session."));
      return NULL;
    }

  if (sodium_init () < 0 ||
      crypto_sign_verify_detached (g_bytes_get_data (signature, NULL),
                                   (const guint8 *) payload_text, strlen (payload_text),
                                   bk_exam_session_get_ticket_public_key (session)) != 0)
    {
      /* TRANSLATORS: %s is an exam session id such as “shanghai-2026” */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_BAD_SIGNATURE,
                   _ ("The ticket’s signature does not match the key of the examination "
                      "authority for “%s”: the ticket was altered or not issued by the "
                      "authority. Do not admit on it; check the candidate’s documents by hand."),
                   bk_exam_session_get_id (session));
      return NULL;
    }

  ticket = parse_payload (payload_text, session, error);
  if (ticket == NULL)
    return NULL;
  ticket->signed_text = g_strstrip (g_strdup (text));
  return g_steal_pointer (&ticket);
}
