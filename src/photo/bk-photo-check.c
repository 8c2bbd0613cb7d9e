/* bk-photo-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-photo-check.h"

G_DEFINE_BOXED_TYPE (BkPhotoCheck, bk_photo_check, bk_photo_check_copy, bk_photo_check_free)

BkPhotoCheck *
bk_photo_check_copy (const BkPhotoCheck *self)
{
  BkPhotoCheck *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (BkPhotoCheck, 1);
  *copy = *self;
  copy->value_text = g_strdup (self->value_text);
  copy->message = g_strdup (self->message);
  return copy;
}

void
bk_photo_check_free (BkPhotoCheck *self)
{
  if (self == NULL)
    return;
  g_free (self->value_text);
  g_free (self->message);
  g_free (self);
}

/* Stable names: the JSON keys of `baokao-tool photo check --json`. */
const char *
bk_photo_check_kind_to_string (BkPhotoCheckKind kind)
{
  static const char *const names[BK_PHOTO_N_CHECKS] = {
    "format", "colour", "size", "dimensions", "background", "sharpness", "upscaled",
  };

  g_return_val_if_fail (kind < BK_PHOTO_N_CHECKS, NULL);

  return names[kind];
}

gboolean
bk_photo_check_passed (const BkPhotoCheck *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->verdict == BK_PHOTO_VERDICT_PASS || self->verdict == BK_PHOTO_VERDICT_WARNING;
}
