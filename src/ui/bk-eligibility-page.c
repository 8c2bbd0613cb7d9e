/* bk-eligibility-page.c
 *
 * The choice of session, level and mode is the application's: changing it
 * here changes what the candidate applies for in the next step. The
 * verdict comes from core, the same rules the server re-checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-eligibility-page.h"
#include "bk-eligibility.h"
#include "bk-format.h"
#include "bk-sessions.h"
#include "bk-step-page.h"
#include "bk-work-timeline.h"

struct _BkEligibilityPage
{
  AdwBin parent_instance;

  BkProfile *profile;
  BkExamApplication *application;
  gboolean loading;

  /* Template widgets */
  AdwComboRow *session_row;
  GtkStringList *session_names;
  AdwComboRow *level_row;
  AdwComboRow *mode_row;
  GtkLabel *verdict_label;
  GtkLabel *rule_label;
  GtkLabel *reasons_label;
  AdwActionRow *work_row;
  AdwActionRow *metrology_row;
  AdwActionRow *eligible_from_row;
  BkWorkTimeline *timeline;
  AdwActionRow *route_row;
  AdwActionRow *commitment_row;
  AdwActionRow *subjects_row;
  AdwActionRow *fee_row;
  AdwPreferencesGroup *counted_group;
  AdwPreferencesGroup *next_group;
  AdwPreferencesGroup *others_group;
  GtkLabel *others_label;
};

static void bk_eligibility_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkEligibilityPage,
                               bk_eligibility_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_eligibility_page_step_page_init))

static BkExamSession *
selected_session (BkEligibilityPage *self)
{
  GPtrArray *all = bk_sessions_get_all (NULL);
  guint index = adw_combo_row_get_selected (self->session_row);

  if (all == NULL || index >= all->len)
    return NULL;
  return g_ptr_array_index (all, index);
}

static const char *
route_description (BkVerificationRoute route)
{
  switch (route)
    {
      case BK_VERIFICATION_ROUTE_AUTOMATIC:
        return _ ("Automatic check: your records are checked online; nothing to upload.");
      case BK_VERIFICATION_ROUTE_PROOFS:
        return _ ("Upload proofs for a manual check, such as a work certificate or your title "
                  "or verification-officer certificate.");
      case BK_VERIFICATION_ROUTE_ON_SITE:
      default:
        return _ ("On site: bring the originals and a registration form stamped by your employer "
                  "to your verification point.");
    }
}

static char *
describe_requirement (const GDate *cutoff, guint counted, guint required_years, guint missing)
{
  g_autofree char *have = bk_format_span (cutoff, counted);

  if (required_years == 0)
    /* TRANSLATORS: %s is a span such as "6 years 0 months 0 days" */
    return g_strdup_printf (_ ("%s counted; no minimum for this path"), have);
  if (missing == 0)
    /* TRANSLATORS: %s is the counted span, %u the years needed */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s counted; %u year needed: met",
                                         "%s counted; %u years needed: met", required_years),
                            have, required_years);
  /* TRANSLATORS: %s is the counted span, %u the years needed, %u the days still missing */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s counted; %u year needed: %u days short",
                                       "%s counted; %u years needed: %u days short",
                                       required_years),
                          have, required_years, missing);
}

static char *
describe_subjects (BkExamSession *session, const BkEligibilityVerdict *verdict)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < verdict->subjects->len; i++)
    {
      guint number = g_array_index (verdict->subjects, guint, i);
      const BkExamSubject *subject = bk_exam_session_get_subject (session, verdict->level, number);
      g_autofree char *when = NULL;

      if (subject == NULL)
        continue;
      when = bk_format_date_time (subject->start);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a subject to sit: its number, name and start, e.g.
       * "2. Measurement data processing — 2020-11-07 14:00" */
      g_string_append_printf (text, _ ("%u. %s — %s"), number, bk_exam_subject_get_name (subject),
                              when);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_verdict (BkEligibilityPage *self, BkExamSession *session, const BkEligibilityVerdict *verdict)
{
  const GDate *cutoff = bk_exam_session_get_cutoff (session);
  g_autoptr (GString) reasons = g_string_new (NULL);
  g_autoptr (GPtrArray)
    periods = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_work_period_free);
  g_autofree char *work = NULL;
  g_autofree char *metrology = NULL;
  g_autofree char *subjects = NULL;
  g_autofree char *fee = NULL;
  GListModel *entries = bk_profile_get_work (self->profile);
  const GDate *counted_from = NULL;

  gtk_label_set_text (self->verdict_label,
                      verdict->eligible ? _ ("Eligible") : _ ("Not eligible by this path yet"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label),
                            verdict->eligible ? "success" : "error");
  gtk_label_set_text (self->rule_label, verdict->rule != NULL ? verdict->rule : "");

  for (guint i = 0; i < verdict->reasons->len; i++)
    g_string_append_printf (reasons, "%s• %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (verdict->reasons, i));
  gtk_label_set_text (self->reasons_label, reasons->str);

  work = describe_requirement (cutoff, verdict->counted_work_days, verdict->required_work_years,
                               verdict->missing_work_days);
  metrology = describe_requirement (cutoff, verdict->counted_metrology_days,
                                    verdict->required_metrology_years,
                                    verdict->missing_metrology_days);
  adw_action_row_set_subtitle (self->work_row, work);
  adw_action_row_set_subtitle (self->metrology_row, metrology);
  if (g_date_valid (&verdict->eligible_from))
    {
      g_autofree char *date = bk_format_date (&verdict->eligible_from);
      adw_action_row_set_subtitle (self->eligible_from_row, date);
    }
  else
    adw_action_row_set_subtitle (self->eligible_from_row,
                                 _ ("Never by this path: the same records cannot meet it"));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr (BkWorkEntry) entry = g_list_model_get_item (entries, i);
      if (bk_work_entry_get_from (entry) != NULL && g_date_valid (bk_work_entry_get_from (entry)))
        g_ptr_array_add (periods, bk_work_entry_to_period (entry));
    }
  if (verdict->qualifying_education >= 0)
    {
      g_autoptr (BkEducationEntry) qualifying = g_list_model_get_item (
        bk_profile_get_education (self->profile), verdict->qualifying_education);
      if (qualifying != NULL && bk_education_entry_get_full_time (qualifying))
        counted_from = bk_education_entry_get_graduated (qualifying);
    }
  bk_work_timeline_set_data (self->timeline, periods, counted_from, cutoff,
                             verdict->required_work_years, verdict->required_metrology_years);

  adw_action_row_set_subtitle (self->route_row, route_description (verdict->verification));
  adw_action_row_set_subtitle (
    self->commitment_row,
    verdict->commitment_allowed
      ? _ ("You may use it: you commit that your records are true and need not bring proofs.")
      : _ ("Not open to you: you bring proofs and a stamped registration form instead."));
  subjects = describe_subjects (session, verdict);
  adw_action_row_set_subtitle (self->subjects_row, *subjects != '\0' ? subjects : _ ("None"));
  fee = bk_format_yuan (verdict->fee_fen);
  adw_action_row_set_subtitle (self->fee_row, fee);
  gtk_widget_set_visible (GTK_WIDGET (self->next_group), verdict->eligible);

  if (verdict->other_open->len == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->others_group), FALSE);
  else
    {
      g_autoptr (GString) others = g_string_new (NULL);

      for (guint i = 0; i < verdict->other_open->len; i++)
        {
          BkExamOption *option = &g_array_index (verdict->other_open, BkExamOption, i);

          /* TRANSLATORS: another level and mode open to the candidate, e.g. "Level 2, all subjects"
           */
          g_string_append_printf (others, "%s• %s%s", i > 0 ? "\n" : "",
                                  bk_exam_session_get_level_name (session, option->level),
                                  option->mode == BK_EXAM_MODE_ALL ? _ (", all subjects")
                                                                   : _ (", one subject exempted"));
        }
      gtk_label_set_text (self->others_label, others->str);
      gtk_widget_set_visible (GTK_WIDGET (self->others_group), TRUE);
    }
}

static void
evaluate (BkEligibilityPage *self)
{
  BkExamSession *session = selected_session (self);
  guint level = adw_combo_row_get_selected (self->level_row) + 1;
  BkExamMode mode = adw_combo_row_get_selected (self->mode_row);
  g_autoptr (BkEligibilityCase) eligibility_case = NULL;
  g_autoptr (BkEligibilityVerdict) verdict = NULL;
  g_autoptr (GError) error = NULL;

  if (self->profile == NULL || session == NULL)
    return;

  eligibility_case = bk_profile_to_eligibility_case (self->profile,
                                                     bk_exam_session_get_id (session), level, mode);
  verdict = bk_eligibility_evaluate (session, eligibility_case, &error);
  if (verdict == NULL)
    {
      gtk_label_set_text (self->verdict_label, _ ("Cannot tell yet"));
      gtk_label_set_text (self->rule_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->counted_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->next_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->others_group), FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->counted_group), TRUE);
  show_verdict (self, session, verdict);
}

static void
choice_changed_cb (BkEligibilityPage *self)
{
  BkExamSession *session;

  if (self->loading)
    return;

  session = selected_session (self);
  if (self->application != NULL && session != NULL &&
      bk_application_state_is_editable (bk_exam_application_get_state (self->application)))
    {
      bk_exam_application_set_session_id (self->application, bk_exam_session_get_id (session));
      bk_exam_application_set_level (self->application,
                                     adw_combo_row_get_selected (self->level_row) + 1);
      bk_exam_application_set_mode (self->application, adw_combo_row_get_selected (self->mode_row));
      bk_step_page_emit_changed (BK_STEP_PAGE (self));
    }
  evaluate (self);
}

static void
load_choice (BkEligibilityPage *self)
{
  GPtrArray *all = bk_sessions_get_all (NULL);
  gboolean editable;

  if (self->application == NULL || all == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (bk_exam_session_get_id (g_ptr_array_index (all, i)),
                     bk_exam_application_get_session_id (self->application)))
      adw_combo_row_set_selected (self->session_row, i);
  adw_combo_row_set_selected (self->level_row,
                              bk_exam_application_get_level (self->application) - 1);
  adw_combo_row_set_selected (self->mode_row, bk_exam_application_get_mode (self->application));
  self->loading = FALSE;

  /* Once submitted, the choice is the application's and no longer changes. */
  editable = bk_application_state_is_editable (bk_exam_application_get_state (self->application));
  gtk_widget_set_sensitive (GTK_WIDGET (self->session_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_row), editable);
}

static void
bk_eligibility_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkEligibilityPage *self = BK_ELIGIBILITY_PAGE (page);

  g_set_object (&self->profile, profile);
  evaluate (self);
}

static void
bk_eligibility_page_set_application (BkStepPage *page, BkExamApplication *application)
{
  BkEligibilityPage *self = BK_ELIGIBILITY_PAGE (page);

  g_set_object (&self->application, application);
  load_choice (self);
  evaluate (self);
}

static void
bk_eligibility_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_eligibility_page_set_profile;
  iface->set_application = bk_eligibility_page_set_application;
}

static void
bk_eligibility_page_dispose (GObject *object)
{
  BkEligibilityPage *self = BK_ELIGIBILITY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ELIGIBILITY_PAGE);
  g_clear_object (&self->profile);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bk_eligibility_page_parent_class)->dispose (object);
}

static void
bk_eligibility_page_class_init (BkEligibilityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_eligibility_page_dispose;

  g_type_ensure (BK_TYPE_WORK_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-eligibility-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, session_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, session_names);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, rule_label);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, reasons_label);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, work_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, metrology_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, eligible_from_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, route_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, subjects_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, fee_row);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, counted_group);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, next_group);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, others_group);
  gtk_widget_class_bind_template_child (widget_class, BkEligibilityPage, others_label);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
}

static void
bk_eligibility_page_init (BkEligibilityPage *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *all;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading = TRUE;
  all = bk_sessions_get_all (&error);
  for (guint i = 0; all != NULL && i < all->len; i++)
    gtk_string_list_append (self->session_names,
                            bk_exam_session_get_name (g_ptr_array_index (all, i)));
  self->loading = FALSE;
  if (all == NULL)
    gtk_label_set_text (self->rule_label, error->message);
}
