/* bk-profile-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-profile-summary.h"

struct _BkProfileSummary
{
  GObject parent_instance;

  char *id;
  char *real_name;
  char *masked_id_number;
  char *user_name;
  GDateTime *updated_at;
  int completeness;
};

G_DEFINE_FINAL_TYPE (BkProfileSummary, bk_profile_summary, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REAL_NAME,
  PROP_MASKED_ID_NUMBER,
  PROP_USER_NAME,
  PROP_UPDATED_AT,
  PROP_COMPLETENESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bk_profile_summary_finalize (GObject *object)
{
  BkProfileSummary *self = BK_PROFILE_SUMMARY (object);

  g_free (self->id);
  g_free (self->real_name);
  g_free (self->masked_id_number);
  g_free (self->user_name);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (bk_profile_summary_parent_class)->finalize (object);
}

static void
bk_profile_summary_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkProfileSummary *self = BK_PROFILE_SUMMARY (object);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, self->id);
        break;
      case PROP_REAL_NAME:
        g_value_set_string (value, self->real_name);
        break;
      case PROP_MASKED_ID_NUMBER:
        g_value_set_string (value, self->masked_id_number);
        break;
      case PROP_USER_NAME:
        g_value_set_string (value, self->user_name);
        break;
      case PROP_UPDATED_AT:
        g_value_set_boxed (value, self->updated_at);
        break;
      case PROP_COMPLETENESS:
        g_value_set_int (value, self->completeness);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_profile_summary_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  BkProfileSummary *self = BK_PROFILE_SUMMARY (object);

  switch (prop_id)
    {
      case PROP_ID:
        self->id = g_value_dup_string (value);
        break;
      case PROP_REAL_NAME:
        self->real_name = g_value_dup_string (value);
        break;
      case PROP_MASKED_ID_NUMBER:
        self->masked_id_number = g_value_dup_string (value);
        break;
      case PROP_USER_NAME:
        self->user_name = g_value_dup_string (value);
        break;
      case PROP_UPDATED_AT:
        self->updated_at = g_value_dup_boxed (value);
        break;
      case PROP_COMPLETENESS:
        self->completeness = g_value_get_int (value);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_profile_summary_class_init (BkProfileSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_profile_summary_finalize;
  object_class->get_property = bk_profile_summary_get_property;
  object_class->set_property = bk_profile_summary_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_REAL_NAME] = g_param_spec_string ("real-name", NULL, NULL, NULL, flags);
  properties[PROP_MASKED_ID_NUMBER] = g_param_spec_string ("masked-id-number", NULL, NULL, NULL,
                                                           flags);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                                                    flags);
  properties[PROP_COMPLETENESS] = g_param_spec_int ("completeness", NULL, NULL, 0, 100, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_profile_summary_init (BkProfileSummary *self)
{
}

BkProfileSummary *
bk_profile_summary_new (const char *id,
                        const char *real_name,
                        const char *masked_id_number,
                        const char *user_name,
                        GDateTime *updated_at,
                        int completeness)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (BK_TYPE_PROFILE_SUMMARY, "id", id, "real-name", real_name,
                       "masked-id-number", masked_id_number, "user-name", user_name, "updated-at",
                       updated_at, "completeness", CLAMP (completeness, 0, 100), NULL);
}

const char *
bk_profile_summary_get_id (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), NULL);

  return self->id;
}

const char *
bk_profile_summary_get_real_name (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), NULL);

  return self->real_name;
}

const char *
bk_profile_summary_get_masked_id_number (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), NULL);

  return self->masked_id_number;
}

const char *
bk_profile_summary_get_user_name (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), NULL);

  return self->user_name;
}

GDateTime *
bk_profile_summary_get_updated_at (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), NULL);

  return self->updated_at;
}

int
bk_profile_summary_get_completeness (BkProfileSummary *self)
{
  g_return_val_if_fail (BK_IS_PROFILE_SUMMARY (self), 0);

  return self->completeness;
}
