/* bk-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-text.h"

gboolean
bk_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
bk_text_normalize_number (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strstrip (g_strdup (text));

  /* NFKC maps full-width forms (U+FF10 ０ …) and the ideographic space to
   * their ASCII counterparts. */
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c < 0x80)
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Emoji and pictographs: everything outside the BMP (where the emoji
 * blocks are), the BMP's symbol blocks (arrows … dingbats), and the
 * joiners and selectors that build emoji sequences. */
static gboolean
is_emoji_like (gunichar c)
{
  if (c > 0xFFFF)
    return TRUE;
  if (c == 0x200D || c == 0xFE0F || c == 0xFE0E || c == 0x20E3)
    return TRUE;
  return c >= 0x2190 && c <= 0x2BFF && g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL;
}

static gboolean
is_control (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT || type == G_UNICODE_PRIVATE_USE ||
         type == G_UNICODE_UNASSIGNED || type == G_UNICODE_SURROGATE ||
         type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR;
}

static gboolean
fail (GError **error, char *message)
{
  g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA, message);
  g_free (message);
  return FALSE;
}

static gboolean
check_length (const char *label, const char *text, guint max, GError **error)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= (glong) max)
    return TRUE;
  /* TRANSLATORS: a field name, the most characters allowed, how many there are,
   * e.g. "School: use at most 60 characters; this has 2000." */
  return fail (error, g_strdup_printf (_ ("%s: use at most %u characters; this has %ld."), label,
                                       max, length));
}

gboolean
bk_text_check_plain (const char *label, const char *text, guint max, GError **error)
{
  g_return_val_if_fail (label != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    /* TRANSLATORS: a field name */
    return fail (error,
                 g_strdup_printf (_ ("%s: the text is not readable; type it again."), label));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c))
        return fail (error,
                     /* TRANSLATORS: a field name */
                     g_strdup_printf (_ ("%s: remove the line break, tab or other invisible "
                                         "character; type the text on one line."),
                                      label));
      if (is_emoji_like (c))
        {
          char symbol[8] = "";

          g_unichar_to_utf8 (c, symbol);
          return fail (error,
                       /* TRANSLATORS: a field name, then the character at fault */
                       g_strdup_printf (_ ("%s: remove “%s”: emoji and such symbols cannot be "
                                           "submitted. Type the text as on your documents."),
                                        label, symbol));
        }
    }
  return check_length (label, text, max, error);
}

static gboolean
is_name_dot (gunichar c)
{
  /* The middle dot, and the katakana one that Chinese input methods also type. */
  return c == 0x00B7 || c == 0x30FB || c == 0x2022;
}

gboolean
bk_text_check_name (const char *label, const char *text, guint min, guint max, GError **error)
{
  gunichar previous = 0;

  g_return_val_if_fail (label != NULL, FALSE);

  if (!bk_text_check_plain (label, text, max, error))
    return FALSE;
  if (text == NULL || g_utf8_strlen (text, -1) < (glong) min)
    /* TRANSLATORS: a field name, then the fewest characters allowed */
    return fail (error, g_strdup_printf (_ ("%s: enter the full name, at least %u characters, "
                                            "as on your ID document."),
                                         label, min));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean dot = is_name_dot (c);
      gboolean space = c == ' ';

      if (!dot && !space && !g_unichar_isalpha (c))
        {
          char symbol[8] = "";

          g_unichar_to_utf8 (c, symbol);
          return fail (error,
                       /* TRANSLATORS: a field name, then the character at fault */
                       g_strdup_printf (_ ("%s: remove “%s”. A name has Chinese characters or "
                                           "letters, with a middle dot (·) between its parts."),
                                        label, symbol));
        }
      /* A dot or a space only between two parts of the name. */
      if ((dot || space) && (previous == 0 || previous == ' ' || is_name_dot (previous) ||
                             *g_utf8_next_char (p) == '\0'))
        return fail (error,
                     /* TRANSLATORS: a field name */
                     g_strdup_printf (_ ("%s: a middle dot (·) or a space goes only between two "
                                         "parts of the name, once."),
                                      label));
      /* Spaces separate Latin words ("ZHANG SAN"); a Chinese name has none. */
      if (space &&
          (g_unichar_get_script (previous) == G_UNICODE_SCRIPT_HAN ||
           g_unichar_get_script (g_utf8_get_char (g_utf8_next_char (p))) == G_UNICODE_SCRIPT_HAN))
        return fail (error,
                     /* TRANSLATORS: a field name */
                     g_strdup_printf (_ ("%s: remove the space; a Chinese name is written without "
                                         "spaces."),
                                      label));
      previous = c;
    }
  return TRUE;
}
