/* bk-work-timeline.c
 *
 * One row per work period, metrology work in the accent colour, other work
 * in grey; the part before counted_from is hatched out; the cutoff is a
 * vertical line; above the axis, brackets show the N years the rule asks
 * for, ending at the cutoff. The same facts are in the accessible
 * description, for screen readers and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-compat.h"
#include "bk-format.h"
#include "bk-work-timeline.h"

#define ROW_HEIGHT     22
#define ROW_GAP        6
#define AXIS_HEIGHT    28
#define BRACKET_HEIGHT 36
#define SIDE_MARGIN    12

struct _BkWorkTimeline
{
  GtkWidget parent_instance;

  GPtrArray *periods; /* of BkWorkPeriod */
  GDate counted_from;
  GDate cutoff;
  guint required_work_years;
  guint required_metrology_years;
};

G_DEFINE_FINAL_TYPE (BkWorkTimeline, bk_work_timeline, GTK_TYPE_WIDGET)

static guint32
period_end_julian (BkWorkTimeline *self, const BkWorkPeriod *period)
{
  if (bk_work_period_is_ongoing (period))
    return g_date_get_julian (&self->cutoff);
  return MIN (g_date_get_julian (&period->to), g_date_get_julian (&self->cutoff));
}

static void
visible_range (BkWorkTimeline *self, guint32 *first, guint32 *last)
{
  GDate start = self->cutoff;
  guint years = MAX (self->required_work_years, self->required_metrology_years);

  /* At least the required span before the cutoff, and every period. */
  g_date_subtract_years (&start, MAX (years, 1) + 1);
  *first = g_date_get_julian (&start);
  for (guint i = 0; i < self->periods->len; i++)
    {
      const BkWorkPeriod *period = g_ptr_array_index (self->periods, i);
      *first = MIN (*first, g_date_get_julian (&period->from));
    }
  *last = g_date_get_julian (&self->cutoff) + 120;
}

static double
x_for (guint32 julian, guint32 first, guint32 last, double width)
{
  return SIDE_MARGIN +
         (double) (julian - first) / (double) (last - first) * (width - 2 * SIDE_MARGIN);
}

static void
append_text (GtkSnapshot *snapshot,
             GtkWidget *widget,
             const char *text,
             double x,
             double y,
             const GdkRGBA *colour)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* A bracket over the N years before (and including) the cutoff. */
static void
append_bracket (BkWorkTimeline *self,
                GtkSnapshot *snapshot,
                const char *label,
                guint years,
                double y,
                guint32 first,
                guint32 last,
                double width,
                const GdkRGBA *colour)
{
  GDate start = self->cutoff;
  double x0, x1;

  g_date_add_days (&start, 1);
  g_date_subtract_years (&start, years);
  x0 = x_for (g_date_get_julian (&start), first, last, width);
  x1 = x_for (g_date_get_julian (&self->cutoff), first, last, width);

  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x0, y + 14, x1 - x0, 2));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x0, y + 10, 2, 8));
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x1 - 2, y + 10, 2, 8));
  append_text (snapshot, GTK_WIDGET (self), label, x0 + 4, y - 4, colour);
}

static void
bk_work_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  BkWorkTimeline *self = BK_WORK_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double y = BRACKET_HEIGHT * 2;
  GdkRGBA foreground, accent = { 0.21, 0.52, 0.89, 1.0 }, other = { 0.6, 0.6, 0.6, 1.0 };
  GdkRGBA muted, cutoff_colour = { 0.88, 0.11, 0.14, 1.0 };
  guint32 first, last;
  g_autofree char *cutoff_label = NULL;

  if (!g_date_valid (&self->cutoff))
    return;

  bk_compat_widget_get_color (widget, &foreground);
  muted = foreground;
  muted.alpha = 0.25;
  visible_range (self, &first, &last);

  if (self->required_work_years > 0)
    {
      g_autofree char *label =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Work needed: %u year",
                                      "Work needed: %u years", self->required_work_years),
                         self->required_work_years);
      append_bracket (self, snapshot, label, self->required_work_years, 0, first, last, width,
                      &other);
    }
  if (self->required_metrology_years > 0)
    {
      g_autofree char *label = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Metrology work needed: %u year",
                     "Metrology work needed: %u years", self->required_metrology_years),
        self->required_metrology_years);
      append_bracket (self, snapshot, label, self->required_metrology_years, BRACKET_HEIGHT, first,
                      last, width, &accent);
    }

  for (guint i = 0; i < self->periods->len; i++)
    {
      const BkWorkPeriod *period = g_ptr_array_index (self->periods, i);
      double x0 = x_for (g_date_get_julian (&period->from), first, last, width);
      double x1 = x_for (period_end_julian (self, period) + 1, first, last, width);

      gtk_snapshot_append_color (snapshot, period->metrology ? &accent : &other,
                                 &GRAPHENE_RECT_INIT (x0, y, MAX (x1 - x0, 2), ROW_HEIGHT));
      if (g_date_valid (&self->counted_from) &&
          g_date_get_julian (&period->from) < g_date_get_julian (&self->counted_from))
        {
          /* Experience before graduating from a full-time course does not count. */
          double xc = MIN (x1, x_for (g_date_get_julian (&self->counted_from), first, last, width));
          gtk_snapshot_append_color (snapshot, &muted,
                                     &GRAPHENE_RECT_INIT (x0, y, MAX (xc - x0, 0), ROW_HEIGHT));
        }
      y += ROW_HEIGHT + ROW_GAP;
    }

  /* The axis, with a tick at each 1 January. */
  gtk_snapshot_append_color (snapshot, &foreground,
                             &GRAPHENE_RECT_INIT (SIDE_MARGIN, y, width - 2 * SIDE_MARGIN, 1));
  {
    GDate tick;
    guint16 year;
    guint16 last_year = g_date_get_year (&self->cutoff) + 1;

    g_date_set_julian (&tick, first);
    for (year = g_date_get_year (&tick) + 1; year <= last_year; year++)
      {
        double x;
        char year_text[8];

        g_date_set_dmy (&tick, 1, G_DATE_JANUARY, year);
        if (g_date_get_julian (&tick) > last)
          break;
        x = x_for (g_date_get_julian (&tick), first, last, width);
        gtk_snapshot_append_color (snapshot, &foreground, &GRAPHENE_RECT_INIT (x, y, 1, 5));
        g_snprintf (year_text, sizeof year_text, "%u", year);
        append_text (snapshot, widget, year_text, x + 2, y + 4, &foreground);
      }
  }

  /* The cutoff, over everything. */
  {
    double x = x_for (g_date_get_julian (&self->cutoff) + 1, first, last, width);

    gtk_snapshot_append_color (
      snapshot, &cutoff_colour,
      &GRAPHENE_RECT_INIT (x - 1, BRACKET_HEIGHT * 2 - 6, 2, y - BRACKET_HEIGHT * 2 + 6));
    g_autofree char *date_text = bk_format_date (&self->cutoff);

    /* TRANSLATORS: %s is a date such as 2020-12-31 */
    cutoff_label = g_strdup_printf (_ ("Cutoff %s"), date_text);
  }
  {
    g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, cutoff_label);
    int text_width;

    pango_layout_get_pixel_size (layout, &text_width, NULL);
    append_text (
      snapshot, widget, cutoff_label,
      MAX (0, x_for (g_date_get_julian (&self->cutoff), first, last, width) - text_width - 4),
      y + AXIS_HEIGHT - 6, &cutoff_colour);
  }
}

static void
bk_work_timeline_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  BkWorkTimeline *self = BK_WORK_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    {
      *minimum = *natural = BRACKET_HEIGHT * 2 +
                            MAX (self->periods->len, 1) * (ROW_HEIGHT + ROW_GAP) + AXIS_HEIGHT * 2;
    }
}

/* The picture in words, for screen readers and the accessibility tests. */
static void
update_description (BkWorkTimeline *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->periods->len; i++)
    {
      const BkWorkPeriod *period = g_ptr_array_index (self->periods, i);
      g_autofree char *from = bk_format_date (&period->from);

      if (bk_work_period_is_ongoing (period))
        /* TRANSLATORS: a work period still going on; %s is its start date */
        g_string_append_printf (text,
                                period->metrology ? _ ("Metrology work from %s, ongoing. ")
                                                  : _ ("Other work from %s, ongoing. "),
                                from);
      else
        {
          g_autofree char *to = bk_format_date (&period->to);

          /* TRANSLATORS: %s are the dates a work period starts and ends */
          g_string_append_printf (
            text, period->metrology ? _ ("Metrology work %s to %s. ") : _ ("Other work %s to %s. "),
            from, to);
        }
    }
  if (g_date_valid (&self->cutoff))
    {
      g_autofree char *cutoff = bk_format_date (&self->cutoff);

      g_string_append_printf (text, _ ("Counted up to the cutoff, %s."), cutoff);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static void
bk_work_timeline_finalize (GObject *object)
{
  BkWorkTimeline *self = BK_WORK_TIMELINE (object);

  g_clear_pointer (&self->periods, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_work_timeline_parent_class)->finalize (object);
}

static void
bk_work_timeline_class_init (BkWorkTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bk_work_timeline_finalize;
  widget_class->snapshot = bk_work_timeline_snapshot;
  widget_class->measure = bk_work_timeline_measure;

  gtk_widget_class_set_css_name (widget_class, "worktimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bk_work_timeline_init (BkWorkTimeline *self)
{
  self->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_work_period_free);
  g_date_clear (&self->counted_from, 1);
  g_date_clear (&self->cutoff, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Work periods and the required years"), -1);
}

GtkWidget *
bk_work_timeline_new (void)
{
  return g_object_new (BK_TYPE_WORK_TIMELINE, NULL);
}

void
bk_work_timeline_set_data (BkWorkTimeline *self,
                           GPtrArray *periods,
                           const GDate *counted_from,
                           const GDate *cutoff,
                           guint required_work_years,
                           guint required_metrology_years)
{
  g_return_if_fail (BK_IS_WORK_TIMELINE (self));
  g_return_if_fail (cutoff != NULL && g_date_valid (cutoff));

  g_ptr_array_set_size (self->periods, 0);
  for (guint i = 0; periods != NULL && i < periods->len; i++)
    g_ptr_array_add (self->periods, bk_work_period_copy (g_ptr_array_index (periods, i)));

  g_date_clear (&self->counted_from, 1);
  if (counted_from != NULL && g_date_valid (counted_from))
    self->counted_from = *counted_from;
  self->cutoff = *cutoff;
  self->required_work_years = required_work_years;
  self->required_metrology_years = required_metrology_years;

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
