/* bk-proof-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-proof-entry.h"
#include "bk-set.h"

struct _BkProofEntry
{
  BkRecord parent_instance;

  char *kind;
  char *file_name;
  GBytes *bytes;
};

G_DEFINE_FINAL_TYPE (BkProofEntry, bk_proof_entry, BK_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_FILE_NAME,
  PROP_BYTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *kind;
  const char *name;
} kinds[] = {
  { BK_PROOF_KIND_WORK_CERTIFICATE, N_ ("Work certificate") },
  { BK_PROOF_KIND_EDUCATION_CERTIFICATE, N_ ("Education or degree certificate") },
  { BK_PROOF_KIND_TITLE_CERTIFICATE, N_ ("Senior title certificate") },
  { BK_PROOF_KIND_VERIFICATION_OFFICER_CERTIFICATE, N_ ("Verification officer certificate") },
  { BK_PROOF_KIND_OTHER, N_ ("Other proof") },
};

static void
bk_proof_entry_finalize (GObject *object)
{
  BkProofEntry *self = BK_PROOF_ENTRY (object);

  g_free (self->kind);
  g_free (self->file_name);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (bk_proof_entry_parent_class)->finalize (object);
}

static void
bk_proof_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkProofEntry *self = BK_PROOF_ENTRY (object);

  switch (prop_id)
    {
      case PROP_KIND:
        g_value_set_string (value, bk_proof_entry_get_kind (self));
        break;
      case PROP_FILE_NAME:
        g_value_set_string (value, bk_proof_entry_get_file_name (self));
        break;
      case PROP_BYTES:
        g_value_set_boxed (value, self->bytes);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_proof_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  BkProofEntry *self = BK_PROOF_ENTRY (object);

  switch (prop_id)
    {
      case PROP_KIND:
        bk_proof_entry_set_kind (self, g_value_get_string (value));
        break;
      case PROP_FILE_NAME:
        bk_proof_entry_set_file_name (self, g_value_get_string (value));
        break;
      case PROP_BYTES:
        bk_proof_entry_set_bytes (self, g_value_get_boxed (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_proof_entry_class_init (BkProofEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bk_proof_entry_finalize;
  object_class->get_property = bk_proof_entry_get_property;
  object_class->set_property = bk_proof_entry_set_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, rw);
  properties[PROP_BYTES] = g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_proof_entry_init (BkProofEntry *self)
{
}

BkProofEntry *
bk_proof_entry_new (const char *kind, const char *file_name, GBytes *bytes)
{
  return g_object_new (BK_TYPE_PROOF_ENTRY, "kind", kind, "file-name", file_name, "bytes", bytes,
                       NULL);
}

BkProofEntry *
bk_proof_entry_dup (BkProofEntry *self)
{
  BkProofEntry *copy;

  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  copy = g_object_new (BK_TYPE_PROOF_ENTRY, "id", bk_record_get_id (BK_RECORD (self)), "kind",
                       self->kind, "file-name", self->file_name, "bytes", self->bytes, NULL);
  bk_record_copy_state (BK_RECORD (copy), BK_RECORD (self));
  return copy;
}

const char *
bk_proof_entry_get_id (BkProofEntry *self)
{
  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  return bk_record_get_id (BK_RECORD (self));
}

gint64
bk_proof_entry_get_version (BkProofEntry *self)
{
  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), 0);

  return bk_record_get_version (BK_RECORD (self));
}

void
bk_proof_entry_set_version (BkProofEntry *self, gint64 version)
{
  g_return_if_fail (BK_IS_PROOF_ENTRY (self));

  bk_record_set_version (BK_RECORD (self), version);
}

const char *
bk_proof_entry_get_kind (BkProofEntry *self)
{
  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  return self->kind != NULL ? self->kind : BK_PROOF_KIND_OTHER;
}

void
bk_proof_entry_set_kind (BkProofEntry *self, const char *kind)
{
  g_return_if_fail (BK_IS_PROOF_ENTRY (self));

  if (bk_set_str (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
bk_proof_entry_get_file_name (BkProofEntry *self)
{
  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  return self->file_name != NULL ? self->file_name : "";
}

void
bk_proof_entry_set_file_name (BkProofEntry *self, const char *file_name)
{
  g_return_if_fail (BK_IS_PROOF_ENTRY (self));

  if (bk_set_str (&self->file_name, file_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

GBytes *
bk_proof_entry_get_bytes (BkProofEntry *self)
{
  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  return self->bytes;
}

void
bk_proof_entry_set_bytes (BkProofEntry *self, GBytes *bytes)
{
  g_return_if_fail (BK_IS_PROOF_ENTRY (self));

  if (self->bytes == bytes ||
      (self->bytes != NULL && bytes != NULL && g_bytes_equal (self->bytes, bytes)))
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  if (bytes != NULL)
    self->bytes = g_bytes_ref (bytes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BYTES]);
}

const char *
bk_proof_kind_get_display_name (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return _ (kinds[i].name);
  return kind;
}

char *
bk_proof_entry_to_json (BkProofEntry *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (BK_IS_PROOF_ENTRY (self), NULL);

  if (self->bytes != NULL)
    sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bk_record_get_id (BK_RECORD (self)));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, bk_proof_entry_get_kind (self));
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, bk_proof_entry_get_file_name (self));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, self->bytes != NULL ? g_bytes_get_size (self->bytes) : 0);
  json_builder_set_member_name (builder, "sha256");
  if (sha256 != NULL)
    json_builder_add_string_value (builder, sha256);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
