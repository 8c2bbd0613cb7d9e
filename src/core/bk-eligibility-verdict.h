/* bk-eligibility-verdict.h — the answer of the eligibility rules, explained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bk-eligibility-case.h"
#include "bk-core-enums.h"

G_BEGIN_DECLS

/* Nicks: "automatic", "proofs", "on-site". Ordered from lightest to heaviest. */
typedef enum
{
  BK_VERIFICATION_ROUTE_AUTOMATIC, /* automatic check of the submitted data */
  BK_VERIFICATION_ROUTE_PROOFS,    /* upload proofs for manual verification */
  BK_VERIFICATION_ROUTE_ON_SITE,   /* bring originals to the verification point */
} BkVerificationRoute;

/* A level and mode of the exam, e.g. level 2, one subject exempted. */
typedef struct
{
  guint level;
  BkExamMode mode;
} BkExamOption;

#define BK_TYPE_ELIGIBILITY_VERDICT (bk_eligibility_verdict_get_type ())

/* Read-only fields, filled by bk_eligibility_evaluate(). Durations are in
 * days; "N years" follows the convention of domain.md. */
typedef struct
{
  gboolean eligible;
  guint level;
  BkExamMode mode;
  char *rule_id;            /* stable, e.g. "level1-all-bachelor-science-engineering" */
  char *rule;               /* translated sentence naming the rule applied */
  int qualifying_education; /* index into the case's education, or -1 */

  GDate cutoff; /* of the session: durations are counted back from it */
  guint counted_work_days;
  guint counted_metrology_days;
  guint required_work_years;      /* 0: no requirement */
  guint required_metrology_years; /* 0: no requirement */
  guint missing_work_days;
  guint missing_metrology_days;

  /* When the same record meets the time requirements (it may be before the
   * cutoff when eligible); invalid when it never can by this path. */
  GDate eligible_from;

  GArray *subjects; /* of guint: subject numbers to sit; empty if not eligible */
  guint64 fee_fen;  /* in fen (0.01 yuan); 0 if free or not eligible */

  BkVerificationRoute verification;
  gboolean commitment_allowed;

  GPtrArray *reasons; /* of char *: translated sentences, in order */
  GArray *other_open; /* of BkExamOption: other levels and modes open now */
} BkEligibilityVerdict;

GType bk_eligibility_verdict_get_type (void) G_GNUC_CONST;
BkEligibilityVerdict *bk_eligibility_verdict_new (void);
BkEligibilityVerdict *bk_eligibility_verdict_copy (const BkEligibilityVerdict *self);
void bk_eligibility_verdict_free (BkEligibilityVerdict *self);

JsonNode *bk_eligibility_verdict_to_json (const BkEligibilityVerdict *self);
/* Compact JSON (one line) appended to @out; @session_id is added if not NULL. */
void bk_eligibility_verdict_write_json (const BkEligibilityVerdict *self,
                                        const char *session_id,
                                        GString *out);
char *bk_eligibility_verdict_to_text (const BkEligibilityVerdict *self);

const char *bk_verification_route_to_nick (BkVerificationRoute route);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkEligibilityVerdict, bk_eligibility_verdict_free)

G_END_DECLS
