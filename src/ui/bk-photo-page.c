/* bk-photo-page.c
 *
 * A photo is read, checked, standardised and decoded for display in one
 * job off the main thread; a newer photo (or another profile) cancels the
 * job before it. Only a photo that passes the checks goes into the profile:
 * a refused one is shown with what is wrong with it, beside the accepted
 * photo, which stays in use until a new one passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-compat.h"
#include "bk-field-error-row.h"
#include "bk-photo-check-row.h"
#include "bk-photo-page.h"
#include "bk-photo-preview.h"
#include "bk-photo.h"
#include "bk-step-page.h"

/* GTK decodes the whole picture for the preview: not one the checks
 * refuse to open (the photo layer's limit). */
#define MAX_PREVIEW_PIXELS 40000000

struct _BkPhotoPage
{
  AdwBin parent_instance;

  BkProfile *profile;
  GCancellable *job; /* the running job's; NULL when idle */
  GTask *shown;      /* the job on screen, shown again after a failed read */
  GTask *accepted;   /* the job of the profile's accepted photo, if any */
  GCancellable *dialog;
  gboolean locked; /* the application is submitted */

  /* Template widgets */
  GtkWidget *choose_button;
  GtkWidget *verdict_box;
  GtkStack *verdict_icon_stack;
  GtkSpinner *spinner;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkWidget *placeholder_box;
  GtkLabel *placeholder_label;
  GtkWidget *previews_box;
  BkPhotoPreview *original_preview;
  GtkLabel *original_caption;
  GtkLabel *original_detail;
  GtkWidget *standardised_box;
  GtkWidget *error_group;
  BkPhotoPreview *standardised_preview;
  GtkLabel *standardised_caption;
  GtkLabel *standardised_detail;
  BkFieldErrorRow *error_row;
  AdwPreferencesGroup *checks_group;

  BkPhotoCheckRow *check_rows[BK_PHOTO_N_CHECKS];
};

static void bk_photo_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkPhotoPage,
                               bk_photo_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_photo_page_step_page_init))

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One photo on its way through the checks. */
typedef struct
{
  BkProfile *profile;
  GFile *file;      /* a newly chosen file; NULL to show the stored photo */
  GBytes *original; /* read from @file, or the stored photo */
  char *file_name;
  GBytes *standardised; /* made here for a new file, or the stored one */
  GError *standardise_error;
  BkPhotoReport *report;
  GdkTexture *original_texture; /* NULL when GTK cannot show the file */
  GdkTexture *standardised_texture;
} PhotoJob;

static void
photo_job_free (PhotoJob *job)
{
  g_clear_object (&job->profile);
  g_clear_object (&job->file);
  g_clear_pointer (&job->original, g_bytes_unref);
  g_clear_pointer (&job->file_name, g_free);
  g_clear_pointer (&job->standardised, g_bytes_unref);
  g_clear_error (&job->standardise_error);
  g_clear_object (&job->report);
  g_clear_object (&job->original_texture);
  g_clear_object (&job->standardised_texture);
  g_free (job);
}

static gboolean
read_photo_file (PhotoJob *job, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (job->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                            "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    job->file_name = g_strdup (g_file_info_get_display_name (info));
  else
    job->file_name = g_file_get_basename (job->file);

  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                   _ ("“%s” is a folder or a special file, not a photo. Choose the photo file "
                      "itself."),
                   job->file_name);
      return FALSE;
    }
  /* Read no more than a photo can sensibly be. */
  if (info != NULL && g_file_info_get_size (info) > BK_PHOTO_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_TOO_LARGE,
                   /* TRANSLATORS: a file name, then its size, e.g. “80.0 MiB” */
                   _ ("“%s” is %s, far larger than a photo (at most 64 MiB is read). Choose the "
                      "photo file itself, or save it again at your camera’s normal size."),
                   job->file_name, size);
      return FALSE;
    }
  if (info != NULL)
    g_file_load_contents (job->file, cancellable, &contents, &length, NULL, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                     _ ("“%s” could not be read: it is not there any more. Choose the file "
                        "again, from where it is now."),
                     job->file_name);
      else
        g_set_error (error, BK_PHOTO_ERROR, BK_PHOTO_ERROR_IO,
                     /* TRANSLATORS: a file name, then the system's reason */
                     _ ("“%s” could not be read (%s). Check that the file is still there and that "
                        "you may open it, or choose another file."),
                     job->file_name, local_error != NULL ? local_error->message : "");
      return FALSE;
    }
  job->original = g_bytes_new_take (contents, length);
  return TRUE;
}

static GdkTexture *
texture_for (GBytes *bytes, BkPhotoReport *report)
{
  g_autoptr (GError) error = NULL;
  GdkTexture *texture;
  gint64 pixels = (gint64) bk_photo_report_get_width (report) * bk_photo_report_get_height (report);

  if (pixels <= 0 || pixels > MAX_PREVIEW_PIXELS)
    return NULL;
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_debug ("No preview: %s", error->message);
  return texture;
}

static void
photo_job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PhotoJob *job = task_data;
  GError *error = NULL;

  if (job->file != NULL && !read_photo_file (job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job->report = bk_photo_prepare (job->original, job->file != NULL ? &job->standardised : NULL,
                                  &job->standardise_error);
  if (g_task_return_error_if_cancelled (task))
    return;

  job->original_texture = texture_for (job->original, job->report);
  /* Ours, and small: 295 × 413 or 413 × 579. */
  if (job->standardised != NULL)
    job->standardised_texture = gdk_texture_new_from_bytes (job->standardised, NULL);
  g_task_return_boolean (task, TRUE);
}

/* Replaces the running job (cancelling it) with @job, or with none. */
static void
set_job (BkPhotoPage *self, GCancellable *job)
{
  gboolean was_busy = self->job != NULL;

  g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  self->job = job;
  gtk_spinner_set_spinning (self->spinner, job != NULL);
  gtk_stack_set_visible_child_name (self->verdict_icon_stack, job != NULL ? "busy" : "verdict");
  if (was_busy != (job != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (BkPhotoPage *self, const char *message)
{
  bk_field_error_row_show_text (self->error_row, NULL, message);
  /* A boxed list with its one row hidden would still show as a line. */
  gtk_widget_set_visible (self->error_group, message != NULL);
}

static void
show_verdict (BkPhotoPage *self, const char *icon_name, const char *style, const char *text)
{
  const char *styles[] = { "success", "warning", "error" };

  gtk_widget_set_visible (self->verdict_box, TRUE);
  gtk_image_set_from_icon_name (self->verdict_icon, icon_name);
  gtk_label_set_text (self->verdict_label, text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), styles[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_icon), styles[i]);
    }
  if (style != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), style);
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_icon), style);
    }
}

static void
show_empty (BkPhotoPage *self)
{
  gtk_widget_set_visible (self->verdict_box, FALSE);
  gtk_widget_set_visible (self->placeholder_box, TRUE);
  gtk_label_set_text (self->placeholder_label,
                      _ ("No photo yet. Choose your photo file, or drop it here."));
  gtk_widget_set_visible (self->previews_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->checks_group), FALSE);
  bk_photo_preview_set_photo (self->original_preview, NULL, NULL);
  bk_photo_preview_set_photo (self->standardised_preview, NULL, NULL);
  show_error (self, NULL);
}

static gboolean
job_accepted (PhotoJob *job)
{
  return bk_photo_report_get_accepted (job->report) && job->standardised != NULL;
}

static void
show_job (BkPhotoPage *self, PhotoJob *job)
{
  gboolean accepted = job_accepted (job);
  /* Shown beside a refused file: the photo that stays in use. */
  PhotoJob *kept = !accepted && self->accepted != NULL ? g_task_get_task_data (self->accepted)
                                                       : NULL;
  PhotoJob *ticket = accepted ? job : kept;
  const BkPhotoCheck *background = bk_photo_report_get_check (job->report,
                                                              BK_PHOTO_CHECK_BACKGROUND);
  gboolean warned = FALSE;
  guint n_band = 0;

  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      const BkPhotoCheck *check = bk_photo_report_get_check (job->report, i);

      bk_photo_check_row_set_check (self->check_rows[i], check);
      warned |= check->verdict == BK_PHOTO_VERDICT_WARNING;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->checks_group), TRUE);

  if (accepted)
    show_verdict (self, warned ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                  warned ? "warning" : "success",
                  warned ? _ ("Accepted, with a warning: read the marked check below")
                         : _ ("Accepted"));
  else if (kept != NULL)
    show_verdict (self, "dialog-error-symbolic", "error",
                  _ ("Refused, and not used: your accepted photo stays in use. Fix what is "
                     "marked and choose another photo if you want to replace it."));
  else
    show_verdict (self, "dialog-error-symbolic", "error",
                  _ ("Refused: fix what is marked and choose another photo"));

  /* The checks passed but the ticket photo could not be made from it. */
  show_error (self, job->standardise_error != NULL && bk_photo_report_get_accepted (job->report)
                      ? job->standardise_error->message
                      : NULL);

  gtk_widget_set_visible (self->placeholder_box, job->original_texture == NULL);
  gtk_label_set_text (self->placeholder_label,
                      _ ("This file cannot be shown as a photo. The checks below say why."));
  gtk_widget_set_visible (self->previews_box, job->original_texture != NULL);
  bk_photo_preview_set_photo (self->original_preview, job->original_texture, job->report);
  if (kept != NULL)
    {
      /* TRANSLATORS: %s is the file name of a refused photo */
      g_autofree char *caption = g_strdup_printf (_ ("%s (refused, not used)"),
                                                  job->file_name != NULL ? job->file_name : "");

      gtk_label_set_text (self->original_caption, caption);
    }
  else
    gtk_label_set_text (self->original_caption, job->file_name != NULL ? job->file_name : "");
  bk_photo_report_get_background_band (job->report, &n_band);
  if (n_band > 0 && background->verdict == BK_PHOTO_VERDICT_FAIL)
    gtk_label_set_text (self->original_detail,
                        _ ("Blue outline: where the background was measured. Red: where it is "
                           "not plain white."));
  else if (n_band > 0)
    gtk_label_set_text (self->original_detail,
                        _ ("Blue outline: where the background was measured."));
  else
    gtk_label_set_text (self->original_detail, "");

  gtk_widget_set_visible (self->standardised_box,
                          ticket != NULL && ticket->standardised_texture != NULL);
  bk_photo_preview_set_photo (self->standardised_preview,
                              ticket != NULL ? ticket->standardised_texture : NULL, NULL);
  gtk_label_set_text (self->standardised_caption,
                      kept != NULL ? _ ("Your accepted photo, still in use: it goes on your "
                                        "admission ticket")
                                   : _ ("This is the photo that goes on your admission ticket"));
  if (ticket != NULL && ticket->standardised_texture != NULL)
    {
      /* TRANSLATORS: width × height in pixels */
      g_autofree char *size = g_strdup_printf (
        _ ("%d × %d pixels, JPEG"), gdk_texture_get_width (ticket->standardised_texture),
        gdk_texture_get_height (ticket->standardised_texture));

      gtk_label_set_text (self->standardised_detail, size);
    }
}

static void
photo_job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkPhotoPage) self = user_data;
  PhotoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* A newer job, another profile or the end of the page replaced this one. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->job == NULL || g_task_get_cancellable (G_TASK (result)) != self->job ||
      job->profile != self->profile)
    return;
  set_job (self, NULL);

  if (error != NULL)
    {
      /* The photo shown before stays, and so does the one in the profile. */
      if (self->shown != NULL)
        show_job (self, g_task_get_task_data (self->shown));
      else
        show_empty (self);
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->shown, G_TASK (result));
  if (job_accepted (job))
    g_set_object (&self->accepted, G_TASK (result));
  show_job (self, job);
  /* Only a new photo that passed replaces the one before; a refused file
   * changes nothing in the profile (nor in the store, nor on the ticket). */
  if (job->file == NULL || !job_accepted (job))
    return;

  bk_photo_set_profile_photo (self->profile, job->original, job->file_name, job->report,
                              job->standardised);
  bk_step_page_emit_changed (BK_STEP_PAGE (self));
}

static void
start_job (BkPhotoPage *self, PhotoJob *job)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *text = NULL;

  set_job (self, g_cancellable_new ());
  job->profile = g_object_ref (self->profile);

  show_error (self, NULL);
  if (job->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (job->file);

      /* TRANSLATORS: %s is a file name */
      text = g_strdup_printf (_ ("Checking “%s”…"), name);
    }
  show_verdict (self, NULL, NULL, text != NULL ? text : _ ("Checking your photo…"));

  task = g_task_new (NULL, self->job, photo_job_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) photo_job_free);
  g_task_run_in_thread (task, photo_job_thread);
}

static void
open_file (BkPhotoPage *self, GFile *file)
{
  PhotoJob *job;

  if (self->profile == NULL)
    return;
  job = g_new0 (PhotoJob, 1);
  job->file = g_object_ref (file);
  start_job (self, job);
}

static void
open_file_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr (GFile) file = NULL;

  if (*path == '\0')
    return;
  file = g_file_new_for_path (path);
  open_file (BK_PHOTO_PAGE (widget), file);
}

static void
file_chosen_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkPhotoPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = bk_compat_open_file_finish (result, &error);

  if (file != NULL)
    open_file (self, file);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

static void
choose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  BkPhotoPage *self = BK_PHOTO_PAGE (widget);
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr (GtkFileFilter) jpeg = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  /* JPEG first, but anything may be chosen: the checks say what a file
   * really is, whatever its name. */
  gtk_file_filter_set_name (jpeg, _ ("JPEG photos"));
  gtk_file_filter_add_suffix (jpeg, "jpg");
  gtk_file_filter_add_suffix (jpeg, "jpeg");
  gtk_file_filter_add_mime_type (jpeg, "image/jpeg");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, jpeg);
  g_list_store_append (filters, all);

  g_cancellable_cancel (self->dialog);
  g_clear_object (&self->dialog);
  self->dialog = g_cancellable_new ();
  bk_compat_open_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Choose Your Photo"),
                       G_LIST_MODEL (filters), self->dialog, file_chosen_cb, g_object_ref (self));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  BkPhotoPage *self = user_data;
  GFile *file = NULL;

  if (self->profile == NULL || self->locked)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files != NULL)
        file = files->data;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  open_file (self, file);
  return TRUE;
}

static void
bk_photo_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkPhotoPage *self = BK_PHOTO_PAGE (page);
  GBytes *original;
  PhotoJob *job;

  if (self->profile == profile)
    return;
  set_job (self, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->accepted);
  g_set_object (&self->profile, profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.choose",
                                 profile != NULL && !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.open-file",
                                 profile != NULL && !self->locked);
  show_empty (self);

  if (profile == NULL || (original = bk_profile_get_photo_original (profile)) == NULL)
    return;

  /* The checks run again on the stored photo: its explanations then come
   * in today's language, and the preview needs the regions anyway. */
  job = g_new0 (PhotoJob, 1);
  job->original = g_bytes_ref (original);
  job->file_name = g_strdup (bk_profile_get_photo_file_name (profile));
  if (bk_profile_get_photo_accepted (profile) && bk_profile_get_photo_standardised (profile))
    job->standardised = g_bytes_ref (bk_profile_get_photo_standardised (profile));
  start_job (self, job);
}

/* The photo the application was submitted with stays. */
static void
bk_photo_page_set_locked (BkStepPage *page, gboolean locked)
{
  BkPhotoPage *self = BK_PHOTO_PAGE (page);

  self->locked = locked;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.choose",
                                 self->profile != NULL && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.open-file",
                                 self->profile != NULL && !locked);
}

static void
bk_photo_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_photo_page_set_profile;
  iface->set_locked = bk_photo_page_set_locked;
}

static void
bk_photo_page_dispose (GObject *object)
{
  BkPhotoPage *self = BK_PHOTO_PAGE (object);

  g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_object (&self->shown);
  g_clear_object (&self->accepted);
  g_cancellable_cancel (self->dialog);
  g_clear_object (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PHOTO_PAGE);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (bk_photo_page_parent_class)->dispose (object);
}

static void
bk_photo_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkPhotoPage *self = BK_PHOTO_PAGE (object);

  switch (prop_id)
    {
      case PROP_BUSY:
        g_value_set_boolean (value, bk_photo_page_get_busy (self));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_photo_page_class_init (BkPhotoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_photo_page_dispose;
  object_class->get_property = bk_photo_page_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "photo.open-file" takes a path; tests use it in place of the dialog,
   * which ends in the same code. */
  gtk_widget_class_install_action (widget_class, "photo.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "photo.open-file", "s", open_file_action);

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  g_type_ensure (BK_TYPE_PHOTO_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-photo-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, verdict_icon_stack);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, placeholder_box);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, previews_box);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, original_preview);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, original_caption);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, original_detail);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, standardised_box);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, standardised_preview);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, standardised_caption);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, standardised_detail);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, error_group);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, error_row);
  gtk_widget_class_bind_template_child (widget_class, BkPhotoPage, checks_group);
}

static void
bk_photo_page_init (BkPhotoPage *self)
{
  GtkDropTarget *drop;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < BK_PHOTO_N_CHECKS; i++)
    {
      self->check_rows[i] = BK_PHOTO_CHECK_ROW (bk_photo_check_row_new (i));
      adw_preferences_group_add (self->checks_group, GTK_WIDGET (self->check_rows[i]));
    }

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.choose", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photo.open-file", FALSE);
}

gboolean
bk_photo_page_get_busy (BkPhotoPage *self)
{
  g_return_val_if_fail (BK_IS_PHOTO_PAGE (self), FALSE);

  return self->job != NULL;
}
