/* bk-text.h — what candidates type, normalised and checked the same way
 * everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For numbers typed with a Chinese input method (ID, certificate, phone,
 * postcode): NFKC, so full-width digits and letters become ASCII
 * ("１１０１０５…Ｘ" → "110105…X"); every white space removed, the
 * ideographic space included; ASCII letters upper case (x → X). Han
 * characters are kept. NULL gives "". */
char *bk_text_normalize_number (const char *text);

G_END_DECLS
