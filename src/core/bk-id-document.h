/* bk-id-document.h — identity documents and GB 11643-1999 numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bk-core-enums.h"

G_BEGIN_DECLS

/* Nicks: "resident-id", "hk-macau-taiwan", "passport", "military". */
typedef enum
{
  BK_ID_TYPE_RESIDENT_ID,     /* 居民身份证 (or social security card) */
  BK_ID_TYPE_HK_MACAU_TAIWAN, /* Hong Kong, Macau and Taiwan residents' documents */
  BK_ID_TYPE_PASSPORT,
  BK_ID_TYPE_MILITARY, /* 军官证 */
} BkIdType;

typedef enum
{
  BK_SEX_UNKNOWN,
  BK_SEX_MALE,
  BK_SEX_FEMALE,
} BkSex;

#define BK_TYPE_ID_DOCUMENT (bk_id_document_get_type ())

/* The result of checking a document number. Read-only fields. */
typedef struct
{
  BkIdType type;
  char *number;     /* normalised: bk_text_normalize_number() */
  GDate birth_date; /* valid only for resident ID numbers */
  BkSex sex;        /* BK_SEX_UNKNOWN unless derived from the number */
  char *region;     /* 6-digit region code of a resident ID number, or NULL */
  /* Only resident identity cards are verified online; every other type is
   * checked by hand at a verification point. */
  gboolean needs_manual_verification;
} BkIdDocument;

GType bk_id_document_get_type (void) G_GNUC_CONST;

/* @today: the date "not in the future" is judged against; NULL for today. */
BkIdDocument *
bk_id_document_parse (BkIdType type, const char *number, const GDate *today, GError **error);
BkIdDocument *bk_id_document_copy (const BkIdDocument *self);
void bk_id_document_free (BkIdDocument *self);

char bk_id_document_compute_check_char (const char *first17);

const char *bk_id_type_to_nick (BkIdType type);
gboolean bk_id_type_from_nick (const char *nick, BkIdType *type);
const char *bk_sex_to_nick (BkSex sex);
gboolean bk_sex_from_nick (const char *nick, BkSex *sex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkIdDocument, bk_id_document_free)

G_END_DECLS
