/* bk-sync-banner.c — the sync problem that needs the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-sync-banner.h"

struct _BkSyncBanner
{
  AdwBin parent_instance;

  BkSyncScheduler *scheduler;
  GtkRevealer *revealer;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (BkSyncBanner, bk_sync_banner, ADW_TYPE_BIN)

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

void
bk_sync_banner_set_scheduler (BkSyncBanner *self, BkSyncScheduler *scheduler)
{
  g_return_if_fail (BK_IS_SYNC_BANNER (self));
  g_return_if_fail (scheduler == NULL || BK_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    g_signal_connect_swapped (scheduler, "notify::problem", G_CALLBACK (update), self);
  update (self);
}

const char *
bk_sync_banner_get_text (BkSyncBanner *self)
{
  g_return_val_if_fail (BK_IS_SYNC_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}

static void
bk_sync_banner_dispose (GObject *object)
{
  BkSyncBanner *self = BK_SYNC_BANNER (object);

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);

  G_OBJECT_CLASS (bk_sync_banner_parent_class)->dispose (object);
}

static void
bk_sync_banner_class_init (BkSyncBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_sync_banner_dispose;
}

static void
bk_sync_banner_init (BkSyncBanner *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "locked-banner");
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, GTK_WIDGET (self->label));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}
