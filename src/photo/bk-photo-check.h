/* bk-photo-check.h — the outcome of one photo rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BK_PHOTO_CHECK_FORMAT,
  BK_PHOTO_CHECK_COLOUR,
  BK_PHOTO_CHECK_SIZE,
  BK_PHOTO_CHECK_DIMENSIONS,
  BK_PHOTO_CHECK_BACKGROUND,
  BK_PHOTO_CHECK_SHARPNESS,
  BK_PHOTO_CHECK_UPSCALED,
  BK_PHOTO_N_CHECKS,
} BkPhotoCheckKind;

typedef enum
{
  BK_PHOTO_VERDICT_NOT_EVALUATED, /* an earlier failure made this check meaningless */
  BK_PHOTO_VERDICT_PASS,
  BK_PHOTO_VERDICT_WARNING, /* passes, but the candidate should look at it */
  BK_PHOTO_VERDICT_FAIL,
} BkPhotoVerdict;

#define BK_TYPE_PHOTO_CHECK (bk_photo_check_get_type ())

/* One rule's verdict. @value is the measured number (NAN when there is
 * none); @value_text is the measurement as the JSON output shows it when it
 * is not a number (format name, "295x413"), else NULL; @message is
 * translated and tells the candidate what to do. */
typedef struct
{
  BkPhotoCheckKind kind;
  BkPhotoVerdict verdict;
  double value;
  char *value_text;
  char *message;
} BkPhotoCheck;

GType bk_photo_check_get_type (void) G_GNUC_CONST;
BkPhotoCheck *bk_photo_check_copy (const BkPhotoCheck *self);
void bk_photo_check_free (BkPhotoCheck *self);
const char *bk_photo_check_kind_to_string (BkPhotoCheckKind kind);
gboolean bk_photo_check_passed (const BkPhotoCheck *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPhotoCheck, bk_photo_check_free)

G_END_DECLS
