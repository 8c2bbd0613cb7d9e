/* bk-conflict-dialog.c
 *
 * One group per record, one row per differing field, with two radio
 * buttons: the user's value and the server's. Nothing is chosen at first
 * (neither copy is dropped without the user's say): Apply waits for a
 * choice in every row; "Keep All Mine" and "Keep All the Server's" choose
 * every row at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-conflict-copy.h"
#include "bk-conflict-dialog.h"
#include "bk-conflict-labels.h"
#include "bk-store-error.h"

/* One row: a field (or the whole record, when one side deleted it). */
typedef struct
{
  char *member; /* BK_CONFLICT_COPY_ALL_MINE for the whole record */
  GtkCheckButton *mine;
  GtkCheckButton *server;
} Choice;

typedef struct
{
  gint64 id;
  GPtrArray *choices; /* of Choice */
} Record;

struct _BkConflictDialog
{
  AdwWindow parent_instance;

  BkStore *store;
  GCancellable *cancellable;
  GPtrArray *records; /* of Record */
  guint next;         /* the record being settled */
  GtkWidget *apply;
  GtkLabel *error_label;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (BkConflictDialog, bk_conflict_dialog, ADW_TYPE_WINDOW)

enum
{
  RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_free (Choice *choice)
{
  g_free (choice->member);
  g_free (choice);
}

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->choices);
  g_free (record);
}

static void
update_apply (BkConflictDialog *self)
{
  gboolean all_chosen = TRUE;

  for (guint r = 0; r < self->records->len; r++)
    {
      Record *record = g_ptr_array_index (self->records, r);

      for (guint c = 0; c < record->choices->len; c++)
        {
          Choice *choice = g_ptr_array_index (record->choices, c);

          all_chosen = all_chosen && (gtk_check_button_get_active (choice->mine) ||
                                      gtk_check_button_get_active (choice->server));
        }
    }
  gtk_widget_set_sensitive (self->apply, all_chosen && self->next == 0);
}

static GtkCheckButton *
radio (const char *visible, const char *name, GtkCheckButton *group)
{
  GtkWidget *button = gtk_check_button_new_with_label (visible);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (button, name);
  return GTK_CHECK_BUTTON (button);
}

/* A row for @label with my value @mine and the server's @server. */
static Choice *
add_choice (BkConflictDialog *self,
            AdwPreferencesGroup *group,
            const char *member,
            const char *label,
            const char *mine,
            const char *server)
{
  Choice *choice = g_new0 (Choice, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *mine_text = g_strdup_printf (_ ("Mine: %s"), mine);
  g_autofree char *server_text = g_strdup_printf (_ ("Server’s: %s"), server);
  /* Translators: the accessible name of a choice; the first %s is a field's label. */
  g_autofree char *mine_name = g_strdup_printf (_ ("Keep my %s: %s"), label, mine);
  /* Translators: the accessible name of a choice; the first %s is a field's label. */
  g_autofree char *server_name = g_strdup_printf (_ ("Keep the server’s %s: %s"), label, server);

  choice->member = g_strdup (member);
  choice->mine = radio (mine_text, mine_name, NULL);
  choice->server = radio (server_text, server_name, choice->mine);
  g_signal_connect_swapped (choice->mine, "toggled", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (choice->server, "toggled", G_CALLBACK (update_apply), self);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->mine));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice->server));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (group, row);
  return choice;
}

static const char *
copy_state (const char *payload)
{
  return payload != NULL ? _ ("Kept") : _ ("Deleted");
}

static void
add_record (BkConflictDialog *self, const BkOutboxEntry *conflict)
{
  Record *record = g_new0 (Record, 1);
  GtkWidget *group = adw_preferences_group_new ();
  const char *server_payload = conflict->server_copy != NULL ? conflict->server_copy->payload
                                                             : NULL;
  g_auto (GStrv) fields = bk_conflict_copy_differing_fields (conflict);
  const char *record_label = bk_conflict_labels_record (conflict->entity);

  record->id = conflict->seq;
  record->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), record_label);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *mine = bk_conflict_labels_value (conflict->payload, fields[i]);
      g_autofree char *server = bk_conflict_labels_value (server_payload, fields[i]);

      g_ptr_array_add (record->choices,
                       add_choice (self, ADW_PREFERENCES_GROUP (group), fields[i],
                                   bk_conflict_labels_field (conflict->entity, fields[i]), mine,
                                   server));
    }
  if (fields[0] == NULL)
    /* One side deleted it, or the server gave no copy: the record whole. */
    g_ptr_array_add (
      record->choices,
      add_choice (self, ADW_PREFERENCES_GROUP (group), BK_CONFLICT_COPY_ALL_MINE, record_label,
                  copy_state (conflict->payload),
                  conflict->server_copy != NULL ? copy_state (server_payload) : _ ("(empty)")));
  gtk_box_append (GTK_BOX (self->content), group);
  g_ptr_array_add (self->records, record);
}

static void
choose_all (BkConflictDialog *self, gboolean mine)
{
  for (guint r = 0; r < self->records->len; r++)
    {
      Record *record = g_ptr_array_index (self->records, r);

      for (guint c = 0; c < record->choices->len; c++)
        {
          Choice *choice = g_ptr_array_index (record->choices, c);

          gtk_check_button_set_active (mine ? choice->mine : choice->server, TRUE);
        }
    }
}

static void
all_mine_cb (BkConflictDialog *self)
{
  choose_all (self, TRUE);
}

static void
all_server_cb (BkConflictDialog *self)
{
  choose_all (self, FALSE);
}

static void resolve_next (BkConflictDialog *self);

static void
resolved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkConflictDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!bk_store_resolve_conflict_finish (BK_STORE (source), result, &error) &&
      !g_error_matches (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = bk_store_error_describe (error);
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      /* The ones settled so far are; the rest stay for another try. */
      g_signal_emit (self, signals[RESOLVED], 0);
      return;
    }
  self->next++;
  resolve_next (self);
}

static void
resolve_next (BkConflictDialog *self)
{
  Record *record;
  g_autoptr (GStrvBuilder) mine = g_strv_builder_new ();
  g_auto (GStrv) members = NULL;

  if (self->next >= self->records->len)
    {
      g_signal_emit (self, signals[RESOLVED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  record = g_ptr_array_index (self->records, self->next);
  for (guint c = 0; c < record->choices->len; c++)
    {
      Choice *choice = g_ptr_array_index (record->choices, c);

      if (gtk_check_button_get_active (choice->mine))
        g_strv_builder_add (mine, choice->member);
    }
  members = g_strv_builder_end (mine);
  bk_store_resolve_conflict_async (self->store, record->id, (const char *const *) members,
                                   self->cancellable, resolved_cb, g_object_ref (self));
}

static void
apply_cb (BkConflictDialog *self)
{
  gtk_widget_set_sensitive (self->apply, FALSE);
  gtk_widget_set_sensitive (self->content, FALSE);
  resolve_next (self);
}

static void
bk_conflict_dialog_dispose (GObject *object)
{
  BkConflictDialog *self = BK_CONFLICT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_conflict_dialog_parent_class)->dispose (object);
}

static void
bk_conflict_dialog_class_init (BkConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_conflict_dialog_dispose;

  /* Some or all conflicts were settled in the store: read it again. */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
button (BkConflictDialog *self, const char *label, GCallback callback)
{
  GtkWidget *widget = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (widget, "clicked", callback, self);
  return widget;
}

static void
bk_conflict_dialog_init (BkConflictDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *intro = gtk_label_new (
    _ ("This computer and the registration server hold different values for these fields. "
       "Choose for each field which value to keep, then press Apply; the values you keep are "
       "sent to the server at the next sync."));
  GtkWidget *all = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->cancellable = g_cancellable_new ();
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  gtk_window_set_title (GTK_WINDOW (self), _ ("Choose Which Values to Keep"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply = button (self, _ ("_Apply"), G_CALLBACK (apply_cb));
  gtk_widget_add_css_class (self->apply, "suggested-action");
  gtk_widget_set_sensitive (self->apply, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (page), intro);
  gtk_box_append (GTK_BOX (all), button (self, _ ("Keep All _Mine"), G_CALLBACK (all_mine_cb)));
  gtk_box_append (GTK_BOX (all),
                  button (self, _ ("Keep All the _Server’s"), G_CALLBACK (all_server_cb)));
  gtk_box_append (GTK_BOX (page), all);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error_label));
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (page), self->content);

  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

BkConflictDialog *
bk_conflict_dialog_new (GtkWindow *parent, BkStore *store, GPtrArray *conflicts)
{
  BkConflictDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (conflicts != NULL, NULL);

  self = g_object_new (BK_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < conflicts->len; i++)
    add_record (self, g_ptr_array_index (conflicts, i));
  bk_accessible_name_controls (GTK_WIDGET (self));
  return self;
}
