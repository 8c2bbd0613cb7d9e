/* bk-admission-ticket.h — the admission ticket (准考证), signed by the authority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-eligibility-case.h"
#include "bk-exam-session.h"
#include "bk-id-document.h"
#include "bk-ticket-key.h"

G_BEGIN_DECLS

#define BK_TYPE_ADMISSION_TICKET (bk_admission_ticket_get_type ())

/* Read-only fields. The texts the session gives (exam, level, subject and
 * venue names, the address) are its Chinese ones: the ticket is an official
 * document in Chinese, whatever the interface language. */
typedef struct
{
  char *session_id;
  guint exam_year;
  char *exam_name;
  char *candidate_name;
  BkIdType id_type;
  char *id_number;
  char *number; /* the ticket number, see bk-ticket-number.h */
  guint level;
  char *level_name;
  GPtrArray *subjects; /* of BkExamSubject, in order, with the ticket's times */
  guint venue;
  char *venue_name;
  char *venue_address;
  guint room;
  guint seat;
  char *signed_text; /* nullable: the QR text, once signed or verified */
} BkAdmissionTicket;

GType bk_admission_ticket_get_type (void) G_GNUC_CONST;

/* A ticket for a seat of @session; the subjects and their times are those
 * @level sits in @mode. Refuses (BK_CORE_ERROR_INVALID_DATA, saying what
 * to fix) an unknown level or venue, a room or seat the venue does not
 * have, an empty name or ID number, or one with control characters or “|”. */
BkAdmissionTicket *bk_admission_ticket_new (BkExamSession *session,
                                            const char *candidate_name,
                                            BkIdType id_type,
                                            const char *id_number,
                                            guint level,
                                            BkExamMode mode,
                                            guint venue,
                                            guint room,
                                            guint seat,
                                            GError **error);
BkAdmissionTicket *bk_admission_ticket_copy (const BkAdmissionTicket *self);
void bk_admission_ticket_free (BkAdmissionTicket *self);

/* The canonical serialisation, the bytes that are signed (docs/protocol.md,
 * "Admission tickets"): one line, "BKT1|" then the fields separated by "|". */
char *bk_admission_ticket_serialize (const BkAdmissionTicket *self);

/* Signs with the authority's secret key and returns the QR text
 * "BKT1.<payload>.<signature>", both in unpadded base64url; it is also kept
 * in signed_text. The server calls this. */
const char *bk_admission_ticket_sign (BkAdmissionTicket *self,
                                      const guint8 secret_key[BK_TICKET_SECRET_KEY_BYTES]);

/* Checks a scanned QR text against the public key of its session (@session,
 * or the one its payload names, loaded from the sessions directory) and
 * returns the ticket it holds. BK_CORE_ERROR_INVALID_DATA for text that is
 * not a ticket code, BK_CORE_ERROR_BAD_SIGNATURE for one whose signature
 * does not match: altered, or not issued by the authority. */
BkAdmissionTicket *
bk_admission_ticket_verify (const char *text, BkExamSession *session, GError **error);

/* The session id a QR text names, unverified (to pick the session to
 * verify against); NULL when @text is not a ticket code. */
char *bk_admission_ticket_peek_session_id (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkAdmissionTicket, bk_admission_ticket_free)

G_END_DECLS
