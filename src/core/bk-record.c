/* bk-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-record.h"
#include "bk-set.h"

typedef struct
{
  char *id;
  gint64 version;
  GDateTime *created_at;
  GDateTime *updated_at;
} BkRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BkRecord, bk_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_date_time (BkRecord *self, GDateTime **slot, GDateTime *value, int prop)
{
  if (bk_set_date_time (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
bk_record_finalize (GObject *object)
{
  BkRecord *self = BK_RECORD (object);
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_free (priv->id);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (bk_record_parent_class)->finalize (object);
}

static void
bk_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkRecord *self = BK_RECORD (object);
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  switch (prop_id)
    {
      case PROP_ID:
        g_value_set_string (value, priv->id);
        break;
      case PROP_VERSION:
        g_value_set_int64 (value, priv->version);
        break;
      case PROP_CREATED_AT:
        g_value_set_boxed (value, priv->created_at);
        break;
      case PROP_UPDATED_AT:
        g_value_set_boxed (value, priv->updated_at);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkRecord *self = BK_RECORD (object);
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  switch (prop_id)
    {
      case PROP_ID:
        g_free (priv->id);
        priv->id = g_value_dup_string (value);
        if (priv->id == NULL)
          priv->id = g_uuid_string_random ();
        break;
      case PROP_VERSION:
        bk_record_set_version (self, g_value_get_int64 (value));
        break;
      case PROP_CREATED_AT:
        bk_record_set_created_at (self, g_value_get_boxed (value));
        break;
      case PROP_UPDATED_AT:
        bk_record_set_updated_at (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_record_class_init (BkRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_record_finalize;
  object_class->get_property = bk_record_get_property;
  object_class->set_property = bk_record_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_record_init (BkRecord *self)
{
}

const char *
bk_record_get_id (BkRecord *self)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_val_if_fail (BK_IS_RECORD (self), NULL);

  return priv->id;
}

gint64
bk_record_get_version (BkRecord *self)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_val_if_fail (BK_IS_RECORD (self), 0);

  return priv->version;
}

void
bk_record_set_version (BkRecord *self, gint64 version)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_if_fail (BK_IS_RECORD (self));

  if (priv->version == version)
    return;
  priv->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

GDateTime *
bk_record_get_created_at (BkRecord *self)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_val_if_fail (BK_IS_RECORD (self), NULL);

  return priv->created_at;
}

void
bk_record_set_created_at (BkRecord *self, GDateTime *created_at)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_if_fail (BK_IS_RECORD (self));

  set_date_time (self, &priv->created_at, created_at, PROP_CREATED_AT);
}

GDateTime *
bk_record_get_updated_at (BkRecord *self)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_val_if_fail (BK_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
bk_record_set_updated_at (BkRecord *self, GDateTime *updated_at)
{
  BkRecordPrivate *priv = bk_record_get_instance_private (self);

  g_return_if_fail (BK_IS_RECORD (self));

  set_date_time (self, &priv->updated_at, updated_at, PROP_UPDATED_AT);
}

void
bk_record_copy_state (BkRecord *self, BkRecord *from)
{
  g_return_if_fail (BK_IS_RECORD (self));
  g_return_if_fail (BK_IS_RECORD (from));

  bk_record_set_version (self, bk_record_get_version (from));
  bk_record_set_created_at (self, bk_record_get_created_at (from));
  bk_record_set_updated_at (self, bk_record_get_updated_at (from));
}
