/* bk-staff-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-application-state.h"
#include "bk-compat.h"
#include "bk-staff-chart.h"
#include "bk-staff-item.h"

/* The states grouped as a help desk reads its day. */
typedef enum
{
  GROUP_WAITING,
  GROUP_PASSED,
  GROUP_CONFIRMED,
  GROUP_STOPPED,
  N_GROUPS
} Group;

static const char *const group_names[N_GROUPS] = {
  N_ ("Waiting"),
  N_ ("Passed"),
  N_ ("Confirmed"),
  N_ ("Failed or lapsed"),
};

/* Colours from the GNOME palette: blue, green, purple, red. */
static const double group_colours[N_GROUPS][3] = {
  { 0.21, 0.52, 0.89 },
  { 0.20, 0.82, 0.48 },
  { 0.57, 0.25, 0.67 },
  { 0.88, 0.11, 0.14 },
};

typedef struct
{
  char *day;
  guint counts[N_GROUPS];
} Day;

struct _BkStaffChart
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *area;
  GArray *days; /* of Day, oldest first */
  guint most;   /* the tallest bar */
};

G_DEFINE_FINAL_TYPE (BkStaffChart, bk_staff_chart, GTK_TYPE_WIDGET)

static Group
group_of (const char *nick)
{
  BkApplicationState state = BK_APPLICATION_STATE_SUBMITTED;

  bk_application_state_from_nick (nick, &state);
  switch (state)
    {
      case BK_APPLICATION_STATE_AUTOMATIC_CHECK_PASSED:
      case BK_APPLICATION_STATE_MANUAL_CHECK_PASSED:
      case BK_APPLICATION_STATE_SPOT_CHECK_PASSED:
        return GROUP_PASSED;
      case BK_APPLICATION_STATE_CONFIRMED:
      case BK_APPLICATION_STATE_TICKET_PRINTED:
      case BK_APPLICATION_STATE_SCORES_PUBLISHED:
        return GROUP_CONFIRMED;
      case BK_APPLICATION_STATE_TERMINATED:
      case BK_APPLICATION_STATE_LAPSED:
      case BK_APPLICATION_STATE_SPOT_CHECK_FAILED:
        return GROUP_STOPPED;
      default:
        return GROUP_WAITING;
    }
}

/* "YYYY-MM-DD" in China Standard Time, or NULL. */
static char *
day_of (const char *iso)
{
  g_autoptr (GDateTime) time = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GTimeZone) china = g_time_zone_new_offset (8 * 3600);
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_timezone (time, china);
  return g_date_time_format (local, "%Y-%m-%d");
}

static int
compare_days (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (((const Day *) a)->day, ((const Day *) b)->day);
}

static void
count (BkStaffChart *self, GListModel *items)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (BkStaffItem) item = g_list_model_get_item (items, i);
      g_autofree char *day = day_of (bk_staff_item_get_submitted_at (item));
      gpointer position;
      Day *entry;

      if (day == NULL)
        continue;
      if (!g_hash_table_lookup_extended (index, day, NULL, &position))
        {
          Day fresh = { g_strdup (day), { 0 } };

          g_array_append_val (self->days, fresh);
          position = GUINT_TO_POINTER (self->days->len - 1);
          g_hash_table_insert (index, g_array_index (self->days, Day, self->days->len - 1).day,
                               position);
        }
      entry = &g_array_index (self->days, Day, GPOINTER_TO_UINT (position));
      entry->counts[group_of (bk_staff_item_get_state (item))]++;
    }
  g_array_sort (self->days, compare_days);
  for (guint d = 0; d < self->days->len; d++)
    {
      guint total = 0;

      for (int g = 0; g < N_GROUPS; g++)
        total += g_array_index (self->days, Day, d).counts[g];
      self->most = MAX (self->most, total);
    }
}

static void
draw_cb (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  BkStaffChart *self = user_data;
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  GdkRGBA fg;
  double axis = 24, slot, bar;

  bk_compat_widget_get_color (GTK_WIDGET (area), &fg);
  if (self->days->len == 0 || self->most == 0)
    {
      g_object_unref (layout);
      return;
    }
  slot = (double) width / self->days->len;
  bar = MIN (slot * 0.6, 48);
  for (guint d = 0; d < self->days->len; d++)
    {
      Day *day = &g_array_index (self->days, Day, d);
      double x = d * slot + (slot - bar) / 2, y = height - axis;
      int text_width;

      for (int g = 0; g < N_GROUPS; g++)
        {
          double h = (height - axis - 8) * day->counts[g] / (double) self->most;

          cairo_set_source_rgb (cr, group_colours[g][0], group_colours[g][1], group_colours[g][2]);
          cairo_rectangle (cr, x, y - h, bar, h);
          cairo_fill (cr);
          y -= h;
        }
      /* The day under its bar: MM-DD. */
      pango_layout_set_text (layout, day->day + 5, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_move_to (cr, d * slot + (slot - text_width) / 2, height - axis + 4);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
}

static GtkWidget *
cell (const char *text, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* The same numbers as a table, and as one sentence per day for a screen
 * reader describing the picture. */
static void
build_table (BkStaffChart *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autoptr (GString) description = g_string_new (NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Applications by state and day"), -1);
  gtk_grid_attach (GTK_GRID (grid), cell (_ ("Day"), TRUE), 0, 0, 1, 1);
  for (int g = 0; g < N_GROUPS; g++)
    {
      GtkWidget *swatch = gtk_label_new ("■");
      g_autofree char *markup = g_strdup_printf (
        "<span foreground=\"#%02x%02x%02x\">■</span> %s", (int) (group_colours[g][0] * 255),
        (int) (group_colours[g][1] * 255), (int) (group_colours[g][2] * 255), _ (group_names[g]));

      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      gtk_box_append (GTK_BOX (legend), swatch);
      gtk_grid_attach (GTK_GRID (grid), cell (_ (group_names[g]), TRUE), g + 1, 0, 1, 1);
    }
  for (guint d = 0; d < self->days->len; d++)
    {
      Day *day = &g_array_index (self->days, Day, d);

      gtk_grid_attach (GTK_GRID (grid), cell (day->day, FALSE), 0, d + 1, 1, 1);
      /* TRANSLATORS: one day of the chart for a screen reader: the day, then
       * the counts of applications waiting, passed, confirmed, failed or lapsed */
      g_string_append_printf (description,
                              _ ("%s: %u waiting, %u passed, %u confirmed, %u "
                                 "failed or lapsed. "),
                              day->day, day->counts[0], day->counts[1], day->counts[2],
                              day->counts[3]);
      for (int g = 0; g < N_GROUPS; g++)
        {
          g_autofree char *number = g_strdup_printf ("%u", day->counts[g]);

          gtk_grid_attach (GTK_GRID (grid), cell (number, FALSE), g + 1, d + 1, 1, 1);
        }
    }
  if (self->days->len == 0)
    g_string_append (description, _ ("No applications have been submitted at this point yet."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_box_append (GTK_BOX (self->box), legend);
  gtk_box_append (GTK_BOX (self->box), grid);
}

static void
bk_staff_chart_dispose (GObject *object)
{
  BkStaffChart *self = BK_STAFF_CHART (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bk_staff_chart_parent_class)->dispose (object);
}

static void
bk_staff_chart_finalize (GObject *object)
{
  BkStaffChart *self = BK_STAFF_CHART (object);

  for (guint d = 0; d < self->days->len; d++)
    g_free (g_array_index (self->days, Day, d).day);
  g_array_unref (self->days);
  G_OBJECT_CLASS (bk_staff_chart_parent_class)->finalize (object);
}

static void
bk_staff_chart_class_init (BkStaffChartClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_chart_dispose;
  G_OBJECT_CLASS (klass)->finalize = bk_staff_chart_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
bk_staff_chart_init (BkStaffChart *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (Day));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                             NULL);
  gtk_widget_set_size_request (self->area, 480, 240);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Applications per day, by state"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_box_append (GTK_BOX (self->box), self->area);
}

GtkWidget *
bk_staff_chart_new (GListModel *items)
{
  BkStaffChart *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (BK_TYPE_STAFF_CHART, NULL);
  count (self, items);
  build_table (self);
  return GTK_WIDGET (self);
}

guint
bk_staff_chart_get_n_days (BkStaffChart *self)
{
  g_return_val_if_fail (BK_IS_STAFF_CHART (self), 0);
  return self->days->len;
}
