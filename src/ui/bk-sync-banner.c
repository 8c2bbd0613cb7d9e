/* bk-sync-banner.c — the sync problem that needs the user, and the
 * changes the server refused that wait for the user's choice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-conflict-dialog.h"
#include "bk-sync-banner.h"

struct _BkSyncBanner
{
  AdwBin parent_instance;

  BkSyncScheduler *scheduler;
  GtkRevealer *revealer;
  GtkLabel *label;

  /* The open profile's conflicts. */
  BkStore *store;
  char *profile_id;
  GCancellable *cancellable;
  GtkRevealer *conflicts_revealer;
  GtkLabel *conflicts_label;
  guint n_conflicts;
};

G_DEFINE_FINAL_TYPE (BkSyncBanner, bk_sync_banner, ADW_TYPE_BIN)

enum
{
  CONFLICTS_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (BkSyncBanner *self)
{
  const char *problem = NULL;

  if (self->scheduler != NULL)
    problem = bk_sync_scheduler_get_problem (self->scheduler);
  if (problem != NULL)
    gtk_label_set_text (self->label, problem);
  gtk_revealer_set_reveal_child (self->revealer, problem != NULL);
}

static void
conflicts_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkSyncBanner) self = user_data;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  conflicts = bk_store_list_conflicts_finish (BK_STORE (source), result, &error);
  if (conflicts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the conflicts: %s", error->message);
      return;
    }
  self->n_conflicts = conflicts->len;
  text = g_strdup_printf (ngettext ("%u change needs your choice: the registration server holds "
                                    "another value. Press Choose to decide which to keep.",
                                    "%u changes need your choice: the registration server holds "
                                    "other values. Press Choose to decide which to keep.",
                                    conflicts->len),
                          conflicts->len);
  gtk_label_set_text (self->conflicts_label, text);
  gtk_revealer_set_reveal_child (self->conflicts_revealer, conflicts->len > 0);
}

/* Reads the open profile's conflicts again (after each sync). */
static void
count_conflicts (BkSyncBanner *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || self->profile_id == NULL)
    {
      self->n_conflicts = 0;
      gtk_revealer_set_reveal_child (self->conflicts_revealer, FALSE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  bk_store_list_conflicts_async (self->store, self->profile_id, self->cancellable,
                                 conflicts_listed_cb, g_object_ref (self));
}

static void
dialog_resolved_cb (BkSyncBanner *self)
{
  count_conflicts (self);
  g_signal_emit (self, signals[CONFLICTS_RESOLVED], 0);
}

static void
conflicts_to_choose_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkSyncBanner) self = user_data;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  BkConflictDialog *dialog;

  conflicts = bk_store_list_conflicts_finish (BK_STORE (source), result, &error);
  if (conflicts == NULL)
    {
      g_warning ("Could not list the conflicts: %s", error->message);
      return;
    }
  if (conflicts->len == 0)
    {
      count_conflicts (self);
      return;
    }
  dialog = bk_conflict_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->store, conflicts);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (dialog_resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_cb (BkSyncBanner *self)
{
  if (self->store != NULL && self->profile_id != NULL)
    bk_store_list_conflicts_async (self->store, self->profile_id, NULL, conflicts_to_choose_cb,
                                   g_object_ref (self));
}

void
bk_sync_banner_set_scheduler (BkSyncBanner *self, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_SYNC_BANNER (self));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    {
      g_signal_connect_swapped (scheduler, "notify::problem", G_CALLBACK (update), self);
      /* Settled pushes keep their conflicts also when the run then fails. */
      g_signal_connect_swapped (scheduler, "notify::status", G_CALLBACK (count_conflicts), self);
    }
  update (self);
}

void
bk_sync_banner_set_profile (BkSyncBanner *self, BkStore *store, const char *profile_id)
{
  g_return_if_fail (BK_IS_SYNC_BANNER (self));
  g_return_if_fail (store == NULL || BK_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->profile_id);
  self->profile_id = g_strdup (profile_id);
  count_conflicts (self);
}

const char *
bk_sync_banner_get_text (BkSyncBanner *self)
{
  g_return_val_if_fail (BK_IS_SYNC_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}

guint
bk_sync_banner_get_n_conflicts (BkSyncBanner *self)
{
  g_return_val_if_fail (BK_IS_SYNC_BANNER (self), 0);

  return gtk_revealer_get_reveal_child (self->conflicts_revealer) ? self->n_conflicts : 0;
}

static void
bk_sync_banner_dispose (GObject *object)
{
  BkSyncBanner *self = BK_SYNC_BANNER (object);

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile_id, g_free);

  G_OBJECT_CLASS (bk_sync_banner_parent_class)->dispose (object);
}

static void
bk_sync_banner_class_init (BkSyncBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_sync_banner_dispose;

  /* The user settled conflicts in the store: the pages read it again. */
  signals[CONFLICTS_RESOLVED] = g_signal_new ("conflicts-resolved", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                              0);
}

static void
bk_sync_banner_init (BkSyncBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *conflicts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *choose = gtk_button_new_with_mnemonic (_ ("_Choose…"));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "locked-banner");
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->revealer));

  self->conflicts_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->conflicts_label, TRUE);
  gtk_label_set_xalign (self->conflicts_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->conflicts_label), TRUE);
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Choose which values to keep"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_cb), self);
  gtk_box_append (GTK_BOX (conflicts), GTK_WIDGET (self->conflicts_label));
  gtk_box_append (GTK_BOX (conflicts), choose);
  gtk_widget_add_css_class (conflicts, "locked-banner");
  self->conflicts_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->conflicts_revealer, conflicts);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->conflicts_revealer));
  adw_bin_set_child (ADW_BIN (self), box);
}
