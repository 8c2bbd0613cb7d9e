/* bk-window.c — the main window: the profile list, then one profile's
 * guided steps
 *
 * The window opens the local store off the main thread, shows the welcome
 * page's list of profiles, asks for a profile's password before opening it
 * (help-desk PCs are shared; one that has none gets one first), and hands
 * the profile to the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-accessible.h"
#include "bk-idle-lock.h"
#include "bk-password.h"
#include "bk-store-error.h"
#include "bk-sign-in-dialog.h"
#include "bk-store.h"
#include "bk-welcome-page.h"
#include "bk-window-sync.h"
#include "bk-window.h"
#include "bk-workspace.h"

struct _BkWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  BkStore *store;
  BkIdleLock *idle_lock;
  GCancellable *cancellable;
  GListModel *early_profiles; /* arrived before the first frame */
  gboolean painted;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  BkWelcomePage *welcome_page;
  /* Made when the first profile opens, off the way to the first frame;
   * owned by main_stack. */
  BkWorkspace *workspace;

  /* The open profile's sync, when a server address is set. */
  BkWindowSync *sync;
  AdwToast *sync_toast; /* its last message, while on show (weak) */
};

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_window_state (BkWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The size is saved when the window closes, not on every resize, so
 * dragging the border does not write the settings database each frame. */
static void
save_window_state (BkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

/* @timeout: seconds; 0 for an error, which stays until read. */
static AdwToast *
show_toast (BkWindow *self, const char *message, guint timeout)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}

static void
show_store_error (BkWindow *self, const GError *error)
{
  g_autofree char *message = bk_store_error_describe (error);

  bk_window_show_message (self, message);
}

static void show_profiles (BkWindow *self, GListModel *profiles);

static void
refresh_profiles_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) profiles = NULL;

  profiles = bk_store_list_profiles_finish (BK_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (profiles == NULL)
    {
      show_store_error (self, error);
      return;
    }

  /* The list (dozens of rows on a help-desk PC) is laid out after the
   * window's first frame, so the window shows at once. */
  if (!self->painted)
    {
      g_set_object (&self->early_profiles, profiles);
      return;
    }
  show_profiles (self, profiles);
}

static void
list_painted_cb (GdkFrameClock *frame_clock, BkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (frame_clock, list_painted_cb, self);
  if (BK_IS_APPLICATION (app))
    bk_application_bench_mark (BK_APPLICATION (app), "profiles-shown-us", TRUE);
}

static void
show_profiles (BkWindow *self, GListModel *profiles)
{
  bk_welcome_page_set_profiles (self->welcome_page, profiles);
  if (g_getenv ("BAOKAO_BENCH_T0") != NULL)
    {
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                        G_CALLBACK (list_painted_cb), self);
      gtk_widget_queue_draw (GTK_WIDGET (self)); /* an empty list changes nothing */
    }
}

static void
first_paint_cb (GdkFrameClock *frame_clock, BkWindow *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_paint_cb, self);
  self->painted = TRUE;
  if (self->early_profiles != NULL)
    {
      show_profiles (self, self->early_profiles);
      g_clear_object (&self->early_profiles);
    }
}

static void
bk_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bk_window_parent_class)->realize (widget);

  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (first_paint_cb),
                    widget);
}

static void
refresh_profiles (BkWindow *self)
{
  bk_store_list_profiles_async (self->store, self->cancellable, refresh_profiles_cb,
                                g_object_ref (self));
}

static void
store_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  self->store = bk_store_open_finish (result, &error);
  if (self->store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *path = bk_store_get_default_path ();
          g_autofree char *message = bk_store_error_describe_file (error, path);

          show_store_error (self, error);
          bk_welcome_page_set_unavailable (self->welcome_page, message);
        }
      return;
    }

  refresh_profiles (self);
}

static void workspace_closed_cb (BkWindow *self);
static void workspace_error_cb (BkWindow *self, const char *message);

/* Enabled while the open profile syncs. */
static void
set_sync_now_enabled (BkWindow *self, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "sync-now");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
sync_session_changed_cb (BkWindow *self)
{
  BkSyncSession *session = bk_window_sync_get_session (self->sync);
  BkSyncScheduler *scheduler = session != NULL ? bk_sync_session_get_scheduler (session) : NULL;

  if (self->workspace != NULL)
    bk_workspace_set_sync_scheduler (self->workspace, scheduler);
  set_sync_now_enabled (self, scheduler != NULL);
}

/* A newer word about sync (the account made after "it will be made")
 * replaces the one on show. */
static void
sync_message_cb (BkWindow *self, const char *message, gboolean lasting)
{
  AdwToast *toast;

  if (self->sync_toast != NULL)
    adw_toast_dismiss (self->sync_toast);
  g_clear_weak_pointer (&self->sync_toast);
  /* News goes after a while; a thing to act on stays. */
  toast = show_toast (self, message, lasting ? 0 : 8);
  g_set_weak_pointer (&self->sync_toast, toast);
}

static void
workspace_saved_cb (BkWindow *self)
{
  bk_window_sync_profile_saved (self->sync, self->store);
}

static void
workspace_password_chosen_cb (BkWindow *self, const char *password)
{
  bk_window_sync_password_chosen (self->sync, password);
}

static void
sync_now_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  BkWindow *self = user_data;

  bk_window_sync_sync_now (self->sync);
}

static void
show_workspace (BkWindow *self, BkProfile *profile, const char *password)
{
  if (self->workspace == NULL)
    {
      self->workspace = BK_WORKSPACE (g_object_new (BK_TYPE_WORKSPACE, NULL));
      g_signal_connect_swapped (self->workspace, "closed", G_CALLBACK (workspace_closed_cb), self);
      g_signal_connect_swapped (self->workspace, "error", G_CALLBACK (workspace_error_cb), self);
      g_signal_connect_swapped (self->workspace, "saved", G_CALLBACK (workspace_saved_cb), self);
      g_signal_connect_swapped (self->workspace, "password-chosen",
                                G_CALLBACK (workspace_password_chosen_cb), self);
      bk_workspace_set_store (self->workspace, self->store);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->workspace), "workspace");
    }
  bk_workspace_set_profile (self->workspace, profile);
  bk_idle_lock_watch (self->idle_lock, self->workspace, self->store);
  bk_window_sync_open (self->sync, self->store, profile, password);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  /* The stack would put the focus on the first thing it finds, the back
   * button; the candidate wants to start typing. */
  bk_workspace_focus_first_field (self->workspace);
}

static void
new_profile_cb (BkWindow *self)
{
  g_autoptr (BkProfile) profile = bk_profile_new ();

  if (self->store == NULL)
    return;

  show_workspace (self, profile, NULL);
}

typedef struct
{
  BkWindow *self;
  BkProfile *profile;
  char *password; /* kept as typed: the dialog is gone when its response comes */
} Unlock;

static void
unlock_free (Unlock *unlock)
{
  g_clear_object (&unlock->self);
  g_clear_object (&unlock->profile);
  g_free (unlock->password);
  g_free (unlock);
}

static void ask_password (BkWindow *self, BkProfile *profile, gboolean again);

static void
password_verified_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Unlock *unlock = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile)
    profile = bk_store_unlock_and_load_profile_finish (BK_STORE (source), result, &error);

  if (profile != NULL)
    show_workspace (unlock->self, profile, unlock->password);
  else if (g_error_matches (error, BK_STORE_ERROR, BK_STORE_ERROR_WRONG_PASSWORD))
    /* A typo is the usual reason: ask again, saying so. */
    ask_password (unlock->self, unlock->profile, TRUE);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_store_error (unlock->self, error);
  unlock_free (unlock);
}

/* The dialog closes itself after a response; the (deliberately slow) hash
 * check answers afterwards. */
static void
unlock_response_cb (AdwMessageDialog *dialog, const char *response, Unlock *unlock)
{
  /* libadwaita 1.2 warns when a dialog is destroyed with the focus in an
   * entry row (its focus handler outlives the row's text); take it away. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (!g_str_equal (response, "open"))
    {
      unlock_free (unlock);
      return;
    }

  /* The store checks it by opening the profile's key (bk-store-keys.c). */
  bk_store_unlock_and_load_profile_async (unlock->self->store, bk_profile_get_id (unlock->profile),
                                          unlock->password != NULL ? unlock->password : "", NULL,
                                          password_verified_cb, unlock);
}

static void
unlock_password_changed_cb (GtkEditable *entry, Unlock *unlock)
{
  g_free (unlock->password);
  unlock->password = g_strdup (gtk_editable_get_text (entry));
}

static void
ask_password (BkWindow *self, BkProfile *profile, gboolean again)
{
  Unlock *unlock = g_new0 (Unlock, 1);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *list;

  unlock->self = g_object_ref (self);
  unlock->profile = g_object_ref (profile);
  /* TRANSLATORS: %s is the candidate's name */
  heading = g_strdup_printf (_ ("Open the Profile of %s"), bk_profile_get_real_name (profile));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    again ? _ ("That password is not right. Type it again; if you have forgotten it, ask the "
               "help desk.")
          : _ ("Type the password of this profile. It keeps the profile private on a shared "
               "computer.")));
  /* A password row rather than a GtkPasswordEntry: GTK 4.8's password
   * entry misbehaves when a screen reader sets its text. */
  entry = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _ ("Password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  if (again)
    gtk_widget_add_css_class (entry, "error");
  g_signal_connect (entry, "changed", G_CALLBACK (unlock_password_changed_cb), unlock);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "open", _ ("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  bk_accessible_name_controls (GTK_WIDGET (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (unlock_response_cb), unlock);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* A profile without a password (saved by an older Baokao before one was
 * validly set) gets one before it opens: on a shared PC a profile is never
 * shown to whoever sits down without one. */
typedef struct
{
  BkWindow *self;
  BkProfile *profile;
  char *password;
  char *repeat;
} Protect;

static void
protect_free (Protect *protect)
{
  g_clear_object (&protect->self);
  g_clear_object (&protect->profile);
  g_free (protect->password);
  g_free (protect->repeat);
  g_free (protect);
}

static void ask_new_password (BkWindow *self, BkProfile *profile, const char *problem);

static void
protected_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Protect *protect = user_data;
  g_autoptr (GError) error = NULL;

  if (bk_store_save_profile_finish (BK_STORE (source), result, &error))
    {
      /* From now on its data is sealed with the new password too. */
      bk_store_set_profile_password_async (BK_STORE (source), bk_profile_get_id (protect->profile),
                                           protect->password, NULL, NULL, NULL);
      show_workspace (protect->self, protect->profile, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_store_error (protect->self, error);
  protect_free (protect);
}

static void
new_password_hashed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Protect *protect = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = bk_password_hash_finish (result, &error);

  if (hash == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ask_new_password (protect->self, protect->profile, error->message);
      protect_free (protect);
      return;
    }
  bk_profile_set_password_hash (protect->profile, hash);
  bk_store_save_profile_async (protect->self->store, protect->profile, protect->self->cancellable,
                               protected_saved_cb, protect);
}

static void
protect_response_cb (AdwMessageDialog *dialog, const char *response, Protect *protect)
{
  g_autoptr (GError) error = NULL;
  const char *password = protect->password != NULL ? protect->password : "";

  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (!g_str_equal (response, "protect"))
    protect_free (protect);
  else if (!bk_password_validate (password, &error))
    {
      ask_new_password (protect->self, protect->profile, error->message);
      protect_free (protect);
    }
  else if (g_strcmp0 (password, protect->repeat) != 0)
    {
      ask_new_password (protect->self, protect->profile,
                        _ ("The two passwords differ. Type the same password in both fields."));
      protect_free (protect);
    }
  else
    bk_password_hash_async (password, protect->self->cancellable, new_password_hashed_cb, protect);
}

static void
protect_password_changed_cb (GtkEditable *entry, Protect *protect)
{
  g_free (protect->password);
  protect->password = g_strdup (gtk_editable_get_text (entry));
}

static void
protect_repeat_changed_cb (GtkEditable *entry, Protect *protect)
{
  g_free (protect->repeat);
  protect->repeat = g_strdup (gtk_editable_get_text (entry));
}

static GtkWidget *
new_password_row (const char *title, GCallback changed_cb, Protect *protect)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "changed", changed_cb, protect);
  return row;
}

static void
ask_new_password (BkWindow *self, BkProfile *profile, const char *problem)
{
  Protect *protect = g_new0 (Protect, 1);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *password;
  GtkWidget *repeat;
  GtkWidget *list;

  protect->self = g_object_ref (self);
  protect->profile = g_object_ref (profile);
  /* TRANSLATORS: %s is the candidate's name */
  heading = g_strdup_printf (_ ("Protect the Profile of %s"), bk_profile_get_real_name (profile));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self), heading,
    problem != NULL ? problem
                    : _ ("This profile has no password yet, so anyone using this computer "
                         "could open it. Choose a password of at least 8 characters; from now "
                         "on it is needed to open the profile.")));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  password = new_password_row (_ ("Password"), G_CALLBACK (protect_password_changed_cb), protect);
  repeat = new_password_row (_ ("Repeat password"), G_CALLBACK (protect_repeat_changed_cb),
                             protect);
  if (problem != NULL)
    gtk_widget_add_css_class (password, "error");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (repeat), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), password);
  gtk_list_box_append (GTK_LIST_BOX (list), repeat);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "protect",
                                    _ ("_Protect and Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "protect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "protect");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (protect_response_cb), protect);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (password);
}

static void
profile_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BkProfile) profile = NULL;

  profile = bk_store_load_profile_cover_finish (BK_STORE (source), result, &error);
  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_store_error (self, error);
          refresh_profiles (self);
        }
      return;
    }

  if (bk_store_profile_is_protected (profile))
    ask_password (self, profile, FALSE);
  else
    ask_new_password (self, profile, NULL);
}

static void
open_profile_cb (BkWindow *self, const char *profile_id)
{
  if (self->store == NULL)
    return;

  bk_store_load_profile_cover_async (self->store, profile_id, self->cancellable, profile_loaded_cb,
                                     g_object_ref (self));
}

static void
signed_in_here_cb (BkWindow *self, BkProfile *profile, const char *password)
{
  show_workspace (self, profile, password);
}

/* "Sign In on This Computer": a profile made elsewhere, brought here. */
static void
sign_in_cb (BkWindow *self)
{
  BkSignInDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = bk_sign_in_dialog_new (GTK_WINDOW (self), self->sync, self->store);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_here_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
workspace_closed_cb (BkWindow *self)
{
  bk_window_sync_close (self->sync);
  g_free (bk_idle_lock_release (self->idle_lock));
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  refresh_profiles (self);
}

/* Idle (or Lock Now): the profile is cleared; its password is asked again. */
static void
idle_lock_cb (BkWindow *self, const char *profile_id)
{
  workspace_closed_cb (self);
  if (profile_id != NULL)
    open_profile_cb (self, profile_id);
}

static void
workspace_error_cb (BkWindow *self, const char *message)
{
  bk_window_show_message (self, message);
}

static gboolean
bk_window_close_request (GtkWindow *window)
{
  BkWindow *self = BK_WINDOW (window);

  /* Whatever the candidate typed last is written before the window goes,
   * and the profile is locked: nothing of the candidate stays in memory
   * (a help desk closes the window it opened for a candidate). */
  bk_window_flush (self);
  bk_window_sync_close (self->sync);
  g_free (bk_idle_lock_release (self->idle_lock));

  return GTK_WINDOW_CLASS (bk_window_parent_class)->close_request (window);
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  if (BK_IS_APPLICATION (app))
    self->settings = g_object_ref (bk_application_get_settings (BK_APPLICATION (app)));
  else
    self->settings = g_settings_new (APPLICATION_ID);

  restore_window_state (self);
  self->sync = bk_window_sync_new (self->settings);
  g_signal_connect_swapped (self->sync, "message", G_CALLBACK (sync_message_cb), self);
  g_signal_connect_swapped (self->sync, "session-changed", G_CALLBACK (sync_session_changed_cb),
                            self);
  self->idle_lock = bk_idle_lock_new (GTK_WINDOW (self), self->settings);
  g_signal_connect_swapped (self->idle_lock, "lock", G_CALLBACK (idle_lock_cb), self);

  path = bk_store_get_default_path ();
  bk_store_open_async (path, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync, self);
      bk_window_sync_close (self->sync);
    }
  /* A save on its way keeps the workspace alive past the window. */
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  self->workspace = NULL;
  g_clear_object (&self->idle_lock);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync);
  g_clear_weak_pointer (&self->sync_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->early_profiles);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bk_window_constructed;
  object_class->dispose = bk_window_dispose;
  window_class->close_request = bk_window_close_request;
  widget_class->realize = bk_window_realize;

  g_type_ensure (BK_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, new_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
}

static void
bk_window_init (BkWindow *self)
{
  static const GActionEntry actions[] = {
    /* Sync Now: the header bar's sync indicator, Ctrl+R. */
    { .name = "sync-now", .activate = sync_now_action },
  };

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  bk_accessible_name_controls (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  set_sync_now_enabled (self, FALSE);
}

BkWindow *
bk_window_new (BkApplication *application)
{
  return g_object_new (BK_TYPE_WINDOW, "application", application, NULL);
}

void
bk_window_show_message (BkWindow *self, const char *message)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  show_toast (self, message, 0);
}

BkStore *
bk_window_get_store (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  return self->store;
}

void
bk_window_flush (BkWindow *self)
{
  g_return_if_fail (BK_IS_WINDOW (self));

  save_window_state (self);
  /* Whatever the candidate typed last is written before the window goes. */
  if (self->workspace != NULL)
    bk_workspace_flush (self->workspace);
}

BkSyncScheduler *
bk_window_get_sync_scheduler (BkWindow *self)
{
  BkSyncSession *session;

  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);

  session = bk_window_sync_get_session (self->sync);
  return session != NULL ? bk_sync_session_get_scheduler (session) : NULL;
}
