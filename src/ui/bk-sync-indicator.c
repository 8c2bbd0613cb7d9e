/* bk-sync-indicator.c — the header bar's sync status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-sync-indicator.h"

struct _BkSyncIndicator
{
  AdwBin parent_instance;

  BkSyncScheduler *scheduler;
  GtkButton *button;
  AdwButtonContent *content;
  char *label;
  char *details;
};

G_DEFINE_FINAL_TYPE (BkSyncIndicator, bk_sync_indicator, ADW_TYPE_BIN)

static char *
describe_last_synced (BkSyncScheduler *scheduler)
{
  GDateTime *last = bk_sync_scheduler_get_last_synced (scheduler);
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (last == NULL)
    return g_strdup (_ ("Not synced yet since Baokao started. Press to sync now."));
  local = g_date_time_to_local (last);
  time = g_date_time_format (local, "%H:%M:%S");
  /* Translators: %s is a time of day, e.g. 14:05:09 */
  return g_strdup_printf (_ ("Last synced at %s. Press to sync now."), time);
}

static void
update (BkSyncIndicator *self)
{
  const char *label;
  const char *icon;
  g_autofree char *details = NULL;

  if (self->scheduler == NULL)
    {
      label = _ ("Not connected to a registration server");
      icon = "network-offline-symbolic";
      details = g_strdup (_ ("Your application stays on this computer. To send it, enter the "
                             "registration server's address in Preferences."));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "app.preferences");
    }
  else
    {
      switch (bk_sync_scheduler_get_status (self->scheduler))
        {
          case BK_SYNC_STATUS_ONLINE:
            label = _ ("Online");
            icon = "emblem-ok-symbolic";
            break;
          case BK_SYNC_STATUS_SYNCING:
            label = _ ("Syncing…");
            icon = "emblem-synchronizing-symbolic";
            break;
          case BK_SYNC_STATUS_OFFLINE:
            label = _ ("Offline: retrying");
            icon = "network-offline-symbolic";
            break;
          case BK_SYNC_STATUS_STOPPED:
          default:
            label = _ ("Sync stopped");
            icon = "dialog-warning-symbolic";
            break;
        }
      details = describe_last_synced (self->scheduler);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.sync-now");
    }

  g_free (self->label);
  self->label = g_strdup (label);
  g_free (self->details);
  self->details = g_steal_pointer (&details);

  adw_button_content_set_label (self->content, self->label);
  adw_button_content_set_icon_name (self->content, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), self->details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->label, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->details,
                                  -1);
}

static void
scheduler_changed_cb (BkSyncIndicator *self)
{
  update (self);
}

void
bk_sync_indicator_set_scheduler (BkSyncIndicator *self, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_SYNC_INDICATOR (self));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    {
      g_signal_connect_swapped (scheduler, "notify::status", G_CALLBACK (scheduler_changed_cb),
                                self);
      g_signal_connect_swapped (scheduler, "notify::last-synced", G_CALLBACK (scheduler_changed_cb),
                                self);
    }
  update (self);
}

const char *
bk_sync_indicator_get_label (BkSyncIndicator *self)
{
  g_return_val_if_fail (BK_IS_SYNC_INDICATOR (self), NULL);

  return self->label;
}

const char *
bk_sync_indicator_get_details (BkSyncIndicator *self)
{
  g_return_val_if_fail (BK_IS_SYNC_INDICATOR (self), NULL);

  return self->details;
}

static void
bk_sync_indicator_dispose (GObject *object)
{
  BkSyncIndicator *self = BK_SYNC_INDICATOR (object);

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (bk_sync_indicator_parent_class)->dispose (object);
}

static void
bk_sync_indicator_finalize (GObject *object)
{
  BkSyncIndicator *self = BK_SYNC_INDICATOR (object);

  g_free (self->label);
  g_free (self->details);

  G_OBJECT_CLASS (bk_sync_indicator_parent_class)->finalize (object);
}

static void
bk_sync_indicator_class_init (BkSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bk_sync_indicator_dispose;
  object_class->finalize = bk_sync_indicator_finalize;
}

static void
bk_sync_indicator_init (BkSyncIndicator *self)
{
  self->content = ADW_BUTTON_CONTENT (adw_button_content_new ());
  self->button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_child (self->button, GTK_WIDGET (self->content));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  update (self);
}
