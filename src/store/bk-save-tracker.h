/* bk-save-tracker.h — saves in flight: one at a time per record, and the
 * versions they wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bk-store-worker.h"

G_BEGIN_DECLS

typedef struct _BkSaveTracker BkSaveTracker;

/* How to save one kind of record (BkProfile, BkExamApplication). */
typedef struct
{
  const char *prefix; /* the record's key is prefix + id: "profile:…" */
  /* Runs on the worker with a snapshot; returns it (a new reference),
   * its versions and timestamps updated to what was written. */
  BkStoreJobFunc job;
  GObject *(*dup) (GObject *object);
  const char *(*get_id) (GObject *object);
  /* On the caller's thread: the saved snapshot's versions and timestamps
   * into the object passed in (never its fields). */
  void (*apply) (GObject *target, GObject *saved);
} BkSaveKind;

BkSaveTracker *bk_save_tracker_new (BkStoreWorker *worker);
void bk_save_tracker_free (BkSaveTracker *self);

/* Saves @object from a snapshot taken when its save starts: a second save
 * of the same record waits for the first to finish, so quick successive
 * saves do not conflict with each other. The task's source object is
 * @source_object and its source tag @source_tag; it returns a boolean. */
void bk_save_tracker_save_async (BkSaveTracker *self,
                                 const BkSaveKind *kind,
                                 gpointer source_object,
                                 gpointer source_tag,
                                 GObject *object,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean
bk_save_tracker_save (BkSaveTracker *self, const BkSaveKind *kind, GObject *object, GError **error);

/* On the worker, for a kind's job: the version a snapshot taken at
 * @version stands for (a later one if its object's own earlier save wrote
 * it meanwhile), and the version a save of it wrote. */
gint64 bk_save_tracker_expected_version (gpointer snapshot, gint64 version);
void bk_save_tracker_written (gpointer snapshot, gint64 version);

G_END_DECLS
