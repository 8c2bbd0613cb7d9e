/* bk-step-sidebar.c
 *
 * GtkStackSidebar selects a row whenever the focus moves onto it, so Tab
 * from the header switched the step at every press and the step's form
 * could be reached only backwards. Here the list is one stop of the Tab
 * chain (the row of the step on show); Up and Down, a click, Enter or
 * Space choose another step. Every row is named after its step for screen
 * readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-step-sidebar.h"

struct _BkStepSidebar
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkSelectionModel *pages;
  GtkWidget *scrolled;
  GtkListBox *list;
  gboolean updating; /* selecting the row of the page on show */
};

G_DEFINE_FINAL_TYPE (BkStepSidebar, bk_step_sidebar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkStackPage *
page_at (BkStepSidebar *self, guint position)
{
  g_autoptr (GObject) page = g_list_model_get_item (G_LIST_MODEL (self->pages), position);

  return GTK_STACK_PAGE (page); /* the stack keeps it */
}

static void
select_visible (BkStepSidebar *self)
{
  GtkWidget *visible = self->stack != NULL ? gtk_stack_get_visible_child (self->stack) : NULL;
  guint n = self->pages != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->pages)) : 0;

  self->updating = TRUE;
  gtk_list_box_unselect_all (self->list);
  for (guint i = 0; i < n; i++)
    if (gtk_stack_page_get_child (page_at (self, i)) == visible)
      gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) i));
  self->updating = FALSE;
}

static void
rebuild (BkStepSidebar *self)
{
  GtkWidget *child;
  guint n = self->pages != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->pages)) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      GtkStackPage *page = page_at (self, i);
      const char *title = gtk_stack_page_get_title (page);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      /* A step shows once it has something to show (the ticket). */
      g_object_bind_property (gtk_stack_page_get_child (page), "visible", row, "visible",
                              G_BINDING_SYNC_CREATE);
      /* GTK 4.8 names a row from nothing inside it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_list_box_append (self->list, row);
    }
  select_visible (self);
}

static void
row_selected_cb (BkStepSidebar *self, GtkListBoxRow *row)
{
  if (self->updating || row == NULL || self->pages == NULL)
    return;
  gtk_stack_set_visible_child (
    self->stack, gtk_stack_page_get_child (page_at (self, gtk_list_box_row_get_index (row))));
}

/* Tab and Shift+Tab pass over the list as one stop: they enter it on the
 * step on show and leave it at once, without choosing another step. */
static gboolean
bk_step_sidebar_focus (GtkWidget *widget, GtkDirectionType direction)
{
  BkStepSidebar *self = BK_STEP_SIDEBAR (widget);
  GtkListBoxRow *row;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (bk_step_sidebar_parent_class)->focus (widget, direction);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
bk_step_sidebar_dispose (GObject *object)
{
  BkStepSidebar *self = BK_STEP_SIDEBAR (object);

  bk_step_sidebar_set_stack (self, NULL);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (bk_step_sidebar_parent_class)->dispose (object);
}

static void
bk_step_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkStepSidebar *self = BK_STEP_SIDEBAR (object);

  switch (prop_id)
    {
      case PROP_STACK:
        g_value_set_object (value, self->stack);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_step_sidebar_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  BkStepSidebar *self = BK_STEP_SIDEBAR (object);

  switch (prop_id)
    {
      case PROP_STACK:
        bk_step_sidebar_set_stack (self, g_value_get_object (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_step_sidebar_class_init (BkStepSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_step_sidebar_dispose;
  object_class->get_property = bk_step_sidebar_get_property;
  object_class->set_property = bk_step_sidebar_set_property;
  widget_class->focus = bk_step_sidebar_focus;

  properties[PROP_STACK] = g_param_spec_object ("stack", NULL, NULL, GTK_TYPE_STACK,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stacksidebar");
}

static void
bk_step_sidebar_init (BkStepSidebar *self)
{
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Steps"), -1);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));
}

GtkWidget *
bk_step_sidebar_new (void)
{
  return g_object_new (BK_TYPE_STEP_SIDEBAR, NULL);
}

GtkStack *
bk_step_sidebar_get_stack (BkStepSidebar *self)
{
  g_return_val_if_fail (BK_IS_STEP_SIDEBAR (self), NULL);

  return self->stack;
}

void
bk_step_sidebar_set_stack (BkStepSidebar *self, GtkStack *stack)
{
  g_return_if_fail (BK_IS_STEP_SIDEBAR (self));
  g_return_if_fail (stack == NULL || GTK_IS_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->pages);
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pages = gtk_stack_get_pages (stack);
      g_signal_connect_swapped (self->pages, "items-changed", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (select_visible), self);
    }
  if (self->list != NULL)
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}
