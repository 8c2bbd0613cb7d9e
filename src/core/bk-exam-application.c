/* bk-exam-application.c
 *
 * The state only moves through bk_application_state_can_transition(), and
 * the commitment only changes by the candidate's own call, so no page can
 * pre-tick it or skip a step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bk-clock.h"
#include "bk-core-error.h"
#include "bk-exam-application-private.h"
#include "bk-exam-application.h"
#include "bk-set.h"

struct _BkExamApplication
{
  BkRecord parent_instance;

  char *profile_id;
  char *session_id;
  guint level;
  BkExamMode mode;
  char *point_code;
  BkCommitment commitment;
  GDateTime *commitment_signed_at;
  BkApplicationState state;
  GDateTime *submitted_at;
  GListStore *proofs;
};

G_DEFINE_FINAL_TYPE (BkExamApplication, bk_exam_application, BK_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_PROFILE_ID,
  PROP_SESSION_ID,
  PROP_LEVEL,
  PROP_MODE,
  PROP_POINT_CODE,
  PROP_COMMITMENT,
  PROP_COMMITMENT_SIGNED_AT,
  PROP_STATE,
  PROP_SUBMITTED_AT,
  PROP_PROOFS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_date_time (BkExamApplication *self, GDateTime **slot, GDateTime *value, int prop)
{
  if (bk_set_date_time (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_state (BkExamApplication *self, BkApplicationState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_commitment (BkExamApplication *self, BkCommitment commitment)
{
  if (self->commitment == commitment)
    return;
  self->commitment = commitment;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITMENT]);
}

static void
bk_exam_application_dispose (GObject *object)
{
  BkExamApplication *self = BK_EXAM_APPLICATION (object);

  g_clear_object (&self->proofs);

  G_OBJECT_CLASS (bk_exam_application_parent_class)->dispose (object);
}

static void
bk_exam_application_finalize (GObject *object)
{
  BkExamApplication *self = BK_EXAM_APPLICATION (object);

  g_free (self->profile_id);
  g_free (self->session_id);
  g_free (self->point_code);
  g_clear_pointer (&self->commitment_signed_at, g_date_time_unref);
  g_clear_pointer (&self->submitted_at, g_date_time_unref);

  G_OBJECT_CLASS (bk_exam_application_parent_class)->finalize (object);
}

static void
bk_exam_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BkExamApplication *self = BK_EXAM_APPLICATION (object);

  switch (prop_id)
    {
      case PROP_PROFILE_ID:
        g_value_set_string (value, self->profile_id);
        break;
      case PROP_SESSION_ID:
        g_value_set_string (value, bk_exam_application_get_session_id (self));
        break;
      case PROP_LEVEL:
        g_value_set_uint (value, self->level);
        break;
      case PROP_MODE:
        g_value_set_enum (value, self->mode);
        break;
      case PROP_POINT_CODE:
        g_value_set_string (value, bk_exam_application_get_point_code (self));
        break;
      case PROP_COMMITMENT:
        g_value_set_enum (value, self->commitment);
        break;
      case PROP_COMMITMENT_SIGNED_AT:
        g_value_set_boxed (value, self->commitment_signed_at);
        break;
      case PROP_STATE:
        g_value_set_enum (value, self->state);
        break;
      case PROP_SUBMITTED_AT:
        g_value_set_boxed (value, self->submitted_at);
        break;
      case PROP_PROOFS:
        g_value_set_object (value, self->proofs);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_exam_application_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  BkExamApplication *self = BK_EXAM_APPLICATION (object);

  switch (prop_id)
    {
      case PROP_PROFILE_ID:
        g_free (self->profile_id);
        self->profile_id = g_value_dup_string (value);
        break;
      case PROP_SESSION_ID:
        bk_exam_application_set_session_id (self, g_value_get_string (value));
        break;
      case PROP_LEVEL:
        bk_exam_application_set_level (self, g_value_get_uint (value));
        break;
      case PROP_MODE:
        bk_exam_application_set_mode (self, g_value_get_enum (value));
        break;
      case PROP_POINT_CODE:
        bk_exam_application_set_point_code (self, g_value_get_string (value));
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_exam_application_class_init (BkExamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bk_exam_application_dispose;
  object_class->finalize = bk_exam_application_finalize;
  object_class->get_property = bk_exam_application_get_property;
  object_class->set_property = bk_exam_application_set_property;

  properties[PROP_PROFILE_ID] = g_param_spec_string ("profile-id", NULL, NULL, NULL, construct);
  properties[PROP_SESSION_ID] = g_param_spec_string ("session-id", NULL, NULL, "", rw);
  properties[PROP_LEVEL] = g_param_spec_uint ("level", NULL, NULL, 1, 2, 2, rw);
  properties[PROP_MODE] = g_param_spec_enum ("mode", NULL, NULL, BK_TYPE_EXAM_MODE,
                                             BK_EXAM_MODE_ALL, rw);
  properties[PROP_POINT_CODE] = g_param_spec_string ("point-code", NULL, NULL, "", rw);
  properties[PROP_COMMITMENT] = g_param_spec_enum ("commitment", NULL, NULL, BK_TYPE_COMMITMENT,
                                                   BK_COMMITMENT_UNSET, ro);
  properties[PROP_COMMITMENT_SIGNED_AT] = g_param_spec_boxed ("commitment-signed-at", NULL, NULL,
                                                              G_TYPE_DATE_TIME, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, BK_TYPE_APPLICATION_STATE,
                                              BK_APPLICATION_STATE_DRAFT, ro);
  properties[PROP_SUBMITTED_AT] = g_param_spec_boxed ("submitted-at", NULL, NULL, G_TYPE_DATE_TIME,
                                                      ro);
  properties[PROP_PROOFS] = g_param_spec_object ("proofs", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_exam_application_init (BkExamApplication *self)
{
  self->level = 2;
  self->proofs = g_list_store_new (BK_TYPE_PROOF_ENTRY);
}

BkExamApplication *
bk_exam_application_new (const char *profile_id,
                         const char *session_id,
                         guint level,
                         BkExamMode mode)
{
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (level == 1 || level == 2, NULL);

  return g_object_new (BK_TYPE_EXAM_APPLICATION, "profile-id", profile_id, "session-id", session_id,
                       "level", level, "mode", mode, NULL);
}

BkExamApplication *
bk_exam_application_dup (BkExamApplication *self)
{
  BkExamApplication *copy;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  copy = g_object_new (BK_TYPE_EXAM_APPLICATION, "id", bk_record_get_id (BK_RECORD (self)),
                       "profile-id", self->profile_id, "session-id", self->session_id, "level",
                       self->level, "mode", self->mode, "point-code", self->point_code, NULL);
  bk_record_copy_state (BK_RECORD (copy), BK_RECORD (self));
  bk_exam_application_restore (copy, self->commitment, self->commitment_signed_at, self->state,
                               self->submitted_at);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->proofs)); i++)
    {
      g_autoptr (BkProofEntry) proof = g_list_model_get_item (G_LIST_MODEL (self->proofs), i);
      g_autoptr (BkProofEntry) dup = bk_proof_entry_dup (proof);

      g_list_store_append (copy->proofs, dup);
    }
  return copy;
}

const char *
bk_exam_application_get_id (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return bk_record_get_id (BK_RECORD (self));
}

gint64
bk_exam_application_get_version (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), 0);

  return bk_record_get_version (BK_RECORD (self));
}

void
bk_exam_application_set_version (BkExamApplication *self, gint64 version)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));

  bk_record_set_version (BK_RECORD (self), version);
}

GDateTime *
bk_exam_application_get_created_at (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return bk_record_get_created_at (BK_RECORD (self));
}

void
bk_exam_application_set_created_at (BkExamApplication *self, GDateTime *created_at)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));

  bk_record_set_created_at (BK_RECORD (self), created_at);
}

GDateTime *
bk_exam_application_get_updated_at (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return bk_record_get_updated_at (BK_RECORD (self));
}

void
bk_exam_application_set_updated_at (BkExamApplication *self, GDateTime *updated_at)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));

  bk_record_set_updated_at (BK_RECORD (self), updated_at);
}

const char *
bk_exam_application_get_profile_id (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return self->profile_id;
}

const char *
bk_exam_application_get_session_id (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return self->session_id != NULL ? self->session_id : "";
}

void
bk_exam_application_set_session_id (BkExamApplication *self, const char *session_id)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));

  if (bk_set_str (&self->session_id, session_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

guint
bk_exam_application_get_level (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), 0);

  return self->level;
}

void
bk_exam_application_set_level (BkExamApplication *self, guint level)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (level == 1 || level == 2);

  if (self->level == level)
    return;
  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

BkExamMode
bk_exam_application_get_mode (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), BK_EXAM_MODE_ALL);

  return self->mode;
}

void
bk_exam_application_set_mode (BkExamApplication *self, BkExamMode mode)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (mode <= BK_EXAM_MODE_EXEMPT);

  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
bk_exam_application_get_point_code (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return self->point_code != NULL ? self->point_code : "";
}

void
bk_exam_application_set_point_code (BkExamApplication *self, const char *point_code)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));

  if (bk_set_str (&self->point_code, point_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINT_CODE]);
}

BkCommitment
bk_exam_application_get_commitment (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), BK_COMMITMENT_UNSET);

  return self->commitment;
}

GDateTime *
bk_exam_application_get_commitment_signed_at (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return self->commitment_signed_at;
}

BkApplicationState
bk_exam_application_get_state (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), BK_APPLICATION_STATE_DRAFT);

  return self->state;
}

GDateTime *
bk_exam_application_get_submitted_at (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return self->submitted_at;
}

gboolean
bk_exam_application_sign_commitment (BkExamApplication *self,
                                     BkCommitment commitment,
                                     GError **error)
{
  g_autoptr (GDateTime) now = NULL;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), FALSE);
  g_return_val_if_fail (commitment <= BK_COMMITMENT_NO, FALSE);

  if (!bk_application_state_is_editable (self->state))
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("The application has been submitted; the commitment can no longer "
                              "be changed here. Ask your registration point."));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_commitment (self, commitment);
  /* Only a signature has a time; declining or withdrawing clears it. */
  if (commitment == BK_COMMITMENT_YES)
    now = bk_clock_get_now ();
  set_date_time (self, &self->commitment_signed_at, now, PROP_COMMITMENT_SIGNED_AT);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

gboolean
bk_exam_application_transition (BkExamApplication *self, BkApplicationState to, GError **error)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), FALSE);
  g_return_val_if_fail (to <= BK_APPLICATION_STATE_LAST, FALSE);

  /* Submitting has checks of its own (window, eligibility, profile), in
   * bk_submission_submit(); no other way leads there. */
  if (to == BK_APPLICATION_STATE_SUBMITTED && self->state == BK_APPLICATION_STATE_DRAFT)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("An application is submitted only through Review and submit, "
                              "which checks the registration window and your eligibility."));
      return FALSE;
    }
  if (!bk_application_state_can_transition (self->state, to, self->commitment))
    {
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   /* TRANSLATORS: both are state names, e.g. "Draft" and "Confirmed" */
                   _ ("An application cannot go from “%s” to “%s”; follow the steps in order."),
                   bk_application_state_get_display_name (self->state),
                   bk_application_state_get_display_name (to));
      return FALSE;
    }

  set_state (self, to);
  return TRUE;
}

void
bk_exam_application_mark_submitted (BkExamApplication *self, GDateTime *now)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (now != NULL);
  g_return_if_fail (bk_application_state_can_transition (
    self->state, BK_APPLICATION_STATE_SUBMITTED, self->commitment));

  g_object_freeze_notify (G_OBJECT (self));
  set_date_time (self, &self->submitted_at, now, PROP_SUBMITTED_AT);
  set_state (self, BK_APPLICATION_STATE_SUBMITTED);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
bk_exam_application_check_submittable (BkExamApplication *self, BkProfile *profile, GError **error)
{
  g_autoptr (GPtrArray) missing = NULL;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), FALSE);
  g_return_val_if_fail (BK_IS_PROFILE (profile), FALSE);

  if (self->state != BK_APPLICATION_STATE_DRAFT)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("This application has already been submitted."));
      return FALSE;
    }
  if (bk_profile_get_completeness (profile, &missing) < 100)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      /* TRANSLATORS: list separator between missing items */
      list = g_strjoinv (_ (", "), (char **) missing->pdata);
      g_set_error (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                   /* TRANSLATORS: %s lists what is missing, e.g. "Postcode, Ethnicity" */
                   _ ("The profile must be complete before applying. Still missing: %s."), list);
      return FALSE;
    }
  if (self->session_id == NULL || *self->session_id == '\0')
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("Choose the exam session you apply for."));
      return FALSE;
    }
  if (self->point_code == NULL || *self->point_code == '\0')
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("Choose a registration or verification point."));
      return FALSE;
    }
  if (self->commitment == BK_COMMITMENT_UNSET)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("Read the commitment and choose whether to sign it; no one can "
                              "decide this for you."));
      return FALSE;
    }
  if (self->commitment == BK_COMMITMENT_NO &&
      g_list_model_get_n_items (G_LIST_MODEL (self->proofs)) == 0)
    {
      g_set_error_literal (error, BK_CORE_ERROR, BK_CORE_ERROR_INVALID_DATA,
                           _ ("Without the commitment, upload proofs such as a work certificate "
                              "before submitting."));
      return FALSE;
    }

  return TRUE;
}

void
bk_exam_application_restore (BkExamApplication *self,
                             BkCommitment commitment,
                             GDateTime *commitment_signed_at,
                             BkApplicationState state,
                             GDateTime *submitted_at)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (commitment <= BK_COMMITMENT_NO);
  g_return_if_fail (state <= BK_APPLICATION_STATE_LAST);

  g_object_freeze_notify (G_OBJECT (self));
  set_commitment (self, commitment);
  set_date_time (self, &self->commitment_signed_at, commitment_signed_at,
                 PROP_COMMITMENT_SIGNED_AT);
  set_state (self, state);
  set_date_time (self, &self->submitted_at, submitted_at, PROP_SUBMITTED_AT);
  g_object_thaw_notify (G_OBJECT (self));
}

GListModel *
bk_exam_application_get_proofs (BkExamApplication *self)
{
  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->proofs);
}

void
bk_exam_application_add_proof (BkExamApplication *self, BkProofEntry *proof)
{
  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (BK_IS_PROOF_ENTRY (proof));
  g_return_if_fail (!g_list_store_find (self->proofs, proof, NULL));

  g_list_store_append (self->proofs, proof);
}

void
bk_exam_application_remove_proof (BkExamApplication *self, BkProofEntry *proof)
{
  guint position;

  g_return_if_fail (BK_IS_EXAM_APPLICATION (self));
  g_return_if_fail (BK_IS_PROOF_ENTRY (proof));

  if (g_list_store_find (self->proofs, proof, &position))
    g_list_store_remove (self->proofs, position);
}

static void
add_date_time (JsonBuilder *builder, const char *member, GDateTime *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    {
      /* UTC, so the same instant always reads the same. */
      g_autoptr (GDateTime) utc = g_date_time_to_utc (value);
      g_autofree char *text = g_date_time_format_iso8601 (utc);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

char *
bk_exam_application_to_json (BkExamApplication *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (BK_IS_EXAM_APPLICATION (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, bk_record_get_id (BK_RECORD (self)));
  json_builder_set_member_name (builder, "profile_id");
  json_builder_add_string_value (builder, self->profile_id);
  json_builder_set_member_name (builder, "session_id");
  json_builder_add_string_value (builder, bk_exam_application_get_session_id (self));
  json_builder_set_member_name (builder, "level");
  json_builder_add_int_value (builder, self->level);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, bk_exam_mode_to_nick (self->mode));
  json_builder_set_member_name (builder, "point_code");
  json_builder_add_string_value (builder, bk_exam_application_get_point_code (self));
  json_builder_set_member_name (builder, "commitment");
  json_builder_add_string_value (builder, bk_commitment_to_nick (self->commitment));
  add_date_time (builder, "commitment_signed_at", self->commitment_signed_at);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, bk_application_state_to_nick (self->state));
  add_date_time (builder, "submitted_at", self->submitted_at);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}
