/* bk-profile.c
 *
 * The pages edit this object and the store saves it; rules about what is
 * valid and complete live here so every page and baokao-tool agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-password.h"
#include "bk-profile-private.h"
#include "bk-profile.h"
#include "bk-set.h"
#include "bk-text.h"

enum
{
  PROP_0,
  PROP_REAL_NAME,
  PROP_ID_TYPE,
  PROP_ID_NUMBER,
  PROP_MOBILE,
  PROP_USER_NAME,
  PROP_PASSWORD_HASH,
  PROP_SEX,
  PROP_BIRTH_DATE,
  PROP_DERIVED_FROM_ID,
  PROP_ETHNICITY,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_POSTCODE,
  PROP_WORK_UNIT,
  PROP_SENIOR_TITLE,
  PROP_VERIFICATION_OFFICER_CERTIFICATE,
  PROP_PHOTO_ORIGINAL,
  PROP_PHOTO_FILE_NAME,
  PROP_PHOTO_STANDARDISED,
  PROP_PHOTO_ACCEPTED,
  PROP_PHOTO_REPORT,
  PROP_EDUCATION,
  PROP_WORK,
  PROP_COMPLETENESS,
  N_PROPS
};

struct _BkProfile
{
  BkRecord parent_instance;

  /* The plain string properties, indexed by property id. */
  char *strings[N_PROPS];

  BkIdType id_type;
  BkSex sex;
  GDate birth_date;
  gboolean derived_from_id;
  BkSeniorTitle senior_title;
  gboolean verification_officer_certificate;

  GBytes *photo_original;
  GBytes *photo_standardised;
  gboolean photo_accepted;

  GListStore *education;
  GListStore *work;

  int completeness;
};

G_DEFINE_FINAL_TYPE (BkProfile, bk_profile, BK_TYPE_RECORD)

static GParamSpec *properties[N_PROPS];

static const char *
get_string (BkProfile *self, int prop)
{
  return self->strings[prop] != NULL ? self->strings[prop] : "";
}

/* A shared PC: what a profile held is zeroed before its memory is freed,
 * so the next person's process (or a core dump) does not find it. */
static void
forget_string (char **slot)
{
  if (*slot != NULL)
    sodium_memzero (*slot, strlen (*slot));
  g_clear_pointer (slot, g_free);
}

static gboolean
set_string (BkProfile *self, int prop, const char *value)
{
  g_autofree char *number = NULL;

  /* Numbers are kept as the portal wants them, whatever the input method typed. */
  if (prop == PROP_ID_NUMBER || prop == PROP_MOBILE || prop == PROP_POSTCODE)
    value = number = bk_text_normalize_number (value);
  if (g_strcmp0 (self->strings[prop], value) == 0)
    return FALSE;
  /* The old value is a person's data too: zeroed, not just freed. */
  forget_string (&self->strings[prop]);
  bk_set_str (&self->strings[prop], value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  bk_profile_update_completeness (self);
  return TRUE;
}

static gboolean
set_bytes (BkProfile *self, GBytes **slot, GBytes *value, int prop)
{
  if (*slot == value || (*slot != NULL && value != NULL && g_bytes_equal (*slot, value)))
    return FALSE;
  g_clear_pointer (slot, g_bytes_unref);
  if (value != NULL)
    *slot = g_bytes_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
store_sex (BkProfile *self, BkSex sex)
{
  if (self->sex == sex)
    return;
  self->sex = sex;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX]);
}

static void
store_birth_date (BkProfile *self, const GDate *date)
{
  gboolean was_valid = g_date_valid (&self->birth_date);
  gboolean is_valid = date != NULL && g_date_valid (date);

  if (was_valid == is_valid && (!is_valid || g_date_compare (&self->birth_date, date) == 0))
    return;
  if (is_valid)
    self->birth_date = *date;
  else
    g_date_clear (&self->birth_date, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

/* Birth date and sex of a resident ID (or an 18-character residence
 * permit) come from the number, never typed twice. While a resident ID
 * number is incomplete they are unknown. */
static void
update_derived (BkProfile *self)
{
  g_autoptr (BkIdDocument) doc = NULL;
  const char *number = get_string (self, PROP_ID_NUMBER);
  gboolean derived = FALSE;
  GDate today;

  bk_clock_get_today (&today);
  if (*number != '\0')
    doc = bk_id_document_parse (self->id_type, number, &today, NULL);

  if (doc != NULL && g_date_valid (&doc->birth_date))
    {
      derived = TRUE;
      store_sex (self, doc->sex);
      store_birth_date (self, &doc->birth_date);
    }
  else if (self->id_type == BK_ID_TYPE_RESIDENT_ID)
    {
      derived = TRUE;
      store_sex (self, BK_SEX_UNKNOWN);
      store_birth_date (self, NULL);
    }

  if (self->derived_from_id != derived)
    {
      self->derived_from_id = derived;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DERIVED_FROM_ID]);
    }
}

void
bk_profile_update_completeness (BkProfile *self)
{
  int completeness;

  /* Not yet constructed: the lists do not exist. */
  if (self->education == NULL)
    return;

  completeness = bk_profile_get_completeness (self, NULL);
  if (completeness == self->completeness)
    return;
  self->completeness = completeness;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETENESS]);
}

static void
bk_profile_dispose (GObject *object)
{
  BkProfile *self = BK_PROFILE (object);
  GListModel *lists[2] = { G_LIST_MODEL (self->education), G_LIST_MODEL (self->work) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      if (lists[l] == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr (GObject) entry = g_list_model_get_item (lists[l], i);

          g_signal_handlers_disconnect_by_data (entry, self);
        }
    }
  g_clear_object (&self->education);
  g_clear_object (&self->work);

  G_OBJECT_CLASS (bk_profile_parent_class)->dispose (object);
}

static void
bk_profile_finalize (GObject *object)
{
  BkProfile *self = BK_PROFILE (object);

  for (guint i = 0; i < N_PROPS; i++)
    forget_string (&self->strings[i]);
  g_clear_pointer (&self->photo_original, g_bytes_unref);
  g_clear_pointer (&self->photo_standardised, g_bytes_unref);

  G_OBJECT_CLASS (bk_profile_parent_class)->finalize (object);
}

static void
bk_profile_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkProfile *self = BK_PROFILE (object);

  switch (prop_id)
    {
      case PROP_REAL_NAME:
      case PROP_ID_NUMBER:
      case PROP_MOBILE:
      case PROP_USER_NAME:
      case PROP_PASSWORD_HASH:
      case PROP_ETHNICITY:
      case PROP_EMAIL:
      case PROP_ADDRESS:
      case PROP_POSTCODE:
      case PROP_WORK_UNIT:
      case PROP_PHOTO_FILE_NAME:
      case PROP_PHOTO_REPORT:
        g_value_set_string (value, get_string (self, prop_id));
        break;
      case PROP_ID_TYPE:
        g_value_set_enum (value, self->id_type);
        break;
      case PROP_SEX:
        g_value_set_enum (value, self->sex);
        break;
      case PROP_BIRTH_DATE:
        g_value_set_boxed (value, g_date_valid (&self->birth_date) ? &self->birth_date : NULL);
        break;
      case PROP_DERIVED_FROM_ID:
        g_value_set_boolean (value, self->derived_from_id);
        break;
      case PROP_SENIOR_TITLE:
        g_value_set_enum (value, self->senior_title);
        break;
      case PROP_VERIFICATION_OFFICER_CERTIFICATE:
        g_value_set_boolean (value, self->verification_officer_certificate);
        break;
      case PROP_PHOTO_ORIGINAL:
        g_value_set_boxed (value, self->photo_original);
        break;
      case PROP_PHOTO_STANDARDISED:
        g_value_set_boxed (value, self->photo_standardised);
        break;
      case PROP_PHOTO_ACCEPTED:
        g_value_set_boolean (value, self->photo_accepted);
        break;
      case PROP_EDUCATION:
        g_value_set_object (value, self->education);
        break;
      case PROP_WORK:
        g_value_set_object (value, self->work);
        break;
      case PROP_COMPLETENESS:
        g_value_set_int (value, self->completeness);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_profile_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkProfile *self = BK_PROFILE (object);

  switch (prop_id)
    {
      case PROP_ID_NUMBER:
        bk_profile_set_id_number (self, g_value_get_string (value));
        break;
      case PROP_REAL_NAME:
      case PROP_MOBILE:
      case PROP_USER_NAME:
      case PROP_PASSWORD_HASH:
      case PROP_ETHNICITY:
      case PROP_EMAIL:
      case PROP_ADDRESS:
      case PROP_POSTCODE:
      case PROP_WORK_UNIT:
      case PROP_PHOTO_FILE_NAME:
      case PROP_PHOTO_REPORT:
        set_string (self, prop_id, g_value_get_string (value));
        break;
      case PROP_ID_TYPE:
        bk_profile_set_id_type (self, g_value_get_enum (value));
        break;
      case PROP_SEX:
        bk_profile_set_sex (self, g_value_get_enum (value));
        break;
      case PROP_BIRTH_DATE:
        bk_profile_set_birth_date (self, g_value_get_boxed (value));
        break;
      case PROP_SENIOR_TITLE:
        bk_profile_set_senior_title (self, g_value_get_enum (value));
        break;
      case PROP_VERIFICATION_OFFICER_CERTIFICATE:
        bk_profile_set_verification_officer_certificate (self, g_value_get_boolean (value));
        break;
      case PROP_PHOTO_ORIGINAL:
        set_bytes (self, &self->photo_original, g_value_get_boxed (value), prop_id);
        break;
      case PROP_PHOTO_STANDARDISED:
        if (set_bytes (self, &self->photo_standardised, g_value_get_boxed (value), prop_id))
          bk_profile_update_completeness (self);
        break;
      case PROP_PHOTO_ACCEPTED:
        if (self->photo_accepted != !!g_value_get_boolean (value))
          {
            self->photo_accepted = !!g_value_get_boolean (value);
            g_object_notify_by_pspec (object, pspec);
            bk_profile_update_completeness (self);
          }
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_profile_constructed (GObject *object)
{
  BkProfile *self = BK_PROFILE (object);

  G_OBJECT_CLASS (bk_profile_parent_class)->constructed (object);

  self->education = g_list_store_new (BK_TYPE_EDUCATION_ENTRY);
  self->work = g_list_store_new (BK_TYPE_WORK_ENTRY);
  self->completeness = bk_profile_get_completeness (self, NULL);
}

static void
bk_profile_class_init (BkProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const struct
  {
    int prop;
    const char *name;
  } strings[] = {
    { PROP_REAL_NAME, "real-name" },
    { PROP_ID_NUMBER, "id-number" },
    { PROP_MOBILE, "mobile" },
    { PROP_USER_NAME, "user-name" },
    { PROP_PASSWORD_HASH, "password-hash" },
    { PROP_ETHNICITY, "ethnicity" },
    { PROP_EMAIL, "email" },
    { PROP_ADDRESS, "address" },
    { PROP_POSTCODE, "postcode" },
    { PROP_WORK_UNIT, "work-unit" },
    { PROP_PHOTO_FILE_NAME, "photo-file-name" },
    { PROP_PHOTO_REPORT, "photo-report" },
  };

  object_class->dispose = bk_profile_dispose;
  object_class->finalize = bk_profile_finalize;
  object_class->constructed = bk_profile_constructed;
  object_class->get_property = bk_profile_get_property;
  object_class->set_property = bk_profile_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].prop] = g_param_spec_string (strings[i].name, NULL, NULL, "", rw);
  properties[PROP_ID_TYPE] = g_param_spec_enum ("id-type", NULL, NULL, BK_TYPE_ID_TYPE,
                                                BK_ID_TYPE_RESIDENT_ID, rw);
  properties[PROP_SEX] = g_param_spec_enum ("sex", NULL, NULL, BK_TYPE_SEX, BK_SEX_UNKNOWN, rw);
  properties[PROP_BIRTH_DATE] = g_param_spec_boxed ("birth-date", NULL, NULL, G_TYPE_DATE, rw);
  properties[PROP_DERIVED_FROM_ID] = g_param_spec_boolean ("derived-from-id", NULL, NULL, TRUE, ro);
  properties[PROP_SENIOR_TITLE] =
    g_param_spec_enum ("senior-title", NULL, NULL, BK_TYPE_SENIOR_TITLE, BK_SENIOR_TITLE_NONE, rw);
  properties[PROP_VERIFICATION_OFFICER_CERTIFICATE] =
    g_param_spec_boolean ("verification-officer-certificate", NULL, NULL, FALSE, rw);
  properties[PROP_PHOTO_ORIGINAL] = g_param_spec_boxed ("photo-original", NULL, NULL, G_TYPE_BYTES,
                                                        rw);
  properties[PROP_PHOTO_STANDARDISED] = g_param_spec_boxed ("photo-standardised", NULL, NULL,
                                                            G_TYPE_BYTES, rw);
  properties[PROP_PHOTO_ACCEPTED] = g_param_spec_boolean ("photo-accepted", NULL, NULL, FALSE, rw);
  properties[PROP_EDUCATION] = g_param_spec_object ("education", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_WORK] = g_param_spec_object ("work", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_COMPLETENESS] = g_param_spec_int ("completeness", NULL, NULL, 0, 100, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_profile_init (BkProfile *self)
{
  self->id_type = BK_ID_TYPE_RESIDENT_ID;
  self->derived_from_id = TRUE;
  g_date_clear (&self->birth_date, 1);
}

BkProfile *
bk_profile_new (void)
{
  return g_object_new (BK_TYPE_PROFILE, NULL);
}

BkProfile *
bk_profile_dup (BkProfile *self)
{
  BkProfile *copy;

  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  copy = g_object_new (BK_TYPE_PROFILE, "id", bk_record_get_id (BK_RECORD (self)), NULL);
  bk_record_copy_state (BK_RECORD (copy), BK_RECORD (self));
  for (guint i = 0; i < N_PROPS; i++)
    copy->strings[i] = g_strdup (self->strings[i]);
  copy->id_type = self->id_type;
  copy->sex = self->sex;
  copy->birth_date = self->birth_date;
  copy->derived_from_id = self->derived_from_id;
  copy->senior_title = self->senior_title;
  copy->verification_officer_certificate = self->verification_officer_certificate;
  if (self->photo_original != NULL)
    copy->photo_original = g_bytes_ref (self->photo_original);
  if (self->photo_standardised != NULL)
    copy->photo_standardised = g_bytes_ref (self->photo_standardised);
  copy->photo_accepted = self->photo_accepted;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->education)); i++)
    {
      g_autoptr (BkEducationEntry)
        entry = g_list_model_get_item (G_LIST_MODEL (self->education), i);
      g_autoptr (BkEducationEntry) dup = bk_education_entry_dup (entry);

      bk_profile_add_education (copy, dup);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->work)); i++)
    {
      g_autoptr (BkWorkEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->work), i);
      g_autoptr (BkWorkEntry) dup = bk_work_entry_dup (entry);

      bk_profile_add_work (copy, dup);
    }
  copy->completeness = self->completeness;
  return copy;
}

const char *
bk_profile_get_id (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return bk_record_get_id (BK_RECORD (self));
}

gint64
bk_profile_get_version (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), 0);

  return bk_record_get_version (BK_RECORD (self));
}

void
bk_profile_set_version (BkProfile *self, gint64 version)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  bk_record_set_version (BK_RECORD (self), version);
}

GDateTime *
bk_profile_get_created_at (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return bk_record_get_created_at (BK_RECORD (self));
}

void
bk_profile_set_created_at (BkProfile *self, GDateTime *created_at)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  bk_record_set_created_at (BK_RECORD (self), created_at);
}

GDateTime *
bk_profile_get_updated_at (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return bk_record_get_updated_at (BK_RECORD (self));
}

void
bk_profile_set_updated_at (BkProfile *self, GDateTime *updated_at)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  bk_record_set_updated_at (BK_RECORD (self), updated_at);
}

#define STRING_ACCESSORS(name, PROP)                                                               \
  const char *bk_profile_get_##name (BkProfile *self)                                              \
  {                                                                                                \
    g_return_val_if_fail (BK_IS_PROFILE (self), NULL);                                             \
    return get_string (self, PROP);                                                                \
  }                                                                                                \
  void bk_profile_set_##name (BkProfile *self, const char *value)                                  \
  {                                                                                                \
    g_return_if_fail (BK_IS_PROFILE (self));                                                       \
    set_string (self, PROP, value);                                                                \
  }

STRING_ACCESSORS (real_name, PROP_REAL_NAME)
STRING_ACCESSORS (mobile, PROP_MOBILE)
STRING_ACCESSORS (user_name, PROP_USER_NAME)
STRING_ACCESSORS (password_hash, PROP_PASSWORD_HASH)
STRING_ACCESSORS (ethnicity, PROP_ETHNICITY)
STRING_ACCESSORS (email, PROP_EMAIL)
STRING_ACCESSORS (address, PROP_ADDRESS)
STRING_ACCESSORS (postcode, PROP_POSTCODE)
STRING_ACCESSORS (work_unit, PROP_WORK_UNIT)

#undef STRING_ACCESSORS

BkIdType
bk_profile_get_id_type (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), 0);

  return self->id_type;
}

void
bk_profile_set_id_type (BkProfile *self, BkIdType id_type)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (id_type <= BK_ID_TYPE_MILITARY);

  if (self->id_type == id_type)
    return;
  self->id_type = id_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_TYPE]);
  update_derived (self);
  bk_profile_update_completeness (self);
}

const char *
bk_profile_get_id_number (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return get_string (self, PROP_ID_NUMBER);
}

void
bk_profile_set_id_number (BkProfile *self, const char *id_number)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (self, PROP_ID_NUMBER, id_number))
    {
      update_derived (self);
      bk_profile_update_completeness (self);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
bk_profile_check_password (BkProfile *self, const char *password)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), FALSE);

  return bk_password_verify (get_string (self, PROP_PASSWORD_HASH), password);
}

BkSex
bk_profile_get_sex (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), BK_SEX_UNKNOWN);

  return self->sex;
}

void
bk_profile_set_sex (BkProfile *self, BkSex sex)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (sex <= BK_SEX_FEMALE);

  if (self->derived_from_id)
    return;
  store_sex (self, sex);
  bk_profile_update_completeness (self);
}

const GDate *
bk_profile_get_birth_date (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return &self->birth_date;
}

void
bk_profile_set_birth_date (BkProfile *self, const GDate *birth_date)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  if (self->derived_from_id)
    return;
  store_birth_date (self, birth_date);
  bk_profile_update_completeness (self);
}

gboolean
bk_profile_get_derived_from_id (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), FALSE);

  return self->derived_from_id;
}

BkSeniorTitle
bk_profile_get_senior_title (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), BK_SENIOR_TITLE_NONE);

  return self->senior_title;
}

void
bk_profile_set_senior_title (BkProfile *self, BkSeniorTitle senior_title)
{
  g_return_if_fail (BK_IS_PROFILE (self));
  g_return_if_fail (senior_title <= BK_SENIOR_TITLE_OTHER);

  if (self->senior_title == senior_title)
    return;
  self->senior_title = senior_title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENIOR_TITLE]);
}

gboolean
bk_profile_get_verification_officer_certificate (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), FALSE);

  return self->verification_officer_certificate;
}

void
bk_profile_set_verification_officer_certificate (BkProfile *self, gboolean has)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  has = !!has;
  if (self->verification_officer_certificate == has)
    return;
  self->verification_officer_certificate = has;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFICATION_OFFICER_CERTIFICATE]);
}

GBytes *
bk_profile_get_photo_original (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return self->photo_original;
}

const char *
bk_profile_get_photo_file_name (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return get_string (self, PROP_PHOTO_FILE_NAME);
}

GBytes *
bk_profile_get_photo_standardised (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return self->photo_standardised;
}

gboolean
bk_profile_get_photo_accepted (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), FALSE);

  return self->photo_accepted;
}

const char *
bk_profile_get_photo_report (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return get_string (self, PROP_PHOTO_REPORT);
}

void
bk_profile_set_photo (BkProfile *self,
                      GBytes *original,
                      const char *file_name,
                      GBytes *standardised,
                      gboolean accepted,
                      const char *report_json)
{
  g_return_if_fail (BK_IS_PROFILE (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self, "photo-original", original, "photo-file-name", file_name,
                "photo-standardised", standardised, "photo-accepted", accepted, "photo-report",
                report_json, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

GListModel *
bk_profile_get_education (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->education);
}

GListModel *
bk_profile_get_work (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->work);
}

char *
bk_profile_get_masked_id_number (BkProfile *self)
{
  g_return_val_if_fail (BK_IS_PROFILE (self), NULL);

  return bk_profile_mask_id_number (get_string (self, PROP_ID_NUMBER));
}
