/* bk-eligibility.c
 *
 * The rules of domain.md, "Eligibility" and "The commitment system and
 * verification". Dates are handled as Julian day numbers, periods as
 * inclusive spans of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-eligibility.h"
#include "bk-format.h"
#include "bk-work-history.h"

#define NEVER BK_WORK_HISTORY_NEVER

typedef struct
{
  gboolean applicable; /* FALSE: this education cannot qualify for the level at all */
  guint work_years;    /* 0: no requirement */
  guint metrology_years;
  const char *rule_id;
} Requirement;

/* Why a route is heavier than the automatic check; one bit per reason. */
enum
{
  ROUTE_INTEGRITY = 1 << 0,
  ROUTE_OTHER_ID = 1 << 1,
  ROUTE_FOREIGN = 1 << 2,
  ROUTE_BELOW_SECONDARY = 1 << 3,
  ROUTE_OLD_EDUCATION = 1 << 4,
  ROUTE_OLD_DEGREE = 1 << 5,
  ROUTE_TITLE_CERTIFICATE = 1 << 6,
  ROUTE_OFFICER_CERTIFICATE = 1 << 7,
};

typedef struct
{
  int record; /* index into the case's education; -1: none */
  BkEducationLevel education_level;
  Requirement req;
  gboolean held_by_cutoff; /* graduated on or before the cutoff */
  gboolean time_met;
  guint32 lo;            /* first day counted: graduation day of a full-time record, else 0 */
  guint work, metrology; /* counted up to the cutoff */
  guint raw_work;        /* before merging overlaps */
  guint need_work, need_metrology;
  guint32 eligible_from; /* NEVER if the record never meets the time */
  guint route_flags;
} Path;

typedef struct
{
  guint level;
  BkExamMode mode;
  gboolean offered;
  gboolean eligible;
  gboolean exemption_held; /* only meaningful for BK_EXAM_MODE_EXEMPT */
  Path path;
} Option;

/* The table of domain.md, for science and engineering; other disciplines
 * add one year to both minimums (the doctor has no work minimum). */
static Requirement
requirement_for (guint level, const BkEducationRecord *record)
{
  Requirement r = { FALSE, 0, 0, NULL };
  gboolean other = record->discipline == BK_DISCIPLINE_OTHER;

  if (level == 2)
    {
      if (record->level >= BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL)
        return (Requirement){ TRUE, 0, 1, "level2-secondary-vocational-or-above" };
      return (Requirement){ FALSE, 0, 0, "level2-below-secondary" };
    }

  switch (record->level)
    {
      case BK_EDUCATION_LEVEL_ASSOCIATE:
        r = (Requirement){ TRUE, 6, 4, other ? "level1-associate-other" : "level1-associate" };
        break;
      case BK_EDUCATION_LEVEL_BACHELOR:
        r = (Requirement){ TRUE, 4, 3, other ? "level1-bachelor-other" : "level1-bachelor" };
        break;
      case BK_EDUCATION_LEVEL_SECOND_BACHELOR:
        r = (Requirement){ TRUE, 3, 2,
                           other ? "level1-second-bachelor-other" : "level1-second-bachelor" };
        break;
      case BK_EDUCATION_LEVEL_POSTGRADUATE_CLASS:
        r = (Requirement){ TRUE, 3, 2,
                           other ? "level1-postgraduate-class-other"
                                 : "level1-postgraduate-class" };
        break;
      case BK_EDUCATION_LEVEL_MASTER:
        r = (Requirement){ TRUE, 2, 1, other ? "level1-master-other" : "level1-master" };
        break;
      case BK_EDUCATION_LEVEL_DOCTOR:
        r = (Requirement){ TRUE, 0, 1, other ? "level1-doctor-other" : "level1-doctor" };
        break;
      case BK_EDUCATION_LEVEL_BELOW_SECONDARY:
      case BK_EDUCATION_LEVEL_SECONDARY_VOCATIONAL:
      default:
        return (Requirement){ FALSE, 0, 0, "level1-below-associate" };
    }
  if (other)
    {
      if (r.work_years > 0)
        r.work_years++;
      r.metrology_years++;
    }
  return r;
}

static BkVerificationRoute
route_of (guint flags)
{
  if (flags & (ROUTE_INTEGRITY | ROUTE_OTHER_ID | ROUTE_FOREIGN))
    return BK_VERIFICATION_ROUTE_ON_SITE;
  if (flags != 0)
    return BK_VERIFICATION_ROUTE_PROOFS;
  return BK_VERIFICATION_ROUTE_AUTOMATIC;
}

static guint
record_route_flags (const BkEducationRecord *record)
{
  guint flags = 0;

  if (record->foreign)
    flags |= ROUTE_FOREIGN;
  if (record->level == BK_EDUCATION_LEVEL_BELOW_SECONDARY)
    flags |= ROUTE_BELOW_SECONDARY;
  /* Online verification covers associate-and-above education from 2003 on
   * (Liaoning: "2002年及以前大专以上学历" upload proofs) and degrees from
   * September 2008 on. */
  if (record->level >= BK_EDUCATION_LEVEL_ASSOCIATE &&
      g_date_get_year (&record->graduated) <= BK_ELIGIBILITY_LAST_UNVERIFIABLE_EDUCATION_YEAR)
    flags |= ROUTE_OLD_EDUCATION;
  else if ((record->level == BK_EDUCATION_LEVEL_SECOND_BACHELOR ||
            record->level == BK_EDUCATION_LEVEL_MASTER ||
            record->level == BK_EDUCATION_LEVEL_DOCTOR) &&
           (g_date_get_year (&record->graduated) < 2008 ||
            (g_date_get_year (&record->graduated) == 2008 &&
             g_date_get_month (&record->graduated) < G_DATE_SEPTEMBER)))
    flags |= ROUTE_OLD_DEGREE;
  return flags;
}

static guint
case_route_flags (const BkEligibilityCase *c, guint level, BkExamMode mode)
{
  guint flags = 0;

  if (c->integrity_record)
    flags |= ROUTE_INTEGRITY;
  if (c->id_type != BK_ID_TYPE_RESIDENT_ID)
    flags |= ROUTE_OTHER_ID;
  if (mode == BK_EXAM_MODE_EXEMPT)
    flags |= level == 1 ? ROUTE_TITLE_CERTIFICATE : ROUTE_OFFICER_CERTIFICATE;
  return flags;
}

static void
evaluate_path (const BkEligibilityCase *c,
               const BkWorkHistory *h,
               const GDate *cutoff,
               guint level,
               guint record_index,
               gboolean want_date,
               Path *p)
{
  const BkEducationRecord *record = c->education->pdata[record_index];
  guint32 cut = g_date_get_julian (cutoff);
  guint32 graduated = g_date_get_julian (&record->graduated);

  memset (p, 0, sizeof *p);
  p->record = (int) record_index;
  p->education_level = record->level;
  p->req = requirement_for (level, record);
  p->route_flags = record_route_flags (record);
  /* Experience before graduating does not count for a full-time record. */
  p->lo = record->full_time ? graduated : 0;
  p->held_by_cutoff = graduated <= cut;
  if (!p->req.applicable)
    return;

  p->work = bk_work_history_count_days (h, FALSE, p->lo, cut, &p->raw_work);
  p->metrology = bk_work_history_count_days (h, TRUE, p->lo, cut, NULL);
  p->need_work = bk_work_history_days_for_years (cut, p->req.work_years);
  p->need_metrology = bk_work_history_days_for_years (cut, p->req.metrology_years);
  p->time_met = p->work >= p->need_work && p->metrology >= p->need_metrology;

  if (!want_date)
    p->eligible_from = NEVER;
  else if (p->time_met && p->held_by_cutoff)
    {
      guint32 first = MAX (graduated, h->n > 0 ? h->spans[0].from : graduated);

      p->eligible_from = bk_work_history_first_day_meeting (h, p->lo, p->req.work_years,
                                                            p->req.metrology_years, first);
      /* Rounding in the search could only land after the cutoff if the
       * leap-day wobble hid an earlier day; the cutoff itself is met. */
      if (p->eligible_from == NEVER || p->eligible_from > cut)
        p->eligible_from = cut;
    }
  else
    p->eligible_from = bk_work_history_first_day_meeting (
      h, p->lo, p->req.work_years, p->req.metrology_years, MAX (cut + 1, graduated));
}

static gboolean
path_eligible (const Path *p)
{
  return p->req.applicable && p->time_met && p->held_by_cutoff;
}

static guint
shortfall (const Path *p)
{
  return p->need_work - MIN (p->work, p->need_work) + p->need_metrology -
         MIN (p->metrology, p->need_metrology);
}

/* The most favourable record: one that qualifies, then the lightest
 * verification, then the earliest date; among those that do not qualify,
 * the earliest date on which one would. */
static gboolean
path_better (const Path *a, const Path *b, guint case_flags)
{
  gboolean ea = path_eligible (a), eb = path_eligible (b);

  if (b->record < 0)
    return TRUE;
  if (ea != eb)
    return ea;
  if (a->req.applicable != b->req.applicable)
    return a->req.applicable;
  if (ea)
    {
      BkVerificationRoute ra = route_of (a->route_flags | case_flags);
      BkVerificationRoute rb = route_of (b->route_flags | case_flags);

      if (ra != rb)
        return ra < rb;
      return a->eligible_from < b->eligible_from;
    }
  if ((a->eligible_from == NEVER) != (b->eligible_from == NEVER))
    return a->eligible_from != NEVER;
  if (a->eligible_from != b->eligible_from)
    return a->eligible_from < b->eligible_from;
  /* Neither ever qualifies: show the one closest to the time, then the higher education. */
  if (shortfall (a) != shortfall (b))
    return shortfall (a) < shortfall (b);
  return a->education_level > b->education_level;
}

static gboolean
exemption_held (const BkEligibilityCase *c, guint level)
{
  if (level == 1)
    return c->senior_title == BK_SENIOR_TITLE_ENGINEERING ||
           c->senior_title == BK_SENIOR_TITLE_NATURAL_SCIENCE_RESEARCH;
  return c->verification_officer_certificate;
}

static void
evaluate_option (BkExamSession *session,
                 const BkEligibilityCase *c,
                 const BkWorkHistory *h,
                 guint level,
                 BkExamMode mode,
                 gboolean want_date,
                 Option *o)
{
  guint case_flags = case_route_flags (c, level, mode);

  memset (o, 0, sizeof *o);
  o->level = level;
  o->mode = mode;
  o->path.record = -1;
  o->offered = bk_exam_session_has_level (session, level);
  if (!o->offered)
    return;

  for (guint i = 0; i < c->education->len; i++)
    {
      Path candidate;

      evaluate_path (c, h, bk_exam_session_get_cutoff (session), level, i, want_date, &candidate);
      if (path_better (&candidate, &o->path, case_flags))
        o->path = candidate;
    }
  o->exemption_held = mode == BK_EXAM_MODE_EXEMPT && exemption_held (c, level);
  o->eligible = path_eligible (&o->path) && (mode == BK_EXAM_MODE_ALL || o->exemption_held);
  o->path.route_flags |= case_flags;
}

gboolean
bk_eligibility_is_open (BkExamSession *session,
                        const BkEligibilityCase *eligibility_case,
                        guint level,
                        BkExamMode mode)
{
  g_auto (BkWorkHistory) h = { 0 };
  Option o;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), FALSE);
  g_return_val_if_fail (eligibility_case != NULL, FALSE);

  bk_work_history_init (&h, eligibility_case->work);
  evaluate_option (session, eligibility_case, &h, level, mode, FALSE, &o);
  return o.eligible;
}

/* Explanations. */

static void
add_reason (BkEligibilityVerdict *v, char *sentence)
{
  g_ptr_array_add (v->reasons, sentence);
}

static char *
describe_option (guint level, BkExamMode mode)
{
  if (mode == BK_EXAM_MODE_EXEMPT)
    /* TRANSLATORS: %u is the level, 1 or 2 */
    return g_strdup_printf (_ ("level %u with one subject exempted"), level);
  /* TRANSLATORS: %u is the level, 1 or 2 */
  return g_strdup_printf (_ ("level %u, all subjects"), level);
}

static char *
describe_years (guint years)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", years), years);
}

static char *
describe_days (const GDate *cutoff, guint days)
{
  g_autofree char *span = bk_format_span (cutoff, days);

  /* TRANSLATORS: %s is a duration like “5 years 11 months 30 days”, %u the same in days */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u day)", "%s (%u days)", days), span,
                          days);
}

static char *
date_text (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return bk_format_date (&date);
}

static void
explain_rule (BkEligibilityVerdict *v,
              const BkEligibilityCase *c,
              const Option *o,
              const GDate *cutoff)
{
  const Path *p = &o->path;
  const BkEducationRecord *record = c->education->pdata[p->record];
  g_autofree char *option = describe_option (o->level, o->mode);
  g_autofree char *cut = bk_format_date (cutoff);
  g_autofree char *metro = describe_years (p->req.metrology_years);
  const char *education = bk_education_level_get_display_name (record->level);
  const char *discipline = record->discipline == BK_DISCIPLINE_OTHER
                             ? _ ("a discipline other than science or engineering")
                             : _ ("science or engineering");

  if (!p->req.applicable)
    {
      if (o->level == 1)
        v->rule = g_strdup_printf (
          /* TRANSLATORS: %s is an education level such as “secondary vocational” */
          _ ("Rule applied: level 1 needs an associate education or above; your highest "
             "counted education is %s."),
          education);
      else
        v->rule = g_strdup_printf (
          /* TRANSLATORS: %s is an education level */
          _ ("Rule applied: level 2 needs secondary vocational education or above; your "
             "education is %s."),
          education);
    }
  else if (o->level == 2)
    v->rule = g_strdup_printf (
      /* TRANSLATORS: first %s is e.g. “level 2, all subjects”, second e.g. “1 year”,
       * third a date */
      _ ("Rule applied: %s, secondary vocational education or above in any discipline: "
         "metrology work of at least %s, counted up to %s."),
      option, metro, cut);
  else if (p->req.work_years == 0)
    v->rule = g_strdup_printf (
      /* TRANSLATORS: %s: the option, the education level, the discipline, a duration, a date */
      _ ("Rule applied: %s, %s education in %s: metrology work of at least %s, counted up "
         "to %s."),
      option, education, discipline, metro, cut);
  else
    {
      g_autofree char *work = describe_years (p->req.work_years);

      v->rule = g_strdup_printf (
        /* TRANSLATORS: %s: the option, the education level, the discipline, two durations,
         * a date */
        _ ("Rule applied: %s, %s education in %s: work of at least %s, of which metrology "
           "work at least %s, counted up to %s."),
        option, education, discipline, work, metro, cut);
    }
  add_reason (v, g_strdup (v->rule));
}

static void
explain_counting (BkEligibilityVerdict *v,
                  const BkEligibilityCase *c,
                  const Path *p,
                  const GDate *cutoff)
{
  const BkEducationRecord *record = c->education->pdata[p->record];
  g_autofree char *work = describe_days (cutoff, p->work);
  g_autofree char *metro = describe_days (cutoff, p->metrology);

  /* TRANSLATORS: both %s are durations like “5 years 11 months 30 days (2191 days)” */
  add_reason (v,
              g_strdup_printf (_ ("Counted work: %s; of which metrology work: %s."), work, metro));
  if (record->full_time)
    {
      g_autofree char *graduated = bk_format_date (&record->graduated);

      /* TRANSLATORS: %s is a date */
      add_reason (v, g_strdup_printf (_ ("Your qualifying education is full-time, so work before "
                                         "graduating on %s is not counted."),
                                      graduated));
    }
  if (p->raw_work > p->work)
    add_reason (v, g_strdup (_ ("Overlapping work periods are counted once.")));
  if (!p->held_by_cutoff)
    {
      g_autofree char *graduated = bk_format_date (&record->graduated);
      g_autofree char *cut = bk_format_date (cutoff);

      /* TRANSLATORS: both %s are dates */
      add_reason (v, g_strdup_printf (_ ("You graduate on %s, after the cutoff %s; this "
                                         "education does not count for this session."),
                                      graduated, cut));
    }
  if (p->work < p->need_work)
    {
      g_autofree char *years = describe_years (p->req.work_years);

      /* TRANSLATORS: %u is a number of days, %s a duration like “4 years” */
      add_reason (v,
                  g_strdup_printf (
                    g_dngettext (GETTEXT_PACKAGE, "Missing: %u day of work to reach %s.",
                                 "Missing: %u days of work to reach %s.", p->need_work - p->work),
                    p->need_work - p->work, years));
    }
  if (p->metrology < p->need_metrology)
    {
      g_autofree char *years = describe_years (p->req.metrology_years);

      /* TRANSLATORS: %u is a number of days, %s a duration like “3 years” */
      add_reason (v,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Missing: %u day of metrology work to reach %s.",
                                                "Missing: %u days of metrology work to reach %s.",
                                                p->need_metrology - p->metrology),
                                   p->need_metrology - p->metrology, years));
    }
}

static void
explain_route (BkEligibilityVerdict *v, guint flags)
{
  static const struct
  {
    guint flag;
    const char *text;
  } causes[] = {
    { ROUTE_INTEGRITY,
      N_ ("Verification on site with originals: you are recorded in the exam-integrity file; "
          "bring a registration form stamped by your employer and the originals.") },
    { ROUTE_OTHER_ID,
      N_ ("Verification on site with originals: only resident identity cards are verified "
          "online; bring your identity document.") },
    { ROUTE_FOREIGN,
      N_ ("Verification on site with originals: foreign and Hong Kong, Macau or Taiwan "
          "education cannot be verified online; bring the certificate and its certification "
          "by the Chinese Service Center for Scholarly Exchange.") },
    { ROUTE_BELOW_SECONDARY,
      N_ ("Upload proofs for manual verification: education below secondary vocational "
          "level cannot be verified online.") },
    { ROUTE_OLD_EDUCATION,
      N_ ("Upload proofs for manual verification: associate-and-above education from 2002 "
          "or earlier cannot be verified online.") },
    { ROUTE_OLD_DEGREE,
      N_ ("Upload proofs for manual verification: degrees from before September 2008 cannot "
          "be verified online.") },
    { ROUTE_TITLE_CERTIFICATE,
      N_ ("Upload proofs for manual verification: the exemption needs your senior title "
          "certificate.") },
    { ROUTE_OFFICER_CERTIFICATE,
      N_ ("Upload proofs for manual verification: the exemption needs your metrology "
          "verification officer certificate.") },
  };

  v->verification = route_of (flags);
  if (flags == 0)
    add_reason (v, g_strdup (_ ("Verification: the automatic check of your submitted "
                                "information; nothing to upload.")));
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    {
      if (flags & causes[i].flag)
        add_reason (v, g_strdup (_ (causes[i].text)));
    }

  v->commitment_allowed = !(flags & ROUTE_INTEGRITY);
  if (v->commitment_allowed)
    add_reason (v, g_strdup (_ ("You may use the commitment system (告知承诺制): sign the "
                                "commitment yourself.")));
  else
    add_reason (v, g_strdup (_ ("You may not use the commitment system while your record in "
                                "the exam-integrity file lasts.")));
}

static void
explain_subjects (BkEligibilityVerdict *v, BkExamSession *session)
{
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *fee = bk_format_yuan (v->fee_fen);

  for (guint i = 0; i < v->subjects->len; i++)
    {
      const BkExamSubject *subject =
        bk_exam_session_get_subject (session, v->level, g_array_index (v->subjects, guint, i));

      if (list->len > 0)
        g_string_append (list, _ ("; "));
      g_string_append_printf (list, "%u %s", subject->number, bk_exam_subject_get_name (subject));
    }
  /* TRANSLATORS: first %s lists subjects, second is the fee, e.g. “CNY 215.00” or “free” */
  add_reason (v, g_strdup_printf (_ ("Subjects to sit: %s. Fee: %s."), list->str, fee));
}

BkEligibilityVerdict *
bk_eligibility_evaluate (BkExamSession *session,
                         const BkEligibilityCase *eligibility_case,
                         GError **error)
{
  const BkEligibilityCase *c = eligibility_case;
  g_autoptr (BkEligibilityVerdict) v = NULL;
  g_auto (BkWorkHistory) h = { 0 };
  const GDate *cutoff;
  Option o;

  g_return_val_if_fail (BK_IS_EXAM_SESSION (session), NULL);
  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bk_exam_session_has_level (session, c->level))
    {
      /* TRANSLATORS: %u is a level, %s a session id */
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   _ ("Field “level”: session “%s” has no level %u."),
                   bk_exam_session_get_id (session), c->level);
      return NULL;
    }

  cutoff = bk_exam_session_get_cutoff (session);
  bk_work_history_init (&h, c->work);
  evaluate_option (session, c, &h, c->level, c->mode, TRUE, &o);

  v = bk_eligibility_verdict_new ();
  v->level = c->level;
  v->mode = c->mode;
  v->cutoff = *cutoff;
  v->eligible = o.eligible;
  v->qualifying_education = o.path.record;
  v->counted_work_days = o.path.work;
  v->counted_metrology_days = o.path.metrology;
  v->required_work_years = o.path.req.work_years;
  v->required_metrology_years = o.path.req.metrology_years;
  v->missing_work_days = o.path.need_work > o.path.work ? o.path.need_work - o.path.work : 0;
  v->missing_metrology_days = o.path.need_metrology > o.path.metrology
                                ? o.path.need_metrology - o.path.metrology
                                : 0;
  if (o.path.eligible_from != NEVER && (c->mode == BK_EXAM_MODE_ALL || o.exemption_held))
    g_date_set_julian (&v->eligible_from, o.path.eligible_from);

  if (o.path.record < 0)
    {
      v->rule_id = g_strdup (c->level == 1 ? "level1-no-education" : "level2-no-education");
      v->rule = g_strdup (_ ("No education record is given; add your highest education to "
                             "check the rules."));
      add_reason (v, g_strdup (v->rule));
    }
  else
    {
      v->rule_id = g_strdup_printf ("%s-%s", o.path.req.rule_id, bk_exam_mode_to_nick (c->mode));
      explain_rule (v, c, &o, cutoff);
      if (o.path.req.applicable)
        explain_counting (v, c, &o.path, cutoff);
    }

  if (c->mode == BK_EXAM_MODE_EXEMPT)
    {
      guint exempt = bk_exam_session_get_exempt_subject (session, c->level);

      if (o.exemption_held)
        add_reason (v, g_strdup_printf (
                         c->level == 1
                           /* TRANSLATORS: %u is the number of the exempted subject */
                           ? _ ("Your senior title in the engineering or natural science research "
                                "series exempts you from subject %u.")
                           /* TRANSLATORS: %u is the number of the exempted subject */
                           : _ ("Your metrology verification officer certificate exempts you "
                                "from subject %u."),
                         exempt));
      else
        add_reason (v, g_strdup (c->level == 1
                                   ? _ ("Missing: the exemption needs a senior title in the "
                                        "engineering or natural science research series.")
                                   : _ ("Missing: the exemption needs a metrology verification "
                                        "officer certificate issued by the former quality and "
                                        "technical supervision departments.")));
    }

  if (o.path.record >= 0 && o.path.req.applicable && o.path.held_by_cutoff)
    {
      if (v->eligible && g_date_valid (&v->eligible_from))
        {
          g_autofree char *date = date_text (o.path.eligible_from);

          /* TRANSLATORS: %s is a date */
          add_reason (v,
                      g_strdup_printf (_ ("You have met the time requirements since %s."), date));
        }
      else if (!v->eligible && g_date_valid (&v->eligible_from))
        {
          g_autofree char *date = date_text (o.path.eligible_from);

          /* TRANSLATORS: %s is a date */
          add_reason (v, g_strdup_printf (_ ("With the same record, continuing as it is, you "
                                             "meet the time requirements on %s; apply for the "
                                             "first session whose cutoff is on or after it."),
                                          date));
        }
    }
  if (!v->eligible && !g_date_valid (&v->eligible_from))
    add_reason (v, g_strdup (_ ("This path can never make you eligible with the record as it "
                                "is.")));
  else if (!v->eligible && !o.path.held_by_cutoff && g_date_valid (&v->eligible_from))
    {
      g_autofree char *date = date_text (o.path.eligible_from);

      /* TRANSLATORS: %s is a date */
      add_reason (v, g_strdup_printf (_ ("With the same record you would meet the requirements "
                                         "on %s."),
                                      date));
    }

  /* Other levels and modes open now. */
  for (guint level = 1; level <= 2; level++)
    {
      for (BkExamMode mode = BK_EXAM_MODE_ALL; mode <= BK_EXAM_MODE_EXEMPT; mode++)
        {
          Option other;
          BkExamOption open = { level, mode };
          g_autofree char *text = NULL;

          if (level == c->level && mode == c->mode)
            continue;
          evaluate_option (session, c, &h, level, mode, FALSE, &other);
          if (!other.eligible)
            continue;
          g_array_append_val (v->other_open, open);
          text = describe_option (level, mode);
          /* TRANSLATORS: %s is e.g. “level 2, all subjects” */
          add_reason (v, g_strdup_printf (_ ("Also open to you: %s."), text));
        }
    }
  if (!v->eligible && v->other_open->len == 0)
    add_reason (v, g_strdup (_ ("No other level or mode is open to you in this session.")));

  explain_route (v, o.path.route_flags);

  if (v->eligible)
    {
      g_array_unref (v->subjects);
      v->subjects = bk_exam_session_get_subjects_to_sit (session, c->level, c->mode);
      v->fee_fen = bk_exam_session_get_fee_fen (session, c->level, c->mode);
      explain_subjects (v, session);
    }

  return g_steal_pointer (&v);
}
