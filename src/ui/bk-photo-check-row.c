/* bk-photo-check-row.c
 *
 * The verdict is said three ways: the icon, its accessible name (for a
 * screen reader, which does not see colour) and the subtitle, which is
 * also the row's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bk-photo-check-row.h"

struct _BkPhotoCheckRow
{
  AdwActionRow parent_instance;

  GtkImage *icon;
};

G_DEFINE_FINAL_TYPE (BkPhotoCheckRow, bk_photo_check_row, ADW_TYPE_ACTION_ROW)

static const char *
check_title (BkPhotoCheckKind kind)
{
  switch (kind)
    {
      case BK_PHOTO_CHECK_FORMAT:
        return _ ("File format");
      case BK_PHOTO_CHECK_COLOUR:
        return _ ("Colour");
      case BK_PHOTO_CHECK_SIZE:
        return _ ("File size");
      case BK_PHOTO_CHECK_DIMENSIONS:
        return _ ("Dimensions");
      case BK_PHOTO_CHECK_BACKGROUND:
        return _ ("Background");
      case BK_PHOTO_CHECK_SHARPNESS:
        return _ ("Sharpness");
      case BK_PHOTO_CHECK_UPSCALED:
        return _ ("Not enlarged");
      case BK_PHOTO_N_CHECKS:
      default:
        g_return_val_if_reached (NULL);
    }
}

/* The measurement as the candidate reads it; NULL when there is none. */
static char *
check_value (const BkPhotoCheck *check)
{
  int width, height;

  if (check->verdict == BK_PHOTO_VERDICT_NOT_EVALUATED)
    return NULL;

  switch (check->kind)
    {
      case BK_PHOTO_CHECK_FORMAT:
        if (g_strcmp0 (check->value_text, "jpeg-baseline") == 0)
          return g_strdup (_ ("JPEG"));
        if (g_strcmp0 (check->value_text, "jpeg-progressive") == 0)
          return g_strdup (_ ("JPEG (progressive)"));
        return NULL;
      case BK_PHOTO_CHECK_COLOUR:
        if (isnan (check->value))
          return NULL;
        /* TRANSLATORS: the share of pixels that have a colour; keep %% */
        return g_strdup_printf (_ ("%.0f%% coloured pixels"), floor (check->value));
      case BK_PHOTO_CHECK_SIZE:
        if (isnan (check->value))
          return NULL;
        return g_format_size_full ((guint64) check->value, G_FORMAT_SIZE_IEC_UNITS);
      case BK_PHOTO_CHECK_DIMENSIONS:
        if (check->value_text == NULL || sscanf (check->value_text, "%dx%d", &width, &height) != 2)
          return NULL;
        /* TRANSLATORS: width × height in pixels */
        return g_strdup_printf (_ ("%d × %d pixels"), width, height);
      case BK_PHOTO_CHECK_BACKGROUND:
        if (isnan (check->value))
          return NULL;
        /* TRANSLATORS: the share of the background that is white; keep %% */
        return g_strdup_printf (_ ("%.0f%% white"), floor (check->value));
      case BK_PHOTO_CHECK_SHARPNESS:
        if (isnan (check->value))
          return NULL;
        /* TRANSLATORS: the measured sharpness of the face, a number */
        return g_strdup_printf (_ ("Sharpness %.0f"), check->value);
      case BK_PHOTO_CHECK_UPSCALED:
        if (isnan (check->value))
          return NULL;
        /* TRANSLATORS: the share of fine detail in the photo; keep %% */
        return g_strdup_printf (_ ("Fine detail %.1f%%"), check->value * 100.0);
      case BK_PHOTO_N_CHECKS:
      default:
        return NULL;
    }
}

void
bk_photo_check_row_set_check (BkPhotoCheckRow *self, const BkPhotoCheck *check)
{
  AdwActionRow *row = ADW_ACTION_ROW (self);
  GtkImage *icon = self->icon;
  const char *styles[] = { "success", "warning", "error", "dim-label" };
  const char *icon_name, *style, *verdict;
  g_autofree char *value = check_value (check);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (BK_IS_PHOTO_CHECK_ROW (self));
  g_return_if_fail (check != NULL);

  switch (check->verdict)
    {
      case BK_PHOTO_VERDICT_PASS:
        icon_name = "emblem-ok-symbolic";
        style = "success";
        verdict = _ ("Passed");
        break;
      case BK_PHOTO_VERDICT_WARNING:
        icon_name = "dialog-warning-symbolic";
        style = "warning";
        verdict = _ ("Passed with a warning");
        break;
      case BK_PHOTO_VERDICT_FAIL:
        icon_name = "dialog-error-symbolic";
        style = "error";
        verdict = _ ("Failed");
        break;
      case BK_PHOTO_VERDICT_NOT_EVALUATED:
      default:
        icon_name = "action-unavailable-symbolic";
        style = "dim-label";
        verdict = _ ("Not checked");
        break;
    }

  gtk_image_set_from_icon_name (icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (icon), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (icon), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, verdict,
                                  -1);

  if (value != NULL && check->message != NULL)
    /* TRANSLATORS: a check's measured value, then what it means and what to do */
    subtitle = g_strdup_printf (_ ("%s — %s"), value, check->message);
  else
    subtitle = g_strdup (value != NULL ? value : check->message);
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle != NULL ? subtitle : "", -1);
}

static void
bk_photo_check_row_class_init (BkPhotoCheckRowClass *klass)
{
}

static void
bk_photo_check_row_init (BkPhotoCheckRow *self)
{
  self->icon = GTK_IMAGE (gtk_image_new ());
  /* Explanations may hold “<” or “&”: plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->icon));
}

GtkWidget *
bk_photo_check_row_new (BkPhotoCheckKind kind)
{
  BkPhotoCheckRow *self;

  g_return_val_if_fail (kind < BK_PHOTO_N_CHECKS, NULL);

  self = g_object_new (BK_TYPE_PHOTO_CHECK_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), check_title (kind));
  return GTK_WIDGET (self);
}
