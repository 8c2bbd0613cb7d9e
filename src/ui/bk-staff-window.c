/* bk-staff-window.c
 *
 * The point's whole list comes in one answer (queue=all), at sign-in, on
 * Refresh and after each decision or payment; a queue is a filter on it,
 * so opening one asks nothing of the server. The list is a
 * BkStaffQueueList (a GtkListView) over a GtkFilterListModel over that
 * GListStore: only the rows on screen
 * have widgets, so a queue of 5,000 opens as fast as one of 50, and a
 * search is one pass of bk_staff_item_matches().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-http-client.h"
#include "bk-staff-application-view.h"
#include "bk-staff-chart.h"
#include "bk-staff-client.h"
#include "bk-staff-item.h"
#include "bk-staff-labels.h"
#include "bk-staff-queue-list.h"
#include "bk-staff-tickets-window.h"
#include "bk-staff-window-private.h"
#include "bk-window.h"

struct _BkStaffWindow
{
  AdwApplicationWindow parent_instance;

  BkHttpClient *http;
  BkStaffClient *client;
  GCancellable *cancellable;
  GCancellable *list_cancellable; /* the list shown's request: a newer one replaces it */

  AdwWindowTitle *title;
  GtkWidget *sign_out;
  GtkWidget *refresh;
  GtkWidget *help_candidate;
  GtkWidget *menu;
  GtkWindow *assist; /* weak: the candidate's window opened by Help a Candidate */
  GtkStack *stack;
  GtkWidget *user_name;
  GtkWidget *password;
  GtkWidget *sign_in;
  GtkWidget *sign_in_error;

  GtkListBox *queues;
  GtkWidget *count_labels[BK_STAFF_N_QUEUES];
  GtkWidget *search;
  GtkWidget *list_status;
  GtkWidget *queue_list; /* BkStaffQueueList */
  GListStore *items;
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  const char *queue; /* of bk_staff_queues; NULL for every application of the point */
  gboolean listed;   /* the point's list has come */
  gboolean no_match; /* list_status says that the search matches nothing */
  char *searched;    /* as typed, trimmed */
  char *needle;
  BkStaffApplicationView *view;
};

G_DEFINE_FINAL_TYPE (BkStaffWindow, bk_staff_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  LISTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_search_result (BkStaffWindow *self, gboolean searched_now);

/* The queue a row of the sidebar stands for: NULL for "all". */
static const char *
row_queue (GtkListBoxRow *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : 1;

  return index >= 1 && index <= BK_STAFF_N_QUEUES ? bk_staff_queues[index - 1] : NULL;
}

static void
show_listing (BkStaffWindow *self, BkStaffListing *listing)
{
  g_autofree char *subtitle = bk_staff_labels_point (listing->session_id, listing->point_code);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (listing->items));
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  adw_window_title_set_subtitle (self->title, subtitle);
  for (int q = 0; q < BK_STAFF_N_QUEUES; q++)
    {
      g_autofree char *count = g_strdup_printf ("%u", listing->counts[q]);

      gtk_label_set_text (GTK_LABEL (self->count_labels[q]), count);
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (listing->items), i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  gtk_widget_set_visible (self->list_status, FALSE);
  self->no_match = FALSE;
  self->listed = TRUE;
  /* A refresh after a decision keeps the decided application in view. */
  show_search_result (self, FALSE);
  g_signal_emit (self, signals[LISTED], 0);
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStaffListing)
    listing = bk_staff_client_list_finish (BK_STAFF_CLIENT (source), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (listing == NULL)
    {
      message = bk_staff_labels_describe_error (error);
      gtk_label_set_text (GTK_LABEL (self->list_status), message);
      gtk_widget_set_visible (self->list_status, TRUE);
      g_signal_emit (self, signals[LISTED], 0);
      return;
    }
  show_listing (self, listing);
}

static void
refresh (BkStaffWindow *self)
{
  /* Only the newest answer is shown: an older one must not land late. */
  if (self->list_cancellable != NULL)
    g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->list_cancellable, G_CONNECT_SWAPPED);
  bk_staff_client_list_async (self->client, "all", self->list_cancellable, listed_cb, self);
}

static void
queue_selected_cb (BkStaffWindow *self, GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  self->queue = row_queue (row);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_search_result (self, TRUE);
  if (self->listed)
    g_signal_emit (self, signals[LISTED], 0);
}

/* Sign in, sign out */

static void
forget_everything (BkStaffWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_list_store_remove_all (self->items);
  self->listed = FALSE;
  bk_staff_application_view_clear (self->view);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  for (int q = 0; q < BK_STAFF_N_QUEUES; q++)
    gtk_label_set_text (GTK_LABEL (self->count_labels[q]), "");
  adw_window_title_set_subtitle (self->title, NULL);
}

static const char *const signed_in_actions[] = {
  "refresh", "sign-out", "help-candidate", "print-tickets", "chart", "export-csv", "export-xlsx",
};

static void
show_signed_in (BkStaffWindow *self, gboolean signed_in)
{
  gtk_stack_set_visible_child_name (self->stack, signed_in ? "workspace" : "sign-in");
  gtk_widget_set_visible (self->sign_out, signed_in);
  gtk_widget_set_visible (self->refresh, signed_in);
  gtk_widget_set_visible (self->help_candidate, signed_in);
  gtk_widget_set_visible (self->menu, signed_in);
  for (guint i = 0; i < G_N_ELEMENTS (signed_in_actions); i++)
    g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), signed_in_actions[i])),
      signed_in);
}

static void
signed_in_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  BkStaffWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!bk_staff_client_sign_in_finish (BK_STAFF_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_widget_set_sensitive (self->sign_in, TRUE);
      message = bk_staff_labels_describe_error (error);
      gtk_label_set_text (GTK_LABEL (self->sign_in_error), message);
      return;
    }
  gtk_widget_set_sensitive (self->sign_in, TRUE);
  gtk_label_set_text (GTK_LABEL (self->sign_in_error), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password), "");
  show_signed_in (self, TRUE);
  gtk_widget_grab_focus (self->search);
  gtk_list_box_select_row (self->queues, gtk_list_box_get_row_at_index (self->queues, 1));
  refresh (self);
}

static void
sign_in_cb (BkStaffWindow *self)
{
  const char *user_name = gtk_editable_get_text (GTK_EDITABLE (self->user_name));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password));

  if (*user_name == '\0' || *password == '\0')
    {
      gtk_label_set_text (GTK_LABEL (self->sign_in_error),
                          _ ("Enter your staff user name and password, then sign in."));
      return;
    }
  gtk_widget_set_sensitive (self->sign_in, FALSE);
  gtk_label_set_text (GTK_LABEL (self->sign_in_error), _ ("Signing in…"));
  bk_staff_client_sign_in_async (self->client, user_name, password, self->cancellable, signed_in_cb,
                                 self);
}

/* The candidate's window goes with the staff member: closing it writes
 * what was typed and locks the profile (BkWindow), leaving nothing of the
 * candidate on screen. */
static void
end_assist (BkStaffWindow *self)
{
  if (self->assist != NULL)
    gtk_window_close (self->assist);
}

static void
sign_out_cb (BkStaffWindow *self)
{
  end_assist (self);
  bk_staff_client_sign_out (self->client);
  forget_everything (self);
  gtk_editable_set_text (GTK_EDITABLE (self->user_name), "");
  show_signed_in (self, FALSE);
}

/* The list */

static gboolean
match_cb (gpointer item, gpointer user_data)
{
  BkStaffWindow *self = user_data;

  /* The queue names are bk_staff_queues' strings, compared by content. */
  return (self->queue == NULL || g_strcmp0 (bk_staff_item_get_queue (item), self->queue) == 0) &&
         bk_staff_item_matches (item, self->needle);
}

static gboolean
shown_has (BkStaffWindow *self, const char *application_id)
{
  GListModel *shown = G_LIST_MODEL (self->shown);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (BkStaffItem) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (bk_staff_item_get_id (item), application_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A search shows only what it matches: the application opened before
 * leaves the view when the search no longer lists it (it would read as
 * a match), and a search that matches nothing says so and what to try. */
static void
show_search_result (BkStaffWindow *self, gboolean searched_now)
{
  const char *open = bk_staff_application_view_get_application_id (self->view);
  gboolean searching = self->needle != NULL && *self->needle != '\0';

  if (searched_now && searching && open != NULL && !shown_has (self, open))
    bk_staff_application_view_clear (self->view);
  if (searching && self->listed && g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    {
      g_autofree char *message = g_strdup_printf (
        /* TRANSLATORS: %s is what the staff member searched for */
        _ ("No application matches “%s” here. Check the spelling, search by part of the ID "
           "number or the ticket number, or choose All at the Point."),
        self->searched);

      gtk_label_set_text (GTK_LABEL (self->list_status), message);
      gtk_widget_set_visible (self->list_status, TRUE);
      self->no_match = TRUE;
    }
  else if (self->no_match)
    {
      gtk_widget_set_visible (self->list_status, FALSE);
      self->no_match = FALSE;
    }
}

void
bk_staff_window_search (BkStaffWindow *self, const char *text)
{
  g_autofree char *needle = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (BK_IS_STAFF_WINDOW (self));

  needle = bk_staff_item_fold_needle (text);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  /* A needle is found as a substring: typing on keeps only rows shown
   * now, erasing only adds rows, so the filter model rechecks only those. */
  if (self->needle == NULL || strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  g_free (self->searched);
  self->searched = g_strstrip (g_strdup (text != NULL ? text : ""));
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  show_search_result (self, TRUE);
}

static void
search_changed_cb (BkStaffWindow *self)
{
  bk_staff_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

GListModel *
bk_staff_window_get_shown (BkStaffWindow *self)
{
  g_return_val_if_fail (BK_IS_STAFF_WINDOW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

static void
activate_cb (BkStaffWindow *self, guint position)
{
  g_autoptr (BkStaffItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    bk_staff_application_view_open (self->view, bk_staff_item_get_id (item));
}

static void
moved_cb (BkStaffWindow *self)
{
  refresh (self);
}

/* The daily chart: of the point's whole list, as last fetched. */

static void
chart_cb (BkStaffWindow *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _ ("The Point's Days"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 bk_staff_chart_new (G_LIST_MODEL (self->items)));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  /* Closing the help desk closes its chart, with the data it shows. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tickets_cb (BkStaffWindow *self)
{
  gtk_window_present (GTK_WINDOW (bk_staff_tickets_window_new (GTK_WINDOW (self), self->client)));
}

/* Building */

static GtkWidget *
queue_row (const char *title, GtkWidget **count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  if (count != NULL)
    {
      *count = gtk_label_new (NULL);
      gtk_widget_add_css_class (*count, "dim-label");
      gtk_widget_add_css_class (*count, "numeric");
      gtk_box_append (GTK_BOX (box), *count);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
build_sign_in (BkStaffWindow *self)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), _ ("Sign In as Staff"));
  adw_status_page_set_description (
    ADW_STATUS_PAGE (page),
    _ ("Use the staff account of your registration or verification point. Nothing of the "
       "candidates' data is kept on this computer."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-users-symbolic");
  self->user_name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->user_name), _ ("User Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->user_name);
  self->password = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password), _ ("Password"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->password);
  g_signal_connect_swapped (self->password, "entry-activated", G_CALLBACK (sign_in_cb), self);
  gtk_box_append (GTK_BOX (box), group);
  self->sign_in = gtk_button_new_with_mnemonic (_ ("_Sign In"));
  gtk_widget_add_css_class (self->sign_in, "suggested-action");
  gtk_widget_add_css_class (self->sign_in, "pill");
  gtk_widget_set_halign (self->sign_in, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->sign_in, "clicked", G_CALLBACK (sign_in_cb), self);
  gtk_box_append (GTK_BOX (box), self->sign_in);
  self->sign_in_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->sign_in_error), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_in_error),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Sign-In Status"), -1);
  gtk_box_append (GTK_BOX (box), self->sign_in_error);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 420);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), clamp);
  return page;
}

static GtkWidget *
build_workspace (BkStaffWindow *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sidebar = gtk_list_box_new ();

  self->queues = GTK_LIST_BOX (sidebar);
  gtk_widget_add_css_class (sidebar, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (sidebar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Queues"), -1);
  gtk_list_box_append (self->queues, queue_row (_ ("All at the Point"), NULL));
  for (int q = 0; q < BK_STAFF_N_QUEUES; q++)
    gtk_list_box_append (
      self->queues, queue_row (bk_staff_labels_queue (bk_staff_queues[q]), &self->count_labels[q]));
  g_signal_connect_swapped (sidebar, "row-selected", G_CALLBACK (queue_selected_cb), self);
  gtk_widget_set_size_request (sidebar, 220, -1);
  gtk_box_append (GTK_BOX (left), sidebar);
  gtk_box_append (GTK_BOX (left), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _ ("Search by name, ID number or ticket number"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Search Applications"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_widget_set_margin_start (self->search, 6);
  gtk_widget_set_margin_end (self->search, 6);
  gtk_widget_set_margin_top (self->search, 6);
  gtk_box_append (GTK_BOX (list_box), self->search);
  self->list_status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->list_status), TRUE);
  gtk_widget_set_visible (self->list_status, FALSE);
  gtk_box_append (GTK_BOX (list_box), self->list_status);

  self->items = g_list_store_new (BK_TYPE_STAFF_ITEM);
  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  self->queue_list = bk_staff_queue_list_new (G_LIST_MODEL (self->shown));
  g_signal_connect_swapped (self->queue_list, "activate", G_CALLBACK (activate_cb), self);
  gtk_box_append (GTK_BOX (list_box), self->queue_list);
  gtk_widget_set_hexpand (list_box, TRUE);
  gtk_box_append (GTK_BOX (left), list_box);

  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->view));
  gtk_paned_set_position (GTK_PANED (paned), 760);
  return paned;
}

/* Help a candidate: the candidate's own window on this computer, on a new
 * profile or theirs. It is not signed in to the server with the staff
 * session (BkWindow has its own sync, with the candidate's account), and
 * the commitment and the confirmation ask for the candidate's password. */
static void
help_candidate_cb (BkStaffWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  BkWindow *window;

  if (self->assist != NULL)
    {
      gtk_window_present (self->assist);
      return;
    }
  window = bk_window_new (BK_IS_APPLICATION (application) ? BK_APPLICATION (application) : NULL);
  g_set_weak_pointer (&self->assist, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  bk_window_show_message (window,
                          _ ("A staff member opened this window to help you. Type your password "
                             "yourself when asked; close the window when you are done."));
}

static void
activate_cb_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const struct
  {
    const char *name;
    void (*callback) (BkStaffWindow *self);
  } callbacks[] = {
    { "refresh", refresh },
    { "sign-out", sign_out_cb },
    { "help-candidate", help_candidate_cb },
    { "print-tickets", tickets_cb },
    { "chart", chart_cb },
    { "export-csv", bk_staff_window_export_csv },
    { "export-xlsx", bk_staff_window_export_xlsx },
  };
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (callbacks); i++)
    if (g_str_equal (callbacks[i].name, name))
      callbacks[i].callback (user_data);
}

static GtkWidget *
header_button (const char *label, const char *action, const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  return button;
}

/* The less used commands, in a menu: reachable with F10 and Tab. */
static GtkWidget *
build_menu (void)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) point = g_menu_new ();
  g_autoptr (GMenu) export = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (point, _ ("Print _Tickets…"), "win.print-tickets");
  g_menu_append (point, _ ("Daily _Chart"), "win.chart");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (point));
  g_menu_append (export, _ ("Export _CSV…"), "win.export-csv");
  g_menu_append (export, _ ("Export _Spreadsheet…"), "win.export-xlsx");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "open-menu-symbolic");
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, _ ("Tickets, Chart and Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Tickets, Chart and Export"), -1);
  gtk_widget_set_name (button, "menu");
  return button;
}

static void
bk_staff_window_dispose (GObject *object)
{
  BkStaffWindow *self = BK_STAFF_WINDOW (object);

  /* Closing the window signs out: the next person finds nothing. */
  end_assist (self);
  g_clear_weak_pointer (&self->assist);
  if (self->client != NULL)
    bk_staff_client_sign_out (self->client);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list_cancellable != NULL)
    g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->client);
  g_clear_object (&self->http);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->searched, g_free);
  G_OBJECT_CLASS (bk_staff_window_parent_class)->dispose (object);
}

static void
bk_staff_window_class_init (BkStaffWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_staff_window_dispose;
  signals[LISTED] = g_signal_new ("listed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
bk_staff_window_init (BkStaffWindow *self)
{
  GActionEntry actions[G_N_ELEMENTS (signed_in_actions)] = { { 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (signed_in_actions); i++)
    {
      actions[i].name = signed_in_actions[i];
      actions[i].activate = activate_cb_action;
    }
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  self->cancellable = g_cancellable_new ();
  self->http = bk_http_client_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 1240, 780);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Help Desk"));
}

BkStaffClient *
bk_staff_window_get_client (BkStaffWindow *self)
{
  return self->client;
}

GCancellable *
bk_staff_window_get_cancellable (BkStaffWindow *self)
{
  return self->cancellable;
}

void
bk_staff_window_show_status (BkStaffWindow *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->list_status), message);
  gtk_widget_set_visible (self->list_status, TRUE);
  self->no_match = FALSE;
}

BkStaffWindow *
bk_staff_window_new (GtkApplication *application, const char *server_url, const char *ca_file)
{
  BkStaffWindow *self;
  GtkWidget *content, *header, *title;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (BK_TYPE_STAFF_WINDOW, "application", application, NULL);
  bk_http_client_set_ca_file (self->http, ca_file != NULL && *ca_file != '\0' ? ca_file : NULL);
  self->client = bk_staff_client_new (self->http, server_url);
  self->view = BK_STAFF_APPLICATION_VIEW (bk_staff_application_view_new (self->client));
  gtk_widget_set_size_request (GTK_WIDGET (self->view), 420, -1);
  g_signal_connect_swapped (self->view, "moved", G_CALLBACK (moved_cb), self);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_ ("Help Desk"), NULL);
  self->title = ADW_WINDOW_TITLE (title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  self->sign_out = header_button (_ ("Sign _Out"), "win.sign-out", "sign-out");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->sign_out);
  self->menu = build_menu ();
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->menu);
  self->refresh = header_button (_ ("_Refresh"), "win.refresh", "refresh");
  gtk_widget_set_tooltip_text (self->refresh, _ ("Fetch the point's list again from the server"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->refresh);
  self->help_candidate = header_button (_ ("_Help a Candidate…"), "win.help-candidate",
                                        "help-candidate");
  gtk_widget_set_tooltip_text (self->help_candidate,
                               _ ("Open the candidate's own window on this computer"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->help_candidate);
  gtk_box_append (GTK_BOX (content), header);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_sign_in (self), "sign-in");
  gtk_stack_add_named (self->stack, build_workspace (self), "workspace");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), content);
  show_signed_in (self, FALSE);
  return self;
}
