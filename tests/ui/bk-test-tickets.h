/* bk-test-tickets.h — what the ticket tests share: signed tickets and the
 * photo they print with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The QR text of a Shanghai 2026 ticket for @name and @id_number (level 1,
 * all subjects, venue 2, room 12, seat 7: number 312610201207), signed
 * with the development key tests/ticket/test-authority.key. */
char *bk_test_ticket_sign (const char *name, const char *id_number);
/* A real standardised photo: the photo corpus's good-295x413.jpg. */
GBytes *bk_test_ticket_photo (void);
/* Whether @needle is in the binary @data (a PDF has NULs in its streams). */
gboolean bk_test_ticket_data_contains (const char *data, gsize length, const char *needle);

G_END_DECLS
