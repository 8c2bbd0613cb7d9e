/* bk-profile-fields.h — the rules for each field of a profile, as typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bk-id-document.h"

G_BEGIN_DECLS

/* An ID number for lists on shared PCs, never in full:
 * "110105199001011234" → "110***********1234". */
char *bk_profile_mask_id_number (const char *number);

/* FALSE with a translated BK_CORE_ERROR_INVALID_DATA that says what to do.
 * For validation as typed; the messages name the field. Numbers (ID,
 * mobile, postcode) are checked after bk_text_normalize_number(), which the
 * setters apply too: full-width digits and spaces are fine. */
/* 2–30 characters of Chinese characters or letters, with a middle dot
 * between parts (bk_text_check_name()). */
gboolean bk_profile_validate_real_name (const char *real_name, GError **error);
/* 11-digit mainland mobile number starting with 13–19. */
gboolean bk_profile_validate_mobile (const char *mobile, GError **error);
/* 4–20 characters: ASCII letters, digits and underscore, starting with a letter. */
gboolean bk_profile_validate_user_name (const char *user_name, GError **error);
/* Via bk_id_document_parse(), judged against bk_clock_get_today(). */
gboolean bk_profile_validate_id_number (BkIdType id_type, const char *number, GError **error);
/* Empty is accepted (optional); otherwise something@domain, printable
 * ASCII, at most 64 characters. */
gboolean bk_profile_validate_email (const char *email, GError **error);
/* Six digits. */
gboolean bk_profile_validate_postcode (const char *postcode, GError **error);
/* Required; one line, no emoji; at most 20, 100 and 100 characters
 * (BK_TEXT_MAX_*). */
gboolean bk_profile_validate_ethnicity (const char *ethnicity, GError **error);
gboolean bk_profile_validate_work_unit (const char *work_unit, GError **error);
gboolean bk_profile_validate_address (const char *address, GError **error);

G_END_DECLS
