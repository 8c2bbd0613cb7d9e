/* bk-text.h — what candidates type, normalised and checked the same way
 * everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text (nullable) is NULL, empty or only ASCII white space. */
gboolean bk_text_is_blank (const char *text);

/* For numbers typed with a Chinese input method (ID, certificate, phone,
 * postcode): NFKC, so full-width digits and letters become ASCII
 * ("１１０１０５…Ｘ" → "110105…X"); every white space removed, the
 * ideographic space included; ASCII letters upper case (x → X). Han
 * characters are kept. NULL gives "". */
char *bk_text_normalize_number (const char *text);

/* Checks a free-text field as the official portal would: at most @max
 * characters (counted as characters, not bytes), on one line (no control
 * characters), without emoji, symbols such as ☺ ✈ or characters outside
 * the Basic Multilingual Plane. Empty passes: whether a field is required
 * is the caller's rule. @label is the translated field name, which starts
 * the message: "School: use at most 60 characters; this has 2000." */
gboolean bk_text_check_plain (const char *label, const char *text, guint max, GError **error);

/* A person's name: @min to @max characters of Chinese characters or
 * letters, with a middle dot (·) between the parts of a minority or
 * foreign name and single spaces between Latin words. */
gboolean
bk_text_check_name (const char *label, const char *text, guint min, guint max, GError **error);

/* Field lengths, as on the portal. */
#define BK_TEXT_MAX_NAME      30
#define BK_TEXT_MIN_NAME      2
#define BK_TEXT_MAX_SCHOOL    60
#define BK_TEXT_MAX_MAJOR     60
#define BK_TEXT_MAX_EMPLOYER  100
#define BK_TEXT_MAX_WORK_UNIT 100
#define BK_TEXT_MAX_ADDRESS   100
#define BK_TEXT_MAX_ETHNICITY 20
#define BK_TEXT_MAX_EMAIL     64

G_END_DECLS
