/* bk-server-workflow-store.c
 *
 * Why a sweep and not a check inside the push's transaction: the push's
 * storage code (bk-server-store-changes.c, on either engine) stays
 * the sync protocol's alone, and the check needs the session files, core's
 * rules and the candidate's other records. The sweep is idempotent (a
 * compare-and-swap on the application's version), so running it after
 * every push, at start and before a staff list is safe with any number of
 * server processes, and a crash between a push and its check only delays
 * the check to the next sweep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-core-error.h"
#include "bk-dates.h"
#include "bk-server-error.h"
#include "bk-server-log.h"
#include "bk-server-workflow-profile.h"
#include "bk-server-workflow-store.h"

BkExamSession *
bk_server_workflow_find_session (BkServerDatabase *database, const char *id, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  BkExamSession *session;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), NULL);

  if (id == NULL)
    return NULL;
  data = bk_server_database_get_document (database, "session", id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (data != NULL)
    return bk_exam_session_new_from_data (data, -1, id, error);
  session = bk_exam_session_load (id, &local_error);
  if (session == NULL && !g_error_matches (local_error, BK_CORE_ERROR, BK_CORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return session;
}

JsonObject *
bk_server_workflow_parse (const BkServerEntity *application)
{
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (application != NULL, NULL);

  if (application->payload != NULL)
    node = json_from_string (application->payload, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* The sum of the versions of every proof pushed for the application,
 * deleted ones included: it grows with each proof inserted or changed. */
static gboolean
proof_mark (BkServerDatabase *database,
            const BkServerEntity *application,
            gint64 *mark,
            GError **error)
{
  BkServerEntityFilter filter = {
    .type = "proof",
    .owner_id = application->owner_id,
    .parent_id = application->id,
  };
  g_autoptr (GPtrArray) proofs = bk_server_database_list_entities (database, &filter, error);

  if (proofs == NULL)
    return FALSE;
  *mark = 0;
  for (guint i = 0; i < proofs->len; i++)
    {
      const BkServerEntity *proof = proofs->pdata[i];
      g_autoptr (JsonNode) node = json_from_string (proof->payload, NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (bk_server_workflow_get_string (json_node_get_object (node), "application_id"),
                     application->id) == 0)
        *mark += proof->version;
    }
  return TRUE;
}

/* The candidate's line in the exam-integrity file, by ID number. */
static gboolean
integrity_record (BkServerDatabase *database, BkServerWorkflowFacts *facts, GError **error)
{
  g_autofree char *id_number = g_ascii_strup (bk_profile_get_id_number (facts->profile), -1);
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonNode) node = NULL;

  if (*id_number == '\0')
    return TRUE;
  data = bk_server_database_get_document (database, "integrity", id_number, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (data != NULL)
    node = json_from_string (data, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      bk_server_workflow_get_string (json_node_get_object (node), "recorded_until") != NULL &&
      !bk_dates_parse (
        bk_server_workflow_get_string (json_node_get_object (node), "recorded_until"),
        &facts->integrity_until))
    g_date_clear (&facts->integrity_until, 1);
  return TRUE;
}

static gboolean
rebuild_profile (BkServerDatabase *database,
                 JsonObject *payload,
                 BkServerWorkflowFacts *facts,
                 GError **error)
{
  const char *profile_id = bk_server_workflow_get_string (payload, "profile_id");
  g_autoptr (BkServerEntity) profile = NULL;
  g_autoptr (GPtrArray)
    records = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_server_entity_free);
  static const char *const kinds[] = { "education", "work_period", "photo" };
  g_autoptr (GError) local_error = NULL;

  if (profile_id == NULL)
    return TRUE;
  profile = bk_server_database_get_entity (database, "profile", profile_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (profile == NULL || profile->deleted)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      /* That profile's records only: an account may hold many profiles. */
      BkServerEntityFilter filter = {
        .type = kinds[i],
        .owner_id = profile->owner_id,
        .parent_id = profile->id,
      };
      g_autoptr (GPtrArray) some = bk_server_database_list_entities (database, &filter, error);

      if (some == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (records, g_steal_pointer (&some));
    }
  facts->profile = bk_server_workflow_profile_rebuild (profile, records);
  return facts->profile == NULL || integrity_record (database, facts, error);
}

gboolean
bk_server_workflow_gather (BkServerDatabase *database,
                           const BkServerLimits *limits,
                           const BkServerEntity *application,
                           JsonObject *payload,
                           gboolean with_profile,
                           BkServerWorkflowFacts *facts,
                           GError **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), FALSE);
  g_return_val_if_fail (limits != NULL && application != NULL && facts != NULL, FALSE);

  *facts = (BkServerWorkflowFacts){ 0 };
  g_date_clear (&facts->integrity_until, 1);
  facts->spot_check_rate = limits->spot_check_rate;
  facts->spot_check_seed = limits->spot_check_seed;
  facts->submitted_at = application->updated_at;
  facts->session = bk_server_workflow_find_session (database, application->session_id,
                                                    &local_error);
  if (local_error != NULL)
    {
      /* A stored session core no longer reads: nothing moves until it is
       * replaced, and the log says so. */
      bk_server_log (4, "the session %s cannot be read: %s", application->session_id,
                     local_error->message);
      g_clear_error (&local_error);
    }
  if (!proof_mark (database, application, &facts->proof_mark, error))
    return FALSE;
  return !with_profile || rebuild_profile (database, payload, facts, error);
}

void
bk_server_workflow_facts_clear (BkServerWorkflowFacts *facts)
{
  g_clear_object (&facts->session);
  g_clear_object (&facts->profile);
}

gboolean
bk_server_workflow_commit (BkServerDatabase *database,
                           const BkServerEntity *application,
                           JsonObject *payload,
                           gint64 now,
                           const BkServerAuditEntry *audit,
                           GError **error)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), payload);
  g_autofree char *text = json_to_string (node, FALSE);
  BkServerEntityWrite write = {
    .type = application->type,
    .id = application->id,
    .base_version = application->version,
    .payload = text,
  };

  return bk_server_database_write_entities (database, &write, 1, now, audit, error);
}

static void
unref_session (gpointer session)
{
  if (session != NULL)
    g_object_unref (session);
}

/* The earliest close of a confirmation or payment window still to come,
 * among the sessions of the applications this process's sweeps looked
 * at: when the lapse timer (bk-server-lapse-timer.c) sweeps next.
 * G_MAXINT64 when none is known. */
static GMutex next_close_lock;
static gint64 next_close = G_MAXINT64;

/* Notes @session's closes after @now. */
static void
note_closes (BkExamSession *session, gint64 now)
{
  static const char *const steps[] = { "confirmation", "payment" };

  for (guint i = 0; session != NULL && i < G_N_ELEMENTS (steps); i++)
    {
      const BkExamWindow *window = bk_exam_session_get_window (session, steps[i]);
      gint64 end;

      if (window == NULL || window->end == NULL || (end = g_date_time_to_unix (window->end)) <= now)
        continue;
      g_mutex_lock (&next_close_lock);
      next_close = MIN (next_close, end);
      g_mutex_unlock (&next_close_lock);
    }
}

gboolean
bk_server_workflow_take_closed (gint64 now)
{
  gboolean closed;

  g_mutex_lock (&next_close_lock);
  /* A window is closed from its end on (bk_exam_window_contains()). */
  closed = now >= next_close;
  if (closed)
    next_close = G_MAXINT64;
  g_mutex_unlock (&next_close_lock);
  return closed;
}

/* @id's session (NULL when unknown or unreadable), read once per sweep. */
static BkExamSession *
session_of (BkServerDatabase *database, GHashTable *sessions, const char *id, gint64 now)
{
  BkExamSession *session;

  if (id == NULL)
    return NULL;
  if (!g_hash_table_lookup_extended (sessions, id, NULL, (gpointer *) &session))
    {
      session = bk_server_workflow_find_session (database, id, NULL);
      g_hash_table_insert (sessions, g_strdup (id), session);
      note_closes (session, now);
    }
  return session;
}

gboolean
bk_server_workflow_sweep (BkServerDatabase *database,
                          const BkServerLimits *limits,
                          const char *owner_id,
                          const char *session_id,
                          const char *point_code,
                          gint64 now,
                          GError **error)
{
  /* Those the server checks, and those whose candidate owes a step
   * (bk_server_workflow_lapse_missed()). */
  static const char *const waiting[] = {
    "submitted",
    "automatic-check-failed",
    "spot-check-failed",
    "proofs-submitted",
    "automatic-check-passed",
    "manual-check-passed",
    "spot-check-passed",
    "confirmed",
    NULL,
  };
  g_autoptr (GHashTable)
    sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_session);
  BkServerEntityFilter filter = {
    .type = "application",
    .owner_id = owner_id,
    .session_id = session_id,
    .point_code = point_code,
    .states = waiting,
  };
  g_autoptr (GPtrArray) applications = NULL;

  g_return_val_if_fail (BK_IS_SERVER_DATABASE (database), FALSE);
  g_return_val_if_fail (limits != NULL, FALSE);

  applications = bk_server_database_list_entities (database, &filter, error);
  if (applications == NULL)
    return FALSE;
  for (guint i = 0; i < applications->len; i++)
    {
      const BkServerEntity *application = applications->pdata[i];
      g_autoptr (JsonObject) payload = bk_server_workflow_parse (application);
      g_autoptr (GString) detail = g_string_new (NULL);
      g_autoptr (GError) local_error = NULL;
      BkServerWorkflowFacts facts;
      BkExamSession *session;
      gboolean moved;
      BkServerAuditEntry audit = {
        .at = now,
        .address = "server",
        .method = "-",
        .path = application->id,
        .action = "workflow",
        .allowed = TRUE,
        .status = 200,
      };

      if (payload == NULL)
        continue;
      /* Read here for every application, so that its windows' closes
       * are noted whatever moves now. */
      session = session_of (database, sessions, application->session_id, now);
      if (!bk_server_workflow_needs_advance (payload))
        moved = bk_server_workflow_lapse_missed (payload, session, now, detail);
      else
        {
          if (!bk_server_workflow_gather (database, limits, application, payload,
                                          bk_server_workflow_get_state (payload) ==
                                            BK_APPLICATION_STATE_SUBMITTED,
                                          &facts, error))
            return FALSE;
          moved = bk_server_workflow_advance (payload, &facts, now, detail);
          bk_server_workflow_facts_clear (&facts);
        }
      if (!moved)
        continue;
      audit.detail = detail->str;
      if (!bk_server_workflow_commit (database, application, payload, now, &audit, &local_error))
        {
          /* Moved by someone else meanwhile: their sweep did the work. */
          if (g_error_matches (local_error, BK_SERVER_ERROR, BK_SERVER_ERROR_CONFLICT))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}
