/* bk-eligibility-case.h — everything the eligibility rules look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bk-education-record.h"
#include "bk-id-document.h"
#include "bk-work-period.h"
#include "bk-core-enums.h"

G_BEGIN_DECLS

/* Nicks: "all" (考全科), "exempt" (免一科). */
typedef enum
{
  BK_EXAM_MODE_ALL,
  BK_EXAM_MODE_EXEMPT,
} BkExamMode;

/* Nicks: "none", "engineering", "natural-science-research", "other". */
typedef enum
{
  BK_SENIOR_TITLE_NONE,
  BK_SENIOR_TITLE_ENGINEERING,              /* 工程系列高级职称 */
  BK_SENIOR_TITLE_NATURAL_SCIENCE_RESEARCH, /* 自然科学研究系列高级职称 */
  BK_SENIOR_TITLE_OTHER,
} BkSeniorTitle;

#define BK_TYPE_ELIGIBILITY_CASE (bk_eligibility_case_get_type ())

/* A plain record: fill the fields directly. The arrays own their elements
 * and are never NULL on a case made by bk_eligibility_case_new(). */
typedef struct
{
  char *session_id; /* e.g. "liaoning-2020" */
  guint level;      /* 1 or 2 */
  BkExamMode mode;
  GPtrArray *education; /* of BkEducationRecord */
  GPtrArray *work;      /* of BkWorkPeriod */
  BkSeniorTitle senior_title;
  gboolean verification_officer_certificate; /* 计量检定员证 */
  gboolean integrity_record; /* in the exam-integrity file (诚信档案库) within its period */
  BkIdType id_type;
} BkEligibilityCase;

GType bk_eligibility_case_get_type (void) G_GNUC_CONST;
BkEligibilityCase *bk_eligibility_case_new (void);
BkEligibilityCase *bk_eligibility_case_copy (const BkEligibilityCase *self);
void bk_eligibility_case_free (BkEligibilityCase *self);

/* Takes ownership of @record / @period. */
void bk_eligibility_case_add_education (BkEligibilityCase *self, BkEducationRecord *record);
void bk_eligibility_case_add_work (BkEligibilityCase *self, BkWorkPeriod *period);

/* Limits on a case's text: a real case is a few hundred bytes, three levels deep. */
#define BK_ELIGIBILITY_CASE_MAX_SIZE  (1024 * 1024)
#define BK_ELIGIBILITY_CASE_MAX_DEPTH 32

gboolean bk_eligibility_case_check_data (const char *data, gsize length, GError **error);

/* The JSON form of `baokao-tool eligibility`; errors name the field. */
BkEligibilityCase *bk_eligibility_case_new_from_json (JsonNode *node, GError **error);
BkEligibilityCase *
bk_eligibility_case_new_from_data (const char *data, gssize length, GError **error);

const char *bk_exam_mode_to_nick (BkExamMode mode);
gboolean bk_exam_mode_from_nick (const char *nick, BkExamMode *mode);
const char *bk_senior_title_to_nick (BkSeniorTitle title);
gboolean bk_senior_title_from_nick (const char *nick, BkSeniorTitle *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkEligibilityCase, bk_eligibility_case_free)

G_END_DECLS
