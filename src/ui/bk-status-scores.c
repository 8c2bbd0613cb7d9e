/* bk-status-scores.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-rows.h"
#include "bk-status-scores.h"

struct _BkStatusScores
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (BkStatusScores, bk_status_scores, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
row (BkStatusScores *self, const char *title, const char *subtitle, const char *icon_name)
{
  GtkWidget *r = bk_rows_new_plain ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (r), gtk_image_new_from_icon_name (icon_name));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), r);
  g_ptr_array_add (self->rows, r);
  return r;
}

void
bk_status_scores_set (BkStatusScores *self,
                      const BkApplicationProgress *progress,
                      BkExamSession *session,
                      guint level,
                      BkExamMode mode)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  g_autoptr (BkScoreOutcome) outcome = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (BK_IS_STATUS_SCORES (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self),
                          progress != NULL && progress->scores_year != 0 && session != NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  /* TRANSLATORS: %u is the exam year */
  description = g_strdup_printf (_ ("Your scores of the %u exam, as the authority published them."),
                                 progress->scores_year);
  adw_preferences_group_set_description (group, description);

  for (guint i = 0; i < progress->scores->len; i++)
    {
      const BkSubjectScore *s = &g_array_index (progress->scores, BkSubjectScore, i);
      const BkExamSubject *subject = bk_exam_session_get_subject (session, level, s->subject);
      g_autofree char *number = g_strdup_printf (_ ("Subject %u"), s->subject);
      g_autofree char *text = NULL;

      /* TRANSLATORS: a subject's score, e.g. "61.5 — passed" */
      text = g_strdup_printf (s->passed ? _ ("%g — passed") : _ ("%g — not passed"), s->score);
      row (self, subject != NULL ? bk_exam_subject_get_name (subject) : number, text,
           s->passed ? "emblem-ok-symbolic" : "dialog-error-symbolic");
    }

  outcome = bk_application_progress_evaluate_scores (progress, session, level, mode, &error);
  if (outcome != NULL)
    {
      GString *reasons = g_string_new (NULL);

      for (guint i = 0; i < outcome->reasons->len; i++)
        g_string_append_printf (reasons, "%s%s", i > 0 ? " " : "",
                                (char *) g_ptr_array_index (outcome->reasons, i));
      row (self, _ ("Certificate"), reasons->str,
           outcome->certificate_earned ? "emblem-ok-symbolic" : "content-loading-symbolic");
      g_string_free (reasons, TRUE);
    }
  else if (error != NULL)
    row (self, _ ("Certificate"), error->message, "dialog-warning-symbolic");
}

static void
bk_status_scores_finalize (GObject *object)
{
  g_ptr_array_unref (BK_STATUS_SCORES (object)->rows);

  G_OBJECT_CLASS (bk_status_scores_parent_class)->finalize (object);
}

static void
bk_status_scores_class_init (BkStatusScoresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_status_scores_finalize;
}

static void
bk_status_scores_init (BkStatusScores *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _ ("Scores"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
