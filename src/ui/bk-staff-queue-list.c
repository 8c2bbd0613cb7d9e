/* bk-staff-queue-list.c
 *
 * Why not a GtkColumnView: GTK 4.8's column view gives each cell of each
 * row on screen a list item widget of its own and measures every column
 * again when the rows change, so a search over a queue of 5,000 took
 * 32–120 ms to paint (bench/help-desk), against 50 ms. Here a row is one
 * grid of four labels, made once by the factory and only rebound when the
 * list changes; the columns line up because the header and every row
 * split their width in the same fixed shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-staff-item.h"
#include "bk-staff-labels.h"
#include "bk-staff-queue-list.h"

struct _BkStaffQueueList
{
  GtkWidget parent_instance;

  GtkWidget *box; /* the header over the scrolled list */
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (BkStaffQueueList, bk_staff_queue_list, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_COLUMNS 4 /* name, ID number, ticket number, state */

/* Each column's share of the row, in sixteenths: an 18-digit ID number
 * needs the most. */
static const int column_spans[N_COLUMNS] = { 3, 5, 4, 4 };

/* One row's grid (or the header's): a label per column. The grid's
 * sixteen columns are homogeneous, so every row and the header split the
 * width the same way whatever their texts, and a narrow window ellipsizes
 * the texts rather than pushing the sidebar away. */
static GtkWidget *
columns_new (void)
{
  GtkWidget *grid = gtk_grid_new ();
  int left = 0;

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_top (grid, 3);
  gtk_widget_set_margin_bottom (grid, 3);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_end (label, 12);
      gtk_grid_attach (GTK_GRID (grid), label, left, 0, column_spans[i], 1);
      left += column_spans[i];
    }
  return grid;
}

static void
set_texts (GtkWidget *grid, const char *const texts[])
{
  GtkWidget *label = gtk_widget_get_first_child (grid);

  for (guint i = 0; label != NULL; i++, label = gtk_widget_get_next_sibling (label))
    gtk_label_set_text (GTK_LABEL (label), texts[i] != NULL ? texts[i] : "");
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, columns_new ());
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  BkStaffItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *grid = gtk_list_item_get_child (list_item);
  GtkWidget *row = gtk_widget_get_parent (grid);
  const char *ticket = bk_staff_item_get_ticket_number (item);
  const char *const texts[N_COLUMNS] = {
    bk_staff_item_get_real_name (item),
    bk_staff_item_get_id_number (item),
    ticket,
    bk_staff_labels_state (bk_staff_item_get_state (item)),
  };
  g_autofree char *name = NULL;

  set_texts (grid, texts);
  /* What a screen reader says for the row: GTK 4.8 names a list row only
   * from its label property (the row widget is the child's parent). */
  if (ticket != NULL && *ticket != '\0')
    /* TRANSLATORS: a row of the help desk's list, as a screen reader reads
     * it: the candidate's name, ID number, ticket number, and the state */
    name = g_strdup_printf (_ ("%s, ID number %s, ticket %s, %s"), texts[0] ?: "", texts[1] ?: "",
                            ticket, texts[3] ?: "");
  else
    /* TRANSLATORS: a row of the help desk's list, as a screen reader reads
     * it: the candidate's name, ID number, and the state */
    name = g_strdup_printf (_ ("%s, ID number %s, %s"), texts[0] ?: "", texts[1] ?: "",
                            texts[3] ?: "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row != NULL ? row : grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
activate_cb (BkStaffQueueList *self, guint position)
{
  g_signal_emit (self, signals[ACTIVATE], 0, position);
}

static void
bk_staff_queue_list_dispose (GObject *object)
{
  BkStaffQueueList *self = BK_STAFF_QUEUE_LIST (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bk_staff_queue_list_parent_class)->dispose (object);
}

static void
bk_staff_queue_list_class_init (BkStaffQueueListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_staff_queue_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bk_staff_queue_list_init (BkStaffQueueList *self)
{
}

GtkWidget *
bk_staff_queue_list_new (GListModel *model)
{
  BkStaffQueueList *self;
  GtkListItemFactory *factory;
  GtkWidget *header, *scrolled;
  const char *const titles[N_COLUMNS] = { _ ("Name"), _ ("ID Number"), _ ("Ticket Number"),
                                          _ ("State") };

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BK_TYPE_STAFF_QUEUE_LIST, NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = columns_new ();
  set_texts (header, titles);
  gtk_widget_add_css_class (header, "heading");
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (
    gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model))), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Applications"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  return GTK_WIDGET (self);
}
