/* bk-save-tracker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bk-save-tracker.h"

struct _BkSaveTracker
{
  BkStoreWorker *worker;

  /* "profile:<id>" → GQueue of waiting save tasks: a second save of the
   * same record starts when the first has finished, from a fresh
   * snapshot. */
  GHashTable *saving;
};

/* One save in flight: the outer task's data. */
typedef struct
{
  BkSaveTracker *tracker;
  const BkSaveKind *kind;
  GObject *target;
} Save;

static void
save_free (gpointer data)
{
  Save *save = data;

  g_object_unref (save->target);
  g_free (save);
}

/* Lineage */

/* What this store has written for one object (a page's BkProfile or
 * BkExamApplication), shared with the snapshots of its saves. A save
 * queued before the previous one's result reached the object carries a
 * stale version; it is this object's own write, not a change made
 * elsewhere, so the worker expects the version it wrote last instead.
 * Another object (a second window) has its own lineage and still gets
 * CONFLICT. */
typedef struct
{
  gatomicrefcount ref;
  GMutex mutex;
  gint64 latest;
} Lineage;

static Lineage *
lineage_ref (Lineage *lineage)
{
  g_atomic_ref_count_inc (&lineage->ref);
  return lineage;
}

static void
lineage_unref (gpointer data)
{
  Lineage *lineage = data;

  if (g_atomic_ref_count_dec (&lineage->ref))
    {
      g_mutex_clear (&lineage->mutex);
      g_free (lineage);
    }
}

static GQuark
lineage_quark (void)
{
  return g_quark_from_static_string ("bk-store-lineage");
}

/* On the caller's thread: the lineage of @object, made on first use. */
static Lineage *
lineage_of (GObject *object)
{
  Lineage *lineage = g_object_get_qdata (object, lineage_quark ());

  if (lineage == NULL)
    {
      lineage = g_new0 (Lineage, 1);
      g_atomic_ref_count_init (&lineage->ref);
      g_mutex_init (&lineage->mutex);
      g_object_set_qdata_full (object, lineage_quark (), lineage, lineage_unref);
    }
  return lineage;
}

gint64
bk_save_tracker_expected_version (gpointer snapshot, gint64 version)
{
  Lineage *lineage = g_object_get_qdata (snapshot, lineage_quark ());

  if (lineage == NULL)
    return version;
  g_mutex_lock (&lineage->mutex);
  version = MAX (version, lineage->latest);
  g_mutex_unlock (&lineage->mutex);
  return version;
}

void
bk_save_tracker_written (gpointer snapshot, gint64 version)
{
  Lineage *lineage = g_object_get_qdata (snapshot, lineage_quark ());

  if (lineage == NULL)
    return;
  g_mutex_lock (&lineage->mutex);
  lineage->latest = MAX (version, lineage->latest);
  g_mutex_unlock (&lineage->mutex);
}

/* A copy for the worker, sharing @object's lineage. */
static GObject *
snapshot (const BkSaveKind *kind, GObject *object)
{
  GObject *copy = kind->dup (object);

  g_object_set_qdata_full (copy, lineage_quark (), lineage_ref (lineage_of (object)),
                           lineage_unref);
  return copy;
}

/* Saves, one at a time per record */

static char *
save_key (const BkSaveKind *kind, GObject *object)
{
  return g_strconcat (kind->prefix, kind->get_id (object), NULL);
}

static void start_save (GTask *outer);

static void
save_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;
  Save *save = g_task_get_task_data (outer);
  BkSaveTracker *self = save->tracker;
  g_autofree char *key = save_key (save->kind, save->target);
  g_autoptr (GObject) saved = NULL;
  GError *error = NULL;
  GQueue *waiting;

  saved = g_task_propagate_pointer (G_TASK (result), &error);
  if (saved != NULL)
    {
      save->kind->apply (save->target, saved);
      g_task_return_boolean (outer, TRUE);
    }
  else
    g_task_return_error (outer, error);

  waiting = g_hash_table_lookup (self->saving, key);
  if (waiting != NULL && !g_queue_is_empty (waiting))
    {
      g_autoptr (GTask) next = g_queue_pop_head (waiting);

      start_save (next);
    }
  else
    g_hash_table_remove (self->saving, key);
}

static void
start_save (GTask *outer)
{
  Save *save = g_task_get_task_data (outer);
  g_autoptr (GTask) inner = NULL;

  /* The snapshot is taken now, after any earlier save of the same record
   * has written its version back. The inner task holds the source object
   * (the store, which owns this tracker) until it is done. */
  inner = g_task_new (g_task_get_source_object (outer), g_task_get_cancellable (outer),
                      save_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, start_save);
  /* Once written, the new versions reach the object even if the caller
   * has cancelled meanwhile; the caller's own task still reports that. */
  g_task_set_check_cancellable (inner, FALSE);
  bk_store_worker_run_async (save->tracker->worker, save->kind->job,
                             snapshot (save->kind, save->target), g_object_unref, g_object_unref,
                             inner);
}

void
bk_save_tracker_save_async (BkSaveTracker *self,
                            const BkSaveKind *kind,
                            gpointer source_object,
                            gpointer source_tag,
                            GObject *object,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) outer = g_task_new (source_object, cancellable, callback, user_data);
  g_autofree char *key = save_key (kind, object);
  Save *save = g_new0 (Save, 1);
  GQueue *waiting;

  save->tracker = self;
  save->kind = kind;
  save->target = g_object_ref (object);
  g_task_set_source_tag (outer, source_tag);
  g_task_set_task_data (outer, save, save_free);

  waiting = g_hash_table_lookup (self->saving, key);
  if (waiting != NULL)
    {
      g_queue_push_tail (waiting, g_steal_pointer (&outer));
      return;
    }
  g_hash_table_insert (self->saving, g_steal_pointer (&key), g_queue_new ());
  start_save (outer);
}

gboolean
bk_save_tracker_save (BkSaveTracker *self, const BkSaveKind *kind, GObject *object, GError **error)
{
  g_autoptr (GObject) saved = NULL;

  saved = bk_store_worker_run_sync (self->worker, kind->job, snapshot (kind, object),
                                    g_object_unref, error);
  if (saved == NULL)
    return FALSE;
  kind->apply (object, saved);
  return TRUE;
}

static void
free_waiting (gpointer data)
{
  g_queue_free_full (data, g_object_unref);
}

BkSaveTracker *
bk_save_tracker_new (BkStoreWorker *worker)
{
  BkSaveTracker *self = g_new0 (BkSaveTracker, 1);

  self->worker = worker;
  self->saving = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_waiting);
  return self;
}

void
bk_save_tracker_free (BkSaveTracker *self)
{
  g_hash_table_unref (self->saving);
  g_free (self);
}
