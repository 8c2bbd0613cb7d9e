/* bk-server-store-group.c — the writes that commit in groups
 *
 * Pushes and the audit lines of other requests are the writes every
 * client makes all the time; each needs a durable commit before it is
 * answered, and writers are serialised (bk-server-store-changes.c). So
 * they go through a commit group (bk-server-commit-group.c): those that
 * arrive while a transaction commits are written together in the next
 * one, each in its own savepoint, so that one that fails (a reused
 * Idempotency-Key, say) leaves the others applied. The transaction runs
 * on the pool's writer connection, whose page cache no other writer
 * empties. When the transaction itself fails, nothing of it is applied and
 * every write in it fails.
 *
 * The audit line of an allowed read (a pull, a download) does not keep the
 * answer waiting for its commit: it is written in the next group, and a
 * failure is logged. Decisions, refusals and every write keep theirs in
 * the transaction that is committed before the answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-server-commit-group.h"
#include "bk-server-log.h"
#include "bk-server-store-audit.h"
#include "bk-server-store-changes.h"
#include "bk-server-store-group.h"

/* The most writes committed together: a group is whatever arrived while
 * the last one committed, so at most the number of requests in flight. */
#define MAX_WRITES_PER_COMMIT 64

struct _BkServerStoreGroup
{
  BkServerSql *sql;
  const BkServerStoreHooks *hooks;
  BkServerCommitGroup *group;
};

/* One write handed to the group: a push, or (changes NULL) an audit line. */
typedef struct
{
  const BkServerAccount *account;
  const char *idempotency_key;
  const char *request_hash;
  GPtrArray *changes;
  gint64 now;
  const BkServerAuditEntry *audit;
  BkServerPushAnswer *answer;
  GError *error;                  /* set when it was not written */
  BkServerAuditEntry owned_audit; /* an audit line handed over: its copy */
} Job;

static void write_jobs (gpointer *jobs, guint n_jobs, gpointer user_data);

BkServerStoreGroup *
bk_server_store_group_new (BkServerSql *sql, const BkServerStoreHooks *hooks)
{
  BkServerStoreGroup *self;

  g_return_val_if_fail (sql != NULL && hooks != NULL, NULL);

  self = g_new0 (BkServerStoreGroup, 1);
  self->sql = sql;
  self->hooks = hooks;
  self->group = bk_server_commit_group_new (MAX_WRITES_PER_COMMIT, write_jobs, self);
  return self;
}

void
bk_server_store_group_free (BkServerStoreGroup *self)
{
  if (self == NULL)
    return;
  bk_server_commit_group_free (self->group);
  g_free (self);
}

/* One job, inside the group's transaction. */
static gboolean
write_job (BkServerStoreGroup *self, BkServerSqlConnection *connection, Job *job, GError **error)
{
  g_autofree char *detail = NULL;
  BkServerAuditEntry entry;

  if (job->changes == NULL)
    return bk_server_store_audit_insert (connection, job->audit, error);

  if (!bk_server_store_changes_apply (connection, job->account, job->idempotency_key,
                                      job->request_hash, job->changes, job->now, job->answer,
                                      error))
    return FALSE;
  if (job->audit != NULL)
    {
      entry = *job->audit;
      bk_server_push_answer_audit (job->answer, job->changes->len, &entry, &detail);
      if (!bk_server_store_audit_insert (connection, &entry, error))
        return FALSE;
    }
  if (!job->answer->replayed && g_strcmp0 (self->hooks->delay_key, job->idempotency_key) == 0)
    g_usleep (self->hooks->delay_ms * (G_USEC_PER_SEC / 1000));
  return TRUE;
}

static void
fail_job (Job *job, const GError *error)
{
  if (job->error == NULL)
    job->error = g_error_copy (error);
  if (job->answer != NULL)
    bk_server_push_answer_clear (job->answer);
}

/* The audit lines alone of a group (of reads, refusals, sign-ins), in
 * one multi-row insert: on FALSE each of them has failed. */
static gboolean
write_lines (BkServerSqlConnection *connection, Job **lines, guint n_lines)
{
  g_autofree const BkServerAuditEntry **entries = g_new (const BkServerAuditEntry *, n_lines);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n_lines; i++)
    entries[i] = lines[i]->audit;
  if (bk_server_store_audit_insert_many (connection, entries, n_lines, &error))
    return TRUE;
  for (guint i = 0; i < n_lines; i++)
    fail_job (lines[i], error);
  return FALSE;
}

/* The group's transaction: the audit lines alone together, then each
 * push, each of these in its own savepoint (so that one that fails
 * leaves the others applied) unless it is the only one: then its
 * failure rolls the transaction back, as its savepoint would, and
 * PostgreSQL is spared two round trips under the write lock. */
static void
write_jobs (gpointer *jobs, guint n_jobs, gpointer user_data)
{
  BkServerStoreGroup *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree Job **lines = g_new (Job *, n_jobs);
  g_autofree Job **pushes = g_new (Job *, n_jobs);
  guint n_lines = 0, n_pushes = 0, n_parts;
  BkServerSqlConnection *connection = bk_server_sql_acquire_writer (self->sql, &error);
  gboolean open = connection != NULL && bk_server_sql_begin_write (connection, &error);

  for (guint i = 0; i < n_jobs; i++)
    {
      Job *job = jobs[i];

      if (job->changes == NULL)
        lines[n_lines++] = job;
      else
        pushes[n_pushes++] = job;
    }
  n_parts = (n_lines > 0 ? 1 : 0) + n_pushes;
  for (guint i = 0; open && i < n_parts; i++)
    {
      Job *job = n_lines > 0 ? (i > 0 ? pushes[i - 1] : NULL) : pushes[i];
      gboolean written;

      if (n_parts > 1 && !bk_server_sql_exec (connection, "SAVEPOINT job", &error))
        {
          open = FALSE;
          break;
        }
      if (job == NULL)
        written = write_lines (connection, lines, n_lines);
      else if (!(written = write_job (self, connection, job, &job->error)))
        fail_job (job, job->error);
      if (n_parts == 1)
        open = written;
      else
        open = bk_server_sql_exec (connection,
                                   written ? "RELEASE SAVEPOINT job"
                                           : "ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job",
                                   &error);
    }
  open = open && bk_server_sql_commit (connection, &error);
  for (guint i = 0; !open && i < n_jobs; i++)
    fail_job (jobs[i], error);
  bk_server_sql_release (self->sql, connection); /* rolls back what is left open */
}

static gboolean
run (BkServerStoreGroup *self, Job *job, GError **error)
{
  bk_server_commit_group_run (self->group, job);
  if (job->error != NULL)
    {
      g_propagate_error (error, job->error);
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_server_store_group_push (BkServerStoreGroup *self,
                            const BkServerAccount *account,
                            const char *idempotency_key,
                            const char *request_hash,
                            GPtrArray *changes,
                            gint64 now,
                            const BkServerAuditEntry *audit,
                            BkServerPushAnswer *answer,
                            GError **error)
{
  Job job = {
    .account = account,
    .idempotency_key = idempotency_key,
    .request_hash = request_hash,
    .changes = changes,
    .now = now,
    .audit = audit,
    .answer = answer,
  };

  g_return_val_if_fail (self != NULL && changes != NULL && answer != NULL, FALSE);

  /* The write lock is taken first (by the group's transaction), so two
   * retries of one request are serialised and the second finds the
   * first's stored answer, in the same group or a later one. */
  return run (self, &job, error);
}

gboolean
bk_server_store_group_audit (BkServerStoreGroup *self,
                             const BkServerAuditEntry *audit,
                             GError **error)
{
  Job job = { .audit = audit };

  g_return_val_if_fail (self != NULL && audit != NULL, FALSE);
  return run (self, &job, error);
}

static void
audit_job_free (Job *job)
{
  BkServerAuditEntry *entry = &job->owned_audit;

  if (job->error != NULL)
    bk_server_log (3, "the audit log could not be written: %s", job->error->message);
  g_clear_error (&job->error);
  g_free ((char *) entry->account_id);
  g_free ((char *) entry->address);
  g_free ((char *) entry->method);
  g_free ((char *) entry->path);
  g_free ((char *) entry->action);
  g_free ((char *) entry->detail);
  g_free (job);
}

void
bk_server_store_group_audit_later (BkServerStoreGroup *self, const BkServerAuditEntry *audit)
{
  Job *job;

  g_return_if_fail (self != NULL && audit != NULL);

  job = g_new0 (Job, 1);
  job->owned_audit = (BkServerAuditEntry){
    .at = audit->at,
    .account_id = g_strdup (audit->account_id),
    .address = g_strdup (audit->address),
    .method = g_strdup (audit->method),
    .path = g_strdup (audit->path),
    .action = g_strdup (audit->action),
    .allowed = audit->allowed,
    .status = audit->status,
    .detail = g_strdup (audit->detail),
  };
  job->audit = &job->owned_audit;
  bk_server_commit_group_hand_over (self->group, job, (GDestroyNotify) audit_job_free);
}
