/* bk-account-page.c
 *
 * What the candidate types goes into the profile as typed, valid or not,
 * so nothing is lost; the message under a field says what is wrong and
 * what to do. Birth date and sex come from a resident ID number and are
 * not typed twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-account-page.h"
#include "bk-field-error-row.h"
#include "bk-format.h"
#include "bk-password.h"
#include "bk-rows.h"
#include "bk-step-page.h"

struct _BkAccountPage
{
  AdwBin parent_instance;

  BkProfile *profile;
  GCancellable *hashing;
  gboolean loading; /* filling the fields from the profile: no "changed" */
  gboolean locked;  /* the application is submitted */

  /* Template widgets */
  AdwEntryRow *real_name_row;
  BkFieldErrorRow *real_name_error;
  AdwComboRow *id_type_row;
  AdwEntryRow *id_number_row;
  BkFieldErrorRow *id_number_error;
  AdwActionRow *derived_row;
  AdwEntryRow *mobile_row;
  BkFieldErrorRow *mobile_error;
  AdwEntryRow *user_name_row;
  BkFieldErrorRow *user_name_error;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *password_repeat_row;
  BkFieldErrorRow *password_error;
};

static void bk_account_page_step_page_init (BkStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkAccountPage,
                               bk_account_page,
                               ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_STEP_PAGE,
                                                      bk_account_page_step_page_init))

/* "password-chosen" (password): a valid password typed twice and hashed,
 * before the save: for the store to protect the profile's data with
 * (bk_store_set_profile_password) and for the account on the server. The
 * password as typed; kept nowhere. */
enum
{
  PASSWORD_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
sex_display_name (BkSex sex)
{
  switch (sex)
    {
      case BK_SEX_MALE:
        return _ ("Male");
      case BK_SEX_FEMALE:
        return _ ("Female");
      case BK_SEX_UNKNOWN:
      default:
        return NULL;
    }
}

static void
update_derived (BkAccountPage *self)
{
  const GDate *birth = bk_profile_get_birth_date (self->profile);
  const char *sex = sex_display_name (bk_profile_get_sex (self->profile));

  if (bk_profile_get_derived_from_id (self->profile) && birth != NULL && g_date_valid (birth) &&
      sex != NULL)
    {
      g_autofree char *date = bk_format_date (birth);
      /* TRANSLATORS: birth date and sex taken from the ID number, e.g. "1949-12-31 · Female" */
      g_autofree char *text = g_strdup_printf (_ ("%s · %s"), date, sex);

      adw_action_row_set_subtitle (self->derived_row, text);
    }
  else if (bk_profile_get_id_type (self->profile) == BK_ID_TYPE_RESIDENT_ID)
    adw_action_row_set_subtitle (self->derived_row,
                                 _ ("Taken from a resident ID number once it is complete"));
  else
    adw_action_row_set_subtitle (self->derived_row,
                                 _ ("Enter them in step 2, Profile: this ID type does not "
                                    "contain them"));
}

static void
validate_id_number (BkAccountPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *text = entry_text (self->id_number_row);

  if (*text != '\0')
    bk_profile_validate_id_number (bk_profile_get_id_type (self->profile), text, &error);
  bk_field_error_row_show (self->id_number_error, GTK_WIDGET (self->id_number_row), error);
}

static void
changed (BkAccountPage *self)
{
  if (!self->loading)
    bk_step_page_emit_changed (BK_STEP_PAGE (self));
}

static void
real_name_changed_cb (BkAccountPage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_real_name (self->profile, entry_text (self->real_name_row));
  bk_field_error_row_validate (self->real_name_error, self->real_name_row,
                               bk_profile_validate_real_name);
  changed (self);
}

static void
id_type_changed_cb (BkAccountPage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_id_type (self->profile, (BkIdType) adw_combo_row_get_selected (self->id_type_row));
  validate_id_number (self);
  update_derived (self);
  changed (self);
}

static void
id_number_changed_cb (BkAccountPage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_id_number (self->profile, entry_text (self->id_number_row));
  validate_id_number (self);
  update_derived (self);
  changed (self);
}

static void
mobile_changed_cb (BkAccountPage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_mobile (self->profile, entry_text (self->mobile_row));
  bk_field_error_row_validate (self->mobile_error, self->mobile_row, bk_profile_validate_mobile);
  changed (self);
}

static void
user_name_changed_cb (BkAccountPage *self)
{
  if (self->profile == NULL || self->loading)
    return;
  bk_profile_set_user_name (self->profile, entry_text (self->user_name_row));
  bk_field_error_row_validate (self->user_name_error, self->user_name_row,
                               bk_profile_validate_user_name);
  changed (self);
}

static void
password_hashed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BkAccountPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = bk_password_hash_finish (result, &error);

  if (hash == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bk_field_error_row_show (self->password_error, GTK_WIDGET (self->password_row), error);
      return;
    }

  if (self->profile != NULL)
    {
      bk_profile_set_password_hash (self->profile, hash);
      /* Before the save, so the account can be made with it on the server. */
      g_signal_emit (self, signals[PASSWORD_CHOSEN], 0,
                     gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
      changed (self);
    }
}

/* The password is hashed (slowly, on purpose) off the main thread once both
 * fields agree; an earlier hash still running is cancelled. */
static void
password_changed_cb (BkAccountPage *self)
{
  g_autoptr (GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->password_repeat_row));

  if (self->profile == NULL || self->loading)
    return;

  g_cancellable_cancel (self->hashing);
  g_clear_object (&self->hashing);

  if (*password == '\0' && *repeat == '\0')
    {
      bk_field_error_row_show (self->password_error, GTK_WIDGET (self->password_row), NULL);
      return;
    }

  if (!bk_password_validate (password, &error))
    {
      bk_field_error_row_show (self->password_error, GTK_WIDGET (self->password_row), error);
      return;
    }

  if (!g_str_equal (password, repeat))
    {
      bk_field_error_row_show_text (self->password_error, GTK_WIDGET (self->password_repeat_row),
                                    *repeat == '\0'
                                      ? _ ("Type the password a second time to make sure it "
                                           "is the one you meant.")
                                      : _ ("The two passwords differ. Type the same password in "
                                           "both fields."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
      return;
    }

  bk_field_error_row_show (self->password_error, GTK_WIDGET (self->password_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_repeat_row), "error");
  self->hashing = g_cancellable_new ();
  bk_password_hash_async (password, self->hashing, password_hashed_cb, g_object_ref (self));
}

static void
bk_account_page_set_profile (BkStepPage *page, BkProfile *profile)
{
  BkAccountPage *self = BK_ACCOUNT_PAGE (page);
  const char *hash;

  if (self->profile == profile)
    return;
  g_set_object (&self->profile, profile);

  self->loading = TRUE;
  bk_rows_set_text (self->real_name_row, bk_profile_get_real_name (profile));
  adw_combo_row_set_selected (self->id_type_row, bk_profile_get_id_type (profile));
  bk_rows_set_text (self->id_number_row, bk_profile_get_id_number (profile));
  bk_rows_set_text (self->mobile_row, bk_profile_get_mobile (profile));
  bk_rows_set_text (self->user_name_row, bk_profile_get_user_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_repeat_row), "");
  hash = bk_profile_get_password_hash (profile);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row),
                                 hash != NULL && *hash != '\0' ? _ ("New password (optional)")
                                                               : _ ("Password"));
  self->loading = FALSE;

  bk_field_error_row_validate (self->real_name_error, self->real_name_row,
                               bk_profile_validate_real_name);
  validate_id_number (self);
  bk_field_error_row_validate (self->mobile_error, self->mobile_row, bk_profile_validate_mobile);
  bk_field_error_row_validate (self->user_name_error, self->user_name_row,
                               bk_profile_validate_user_name);
  bk_field_error_row_show (self->password_error, GTK_WIDGET (self->password_row), NULL);
  update_derived (self);
}

/* The identity the application was submitted with stays as it was;
 * sign-in and the mobile phone may still change. */
static void
bk_account_page_set_locked (BkStepPage *page, gboolean locked)
{
  BkAccountPage *self = BK_ACCOUNT_PAGE (page);

  self->locked = locked;
  gtk_widget_set_sensitive (GTK_WIDGET (self->real_name_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->id_type_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->id_number_row), !locked);
}

static void
bk_account_page_step_page_init (BkStepPageInterface *iface)
{
  iface->set_profile = bk_account_page_set_profile;
  iface->set_locked = bk_account_page_set_locked;
}

static void
bk_account_page_dispose (GObject *object)
{
  BkAccountPage *self = BK_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->hashing);
  g_clear_object (&self->hashing);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (bk_account_page_parent_class)->dispose (object);
}

static void
bk_account_page_class_init (BkAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_account_page_dispose;

  signals[PASSWORD_CHOSEN] = g_signal_new ("password-chosen", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           G_TYPE_STRING);

  g_type_ensure (BK_TYPE_FIELD_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baokao/Baokao/bk-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, real_name_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, real_name_error);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, id_type_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, id_number_error);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, derived_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, mobile_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, mobile_error);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, user_name_error);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, password_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BkAccountPage, password_error);
  gtk_widget_class_bind_template_callback (widget_class, real_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_type_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mobile_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
}

static void
bk_account_page_init (BkAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
